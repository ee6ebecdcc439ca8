using System.Text.RegularExpressions;
using Assessment.Domain.Model;
using Assessment.Import;

namespace Assessment.Tests.Import;

/// <summary>
/// Variants of the seed reports written the way other districts' and other years' reports are laid out, each with
/// the dataset a right import gives: the seed's own import, changed only where the variant changes what the report
/// says. Grouped in families (heading forms, tables of contents, the tab layout, the flattened layout's fallbacks,
/// columns, cell values, page breaks) so that <see cref="ImportScore"/> can say per family how much is read right.
/// </summary>
internal static class ImportVariants
{
    internal sealed record Variant(string Family, string Name, Func<(RawDataset Expected, string Text)> Make)
    {
        public override string ToString() => $"{Family}/{Name}";
    }

    private const string AnnualSeed = "000_77495519fac0431a.txt";
    private const string TertialSeed = "001_9521fb7e6e23d8f1.txt";
    private const string PlanSeed = "003_ce6ff41ba5d2322e.txt";

    private static readonly Lazy<string> AnnualText = new(() => File.ReadAllText(Repo.Seed(AnnualSeed)));
    private static readonly Lazy<string> TertialText = new(() => File.ReadAllText(Repo.Seed(TertialSeed)));
    private static readonly Lazy<string> PlanText = new(() => File.ReadAllText(Repo.Seed(PlanSeed)));

    public static RawDataset Import(string text) => ReportImporter.Import(text, "variant.txt").Dataset;

    private static RawDataset Annual() => Import(AnnualText.Value);
    private static RawDataset Tertial() => Import(TertialText.Value);
    private static RawDataset Plan() => Import(PlanText.Value);

    /// <summary>The two seeds whose tables carry outcomes, by name: the flattened annual report and the tab-separated tertial report.</summary>
    private static readonly (string Name, Func<RawDataset> Read)[] Reports = [("VB", Annual), ("T1", Tertial)];

    /// <summary>A copy of a dataset with every value cell passed through <paramref name="cell"/> (null drops the cell).</summary>
    public static RawDataset Copy(RawDataset source, Func<string, string, string?>? cell = null)
    {
        var copy = new RawDataset { District = source.District, Period = source.Period, Source = source.Source };
        RawGoal Goal(RawGoal g)
        {
            var goal = new RawGoal(g.Level, g.Id, g.Title, g.Line) { Recorded = g.Recorded };
            goal.Analysis.AddRange(g.Analysis);
            goal.Description.AddRange(g.Description);
            goal.ExpectedResults.AddRange(g.ExpectedResults);
            goal.Indicators.AddRange(g.Indicators.Select(Row));
            goal.Activities.AddRange(g.Activities.Select(Row));
            goal.Children.AddRange(g.Children.Select(Goal));
            return goal;
        }
        RawRow Row(RawRow r)
        {
            var row = new RawRow(r.Line);
            foreach (var (key, value) in r.Cells)
                if ((key == "namn" || cell is null ? value : cell(key, value)) is { } kept) row.Cells[key] = kept;
            row.Notes.AddRange(r.Notes);
            return row;
        }
        copy.Goals.AddRange(source.Goals.Select(Goal));
        return copy;
    }

    /// <summary>Replaces every match and asserts there was one.</summary>
    private static string RewriteAll(string text, string pattern, MatchEvaluator replacement)
    {
        var regex = new Regex(pattern, RegexOptions.Multiline);
        regex.IsMatch(text).ShouldBeTrue(pattern);
        return regex.Replace(text, replacement);
    }

    private static string RewriteAll(string text, string pattern, string replacement) => RewriteAll(text, pattern, m => m.Result(replacement));

    /// <summary>Every tab-separated line as a Markdown table row, a line of dashes under each table header.</summary>
    private static string AsMarkdown(string text, bool outer = true) => string.Join('\n', text.Split('\n').SelectMany(line =>
    {
        if (!line.Contains('\t')) return [line];
        var cells = line.Split('\t');
        var row = outer ? $"| {string.Join(" | ", cells)} |" : string.Join(" | ", cells);
        var dashes = string.Join("|", cells.Select(_ => "---"));
        return cells[0] is "Indikator" or "Aktivitet" ? [row, outer ? $"|{dashes}|" : dashes] : new[] { row };
    }));

    /// <summary>The heading as the seeds write it: "KF:s inriktningsmål: 1. …", "KF:s mål för verksamhetsområdet: 1.1 …", "Nämndmål: 1.1.1 …".</summary>
    private static string SeedHeading(RawGoal g) => g.Level switch
    {
        GoalLevel.DirectionGoal => $"KF:s inriktningsmål: {g.Id}. {g.Title}",
        GoalLevel.ServiceAreaGoal => $"KF:s mål för verksamhetsområdet: {g.Id} {g.Title}",
        _ => $"Nämndmål: {g.Id} {g.Title}",
    };

    private static Variant Written(string family, string name, string report, FlatReportWriter writer, Func<RawDataset, RawDataset>? expected = null) =>
        new(family, $"{name} ({report})", () =>
        {
            var original = Reports.Single(r => r.Name == report).Read();
            var wanted = expected?.Invoke(original) ?? original;
            return (wanted, writer.Write(wanted));
        });

    private static IEnumerable<Variant> BothReports(string family, string name, FlatReportWriter writer, Func<RawDataset, RawDataset>? expected = null) =>
        Reports.Select(r => Written(family, name, r.Name, writer, expected));

    public static IEnumerable<Variant> All() =>
        Headings().Concat(TablesOfContents()).Concat(TabLayout()).Concat(FlatFallbacks()).Concat(Columns()).Concat(Values()).Concat(Pages())
            .Concat(Deviations()).Concat(ReportForms()).Concat(Combinations());

    // --- Several habits in one report, as another district's report has them all at once ---

    private static IEnumerable<Variant> Combinations()
    {
        const string family = "kombinationer";
        static string Dashed(RawGoal g) => g.Level switch
        {
            GoalLevel.DirectionGoal => $"Inriktningsmål {g.Id} – {g.Title}",
            GoalLevel.ServiceAreaGoal => $"KF:s mål för verksamhetsområdet {g.Id} – {g.Title}",
            _ => $"Nämndmål {g.Id} – {g.Title}",
        };
        static string Numbered(RawGoal g) => g.Level == GoalLevel.DirectionGoal ? $"{g.Id}. {g.Title}" : $"{g.Id} {g.Title}";
        static string? Colour(int n) => (n % 3) switch { 0 => "Grön", 1 => "Gul", _ => "Röd" };
        static string? Label(bool indicators, int n) => indicators ? "Indikatorer" : "Aktiviteter:";
        foreach (var (report, columns) in new[] { ("VB", AnnualColumns), ("T1", TertialColumns) })
        {
            yield return Written(family, "tankstreck i rubrikerna, status sist, tabellrubriker, Bedömning:, värdena mitt i namnen", report, new FlatReportWriter
            {
                Heading = Dashed, Columns = [.. columns, "status"], Status = Colour, TableLabel = Label,
                RatingLine = r => $"Bedömning: Uppfylls {r}", ValuesMidName = true,
            });
            yield return Written(family, "bara nummer i rubrikerna, Enhet, sidbrytningar med sidmatning, kolumnhuvud radvis", report, new FlatReportWriter
            {
                Heading = Numbered, Columns = ["enhet", .. columns], Unit = _ => "antal", HeaderAcross = true,
                PageBetweenRowsEvery = 3, PageBetweenRows = "{district}, {title} {0}(90) \n\f",
            });
            yield return Written(family, "KF-indikator, aktiviteternas status, x under datumen, Målet bedöms …", report, new FlatReportWriter
            {
                HeaderText = h => h.Replace("Indikator", "KF-indikator"), ActivityStatus = n => n % 2 == 0 ? "Pågående" : null,
                DeviationFlag = "x", DeviationAt = FlatReportWriter.DeviationPlace.NextLine,
                RatingLine = r => $"Målet bedöms bli {(r == "inte" ? "ej" : r)} uppfyllt",
            }, EveryThirdFlagged);
            yield return Written(family, "inriktningsmålen utan rubrik, KF:s indikator med okänd kolumn Trend, aktiviteternas Kommentar, titeln i versaler", report, new FlatReportWriter
            {
                Heading = g => g.Level == GoalLevel.DirectionGoal ? "" : SeedHeading(g), Columns = [.. columns, "?Trend"],
                HeaderText = h => h.Replace("   Indikator ", "   KF:s indikator "), ActivityComment = n => n % 2 == 0 ? "Se analys" : null,
                TitleText = t => t.ToUpperInvariant(),
            }, d => EveryThirdFlagged(WithoutHeadings(GoalLevel.DirectionGoal)(d)));
            yield return Written(family, "namnkolumnerna utan rubrik, titeln med \"för\", Bedömning:", report, new FlatReportWriter
            {
                HeaderText = h => Regex.Replace(h, @"^(\s*)(?:Indikator|Aktivitet) ", "$1"), TitleText = t => Regex.Replace(t, @" (?=\d{4}$)", " för "),
                RatingLine = r => $"Bedömning: Uppfylls {r}",
            });
        }
    }

    // --- Heading forms ---

    private static string Last(string id) => id.Split('.')[^1];

    /// <summary>The goal's number under its parent as a letter: 1.3.2 is "b".</summary>
    private static char Letter(string id) => (char)('a' + int.Parse(Last(id)) - 1);

    private static IEnumerable<Variant> Headings()
    {
        const string family = "rubriker";
        var forms = new (string Name, Func<RawGoal, string> Heading)[]
        {
            ("Inriktningsmål 2 Titel", g => g.Level switch
            {
                GoalLevel.DirectionGoal => $"Inriktningsmål {g.Id} {g.Title}",
                GoalLevel.ServiceAreaGoal => $"Verksamhetsområdesmål {g.Id} {g.Title}",
                _ => $"Nämndmål {g.Id} {g.Title}",
            }),
            // The labels spelt out, as older reports and other districts write them.
            ("Kommunfullmäktiges inriktningsmål: 2. Titel, Stadsdelsnämndens mål", g => g.Level switch
            {
                GoalLevel.DirectionGoal => $"Kommunfullmäktiges inriktningsmål: {g.Id}. {g.Title}",
                GoalLevel.ServiceAreaGoal => $"Kommunfullmäktiges mål för verksamhetsområdet: {g.Id} {g.Title}",
                _ => $"Stadsdelsnämndens mål: {g.Id} {g.Title}",
            }),
            ("Inriktningsmål 2: Titel", g => g.Level switch
            {
                GoalLevel.DirectionGoal => $"Inriktningsmål {g.Id}: {g.Title}",
                GoalLevel.ServiceAreaGoal => $"Mål för verksamhetsområdet {g.Id}: {g.Title}",
                _ => $"Nämndens mål {g.Id}: {g.Title}",
            }),
            ("KF:s mål för verksamhetsområdet 1.2 Titel", g => g.Level switch
            {
                GoalLevel.DirectionGoal => $"KF:s inriktningsmål {g.Id}. {g.Title}",
                GoalLevel.ServiceAreaGoal => $"KF:s mål för verksamhetsområdet {g.Id} {g.Title}",
                _ => $"Nämndmål {g.Id}. {g.Title}",
            }),
            ("Verksamhetsområdesmål: 1.2 och Nämndens mål utan nummer", g => g.Level switch
            {
                GoalLevel.DirectionGoal => $"Inriktningsmål: {g.Id}. {g.Title}",
                GoalLevel.ServiceAreaGoal => $"Verksamhetsområdesmål: {g.Id} {g.Title}",
                _ => $"Nämndens mål: {g.Title}",
            }),
            ("Nämndmål numrerade under sitt mål", g => g.Level switch
            {
                GoalLevel.BoardGoal => $"Nämndmål {Last(g.Id)}: {g.Title}",
                _ => SeedHeading(g),
            }),
            ("Verksamhetsområdesmål och nämndmål numrerade under sitt mål", g => g.Level switch
            {
                GoalLevel.DirectionGoal => $"Inriktningsmål {g.Id}: {g.Title}",
                GoalLevel.ServiceAreaGoal => $"Verksamhetsområdesmål {Last(g.Id)}: {g.Title}",
                _ => $"Nämndmål {Last(g.Id)}: {g.Title}",
            }),
            ("KF:s mål för verksamhetsområdet: 2 under sitt mål", g => g.Level switch
            {
                GoalLevel.ServiceAreaGoal => $"KF:s mål för verksamhetsområdet: {Last(g.Id)} {g.Title}",
                _ => SeedHeading(g),
            }),
            ("Nämndmål a), b) under sitt mål", g => g.Level switch
            {
                GoalLevel.BoardGoal => $"Nämndmål {Letter(g.Id)}) {g.Title}",
                _ => SeedHeading(g),
            }),
            ("Verksamhetsområdesmål a) och Nämndens mål: a)", g => g.Level switch
            {
                GoalLevel.DirectionGoal => $"Inriktningsmål {g.Id}: {g.Title}",
                GoalLevel.ServiceAreaGoal => $"Verksamhetsområdesmål {Letter(g.Id)}) {g.Title}",
                _ => $"Nämndens mål: {Letter(g.Id)}) {g.Title}",
            }),
            // The number and the title parted by a dash, as a report's heading style may set them.
            ("Nämndmål 1.1.1 – Titel", g => g.Level switch
            {
                GoalLevel.DirectionGoal => $"Inriktningsmål {g.Id} – {g.Title}",
                GoalLevel.ServiceAreaGoal => $"KF:s mål för verksamhetsområdet {g.Id} - {g.Title}",
                _ => $"Nämndmål {g.Id} – {g.Title}",
            }),
            ("KF:s inriktningsmål: 1 – Titel", g => g.Level switch
            {
                GoalLevel.DirectionGoal => $"KF:s inriktningsmål: {g.Id} – {g.Title}",
                GoalLevel.ServiceAreaGoal => $"KF:s mål för verksamhetsområdet: {g.Id} – {g.Title}",
                _ => $"Nämndmål: {g.Id} - {g.Title}",
            }),
            // No label at all: the number's depth says the level.
            ("bara nummer och titel (1.2.1 Titel)", g => g.Level == GoalLevel.DirectionGoal ? $"{g.Id}. {g.Title}" : $"{g.Id} {g.Title}"),
            // The label as a line of its own above the number and the title.
            ("rubrikordet på egen rad ovanför numret", g => g.Level switch
            {
                GoalLevel.DirectionGoal => $"KF:s inriktningsmål \n{g.Id}. {g.Title}",
                GoalLevel.ServiceAreaGoal => $"KF:s mål för verksamhetsområdet \n{g.Id} {g.Title}",
                _ => $"Nämndmål \n{g.Id} {g.Title}",
            }),
            ("versaler", g => SeedHeading(g).ToUpperInvariant()),
            ("rubrikord i versaler", g => g.Level switch
            {
                GoalLevel.DirectionGoal => $"INRIKTNINGSMÅL {g.Id}: {g.Title}",
                GoalLevel.ServiceAreaGoal => $"VERKSAMHETSOMRÅDESMÅL {g.Id}: {g.Title}",
                _ => $"NÄMNDMÅL {g.Id}: {g.Title}",
            }),
            // The city's goal for the area named as one word after whose it is: "KF:s verksamhetsområdesmål 1.2: …".
            ("KF:s verksamhetsområdesmål 1.2: Titel", g => g.Level switch
            {
                GoalLevel.ServiceAreaGoal => $"KF:s verksamhetsområdesmål {g.Id}: {g.Title}",
                _ => SeedHeading(g),
            }),
            ("Kommunfullmäktiges verksamhetsområdesmål 1.2 Titel", g => g.Level switch
            {
                GoalLevel.ServiceAreaGoal => $"Kommunfullmäktiges verksamhetsområdesmål {g.Id} {g.Title}",
                _ => SeedHeading(g),
            }),
            ("blanksteg och hårda blanksteg", g => g.Level switch
            {
                GoalLevel.DirectionGoal => $"KF:s inriktningsmål:\u00A0{g.Id}.\u00A0{g.Title}\u00A0\u00A0",
                GoalLevel.ServiceAreaGoal => $"KF:s mål för verksamhetsområdet:  {g.Id}  {g.Title}    ",
                _ => $"Nämndmål:\u00A0{g.Id}\u00A0{g.Title} \u00A0",
            }),
        };
        foreach (var v in forms.SelectMany(f => BothReports(family, f.Name, new FlatReportWriter { Heading = f.Heading })))
            yield return v;
        yield return new Variant(family, "rubrikordet på egen rad ovanför numret (tabb)", () =>
            (Tertial(), RewriteAll(TertialText.Value, @"^(\W*)(KF:s inriktningsmål|KF:s mål för verksamhetsområdet|Nämndmål): (?=\d)", "$1$2\n")));
        // Slips in the nämndmål's numbers, mended from their place (Mends): numbered as under the verksamhetsområdesmål before,
        // or with the number of the nämndmål before them – each read back as the number its place gives.
        static string Renumbered(RawGoal g, Func<int[], int[]> slip) =>
            g.Level == GoalLevel.BoardGoal ? $"Nämndmål: {string.Join('.', slip([.. g.Id.Split('.').Select(int.Parse)]))} {g.Title}" : SeedHeading(g);
        foreach (var v in BothReports(family, "nämndmål numrerade under verksamhetsområdesmålet före",
                     new FlatReportWriter { Heading = g => Renumbered(g, n => n[1] > 1 ? [n[0], n[1] - 1, n[2]] : n) }))
            yield return v;
        foreach (var v in BothReports(family, "nämndmål med numret av nämndmålet före",
                     new FlatReportWriter { Heading = g => Renumbered(g, n => n[2] > 1 ? [n[0], n[1], n[2] - 1] : n) }))
            yield return v;
        // A level's headings missing (written in a form not known, or lost in extraction) with nothing of their own: the
        // goals below still come, each parent opened from their numbers without a title (ReportImporter.State.Untitled).
        foreach (var (name, level) in new[] { ("inriktningsmålen utan rubrik", GoalLevel.DirectionGoal), ("verksamhetsområdesmålen utan rubrik", GoalLevel.ServiceAreaGoal) })
            foreach (var v in BothReports(family, name, new FlatReportWriter { Heading = g => g.Level == level ? "" : SeedHeading(g) }, WithoutHeadings(level)))
                yield return v;
        // The same headings missing with the goals' own rating, text and tables kept: what follows a second rating line
        // is a goal's without its heading, which the next goal's number names (the verksamhetsområdesmål's KF tables were lost).
        foreach (var (name, levels) in new[]
                 {
                     ("inriktningsmålen utan rubrik, med betyg och text", new[] { GoalLevel.DirectionGoal }),
                     ("verksamhetsområdesmålen utan rubrik, med betyg, text och tabeller", [GoalLevel.ServiceAreaGoal]),
                     ("inriktnings- och verksamhetsområdesmålen utan rubrik, med innehåll", [GoalLevel.DirectionGoal, GoalLevel.ServiceAreaGoal]),
                 })
            foreach (var v in BothReports(family, name, new FlatReportWriter { Heading = g => levels.Contains(g.Level) ? "" : SeedHeading(g) }, Untitled(levels)))
                yield return v;
        // …and the last verksamhetsområdesmål under each inriktningsmål without nämndmål: no later number names it, so it is the
        // next of the level whose headings the report lacks.
        foreach (var v in BothReports(family, "verksamhetsområdesmålen utan rubrik, det sista utan nämndmål",
                     new FlatReportWriter { Heading = g => g.Level == GoalLevel.ServiceAreaGoal ? "" : SeedHeading(g) }, d =>
                     {
                         var copy = Untitled([GoalLevel.ServiceAreaGoal])(d);
                         foreach (var direction in copy.Goals) direction.Children[^1].Children.Clear();
                         return copy;
                     }))
            yield return v;
        yield return new Variant(family, "verksamhetsområdesmålen utan rubrik, med betyg, text och tabeller (tabb)", () =>
            (Untitled([GoalLevel.ServiceAreaGoal])(Tertial()), RewriteAll(TertialText.Value, @"^KF:s mål för verksamhetsområdet: \d+\.\d+ [^\t\n]*$", "")));
    }

    /// <summary>The goals of the given levels without a title, as the importer opens a goal whose heading is missing (<see cref="ReportImporter.State.Untitled"/>).</summary>
    private static Func<RawDataset, RawDataset> Untitled(GoalLevel[] levels) => d =>
    {
        var copy = Copy(d);
        foreach (var goal in copy.AllGoals().Where(g => levels.Contains(g.Level))) goal.Title = ReportImporter.State.Untitled;
        return copy;
    };

    /// <summary>The goals of a level without a heading and anything of their own (text, rating, rows): untitled, as the importer opens them.</summary>
    private static Func<RawDataset, RawDataset> WithoutHeadings(GoalLevel level) => d =>
    {
        var copy = Untitled([level])(d);
        foreach (var goal in copy.AllGoals().Where(g => g.Level == level)) Bare(goal);
        return copy;
    };

    /// <summary>Leaves a goal nothing of its own: no rating, text or rows.</summary>
    private static void Bare(RawGoal goal)
    {
        goal.Recorded = null;
        goal.Analysis.Clear();
        goal.Description.Clear();
        goal.ExpectedResults.Clear();
        goal.Indicators.Clear();
        goal.Activities.Clear();
    }

    // --- Tables of contents ---

    private static IEnumerable<Variant> TablesOfContents()
    {
        const string family = "innehållsförteckning";
        var forms = new (string Name, Func<string, int, string> Entry)[]
        {
            ("punktledare", (h, p) => $"{h} ........................ {p}"),
            ("punktledare utan mellanrum", (h, p) => $"{h}........{p}"),
            ("glesa punkter", (h, p) => $"{h} . . . . . . . . {p}"),
            ("ellips som ledare", (h, p) => $"{h} …………… {p}"),
            ("tabb", (h, p) => $"{h}\t{p}"),
            ("tabellrad", (h, p) => $"| {h} | {p} |"),
            ("utan sidnummer", (h, _) => h),
        };
        foreach (var (name, entry) in forms)
        {
            foreach (var (report, read, text) in new[] { ("VB", (Func<RawDataset>)Annual, AnnualText), ("T1", Tertial, TertialText) })
            {
                yield return new Variant(family, $"{name} ({report})", () =>
                {
                    var original = read();
                    var entries = original.AllGoals().Where(g => g.Level != GoalLevel.BoardGoal || name != "utan sidnummer")
                        .Select((g, n) => entry(SeedHeading(g), n + 4));
                    return (original, "Innehållsförteckning \n\n" + string.Join(" \n", entries) + " \n\n" + text.Value);
                });
            }
        }
        // A contents list of the nämndmål only: each entry opens its parents from its number, untitled, and the report's own
        // headings then give them their titles, and their own goals replace the entries.
        foreach (var (report, read, text) in new[] { ("VB", (Func<RawDataset>)Annual, AnnualText), ("T1", Tertial, TertialText) })
            yield return new Variant(family, $"bara nämndmålen ({report})", () =>
            {
                var original = read();
                var entries = original.AllGoals().Where(g => g.Level == GoalLevel.BoardGoal).Select((g, n) => $"{SeedHeading(g)} ........ {n + 4}");
                return (original, "Innehållsförteckning \n\n" + string.Join(" \n", entries) + " \n\n" + text.Value);
            });
        foreach (var v in HeadingRuns(family))
            yield return v;
    }

    /// <summary>
    /// The goal tree with nothing of its own on the upper two levels (no rating, text or table): each inriktningsmål,
    /// its first verksamhetsområdesmål and that one's first nämndmål are headings in a row, as a contents list without
    /// page numbers has them – but given once, so they are the goal tree.
    /// </summary>
    private static IEnumerable<Variant> HeadingRuns(string family) =>
        BothReports(family, "rubriker i följd som inte kommer igen (målträdet)", new FlatReportWriter(), d =>
        {
            var copy = Copy(d);
            foreach (var goal in copy.AllGoals().Where(g => g.Level != GoalLevel.BoardGoal)) Bare(goal);
            return copy;
        });

    // --- The tab layout (the tertial report's seed, rewritten) ---

    private const string TabRow = @"^( +[^\t\n]+)(\t[^\n]*)$";

    /// <summary>An indicator row of the tab layout: the name, then its cells up to its Period.</summary>
    private const string TabIndicatorRow = @"^( +[^\t\n]+)((?:\t[^\t\n]*)+\t(?:Tertial 1 )?\d{4})$";

    /// <summary>Every value cell of every indicator row passed through <paramref name="cell"/>; names stay.</summary>
    private static string RewriteCells(string text, Func<string, string> cell) =>
        RewriteAll(text, TabIndicatorRow, m => m.Groups[1].Value + string.Concat(m.Groups[2].Value.Split('\t').Skip(1).Select(c => "\t" + cell(c))));

    private static IEnumerable<Variant> TabLayout()
    {
        const string family = "tabbar";
        // The same tables written as Markdown ("| Indikator | Periodens utfall | … |" and a line of dashes under the header),
        // as a report converted by another tool gives them.
        yield return new Variant(family, "som Markdown-tabeller", () => (Tertial(), AsMarkdown(TertialText.Value)));
        yield return new Variant(family, "som Markdown-tabeller utan yttre streck", () => (Tertial(), AsMarkdown(TertialText.Value, outer: false)));
        yield return new Variant(family, "tom första cell på raderna", () =>
            (Tertial(), RewriteAll(TertialText.Value, TabRow, "\t$1$2")));
        yield return new Variant(family, "tom första cell på rader och huvud", () =>
            (Tertial(), RewriteAll(RewriteAll(TertialText.Value, TabRow, "\t$1$2"), @"^(Indikator|Aktivitet)\t", "\t$1\t")));
        yield return new Variant(family, "okänd kolumn efter namnet", () =>
        {
            var text = RewriteAll(TertialText.Value, @"^Indikator\t", "Indikator\tEnhet\t");
            var rows = 0;
            // Every indicator row (a name and at least one more cell, maybe after an empty first cell), not the header,
            // a note or the tail of a name after a page break.
            text = RewriteAll(text, @"^(?!Indikator\t|Analys|Kommentar)([ \t]*[^\t\n ][^\t\n]*)((?:\t[^\t\n]*){6,})$", m =>
                m.Groups[2].Value.Split('\t').Count(c => c.Trim().Length > 0) == 0 ? m.Value
                    : $"{m.Groups[1].Value}\t{(++rows % 2 == 0 ? "procent" : "")}{m.Groups[2].Value}");
            return (Tertial(), text);
        });
        yield return new Variant(family, "okänd kolumn sist", () =>
        {
            var text = RewriteAll(TertialText.Value, @"^(Indikator\t.*\tPeriod)$", "$1\tKommentar");
            var rows = 0;
            text = RewriteAll(text, @"^(  [^\t\n]+\t[^\n]*\t(?:Tertial 1 )?\d{4})$", m => $"{m.Value}\t{(++rows % 3 == 0 ? "Se analys" : "")}");
            return (Tertial(), text);
        });
        foreach (var (name, yes, no) in new[] { ("Ja/Nej", "Ja", "Nej"), ("x/tom", "x", ""), ("Avvikelse/-", "Avvikelse", "-"), ("ja/nej", "ja", "nej") })
        {
            yield return new Variant(family, $"avvikelse {name}", () => TabDeviations(yes, no));
        }
        foreach (var (name, space) in new[] { ("hårda blanksteg i värdena (U+00A0)", '\u00A0'), ("smala hårda blanksteg i värdena (U+202F)", '\u202F') })
        {
            // Thousands groups ("14 762 st") and the space before a unit ("59 %") as the report's typesetting writes them.
            yield return new Variant(family, name, () =>
                (Tertial(), RewriteCells(TertialText.Value, c => Regex.Replace(c, @"(?<=\d) (?=\d{3}\b|%|st\b)", space.ToString()))));
        }
        yield return new Variant(family, "decimalpunkt", () =>
            (Tertial(), RewriteCells(TertialText.Value, c => Regex.Replace(c, @"(?<=\d),(?=\d)", "."))));
        // A header cell with a qualifier after its spelling is that column; a cell that starts like a known one but goes
        // on with other words ("Prognos föregående tertial") is a column the importer does not know.
        yield return new Variant(family, "kolumnrubriker med tillägg (Utfall (antal), Period (tertial))", () =>
        {
            var text = RewriteAll(TertialText.Value, @"^Indikator\tPeriodens utfall\t(.*)\tUtfall VB (\d{4})\tPrognos helår\t(.*)\tPeriod(?=\t?$)",
                "Indikator\tUtfall (antal)\t$1\tUtfall föregående år (VB $2)\tPrognos helår, antal\t$3\tPeriod (tertial)");
            return (Tertial(), text);
        });
        yield return new Variant(family, "kolumnrubriker med året (Periodens utfall 2026, Prognos helår 2026)", () =>
            (Tertial(), RewriteAll(TertialText.Value, @"^Indikator\tPeriodens utfall\t(.*)\tPrognos helår\t", "Indikator\tPeriodens utfall 2026\t$1\tPrognos helår 2026\t")));
        // With the report's own period instead: the column it names, not an unknown one.
        yield return new Variant(family, "kolumnrubriker med rapportens period (Utfall T1 2026, Prognos helår tertial 1)", () =>
            (Tertial(), RewriteAll(TertialText.Value, @"^Indikator\tPeriodens utfall\t(.*)\tPrognos helår\t", "Indikator\tUtfall T1 2026\t$1\tPrognos helår tertial 1\t")));
        yield return new Variant(family, "okända kolumner sist som börjar som kända (Utfall föregående tertial)", () =>
        {
            var text = RewriteAll(TertialText.Value, @"^(Indikator\t.*\tPeriod)$", "$1\tUtfall föregående tertial\tPrognos föregående tertial");
            var rows = 0;
            text = RewriteAll(text, @"^(  [^\t\n]+\t[^\n]*\t(?:Tertial 1 )?\d{4})$", m => ++rows % 3 == 0 ? $"{m.Value}\t{rows} st\t{rows + 1} st" : m.Value);
            return (Tertial(), text);
        });
        // An indicator whose Period cell is empty or no period ("Löpande"): the likely periodicity, as Mends guesses it from the
        // row (a period outcome in a tertial report: Tertial; else År), in tab-separated and Markdown tables.
        foreach (var (name, cell) in new[] { ("tom", ""), ("Löpande", "Löpande") })
        {
            yield return new Variant(family, $"period {name} i var tredje indikator", () => TabPeriodless(cell));
            yield return new Variant(family, $"period {name} i var tredje indikator, som Markdown", () => TabPeriodless(cell) is var (expected, text) ? (expected, AsMarkdown(text)) : default);
        }
        // An activity's date cell that is no date: left empty (Mends).
        yield return new Variant(family, "datumceller som inga datum (Löpande, Pågående)", () => TabRowsRewritten(indicators: false, (n, cells) =>
        {
            if (n % 3 == 0) cells[1] = "Löpande";
            if (n % 5 == 0) cells[2] = "Pågående";
            return n % 3 == 0 || n % 5 == 0;
        }, (n, row) =>
        {
            if (n % 3 == 0) row.Cells.Remove("start");
            if (n % 5 == 0) row.Cells.Remove("slut");
        }));
        yield return new Variant(family, "\"–\" i tomma celler", () =>
            (Tertial(), RewriteCells(TertialText.Value, c => c.Length == 0 ? "–" : c)));
        yield return new Variant(family, "sidfot mellan raderna", () =>
        {
            var rows = 0;
            var text = RewriteAll(TertialText.Value, TabRow, m => ++rows % 4 == 0
                ? $"{m.Value}\n\nHässelby-Vällingby stadsdelsnämnd, Tertialrapport 1 2026 {rows / 4 + 5}(60)\n\nHässelby-Vällingby stadsdelsnämnd\n"
                : m.Value);
            return (Tertial(), text);
        });
    }

    // --- The flattened layout's fallbacks (the annual report's seed, rewritten) ---

    private static IEnumerable<Variant> FlatFallbacks()
    {
        const string family = "platt reserv";
        yield return new Variant(family, "styckets slut efter tabellhuvudet", () =>
        {
            // A page break moves the last line of the paragraph above a table below the table's header.
            var header = "   Indikator Periodens \nutfall \n\nUtfall \nmän/ \npojkar \n\nUtfall \nkvinnor/ \nflickor \n\nUtfall VB \n2022 Årsmål KF:s \n\nårsmål Period \n\n";
            var text = AnnualText.Value;
            var at = text.IndexOf("sitt tillstånd indraget. \n\n" + header, StringComparison.Ordinal);
            at.ShouldBeGreaterThan(0);
            text = text.Remove(at, "sitt tillstånd indraget. \n\n".Length).Insert(at + header.Length, "sitt tillstånd indraget. \n\n");
            return (Annual(), text);
        });
        yield return new Variant(family, "löptext med tal efter tabellen", () =>
        {
            const string prose = "Under året har 12 nya platser tillkommit och 3 har avvecklats under 2023";
            var text = AnnualText.Value;
            var at = text.IndexOf("  Förskollärartäthet 13 st    15,5 st 15,5 VB 2023 \n\n", StringComparison.Ordinal);
            at.ShouldBeGreaterThan(0);
            text = text.Insert(at + "  Förskollärartäthet 13 st    15,5 st 15,5 VB 2023 \n\n".Length, prose + " \n\n");
            var expected = Annual();
            expected.AllGoals().Single(g => g.Indicators.Any(i => i.Name == "Förskollärartäthet")).Analysis.Add(prose);
            return (expected, text);
        });
        foreach (var (name, tertial, year) in new[] { ("T1 2026 och År 2026", "T1 2026", "År 2026"), ("Tertial och År", "Tertial", "År"), ("Helår 2026", "Tertial 1 2026", "Helår 2026"),
                     ("Tertial 1, 2026 och År, 2026", "Tertial 1, 2026", "År, 2026"), ("T1, 2026", "T1, 2026", "2026") })
        {
            yield return new Variant(family, $"period {name}", () =>
            {
                var original = Tertial();
                return (original, new FlatReportWriter { PeriodCell = p => p.StartsWith("Tertial", StringComparison.Ordinal) ? tertial : year }.Write(original));
            });
        }
        // Every third activity's dates the wrong way round: read back in order (Mends), marked uncertain.
        yield return new Variant(family, "aktiviteternas datum i omvänd ordning (tabb)", () =>
        {
            var n = 0;
            return (Tertial(), RewriteAll(TertialText.Value, @"\t(\d{4}-\d\d-\d\d)\t(\d{4}-\d\d-\d\d)(?=\t|$)",
                m => ++n % 3 == 0 ? $"\t{m.Groups[2].Value}\t{m.Groups[1].Value}" : m.Value));
        });
        yield return new Variant(family, "period T1, 2026 (tabb)", () => (Tertial(), RewriteAll(TertialText.Value, "\tTertial 1 2026", "\tT1, 2026")));
    }

    // --- Columns: order, gender split, the city's target ---

    private static readonly string[] TertialColumns = ["utfall", "utfall_man", "utfall_kvinnor", "utfall_forra_aret", "prognos", "arsmal", "kf_arsmal", "period"];
    private static readonly string[] AnnualColumns = ["utfall", "utfall_man", "utfall_kvinnor", "utfall_forra_aret", "arsmal", "kf_arsmal", "period"];

    private static IEnumerable<Variant> ColumnsOf(string family, string name, Func<string[], string[]> columns, bool shortGender = false)
    {
        foreach (var (report, all) in new[] { ("VB", AnnualColumns), ("T1", TertialColumns) })
        {
            var kept = columns(all);
            yield return Written(family, name, report, new FlatReportWriter { Columns = kept, ShortGenderHeaders = shortGender },
                d => Copy(d, (key, value) => key is "periodicitet" or "start" or "slut" or "avvikelse" || kept.Contains(key) ? value : null));
        }
    }

    private static IEnumerable<Variant> Columns()
    {
        const string family = "kolumner";
        // Columns the importer does not know ("Trend", "Källa", "Kommentar"): empty, "–" or a few words after Period; left.
        foreach (var (report, all) in new[] { ("VB", AnnualColumns), ("T1", TertialColumns) })
        {
            yield return Written(family, "okänd kolumn Trend sist, tom", report, new FlatReportWriter { Columns = [.. all, "?Trend"] });
            yield return Written(family, "okänd kolumn Trend efter namnet, tom", report, new FlatReportWriter { Columns = ["?Trend", .. all] });
            yield return Written(family, "okänd kolumn Källa före årsmålet, \"–\"", report, new FlatReportWriter
            {
                Columns = [.. all.TakeWhile(k => k != "arsmal"), "?Källa", .. all.SkipWhile(k => k != "arsmal")], Other = (_, _) => "–",
            });
            yield return Written(family, "okänd kolumn Kommentar sist, ord på var tredje rad", report, new FlatReportWriter
            {
                Columns = [.. all, "?Kommentar"], Other = (_, n) => n % 3 == 0 ? "Se analys" : null,
            });
        }
        foreach (var v in ColumnsOf(family, "mål före förra årets utfall", c => [.. c.Where(k => k is not ("utfall_forra_aret" or "period")), "utfall_forra_aret", "period"])
            .Concat(ColumnsOf(family, "KF:s årsmål före årsmålet, kvinnor före män",
                c => [.. c.Select(k => k switch { "arsmal" => "kf_arsmal", "kf_arsmal" => "arsmal", "utfall_man" => "utfall_kvinnor", "utfall_kvinnor" => "utfall_man", _ => k })]))
            .Concat(ColumnsOf(family, "utan könsuppdelning", c => [.. c.Where(k => k is not ("utfall_man" or "utfall_kvinnor"))]))
            .Concat(ColumnsOf(family, "Män och Kvinnor som rubriker", c => c, shortGender: true))
            .Concat(ColumnsOf(family, "utan KF:s årsmål", c => [.. c.Where(k => k != "kf_arsmal")]))
            .Concat(ColumnsOf(family, "utan KF:s årsmål och könsuppdelning", c => [.. c.Where(k => k is not ("kf_arsmal" or "utfall_man" or "utfall_kvinnor"))])))
            yield return v;
    }

    // --- Cell values: units, decimal point, missing values, footnote markers ---

    private static bool IsValue(string key) => key is not ("namn" or "periodicitet" or "start" or "slut" or "avvikelse");

    private static IEnumerable<Variant> Values()
    {
        const string family = "värden";
        // Bare figures get units in turn (a share only below 100), and every other share loses its space ("59%").
        static Func<RawDataset, RawDataset> WithUnits(string[] units) => d =>
        {
            var n = 0;
            return Copy(d, (key, value) => IsValue(key) && Regex.IsMatch(value, @"^\d[\d ]*(?:,\d+)?$")
                ? value + (units[n++ % units.Length] is var unit && unit == "%" && !Regex.IsMatch(value, @"^\d{1,2}(?:,\d+)?$") ? " st" : unit)
                : IsValue(key) && value.EndsWith(" %", StringComparison.Ordinal) && n++ % 2 == 0 ? value[..^2] + "%" : value);
        };
        foreach (var (name, units) in new[] { ("enheter (kr, dagar, st, %)", new[] { " kr", " dagar", " st", "%" }), ("enheter (tkr, mnkr, timmar, kr/invånare)", [" tkr", " mnkr", " timmar", " kr/invånare"]) })
            foreach (var v in BothReports(family, name, new FlatReportWriter(), WithUnits(units)))
                yield return v;
        // Negative figures: every third outcome and last year's outcome, with the minus sign .NET's sv-SE writes (U+2212) or a hyphen.
        foreach (var (name, minus) in new[] { ("minustecken (U+2212)", "\u2212"), ("minus som bindestreck", "-") })
        {
            foreach (var v in BothReports(family, name, new FlatReportWriter(), d =>
                     {
                         var n = 0;
                         return Copy(d, (key, value) => key is "utfall" or "utfall_forra_aret" && char.IsDigit(value[0]) && n++ % 3 == 0 ? minus + value : value);
                     }))
                yield return v;
        }
        foreach (var v in BothReports(family, "hårda blanksteg i värdena", new FlatReportWriter { CellText = (_, c) => Regex.Replace(c, @"(?<=\d) (?=\d{3}\b|%)", "\u00A0") }))
            yield return v;
        foreach (var v in BothReports(family, "decimalpunkt", new FlatReportWriter { CellText = (_, c) => Regex.Replace(c, @"(?<=\d),(?=\d)", ".") }))
            yield return v;
        foreach (var word in new[] { "–", "-", "Ej mätt", "saknas", "Mäts ej", "N/A" })
            foreach (var v in BothReports(family, $"\"{word}\" i tomma celler", new FlatReportWriter { EmptyCell = word }))
                yield return v;
        foreach (var marker in new[] { "¹", "*" })
            foreach (var v in BothReports(family, $"fotnotstecken {marker}", new FlatReportWriter
                     {
                         NameText = (row, name) => row % 3 == 0 ? name + marker : name,
                         CellText = (key, c) => key == "utfall" && c.Length % 2 == 0 ? c + marker : c,
                     }))
                yield return v;
        foreach (var v in PowerUnits(family))
            yield return v;
    }

    /// <summary>A bare figure's unit of area or volume, by the figure: "12" is "12 km²", the unit's power part of the figure.</summary>
    private static string? PowerUnit(string key, string value) =>
        IsValue(key) && Regex.IsMatch(value, @"^\d[\d ]*(?:,\d+)?$") ? value + (value.Length % 3) switch { 0 => " m²", 1 => " km²", _ => " m³" } : null;

    /// <summary>A footnote marker after a figure whose unit has a power, by the figure: "12 m²¹" or "5 km² *".</summary>
    private static string PowerFootnote(string cell) =>
        Regex.IsMatch(cell, "[²³]$") ? cell + (cell.Length % 2 == 0 ? "¹" : " *") : cell;

    /// <summary>Units with powers (m², km², m³), every other one with a footnote marker after it, in both layouts.</summary>
    private static IEnumerable<Variant> PowerUnits(string family)
    {
        foreach (var v in BothReports(family, "enheter med exponent och fotnotstecken (12 m²¹, 5 km² *)",
                     new FlatReportWriter { CellText = (_, c) => PowerFootnote(c) }, d => Copy(d, (key, value) => PowerUnit(key, value) ?? value)))
            yield return v;
        yield return new Variant(family, "enheter med exponent och fotnotstecken (tabb)", () =>
        {
            var expected = Copy(Tertial(), (key, value) => PowerUnit(key, value) ?? value);
            // Every value cell of an indicator row: after the name (its first cell with text), before the period.
            var lines = TertialText.Value.Split('\n').Select(line =>
            {
                var cells = line.Split('\t');
                var (name, period) = (Array.FindIndex(cells, c => c.Trim().Length > 0), Array.FindLastIndex(cells, c => Regex.IsMatch(c, @"^(?:Tertial 1 )?\d{4}$")));
                return string.Join('\t', cells.Select((c, k) => k > name && k < period && PowerUnit("utfall", c) is { } unit ? PowerFootnote(unit) : c));
            });
            return (expected, string.Join('\n', lines));
        });
    }

    // --- Page breaks between rows, wrapped names ---

    private static IEnumerable<Variant> Pages()
    {
        const string family = "sidbrytningar";
        var forms = new (string Name, string Lines)[]
        {
            ("sidfot med nämnd och rapport", "{district}, {title} {0}(90) \n\n"),
            ("Sida n av m", "Sida {0} av 90 \n\n"),
            ("sidhuvud med nämnden, sidnummer", "{0} \n\n{district} \n{title} \n\n"),
            ("sidnummer n (m) och sidhuvud", "{0} (90) \n\n{district} {title} \n\n"),
            ("sidnummer n/m", "{0}/90 \n\n"),
            ("sidnummer - n -", "- {0} - \n\n"),
            ("sidhuvud med nämnd och kort period (VB 2023, T1 2026)", "{0} \n\n{district} {period} \n\n"),
            // pdftotext ends each page with a form feed, before the next page's first line.
            ("sidmatning före nästa sida (pdftotext)", "{district}, {title} {0}(90) \n\f"),
        };
        foreach (var (name, lines) in forms)
            foreach (var v in BothReports(family, name, new FlatReportWriter { PageBetweenRowsEvery = 3, PageBetweenRows = lines }))
                yield return v;
        // The values beside the middle of a wrapped name: the name's first lines, the values, the rest of the name.
        foreach (var v in BothReports(family, "värdena mitt i ett radbrutet namn", new FlatReportWriter { ValuesMidName = true }))
            yield return v;
        // The annual report itself as pdftotext gives it: a form feed before each page's first line.
        yield return new Variant(family, "sidmatning efter varje sidfot (VB, pdftotext)", () =>
            (Annual(), RewriteAll(AnnualText.Value, @"(\d+\(100\) )\n", "$1\n\f")));
        // In a narrow column a letter alone on its line is the tail of a broken word: the seed's own "Medskapandeinde x"
        // (an extraction's split) then reads whole.
        static RawDataset WordWhole(RawDataset d)
        {
            var copy = Copy(d);
            foreach (var row in copy.AllGoals().SelectMany(g => g.Indicators)) row.Name = row.Name.Replace("Medskapandeinde x", "Medskapandeindex");
            return copy;
        }
        foreach (var v in BothReports(family, "smala namn", new FlatReportWriter { NameWidth = 14 }, WordWhole))
            yield return v;
        // A one-letter word of a name ("i", "å") on a line of its own stays a word; a letter that tails a broken word is glued on.
        foreach (var v in BothReports(family, "ensamma bokstäver på egen rad i namn", new FlatReportWriter { LoneLetterLines = true }, WordWhole))
            yield return v;
        yield return new Variant(family, "plan med sidbrytningar (VP)", () =>
        {
            var plan = Plan();
            return (plan, new FlatReportWriter { PageBetweenRowsEvery = 4, PageBetweenRows = "Sida {0} av 90 \n\n" }.Write(plan));
        });
    }

    // --- The Avvikelse cell's marks, in both layouts ---

    /// <summary>Every third activity of the report flagged, as the variants' marks flag them.</summary>
    /// <summary>Every activity's name cut to its first three words, as short as an Avvikelse cell's text may be.</summary>
    private static RawDataset ShortActivityNames(RawDataset d)
    {
        var copy = Copy(d);
        foreach (var activity in copy.AllGoals().SelectMany(g => g.Activities))
            activity.Name = string.Join(' ', activity.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3));
        return copy;
    }

    private static RawDataset EveryThirdFlagged(RawDataset d)
    {
        var copy = Copy(d);
        var n = 0;
        foreach (var activity in copy.AllGoals().SelectMany(g => g.Activities))
        {
            if (n++ % 3 == 0) activity.Cells["avvikelse"] = "true";
            else activity.Cells.Remove("avvikelse");
        }
        return copy;
    }

    /// <summary>The tertial report with every third activity flagged: its Avvikelse cell says <paramref name="yes"/>, the others' <paramref name="no"/>.</summary>
    /// <summary>
    /// The tab-separated tertial seed with the cells of some table rows rewritten on their line, and the seed's dataset with
    /// those rows as a right import reads them: <paramref name="cells"/> gets the row's number (from 1, indicators or
    /// activities in the report's order) and its line's cells, rewrites them and says whether it did; <paramref name="expect"/>
    /// then changes the expected row.
    /// </summary>
    private static (RawDataset Expected, string Text) TabRowsRewritten(bool indicators, Func<int, string[], bool> cells, Action<int, RawRow> expect)
    {
        var expected = Copy(Tertial());
        var lines = TertialText.Value.Split('\n');
        var (n, changed) = (0, 0);
        foreach (var row in expected.AllGoals().SelectMany(g => indicators ? g.Indicators : g.Activities))
        {
            var line = lines[row.Line - 1].Split('\t');
            row.Name.ShouldStartWith(ReportImporter.Clean(line[0]), customMessage: "a row's cells stand on its line, after its name or its name's start");
            if (!cells(++n, line)) continue;
            lines[row.Line - 1] = string.Join('\t', line);
            expect(n, row);
            changed++;
        }
        changed.ShouldBeGreaterThan(5, "a variant changes rows");
        return (expected, string.Join('\n', lines));
    }

    /// <summary>
    /// Every third indicator's Period cell (its line's last filled one) replaced by <paramref name="cell"/>, and the periodicity Mends
    /// guesses for it. Not in a row that lost an empty cell in extraction (shorter than its header): there the Period cell
    /// is what tells where the row's cells stand, and without it the row is read from its start.
    /// </summary>
    private static (RawDataset Expected, string Text) TabPeriodless(string cell) => TabRowsRewritten(indicators: true, (n, cells) =>
    {
        var (first, last) = (Array.FindIndex(cells, c => c.Trim().Length > 0), Array.FindLastIndex(cells, c => c.Trim().Length > 0));
        if (n % 3 != 0 || last - first + 1 < 9) return false;
        cells[last] = cell;
        return true;
    }, (_, row) => row.Cells["periodicitet"] = row.Cells.ContainsKey("utfall") ? "Tertial" : "År");

    private static (RawDataset Expected, string Text) TabDeviations(string yes, string no)
    {
        var expected = EveryThirdFlagged(Tertial());
        var flagged = expected.AllGoals().SelectMany(g => g.Activities).Where(a => a.Cells.ContainsKey("avvikelse")).Select(a => a.Line).ToHashSet();
        var lines = TertialText.Value.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!Regex.IsMatch(lines[i], @"^ +[^\t]+\t\d{4}-\d{2}-\d{2}\t\d{4}-\d{2}-\d{2}\t?$")) continue;
            lines[i] = lines[i].TrimEnd('\t') + "\t" + (flagged.Contains(i + 1) ? yes : no);
        }
        return (expected, string.Join('\n', lines));
    }

    private static IEnumerable<Variant> Deviations()
    {
        const string family = "avvikelser";
        // A mark in the Avvikelse column flags the row, whichever mark the report's font gives: a tick or a cross.
        foreach (var mark in new[] { "✔", "✓", "✗", "✘", "☒", "☑", "X", "Ja" })
        {
            foreach (var v in BothReports(family, $"platt: {mark}", new FlatReportWriter { DeviationFlag = mark }, EveryThirdFlagged))
                yield return v;
            yield return new Variant(family, $"tabb: {mark}", () => TabDeviations(mark, ""));
        }
        // A cell that says there is no deviation ("Nej", "–", "Ingen avvikelse") flags nothing; nor does other text
        // ("Se analys"), which is noted.
        foreach (var none in new[] { "Nej", "–", "Ingen avvikelse", "Se analys" })
        {
            foreach (var v in BothReports(family, $"platt: \"{none}\" utan avvikelse", new FlatReportWriter { DeviationNone = none }, EveryThirdFlagged))
                yield return v;
            if (none != "Nej") // the tab layout's "Nej" is the family "tabbar"'s "avvikelse Ja/Nej"
                yield return new Variant(family, $"tabb: \"{none}\" utan avvikelse", () => TabDeviations("Avvikelse", none));
        }
        // The flattened Avvikelse cell where another extraction puts it: on the line below the dates, before the dates on
        // their line, or on a line of its own above them – a flag, a no, and other text ("Se analys") read as on the dates' line.
        foreach (var (at, where) in new[] { (FlatReportWriter.DeviationPlace.NextLine, "på raden under datumen"), (FlatReportWriter.DeviationPlace.BeforeDates, "före datumen"),
                     (FlatReportWriter.DeviationPlace.LineAbove, "på egen rad ovanför datumen") })
        {
            foreach (var (yes, none) in new[] { ("Avvikelse", "Se analys"), ("X", "Nej"), ("x", "nej") })
                foreach (var v in BothReports(family, $"platt: {yes} och \"{none}\" {where}", new FlatReportWriter { DeviationFlag = yes, DeviationNone = none, DeviationAt = at }, EveryThirdFlagged))
                    yield return v;
            // A report whose activity names start at the line's start, as the cell does, and are as short as a cell's text
            // ("Språkstöd i förskolan"): a name is still no cell.
            foreach (var v in BothReports(family, $"platt: Avvikelse och \"Se analys\" {where}, korta namn utan indrag",
                         new FlatReportWriter { DeviationNone = "Se analys", DeviationAt = at, UnindentedActivities = true }, d => EveryThirdFlagged(ShortActivityNames(d))))
                yield return v;
        }
    }

    // --- The report's own form: which tertial, how its pages name it, how its table header is spelt ---

    private static IEnumerable<Variant> ReportForms()
    {
        const string family = "rapportform";
        yield return new Variant(family, "Tertialrapport 2 (tabb)", () =>
        {
            var expected = Copy(Tertial());
            expected.Period = "T2 2026";
            return (expected, Regex.Replace(TertialText.Value, @"\b(Tertial(?:rapport)?) 1\b", "$1 2"));
        });
        yield return new Variant(family, "Tertialrapport 2 (platt)", () =>
        {
            var expected = Copy(Tertial());
            expected.Period = "T2 2026";
            return (expected, new FlatReportWriter().Write(expected));
        });
        yield return new Variant(family, "Tertialrapport T2 med sidhuvud T2 2026 (platt)", () =>
        {
            var expected = Copy(Tertial());
            expected.Period = "T2 2026";
            var text = new FlatReportWriter { PageBetweenRowsEvery = 3, PageBetweenRows = "{0} \n\n{district} {period} \n\n" }.Write(expected);
            return (expected, RewriteAll(text, "Tertialrapport 2 2026", "Tertialrapport T2 2026"));
        });
        // The plan's periodicity as an adverb: "Tertialvis", "Årsvis".
        yield return new Variant(family, "periodicitet Tertialvis/Årligen (planen, platt)", () =>
        {
            var plan = Plan();
            return (plan, new FlatReportWriter { CellText = (key, text) => key == "periodicitet" ? (text == "Tertial" ? "Tertialvis" : "Årligen") : text }.Write(plan));
        });
        yield return new Variant(family, "periodicitet Tertialvis/Årsvis (planen)", () =>
            (Plan(), RewriteAll(RewriteAll(PlanText.Value, @"\| Tertial( *)\|$", "| Tertialvis$1|"), @"\| År( *)\|$", "| Årsvis$1|")));
        // The tables headed in the plural: "Indikatorer", "Aktiviteter".
        yield return new Variant(family, "Indikatorer och Aktiviteter (platt, VB)", () =>
            (Annual(), RewriteAll(AnnualText.Value, @"^(\s*)(Indikator|Aktivitet)(?= )", "$1$2er")));
        yield return new Variant(family, "Indikatorer och Aktiviteter (tabb)", () =>
            (Tertial(), RewriteAll(TertialText.Value, "^(Indikator|Aktivitet)\t", "$1er\t")));
        // The name column headed by whose the rows are: "KF-indikator", "Nämndindikator", "KF-aktivitet", "Nämndaktivitet".
        static string Owned(Match m) => (m.Value == "Indikator" ? "KF-" : "Nämnd") + m.Value.ToLowerInvariant();
        yield return new Variant(family, "KF-indikator och Nämndaktivitet (platt, VB)", () =>
            (Annual(), RewriteAll(AnnualText.Value, @"(?<=^\s*)(Indikator|Aktivitet)(?= )", Owned)));
        yield return new Variant(family, "KF-indikator och Nämndaktivitet (tabb)", () =>
            (Tertial(), RewriteAll(TertialText.Value, "^(Indikator|Aktivitet)(?=\t)", Owned)));
        // The report's title (on its first page and in every footer) in other words or in capitals: the period is still found.
        foreach (var (name, title) in new (string, Func<string, string>)[]
                 {
                     ("titeln med \"för\" före året", t => Regex.Replace(t, @" (?=\d{4}$)", " för ")),
                     ("titeln med \"år\" före året", t => Regex.Replace(t, @" (?=\d{4}$)", " år ")),
                     ("titeln i versaler", t => t.ToUpperInvariant()),
                 })
            foreach (var v in BothReports(family, name, new FlatReportWriter { TitleText = title }))
                yield return v;
        // Tables with their columns aligned by spaces, as an extraction that keeps the page's layout writes them ("pdftotext
        // -layout"): names, values and headings wrapped in their columns; values left- or right-aligned, rows with or without
        // a blank line between them.
        foreach (var (name, writer) in new[]
                 {
                     ("kolumnjusterade tabeller", new FlatReportWriter { AlignedColumns = true }),
                     ("kolumnjusterade tabeller, värden högerställda", new FlatReportWriter { AlignedColumns = true, RightAlignedValues = true }),
                     ("kolumnjusterade tabeller, tomrad mellan raderna", new FlatReportWriter { AlignedColumns = true, BlankBetweenRows = true }),
                     ("kolumnjusterade tabeller, marginaljusterad text", new FlatReportWriter { AlignedColumns = true, JustifiedText = true }),
                     ("kolumnjusterade tabeller, sidbrytning mellan raderna", new FlatReportWriter { AlignedColumns = true, PageBetweenRowsEvery = 4 }),
                 })
            foreach (var v in BothReports(family, name, writer))
                yield return v;
        // The name column headed by two words, whose the rows are before what they are: "KF:s indikator", "Nämndens aktiviteter".
        static string TwoWords(Match m) => m.Value == "Indikator" ? "KF:s indikator" : "Nämndens aktiviteter";
        foreach (var v in BothReports(family, "KF:s indikator och Nämndens aktiviteter",
                     new FlatReportWriter { HeaderText = h => Regex.Replace(h, @"(?<=^\s*)(Indikator|Aktivitet)(?= )", TwoWords) }))
            yield return v;
        yield return new Variant(family, "KF:s indikator och Nämndens aktiviteter (tabb)", () =>
            (Tertial(), RewriteAll(TertialText.Value, "^(Indikator|Aktivitet)(?=\t)", TwoWords)));
        yield return new Variant(family, "KF:s indikator och Nämndens aktiviteter (Markdown)", () =>
            (Plan(), RewriteAll(PlanText.Value, @"(?<=^\| )(Indikator|Aktivitet)(?= )", TwoWords)));
        // The name column without a heading: an empty first cell, the other columns saying what the rows are.
        foreach (var v in BothReports(family, "namnkolumnen utan rubrik",
                     new FlatReportWriter { HeaderText = h => Regex.Replace(h, @"^(\s*)(?:Indikator|Aktivitet) ", "$1") }))
            yield return v;
        yield return new Variant(family, "namnkolumnen utan rubrik (tabb)", () =>
            (Tertial(), RewriteAll(TertialText.Value, "^(?:Indikator|Aktivitet)(?=\t)", "")));
        // …and a column not known after Period ("Trend", its cells empty): a goal table still, as Årsmål and Period say.
        yield return new Variant(family, "namnkolumnen utan rubrik, okänd kolumn Trend sist (tabb)", () =>
            (Tertial(), RewriteAll(RewriteAll(TertialText.Value, "^(?:Indikator|Aktivitet)(?=\t)", ""), @"^(\t.*\tPeriod)$", "$1\tTrend")));
        yield return new Variant(family, "namnkolumnen utan rubrik (Markdown)", () =>
            (Plan(), RewriteAll(PlanText.Value, @"^\| (?:Indikator|Aktivitet)(?= )", "| ")));
        // The activity table's dates headed short: "Start" and "Slut".
        yield return new Variant(family, "Start och Slut (platt, VB)", () =>
            (Annual(), RewriteAll(AnnualText.Value, @"Aktivitet Startdatum Slutdatum Avvikelse", "Aktivitet Start Slut Avvikelse")));
        yield return new Variant(family, "Start och Slut (tabb)", () =>
            (Tertial(), RewriteAll(TertialText.Value, "^Aktivitet\tStartdatum\tSlutdatum", "Aktivitet\tStart\tSlut")));
        // A PDF's font without the ring: "Arsmål" for "Årsmål".
        foreach (var v in BothReports(family, "Arsmål", new FlatReportWriter { HeaderText = h => h.Replace("Årsmål", "Arsmål") }))
            yield return v;
        yield return new Variant(family, "Arsmål (tabb)", () => (Tertial(), RewriteAll(TertialText.Value, @"^(Indikator\t.*)\tÅrsmål\t", "$1\tArsmål\t")));
        // Other districts' and years' names for a column: the forecast, last year's outcome, the district's target.
        var spellings = new (string Name, string Flat, string Tab, string Written)[]
        {
            ("Helårsprognos", @"Prognos \nhelår", "Prognos helår", "Helårsprognos"),
            ("Utfall föregående år", @"Utfall VB \n\d{4}", @"Utfall VB \d{4}", "Utfall \nföregående \når"),
            ("Föregående års utfall", @"Utfall VB \n\d{4}", @"Utfall VB \d{4}", "Föregående \nårs \nutfall"),
            ("Målvärde", "(?<=\n)Årsmål", "Årsmål", "Målvärde"),
            ("Årsmål med året", "(?<=\n)Årsmål", "Årsmål", "Årsmål \n{year}"),
            ("Utfall VB med året ihop", @"Utfall VB \n\d{4}", @"Utfall VB \d{4}", "Utfall \nVB{year}"),
            ("Prognos utan helår", @"Prognos \nhelår", "Prognos helår", "Prognos"),
            ("Utfall helår", @"Periodens \nutfall", "Periodens utfall", "Utfall \nhelår"),
            ("Föregående år", @"Utfall VB \n\d{4}", @"Utfall VB \d{4}", "Föregående \når"),
            ("Mål med året", "(?<=\n)Årsmål", "Årsmål", "Mål \n{year}"),
            ("Kommunfullmäktiges årsmål", @"KF:s \n\nårsmål", "KF:s årsmål", "Kommunfullmäktiges \nårsmål"),
            ("KF:s mål med året", @"KF:s \n\nårsmål", "KF:s årsmål", "KF:s mål \n{year}"),
        };
        foreach (var (name, flat, tab, written) in spellings)
        {
            foreach (var (report, columns, year) in new[] { ("VB", AnnualColumns, "2023"), ("T1", TertialColumns, "2026") })
            {
                if (report == "VB" && name.Contains("rognos", StringComparison.Ordinal)) continue; // the annual report has no forecast
                if (report == "T1" && name == "Utfall helår") continue; // nor a tertial report the year's outcome
                yield return Written(family, $"kolumnen {name}", report, new FlatReportWriter
                {
                    Columns = columns,
                    HeaderText = h => Regex.Replace(h, flat, written.Replace("{year}", year)),
                });
            }
            yield return new Variant(family, $"kolumnen {name} (tabb)", () =>
                (Tertial(), RewriteAll(TertialText.Value, $@"^(Indikator\t.*){tab}(?=\t)", m => m.Groups[1].Value + written.Replace(" \n", " ").Replace("{year}", "2026"))));
        }
        // The Period column as "Mätperiod", the plan's Periodicitet as "Frekvens".
        foreach (var v in BothReports(family, "kolumnen Mätperiod", new FlatReportWriter { HeaderText = h => h.Replace(" Period \n", " Mätperiod \n") }))
            yield return v;
        yield return new Variant(family, "kolumnen Mätperiod (tabb)", () => (Tertial(), RewriteAll(TertialText.Value, @"^(Indikator\t.*\t)Period$", "$1Mätperiod")));
        yield return new Variant(family, "kolumnen Frekvens (planen)", () => (Plan(), RewriteAll(PlanText.Value, @"^(\|.*\| *)Periodicitet( *\|.*)$", "$1Frekvens$2")));
        // A column's heading split over lines: line by line across the row, as another extraction writes a header (every
        // cell's first line, then their second lines: "Utfall Årsmål" / "föregående år 2026"), and words broken in a narrow
        // cell ("Före-" / "gående års utfall", "Helårs" / "prognos", "Mål-" / "värde"); each heading read whole.
        static string[]? Split(string column, string year) => column switch
        {
            "utfall_forra_aret" => ["Utfall", "föregående år"],
            "arsmal" => ["Årsmål", $"{int.Parse(year) + 1}"],
            _ => null,
        };
        static string[]? Broken(string column, string year) => column switch
        {
            "utfall_forra_aret" => ["Före-", "gående års", "utfall"],
            "prognos" => ["Helårs", "prognos"],
            "arsmal" => ["Mål-", "värde"],
            _ => null,
        };
        // The period's outcome as a bare "Utfall", beside last year's "Utfall" / "föregående år".
        static string[]? BareOutcome(string column, string year) => column switch
        {
            "utfall" => ["Utfall"],
            "utfall_forra_aret" => ["Utfall", "föregående år"],
            _ => null,
        };
        // Outcomes headed by their years, as other years' reports head them: "Utfall 2023" for the period's, "Utfall 2022"
        // for last year's – or only last year's so ("Utfall 2022" beside "Periodens utfall").
        static string[]? Years(string column, string year) => column switch
        {
            "utfall" => ["Utfall", $"{int.Parse(year) + 1}"],
            "utfall_forra_aret" => ["Utfall", year],
            _ => null,
        };
        static string[]? LastYear(string column, string year) => column == "utfall_forra_aret" ? ["Utfall", year] : null;
        // A heading with its unit or kind in brackets below it, as a tab header has it ("Utfall (antal)", "Period (tertial)").
        static string[]? Bracketed(string column, string year) => column switch
        {
            "utfall" => ["Periodens", "utfall", "(antal)"],
            "prognos" => ["Prognos", "helår (%)"],
            "arsmal" => ["Årsmål", "[%]"],
            "period" => ["Period", "(tertial/år)"],
            _ => null,
        };
        foreach (var (name, cell, across) in new (string, Func<string, string, string[]?>?, bool)[]
                 {
                     ("kolumnhuvud radvis", null, true), ("kolumnhuvud radvis: Utfall / föregående år, Årsmål / året", Split, true),
                     ("kolumnhuvud med brutna ord (Före- / gående års utfall)", Broken, false), ("kolumnhuvud radvis med brutna ord", Broken, true),
                     ("kolumnhuvud med tillägg inom parentes (Utfall / (antal), Årsmål / [%])", Bracketed, false),
                     ("kolumnhuvud radvis med tillägg inom parentes", Bracketed, true),
                     ("kolumnhuvud radvis: Utfall bredvid Utfall / föregående år", BareOutcome, true),
                     ("kolumnhuvud: Utfall bredvid Utfall / föregående år", BareOutcome, false),
                     ("kolumnhuvud: Utfall med året (Utfall 2023, Utfall 2022)", Years, false),
                     ("kolumnhuvud radvis: Utfall med året", Years, true),
                     ("kolumnhuvud: föregående års utfall med året (Utfall 2022)", LastYear, false),
                 })
        {
            foreach (var (report, columns) in new[] { ("VB", AnnualColumns), ("T1", TertialColumns) })
                yield return Written(family, name, report, new FlatReportWriter { Columns = columns, HeaderCell = cell, HeaderAcross = across });
        }
        // The rating line with the goal as its subject: "Målet uppfylls delvis", "Nämndmålet uppfylls helt".
        foreach (var v in BothReports(family, "betygsrad Målet uppfylls …", new FlatReportWriter { RatingLine = r => $"Målet uppfylls {r}" }))
            yield return v;
        // A tertial report's rating is a forecast for the year, and may say so: "Kommer att uppfyllas helt".
        yield return Written(family, "betygsrad Kommer att uppfyllas …", "T1", new FlatReportWriter { RatingLine = r => $"Kommer att uppfyllas {r}" });
        yield return Written(family, "betygsrad Kommer uppfyllas …", "T1", new FlatReportWriter { RatingLine = r => $"Kommer uppfyllas {r}" });
        yield return Written(family, "betygsrad Kommer att uppfyllas … under året", "T1", new FlatReportWriter { RatingLine = r => $"Kommer att uppfyllas {r} under året" });
        // An annual report in the past tense, and a status written the other way round, as other systems label it.
        yield return Written(family, "betygsrad Målet har uppfyllts …", "VB", new FlatReportWriter { RatingLine = r => $"Målet har uppfyllts {r}" });
        yield return Written(family, "betygsrad Målet har uppnåtts …", "VB", new FlatReportWriter { RatingLine = r => $"Målet har uppnåtts {r}" });
        // Met in full said without a degree: "Målet är uppfyllt", beside "Målet är delvis uppfyllt".
        yield return Written(family, "betygsrad Målet är uppfyllt / Målet är delvis uppfyllt", "VB", new FlatReportWriter { RatingLine = r => r == "helt" ? "Målet är uppfyllt." : $"Målet är {r} uppfyllt." });
        foreach (var v in BothReports(family, "betygsrad Helt/Delvis/Ej uppfyllt", new FlatReportWriter
                 {
                     RatingLine = r => $"{(r == "inte" ? "Ej" : char.ToUpperInvariant(r[0]) + r[1..])} uppfyllt",
                 }))
            yield return v;
        // The rating after a label, as other reports set it: "Bedömning: Uppfylls delvis", "Måluppfyllelse: Delvis".
        foreach (var v in BothReports(family, "betygsrad Bedömning: Uppfylls …", new FlatReportWriter { RatingLine = r => $"Bedömning: Uppfylls {r}" }))
            yield return v;
        foreach (var v in BothReports(family, "betygsrad Måluppfyllelse: Helt/Delvis/Inte", new FlatReportWriter { RatingLine = r => $"Måluppfyllelse: {char.ToUpperInvariant(r[0]) + r[1..]}" }))
            yield return v;
        // A forecast as a judgement: "Målet bedöms uppfyllas delvis", "Bedöms uppfyllas helt under året", "Målet bedöms bli helt uppfyllt".
        yield return Written(family, "betygsrad Målet bedöms uppfyllas …", "T1", new FlatReportWriter { RatingLine = r => $"Målet bedöms uppfyllas {r}" });
        yield return Written(family, "betygsrad Bedöms uppfyllas … under året", "T1", new FlatReportWriter { RatingLine = r => $"Bedöms uppfyllas {r} under året" });
        yield return Written(family, "betygsrad Målet bedöms bli … uppfyllt", "T1", new FlatReportWriter { RatingLine = r => $"Målet bedöms bli {(r == "inte" ? "ej" : r)} uppfyllt" });
        yield return Written(family, "betygsrad Prognos: Kommer att uppfyllas …", "T1", new FlatReportWriter { RatingLine = r => $"Prognos: Kommer att uppfyllas {r}" });
        yield return new Variant(family, "betygsrad Samlad bedömning: Målet uppfylls … (tabb)", () =>
            (Tertial(), RewriteAll(TertialText.Value, @"^(\S*\s*)Uppfylls (helt|delvis|inte)", "$1Samlad bedömning: Målet uppfylls $2")));
        yield return new Variant(family, "betygsrad Verksamhetsområdesmålet/Nämndmålet uppfylls … (tabb)", () =>
        {
            var level = 0;
            return (Tertial(), RewriteAll(TertialText.Value, @"^(\S*\s*)Uppfylls (helt|delvis|inte)", m =>
                $"{m.Groups[1].Value}{(level++ % 2 == 0 ? "Verksamhetsområdesmålet" : "Nämndmålet")} uppfylls {m.Groups[2].Value}"));
        });
        // A status column, as another district's report gives each indicator the city system's colour or rating: a column
        // the importer does not know, left – and its words are no cell, rating line or name.
        foreach (var (name, status) in new (string, Func<int, string?>)[]
                 {
                     ("Grön/Gul/Röd", n => (n % 3) switch { 0 => "Grön", 1 => "Gul", _ => "Röd" }),
                     ("Helt/Delvis/Ej uppfyllt", n => n % 4 == 0 ? null : (n % 3) switch { 0 => "Helt uppfyllt", 1 => "Delvis uppfyllt", _ => "Ej uppfyllt" }),
                 })
        {
            foreach (var (at, columns) in new[] { ("sist", (Func<string[], string[]>)(c => [.. c, "status"])), ("först", c => ["status", .. c]) })
            {
                foreach (var (report, all) in new[] { ("VB", AnnualColumns), ("T1", TertialColumns) })
                    yield return Written(family, $"statuskolumn {at} ({name})", report, new FlatReportWriter { Columns = columns(all), Status = status });
            }
            yield return new Variant(family, $"statuskolumn sist ({name}, tabb)", () =>
            {
                var text = RewriteAll(TertialText.Value, @"^(Indikator\t.*\tPeriod)$", "$1\tStatus");
                var rows = 0;
                text = RewriteAll(text, @"^(  [^\t\n]+\t[^\n]*\t(?:Tertial 1 )?\d{4})$", m => $"{m.Value}\t{status(++rows)}");
                return (Tertial(), text);
            });
        }
        // The activity tables with a Status column between the dates and Avvikelse: where the activity stands in its work.
        static string? ActivityStatus(int n) => (n % 5) switch { 0 => "Pågående", 1 => "Avslutad", 2 => "Ej påbörjad", 3 => null, _ => "Försenad" };
        // A comment column after Avvikelse ("Kommentar": "Se analys"), beside a flag or alone: the flag is read, the comment left.
        foreach (var v in BothReports(family, "aktiviteternas kolumn Kommentar efter avvikelsen", new FlatReportWriter
                 {
                     ActivityComment = n => n % 2 == 0 ? "Se analys" : null,
                 }, EveryThirdFlagged))
            yield return v;
        foreach (var v in BothReports(family, "aktiviteternas statuskolumn (Pågående, Avslutad, Ej påbörjad)", new FlatReportWriter { ActivityStatus = ActivityStatus }))
            yield return v;
        yield return new Variant(family, "aktiviteternas statuskolumn (Pågående, Avslutad, Ej påbörjad; tabb)", () =>
        {
            var text = RewriteAll(TertialText.Value, @"^Aktivitet\tStartdatum\tSlutdatum\t", "Aktivitet\tStartdatum\tSlutdatum\tStatus\t");
            var rows = 0;
            text = RewriteAll(text, @"^(  [^\t\n]+\t\d{4}-\d{2}-\d{2}\t\d{4}-\d{2}-\d{2})(\t[^\n]*)?$", m => $"{m.Groups[1].Value}\t{ActivityStatus(++rows)}{m.Groups[2].Value}");
            return (Tertial(), text);
        });
        // A line above each table that labels it: "Indikatorer", "KF:s indikatorer", "Nämndens aktiviteter:".
        static string? Label(bool indicators, int n) => (indicators ? "indikatorer" : "aktiviteter") is var rows && (n % 3) switch
        {
            0 => char.ToUpperInvariant(rows[0]) + rows[1..],
            1 => $"KF:s {rows}",
            _ => $"Nämndens {rows}:",
        } is var label ? label : null;
        foreach (var v in BothReports(family, "tabellrubrik ovanför tabellen (Indikatorer, KF:s indikatorer, Nämndens aktiviteter:)", new FlatReportWriter { TableLabel = Label }))
            yield return v;
        yield return new Variant(family, "tabellrubrik ovanför tabellen (tabb)", () =>
        {
            var tables = 0;
            return (Tertial(), RewriteAll(TertialText.Value, @"(?<=\n\n)(Indikator|Aktivitet)\t", m => $"{Label(m.Value.StartsWith('I'), ++tables)}\n\n{m.Value}"));
        });
        // A unit column after the name ("Enhet": "%", "st", "antal", "kr"), as some reports give it: a column the dataset does not hold.
        static string? Unit(RawRow row) => (row.Cells.GetValueOrDefault("arsmal") ?? row.Cells.GetValueOrDefault("utfall") ?? "") switch
        {
            var t when t.Contains('%') => "%",
            var t when t.EndsWith(" st", StringComparison.Ordinal) => "st",
            var t when t.Contains("kr", StringComparison.Ordinal) => "kr",
            _ => "antal",
        };
        foreach (var (report, all) in new[] { ("VB", AnnualColumns), ("T1", TertialColumns) })
            yield return Written(family, "kolumnen Enhet efter namnet", report, new FlatReportWriter { Columns = ["enhet", .. all], Unit = Unit });
        yield return new Variant(family, "kolumnerna Utfall 2026 och Utfall 2025 (tabb)", () =>
            (Tertial(), RewriteAll(TertialText.Value, @"^(Indikator\t)Periodens utfall(\t.*)Utfall VB 2025\t", "$1Utfall 2026$2Utfall 2025\t")));
        yield return new Variant(family, "kolumnen Utfall 2025 bredvid Periodens utfall (tabb)", () =>
            (Tertial(), RewriteAll(TertialText.Value, @"^(Indikator\t.*)Utfall VB 2025\t", "$1Utfall 2025\t")));
        yield return new Variant(family, "Utfall män och Utfall kvinnor (tabb)", () =>
            (Tertial(), RewriteAll(TertialText.Value, @"^(Indikator\t[^\n]*)Utfall män/ pojkar\tUtfall kvinnor/ flickor", "$1Utfall män\tUtfall kvinnor")));
    }
}
