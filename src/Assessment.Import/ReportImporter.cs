using Assessment.Domain.Model;
using System.Text.RegularExpressions;

namespace Assessment.Import;

/// <summary>
/// Reads the text of a published district report – tertial report, annual report or plan – into the
/// dataset format. It parses the layout, not particular files: goal headings, rating lines, the Analys,
/// Beskrivning and Förväntat resultat sections, and indicator and activity tables in any of three text
/// layouts (tab-separated, Markdown tables, or tables flattened to spaces). Repeated headers at page
/// breaks, names split across pages, misspelt headers, ids with a trailing dot, stray symbols and lost
/// empty cells are handled; every row it could not place, or placed by judgement, is a note with its
/// line number. Nothing is dropped silently.
/// </summary>
public static partial class ReportImporter
{
    // Headings, numbered or not, as districts and years write them: "KF:s inriktningsmål: 1. …" (or "Kommunfullmäktiges
    // inriktningsmål", "Kommunfullmäktiges mål för verksamhetsområdet", "Stadsdelsnämndens mål" spelt out), "Inriktningsmål 2 …",
    // "Inriktningsmål 2: …", "KF:s mål för verksamhetsområdet: 1.2 …", "Mål för verksamhetsområdet 1.2: …",
    // "Verksamhetsområdesmål 1.2 …", "Nämndmål: 1.2.1. …", "Nämndens mål 1.2.1: …", "Nämndmål 1: …" (numbered under its
    // goal), "Nämndmål b) …" (lettered under its goal), "Nämndmål: …", and the same with the label in capitals. After the
    // label comes a colon and an optional number, or a number (with a dot or a colon, or a dash after it: "Nämndmål 1.2.1 –
    // Titel") and a title that starts with a capital. Without a number the id is derived from the goal above; a number
    // shorter than the level's ("Nämndmål 2", "Verksamhetsområdesmål 2") or a letter ("b)") is counted under the goal above.
    // A report without any such label is read again with its headings of only a number (WithNumberedHeadings).

    [GeneratedRegex(@"^(?:(?:KF:s|Kommunfullmäktiges)\s+[Ii]nriktningsmål|Inriktningsmål|(?:KF:S|KOMMUNFULLMÄKTIGES)\s+INRIKTNINGSMÅL|INRIKTNINGSMÅL)(?:\s*:\s*(?:(?<id>\d+)(?:[.:]|\s|$)\s*(?:[–—-]\s+)?)?|\s+(?<id>\d+)(?:[.:]?\s+|\s*[–—-]\s+)(?=\p{Lu}))(?<title>(?=[\p{Lu}\d""”«]|$).*)$")]
    private static partial Regex DirectionHeading();

    [GeneratedRegex(@"^(?:(?:KF:s|Kommunfullmäktiges)\s+(?:[Mm]ål för verksamhetsområdet|[Vv]erksamhetsområdesmål)|Mål för verksamhetsområdet|Verksamhetsområdesmål|(?:KF:S|KOMMUNFULLMÄKTIGES)\s+(?:MÅL FÖR VERKSAMHETSOMRÅDET|VERKSAMHETSOMRÅDESMÅL)|MÅL FÖR VERKSAMHETSOMRÅDET|VERKSAMHETSOMRÅDESMÅL)(?:\s*:\s*(?:(?<id>\d+(?:\.\d+)?|[a-z]\))(?:[.:]|\s|$)\s*(?:[–—-]\s+)?)?|\s+(?<id>\d+(?:\.\d+)?|[a-z]\))(?:[.:]?\s+|\s*[–—-]\s+)(?=\p{Lu}))(?<title>(?=[\p{Lu}\d""”«]|$).*)$")]
    private static partial Regex ServiceAreaHeading();

    [GeneratedRegex(@"^(?:Nämndmål|(?:Stadsdelsnämndens|Nämndens) mål|NÄMNDMÅL|(?:STADSDELS)?NÄMNDENS MÅL)(?:\s*:\s*(?:(?<id>\d+(?:\.\d+){0,2}|[a-z]\))[.:]?\s*(?:[–—-]\s+)?)?|\s+(?<id>\d+(?:\.\d+){0,2}|[a-z]\))(?:[.:]?\s*|\s*[–—-]\s+)(?=\p{Lu}))(?<title>(?=[\p{Lu}\d""”«]|$).*)$")]
    private static partial Regex BoardHeading();

    /// <summary>The end of a sentence and the start of the next within a paragraph.</summary>
    [GeneratedRegex(@"[.!?]\s+\p{Lu}")]
    private static partial Regex SentenceBreak();

    /// <summary>A list item: "•", "●", "-" or "–" first on the line (the flattened layout loses the mark in <see cref="Clean"/>).</summary>
    [GeneratedRegex(@"^\s*[-–•●]\s*\S")]
    private static partial Regex Bullet();

    /// <summary>
    /// A goal's rating line: "Uppfylls helt", with the goal as its subject ("Målet uppfylls delvis", "Nämndmålet uppfylls
    /// inte", "Målet har uppfyllts helt", "Målet har uppnåtts delvis" as another district writes it), as a tertial report's
    /// forecast for the year ("Kommer att uppfyllas helt", "Kommer uppfyllas delvis", "… helt under året", "Målet bedöms uppfyllas
    /// delvis", "Målet bedöms bli helt uppfyllt"), or as a status the other way round
    /// ("Helt uppfyllt", "Delvis uppnått", "Ej uppfyllt"); any of these after a label ("Bedömning: Uppfylls delvis", "Samlad
    /// bedömning:", "Måluppfyllelse:", "Status:", "Prognos:"), after which the rating's word alone will do ("Måluppfyllelse: Delvis").
    /// The goal said to be met without a degree is met in full ("Målet är uppfyllt", "Nämndmålet har uppnåtts": group "whole").
    /// The line holds nothing else.
    /// </summary>
    [GeneratedRegex(@"^[-–]?\s*(?:(?:(?:Samlad\s+)?bedömning|Måluppfyllelse|Status|(?:Helårs)?prognos|Årsprognos)\s*:\s*)?" +
                    @"(?:(?:Inriktnings|Verksamhetsområdes|Nämnd)?målet\s+(?:har\s+|är\s+)?)?" +
                    @"(?:(?:" + Layout.RatingVerbs + @"|Uppfylldes|Uppfyllts|Uppfyllt|Uppnåddes|Uppnåtts|Uppnått|(?:Kommer|Bedöms)\s+(?:att\s+)?(?:uppfyllas|uppnås))\s+(?<rating>" + Layout.RatingDegrees + ")" +
                    @"|(?:bedöms\s+(?:vara|bli)\s+)?(?<rating>" + Layout.RatingDegrees + @")\s+(?:" + Layout.MetStates + @")|(?<=:\s*)(?<rating>" + Layout.RatingDegrees + ")" +
                    @"|(?<=målet\s+(?:har|är)\s+)(?<whole>uppfyllts|uppnåtts|uppfyllt|uppnått))(?:\s+under\s+året)?\.?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RatingLine();

    /// <summary>A goal's rating line (<see cref="RatingLine"/>): it ends a table, as a heading does.</summary>
    internal static bool IsRatingLine(string clean) => RatingLine().IsMatch(clean);

    /// <summary>An entry of a table of contents: leader dots (close or spaced, or "…"), a tab or a table cell before the page number.</summary>
    [GeneratedRegex(@"\.{4,}|(?:\.\s+){3,}\.?\s*\d*\s*$|…{2,}|\t\d+\s*$|\|\s*<?b?>?\d+<?/?b?>?\s*\|\s*$")]
    private static partial Regex TableOfContents();

    [GeneratedRegex(@"^(?:Tertialrapport\s+T?[12],?\s+\d{4}|Verksamhetsberättelse\s+\d{4}|Verksamhetsplan\s+\d{4})")]
    private static partial Regex ReportTitle();

    /// <summary>The report's short name, as a running header may give it after the district's: "T1 2026", "VB 2023" (alone, it is a Period cell).</summary>
    /// <summary>A running header's report code and year ("VB 2023"), the codes from the period kinds' vocabulary.</summary>
    private static readonly Regex ShortTitlePattern = new($@"^(?:{string.Join('|', Vocabularies.PeriodKinds.Terms.Select(k => k.Code))})\s+\d{{4}}");

    // The reports' titles, as the city's template writes them ("Tertialrapport 1 2026"), with "för" or "år" before the
    // year ("Verksamhetsberättelse för 2023") or in capitals.
    [GeneratedRegex(@"Tertialrapport(?:\s+Tertial)?\s+T?(?<n>[12]),?\s+(?:för\s+|år\s+)?(?<year>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex TertialTitle();

    [GeneratedRegex(@"Verksamhetsplan\s+(?:för\s+|år\s+)?(?<year>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex PlanTitle();

    [GeneratedRegex(@"Utfall VB\s+(?<year>\d{4})")]
    private static partial Regex LastYearColumn();

    [GeneratedRegex(@"(?<name>[A-ZÅÄÖ][\p{L}]+(?:-[\s]?[A-ZÅÄÖ][\p{L}]+)*\s+stadsdelsnämnd)")]
    private static partial Regex DistrictName();

    [GeneratedRegex(@"^[\s#*●☞•\uE000-\uF8FF]+|\*\*|</?b>|</?i>|\s+$")]
    private static partial Regex Decoration();

    public static ImportResult Import(string text, string source)
    {
        var result = ImportText(text, source);
        if (result.Dataset.Goals.Count > 0 || WithNumberedHeadings(text) is not { } labelled) return result;
        var again = ImportText(labelled, source);
        return again with
        {
            Notes = [new ImportNote(1, "rapporten har inga rubriker med rubrikord (\"Nämndmål\", \"KF:s inriktningsmål\" …): numrerade rubriker följda av en betygsrad lästes som mål efter numrets djup (1 inriktningsmål, 1.2 verksamhetsområdesmål, 1.2.1 nämndmål)"), .. again.Notes],
        };
    }

    /// <summary>A heading of only a number and a title ("1.2.1 Alla barn …", "2. Ett klimatsmart Stockholm").</summary>
    [GeneratedRegex(@"^(?<id>\d+(?:\.\d+){0,2})\.?\s+(?<title>[\p{Lu}""”«].*)$")]
    private static partial Regex NumberedHeading();

    /// <summary>
    /// The report's text with a label put before each heading that is only a number and a title ("1.2.1 Alla barn …")
    /// and is followed, within a few lines, by a rating line: the number's depth says the level (1 inriktningsmål, 1.2
    /// verksamhetsområdesmål, 1.2.1 nämndmål). Null when there is none. Lines keep their numbers.
    /// </summary>
    private static string? WithNumberedHeadings(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var found = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (NumberedHeading().Match(Clean(lines[i])) is not { Success: true } m) continue;
            var rated = lines.Skip(i + 1).Select(Clean).Where(l => l.Length > 0).Take(4)
                .TakeWhile(l => !NumberedHeading().IsMatch(l)).Any(IsRatingLine);
            if (!rated) continue;
            var id = m.Groups["id"].Value;
            var level = id.Count(c => c == '.') switch { 0 => GoalLevel.DirectionGoal, 1 => GoalLevel.ServiceAreaGoal, _ => GoalLevel.BoardGoal };
            lines[i] = $"{Vocabularies.Levels[level].Heading}: {id} {m.Groups["title"].Value}";
            found = true;
        }
        return found ? string.Join('\n', lines) : null;
    }

    private static ImportResult ImportText(string text, string source)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var layout = Layout.Detect(lines);
        var notes = new List<ImportNote>();
        var dataset = new RawDataset { Source = source };
        (dataset.District, dataset.Period) = (District(text), Period(text));
        var state = new State(dataset, notes, layout);
        var headings = new Lazy<ILookup<(GoalLevel, string), (int Line, string Title)>>(() => HeadingsOf(lines));

        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var raw = lines[i];
            var clean = Clean(raw);

            if (layout.IsTableStart(lines, i))
            {
                state.Mark();
                i = layout.ReadTable(lines, i, state) - 1;
                continue;
            }
            if (clean.Length == 0)
            {
                state.EndParagraph();
                continue;
            }
            if (Heading(clean) is { } heading)
            {
                if (TableOfContents().IsMatch(raw) || InPageList(lines, i, clean) || InHeadingRun(lines, i, heading, headings)) continue;
                var title = heading.Title;
                // A heading wrapped over several lines (flattened layout) continues on lines that carry on its
                // sentence; a line that starts a sentence of its own is the prose after it.
                while (layout.WrapsText && i + 1 < lines.Length)
                {
                    var next = Clean(lines[i + 1]);
                    if (next.Length == 0 || RatingLine().IsMatch(next) || Heading(next) is not null || layout.IsTableStart(lines, i + 1)) break;
                    if (title.Trim().Length > 0 && !ContinuesHeading(title, next)) break;
                    title = $"{title} {next}";
                    i++;
                }
                state.Open(heading.Level, heading.Id, Tidy(title), number);
                continue;
            }
            if (RatingLine().Match(clean) is { Success: true } rating)
            {
                var word = rating.Groups["whole"].Success ? Rating.Fully.Code() : rating.Groups["rating"].Value.ToLowerInvariant();
                state.Rate(word == "ej" ? Rating.NotMet.Code() : word, number);
                continue;
            }
            switch (clean)
            {
                case var _ when ColumnHeaders.IsTableLabel(clean):
                    state.EndParagraph(); // "Indikatorer" above a table: no text of the goal's
                    continue;
                case var _ when EndsGoalTree(clean):
                    state.Close(); // the goal tree ends where the report's economy section begins
                    continue;
                case var _ when SectionOf(clean) is { } section:
                    state.Mark();
                    state.Section = section;
                    continue;
            }
            state.Text(clean, number, bullet: Bullet().IsMatch(raw));
        }
        state.Finish();
        return new ImportResult(dataset, notes);
    }

    /// <summary>
    /// The section of a goal's text a line heads: "Analys", "Beskrivning", "Förväntat resultat" (or "Förväntade resultat"),
    /// with a colon or without.
    /// </summary>
    private static Section? SectionOf(string clean) => clean.TrimEnd(':', ' ') switch
    {
        "Analys" => Section.Analysis,
        "Beskrivning" => Section.Description,
        "Förväntat resultat" or "Förväntade resultat" => Section.Expected,
        _ => null,
    };

    /// <summary>The section heading after the goal tree in the city's report template.</summary>
    internal static bool EndsGoalTree(string clean) => clean is "Uppföljning av ekonomi" or "Redovisning av ekonomi";

    /// <summary>A line without layout decoration: heading marks, bold, stray symbols, trailing space.</summary>
    internal static string Clean(string raw) => Decoration().Replace(raw, "").Trim();

    /// <summary>
    /// A heading's next line carries on its title when it continues the sentence: it starts in lower case (<see
    /// cref="StartsInLowerCase"/>), or the title so far ends with a hyphen, a comma or a word that cannot end a title.
    /// </summary>
    private static bool ContinuesHeading(string title, string next)
    {
        if (StartsInLowerCase(next)) return true;
        var end = title.TrimEnd();
        if (IsCapitals(end) && IsCapitals(next)) return true; // a heading set in capitals wraps in capitals
        if (end.EndsWith('-') || end.EndsWith('–') || end.EndsWith(',')) return true;
        var lastWord = end.Split(' ').Last().ToLowerInvariant();
        return lastWord is "och" or "i" or "för" or "med" or "till" or "av" or "som" or "att" or "på" or "en" or "ett" or "där" or "ska" or "samt" or "de" or "den" or "det";
    }

    /// <summary>Whether a line's first letter, after an opening bracket or quote ("(årsarbetare)"), is in lower case: it carries on a sentence.</summary>
    internal static bool StartsInLowerCase(string clean) => clean.TrimStart('(', '"', '”', '«', '[').FirstOrDefault() is var first && char.IsLower(first);

    private static bool IsCapitals(string text) => text.Any(char.IsLetter) && !text.Any(char.IsLower);

    /// <summary>
    /// A heading (<paramref name="clean"/>, line index <paramref name="i"/>) ending in a page number next to another such
    /// heading: a table of contents without leader dots ("KF:s inriktningsmål: 1. Ett Stockholm … 5").
    /// </summary>
    private static bool InPageList(string[] lines, int i, string clean)
    {
        static bool EndsInPage(string clean) => Regex.IsMatch(clean, @"\s\d{1,3}$");
        static bool Entry(string line) => EndsInPage(Clean(line)) && Heading(Clean(line)) is not null;
        if (!EndsInPage(clean)) return false;
        var previous = Enumerable.Range(0, i).Reverse().Select(k => lines[k]).FirstOrDefault(l => Clean(l).Length > 0);
        var next = lines.Skip(i + 1).FirstOrDefault(l => Clean(l).Length > 0);
        return (previous is not null && Entry(previous)) || (next is not null && Entry(next));
    }

    /// <summary>
    /// A heading among at least three in a row with nothing but blank lines between them, which the report gives again
    /// further on: a table of contents without page numbers. A run of headings that does not come again is the goal
    /// tree itself (goals without a rating or text of their own, say an inriktningsmål and its first
    /// verksamhetsområdesmål above a nämndmål), and is read as such.
    /// </summary>
    private static bool InHeadingRun(string[] lines, int i, (GoalLevel Level, string Id, string Title) heading,
        Lazy<ILookup<(GoalLevel, string), (int Line, string Title)>> headings) =>
        InRun(lines, i) && ComesAgain(lines, i, heading, headings.Value);

    /// <summary>The report's goal headings by level and number, each with its line index and tidied title: read once per report.</summary>
    private static ILookup<(GoalLevel, string), (int Line, string Title)> HeadingsOf(string[] lines) =>
        lines.Select((line, k) => (Heading: Heading(Clean(line)), Line: k)).Where(h => h.Heading is not null)
            .ToLookup(h => (h.Heading!.Value.Level, h.Heading.Value.Id), h => (h.Line, Tidy(h.Heading!.Value.Title)));

    /// <summary>Whether the heading on line <paramref name="i"/> stands again, the same level, number and title, after its run.</summary>
    private static bool ComesAgain(string[] lines, int i, (GoalLevel Level, string Id, string Title) heading,
        ILookup<(GoalLevel, string), (int Line, string Title)> headings)
    {
        var k = i + 1;
        while (k < lines.Length && (Clean(lines[k]) is var c && (c.Length == 0 || Heading(c) is not null))) k++;
        var title = Tidy(heading.Title);
        // A title wraps differently in the contents and in the text: one begins the other.
        return headings[(heading.Level, heading.Id)].Any(later => later.Line >= k
            && (later.Title.StartsWith(title, StringComparison.Ordinal) || title.StartsWith(later.Title, StringComparison.Ordinal)));
    }

    private static bool InRun(string[] lines, int i)
    {
        int Count(int step)
        {
            var count = 0;
            for (var k = i + step; k >= 0 && k < lines.Length; k += step)
            {
                var clean = Clean(lines[k]);
                if (clean.Length == 0) continue;
                if (Heading(clean) is null) break;
                count++;
            }
            return count;
        }
        return Count(-1) + 1 + Count(1) >= 3;
    }

    /// <summary>A goal heading at any of the three levels, numbered or not.</summary>
    internal static bool IsHeading(string clean) => Heading(clean) is not null;

    private static string Tidy(string text) => Regex.Replace(text, @"\s+", " ").Trim().TrimEnd('*').Trim();

    private static (GoalLevel Level, string Id, string Title)? Heading(string clean)
    {
        if (DirectionHeading().Match(clean) is { Success: true } d) return (GoalLevel.DirectionGoal, d.Groups["id"].Value, d.Groups["title"].Value);
        if (ServiceAreaHeading().Match(clean) is { Success: true } s) return (GoalLevel.ServiceAreaGoal, s.Groups["id"].Value, s.Groups["title"].Value);
        if (BoardHeading().Match(clean) is { Success: true } b) return (GoalLevel.BoardGoal, b.Groups["id"].Value, b.Groups["title"].Value);
        return null;
    }

    private static string District(string text) =>
        DistrictName().Matches(text).GroupBy(m => Regex.Replace(m.Value, @"-\s+", "-")).OrderByDescending(g => g.Count())
            .Select(g => g.Key).FirstOrDefault() ?? "";

    [GeneratedRegex(@"Verksamhetsberättelse\s+(?:för\s+|år\s+)?(?<year>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex AnnualTitle();

    /// <summary>The period: "T1 2026" for a tertial report, "VB 2023" for an annual report, "VP 2025" for a plan.</summary>
    private static string Period(string text)
    {
        // The report names its kind on its pages (title, footers) and may mention other reports in its prose:
        // the kind named most often (as a title: capitalised or in capitals, not "verksamhetsplanen" in the prose) is the
        // report's own, and its year the one named most often with it.
        static string? Most(IEnumerable<string> periods) => periods.GroupBy(p => p).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var kinds = new[] { "Tertialrapport", "Verksamhetsberättelse", "Verksamhetsplan" }
            .Select(word => (Word: word, Count: Regex.Count(text, word) + Regex.Count(text, word.ToUpperInvariant())))
            .Where(k => k.Count > 0).OrderByDescending(k => k.Count).ToList();
        return kinds.FirstOrDefault().Word switch
        {
            "Tertialrapport" => Most(TertialTitle().Matches(text).Select(m => $"T{m.Groups["n"].Value} {m.Groups["year"].Value}"))
                                ?? Most(Regex.Matches(text, @"Tertial (?<n>[12]) (?<year>\d{4})").Select(m => $"T{m.Groups["n"].Value} {m.Groups["year"].Value}")) ?? "",
            "Verksamhetsplan" => Most(PlanTitle().Matches(text).Select(m => $"VP {m.Groups["year"].Value}")) ?? "",
            _ => Most(AnnualTitle().Matches(text).Select(m => $"VB {m.Groups["year"].Value}"))
                 ?? (LastYearColumn().Match(text) is { Success: true } vb ? $"VB {int.Parse(vb.Groups["year"].Value) + 1}" : null)
                 ?? Most(Regex.Matches(text, @"\bVB (?<year>\d{4})\b").Select(m => $"VB {m.Groups["year"].Value}")) ?? "",
        };
    }

    internal enum Section { None, Analysis, Description, Expected }

    /// <summary>Where the reader is: the open goals, the section, the paragraph being collected, the last table row.</summary>
    internal sealed class State(RawDataset dataset, List<ImportNote> notes, Layout layout)
    {
        private RawGoal? _direction;
        private RawGoal? _serviceArea;
        private readonly List<string> _paragraph = [];
        private int _paragraphLine;

        /// <summary>The last "Förväntat resultat" bullet may still continue on the next line.</summary>
        private bool _bulletOpen;

        /// <summary>Paragraphs, sections and tables read since the open goal's heading.</summary>
        private int _sinceOpen;

        /// <summary>The last paragraph read, where it went and its line: it may turn out to be a heading.</summary>
        private (List<string> List, string Text, int Line)? _lastParagraph;

        /// <summary>Something other than a paragraph came after the last paragraph: a table or a section heading.</summary>
        public void Mark()
        {
            EndParagraph();
            _sinceOpen += 2;
            _lastParagraph = null;
        }

        public Section Section { get; set; }

        public RawGoal? Current { get; private set; }

        /// <summary>The last row read, across repeated headers, so a name's tail or a note can join it.</summary>
        public RawRow? LastRow { get; set; }

        /// <summary>An "Analys" row was read with no text: the next text row is its text.</summary>
        public bool AwaitingNote { get; set; }

        public Layout Layout { get; } = layout;

        /// <summary>The report's year, once known: a Period cell must name it.</summary>
        public int? Year => Regex.Match(dataset.Period, @"\d{4}") is { Success: true } m ? int.Parse(m.Value) : null;

        public void Note(int line, string message) => notes.Add(new ImportNote(line, message));

        /// <summary>The report's district with its spaces made one, once per report (the district is read before the text is).</summary>
        private readonly string _district = Regex.Replace(dataset.District, @"\s+", " ");

        /// <summary>
        /// A page's running header: the district's name, the report's title or both ("Hässelby-Vällingby stadsdelsnämnd",
        /// "Tertialrapport 1 2026", "Hässelby-Vällingby stadsdelsnämnd VB 2023"), with or without a page number.
        /// </summary>
        public bool IsRunningHeader(string clean)
        {
            if (clean.Length is 0 or > 160) return false;
            var text = Regex.Replace(clean, @"\s+", " ");
            var named = _district.Length > 0 && text.StartsWith(_district, StringComparison.Ordinal);
            if (named) text = text[_district.Length..].TrimStart(' ', ',');
            if (ReportTitle().Match(text) is { Success: true } title) text = text[title.Length..].Trim();
            else if (named && ShortTitlePattern.Match(text) is { Success: true } shortTitle) text = text[shortTitle.Length..].Trim();
            else if (!named) return false;
            return text.Length == 0 || Regex.IsMatch(text, @"^\d+(?:\s?\(\d+\))?$");
        }

        /// <summary>
        /// The last line of a paragraph that a page break put below a table's header: it continues the paragraph
        /// read last under the open goal, if there is one.
        /// </summary>
        public bool ContinueParagraph(string text)
        {
            if (_lastText is not { Count: > 0 } target) return false;
            target[^1] = $"{target[^1]} {text}";
            return true;
        }

        private List<string>? _lastText;

        /// <summary>The title of a goal the report has no heading for (<see cref="MissingParents"/>).</summary>
        internal const string Untitled = "(rubriken saknas i rapporten)";

        /// <summary>
        /// The parent a goal's number names ("1.2" for "Nämndmål: 1.2.1 …"), or null where the number does not say (an
        /// unnumbered goal, a number of another depth).
        /// </summary>
        private static string? NamedParent(GoalLevel level, string id)
        {
            var parts = id.TrimEnd('.').Split('.');
            var depth = level switch { GoalLevel.ServiceAreaGoal => 2, GoalLevel.BoardGoal => 3, _ => 0 };
            return parts.Length == depth && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)) ? string.Join('.', parts[..^1]) : null;
        }

        /// <summary>
        /// The goals a goal's number names above it that the report has not opened, outermost first, each with the number
        /// that names it: "1" and "1.2" for "Nämndmål: 1.2.1 …" without either heading, as where the report writes its
        /// headings in a form the importer does not know. Only where no goal has that number: a goal numbered under another
        /// goal that has a heading is a slip in the number (<see cref="Mends"/>).
        /// </summary>
        private List<(GoalLevel Level, string Id, string Child)> MissingParents(GoalLevel level, string id)
        {
            var missing = new List<(GoalLevel, string, string)>();
            while (NamedParent(level, id) is { } parentId)
            {
                var parentLevel = level - 1;
                if (parentId == OpenGoal(parentLevel)?.Id || dataset.AllGoals().Any(g => g.Id == parentId && g.Level == parentLevel)) break;
                missing.Insert(0, (parentLevel, parentId, id.TrimEnd('.')));
                (level, id) = (parentLevel, parentId);
            }
            return missing;
        }

        /// <summary>The open goal of a level above the nämndmål.</summary>
        private RawGoal? OpenGoal(GoalLevel level) => level == GoalLevel.DirectionGoal ? _direction : _serviceArea;

        /// <summary>The levels of which the report has left out headings (goals opened from a later goal's number).</summary>
        private readonly HashSet<GoalLevel> _headingsMissing = [];

        /// <summary>
        /// Opens a goal at its heading. The goals its number names above it that have no heading are opened first, without a
        /// title and noted, so that the goal and its rows are kept (<see cref="MissingParents"/>); each takes the rating, text
        /// and rows read without a heading before it (<see cref="Claim"/>), and its heading, if it comes later, gives it its
        /// title. Where no goal of the level above is open, the goal its number names, if any, is its parent.
        /// </summary>
        public void Open(GoalLevel level, string id, string title, int line)
        {
            EndParagraph();
            var missing = MissingParents(level, id);
            if (title != Untitled && _headless.Count > 0)
            {
                SettleHeadless(keep: missing.Count);
                missing = MissingParents(level, id); // a goal settled at a level without headings may be one of them
            }
            for (var k = 0; k < missing.Count; k++)
            {
                var (parentLevel, parentId, child) = missing[k];
                var claims = missing.Count - k <= _headless.Count;
                var content = claims ? $", med betygsraden på rad {_headless[0].Goal.Line} och det som följer den" : "";
                Note(line, $"målet {child} står utan sitt {Vocabularies.Levels[parentLevel].Label} i rapporten: {parentId} lades till efter numret, utan titel{content}");
                _headingsMissing.Add(parentLevel);
                Open(parentLevel, parentId, Untitled, line);
                if (claims) Claim(OpenGoal(parentLevel)!);
            }
            var parent = level == GoalLevel.DirectionGoal ? null : OpenGoal(level - 1);
            if (parent is null && NamedParent(level, id) is { } named) parent = dataset.AllGoals().FirstOrDefault(g => g.Id == named && g.Level == level - 1);
            if (level != GoalLevel.DirectionGoal && parent is null)
            {
                Note(line, $"målet {(id.Length > 0 ? id + " " : "")}\"{Layout.Short(title)}\" står före sitt överordnade mål och kunde inte placeras i målträdet");
                return;
            }
            var siblings = parent?.Children ?? dataset.Goals;
            var depth = level switch { GoalLevel.DirectionGoal => 1, GoalLevel.ServiceAreaGoal => 2, _ => 3 };
            if (id is [var letter, ')'] && parent is not null)
            {
                // "Nämndmål b) …" under 1.3: lettered under its goal, a for 1.
                Note(line, $"målet \"{Layout.Short(title)}\" har bokstaven {id} under {parent.Id}: id {parent.Id}.{letter - 'a' + 1}");
                id = $"{parent.Id}.{letter - 'a' + 1}";
            }
            else if (id.Length > 0 && parent is not null && id.Count(c => c == '.') + 1 + parent.Id.Count(c => c == '.') + 1 == depth)
            {
                // "Nämndmål 2: …" under 1.3: numbered under its goal.
                Note(line, $"målet \"{Layout.Short(title)}\" har numret {id} under {parent.Id}: id {parent.Id}.{id}");
                id = $"{parent.Id}.{id}";
            }
            if (id.Length == 0)
            {
                // An unnumbered heading: the next number under the goal above, in the report's order.
                id = parent is null ? $"{siblings.Count + 1}" : $"{parent.Id}.{siblings.Count(g => g.Level == level) + 1}";
                Note(line, $"målet \"{Layout.Short(title)}\" har inget nummer i rapporten: id {id} härleddes {(parent is null ? "av ordningen" : $"från {parent.Id} och ordningen")}");
            }
            if (siblings.FirstOrDefault(g => g.Id == id) is { } earlier && earlier.SelfAndDescendants().All(IsBare))
            {
                // The same heading earlier with nothing under it: an entry of the table of contents.
                siblings.Remove(earlier);
                Note(earlier.Line, $"rubriken för mål {id} på rad {earlier.Line} står utan innehåll och upprepas på rad {line}: den lästes som innehållsförteckning");
            }
            if (title != Untitled && siblings.FirstOrDefault(g => g.Id == id && g.Level == level && g.Title == Untitled) is { } opened)
            {
                // The heading of a goal opened from a later goal's number (MissingParents): the goal gets its title.
                (opened.Title, opened.Line) = (title, line);
                Reopen(opened);
                return;
            }
            var goal = new RawGoal(level, id, title, line);
            siblings.Add(goal);
            Reopen(goal);
        }

        /// <summary>
        /// Goals read without their heading, oldest first, each with the goal it was split off: a rating line after a rated
        /// goal's text or tables starts one (<see cref="Rate"/>), and what follows is its.
        /// </summary>
        private readonly List<(RawGoal Goal, RawGoal? SplitFrom)> _headless = [];

        /// <summary>A goal opened without a heading takes the oldest goal read without one: its rating, text and rows (a verksamhetsområdesmål's KF tables).</summary>
        private void Claim(RawGoal goal)
        {
            var headless = _headless[0].Goal;
            _headless.RemoveAt(0);
            goal.Recorded = headless.Recorded;
            Move(headless, goal);
            for (var k = 0; k < _headless.Count; k++)
                if (_headless[k].SplitFrom == headless) _headless[k] = (_headless[k].Goal, goal);
        }

        /// <summary>
        /// Settles the goals read without a heading but the newest <paramref name="keep"/>, which the goals about to be opened
        /// take. Where the report has left out the headings of a level, each is the next goal of that level (the deepest whose
        /// parent is open: a verksamhetsområdesmål without nämndmål, which no later number names); elsewhere its text and
        /// rows go back to the goal it was split off, as though its rating line had been a second rating of that goal.
        /// </summary>
        private void SettleHeadless(int keep)
        {
            EndParagraph();
            var settle = Math.Max(0, _headless.Count - keep);
            for (; settle > 0; settle--)
            {
                if (_headingsMissing.Contains(GoalLevel.ServiceAreaGoal) && _direction is { } direction) OpenNext(GoalLevel.ServiceAreaGoal, direction.Children, $"{direction.Id}.");
                else if (_headingsMissing.Contains(GoalLevel.DirectionGoal)) OpenNext(GoalLevel.DirectionGoal, dataset.Goals, "");
                else break;
            }
            for (var k = settle - 1; k >= 0; k--)
            {
                var (headless, splitFrom) = _headless[k];
                if (splitFrom is null)
                {
                    Note(headless.Line, $"betygsraden \"Uppfylls {headless.Recorded}\" står före första målet");
                    foreach (var row in headless.Indicators.Concat(headless.Activities))
                        Note(row.Line, $"raden \"{row.Name}\" står före första målet och kunde inte placeras");
                }
                else
                {
                    Note(headless.Line, $"mål {splitFrom.Id} har redan betyget {splitFrom.Recorded}; raden \"Uppfylls {headless.Recorded}\" lämnades");
                    Move(headless, splitFrom);
                }
                _headless.RemoveAt(k);
            }
        }

        /// <summary>Opens the next goal of a level (after the highest number among <paramref name="siblings"/>) for the oldest goal read without a heading.</summary>
        private void OpenNext(GoalLevel level, List<RawGoal> siblings, string prefix)
        {
            var last = siblings.Where(g => g.Level == level).Select(g => int.TryParse(g.Id.Split('.')[^1], out var n) ? n : 0).DefaultIfEmpty(0).Max();
            var (id, headless) = ($"{prefix}{last + 1}", _headless[0].Goal);
            Note(headless.Line, $"betygsraden \"Uppfylls {headless.Recorded}\" och det som följer den står utan rubrik, och inget senare mål numreras under den: " +
                                $"rapporten saknar rubriker för {Vocabularies.Levels[level].Label}, så den lästes som nästa, {id}, utan titel");
            Open(level, id, Untitled, headless.Line);
            Claim(OpenGoal(level)!);
        }

        /// <summary>Adds a goal's text and rows to another's; an inriktningsmål has no rows of its own, so they are noted instead.</summary>
        private void Move(RawGoal from, RawGoal to)
        {
            to.Analysis.AddRange(from.Analysis);
            to.Description.AddRange(from.Description);
            to.ExpectedResults.AddRange(from.ExpectedResults);
            if (to.Level == GoalLevel.DirectionGoal)
            {
                foreach (var row in from.Indicators.Concat(from.Activities))
                    Note(row.Line, $"raden \"{row.Name}\" står direkt under inriktningsmål {to.Id}, som inte har egna indikatorer eller aktiviteter");
                return;
            }
            to.Indicators.AddRange(from.Indicators);
            to.Activities.AddRange(from.Activities);
        }

        /// <summary>Makes <paramref name="goal"/> the open goal of its level, what follows its heading its text and rows.</summary>
        private void Reopen(RawGoal goal)
        {
            if (goal.Level == GoalLevel.DirectionGoal) (_direction, _serviceArea) = (goal, null);
            if (goal.Level == GoalLevel.ServiceAreaGoal) _serviceArea = goal;
            ReadInto(goal);
        }

        /// <summary>Makes <paramref name="goal"/> the goal what follows is read into, its text and rows.</summary>
        private void ReadInto(RawGoal goal)
        {
            Current = goal;
            _lastText = null;
            Section = Section.None;
            LastRow = null;
            AwaitingNote = false;
            _sinceOpen = 0;
            _lastParagraph = null;
        }

        /// <summary>
        /// A rating line. Straight after its heading (or after the heading's wrapped tail) it rates the open goal;
        /// after other content, under a verksamhetsområdesmål, the short paragraph just above it is the title of an
        /// unnumbered nämndmål ("Barn och unga har en trygg fritid" / "Uppfylls helt").
        /// </summary>
        public void Rate(string rating, int line)
        {
            EndParagraph();
            if (Current is null && dataset.Goals.Count == 0 && _headless.Count == 0)
            {
                // Before the first goal: the first inriktningsmål's rating, if its heading is missing (SettleHeadless notes it if not).
                StartHeadless(null, rating, line);
                return;
            }
            if (Current is null)
            {
                Note(line, $"betygsraden \"Uppfylls {rating}\" står före första målet");
                return;
            }
            if (Current.Recorded is null && _sinceOpen == 1 && _lastParagraph is { } tail)
            {
                // The heading's title wrapped onto a line that starts a new sentence: it is still the title.
                tail.List.RemoveAt(tail.List.Count - 1);
                Current.Title = $"{Current.Title} {tail.Text}";
            }
            else if (_sinceOpen > 0 && _serviceArea is not null && _lastParagraph is { } title && LooksLikeTitle(title.Text))
            {
                title.List.RemoveAt(title.List.Count - 1);
                Open(GoalLevel.BoardGoal, "", title.Text.Trim(), title.Line);
            }
            if (Current.Recorded is null) Current.Recorded = rating;
            else if (_sinceOpen > 0)
            {
                // A second rating after the goal's text or tables: a goal whose heading is missing starts here.
                StartHeadless(Current, rating, line);
                return;
            }
            else Note(line, $"mål {Current.Id} har redan betyget {Current.Recorded}; raden \"Uppfylls {rating}\" lämnades");
            _sinceOpen = 0;
            _lastParagraph = null;
        }

        /// <summary>Reads on into a goal without heading (<see cref="_headless"/>), split off <paramref name="splitFrom"/> at a rating line.</summary>
        private void StartHeadless(RawGoal? splitFrom, string rating, int line)
        {
            var headless = new RawGoal(GoalLevel.ServiceAreaGoal, "", Untitled, line) { Recorded = rating };
            _headless.Add((headless, splitFrom));
            ReadInto(headless);
        }

        private static bool IsBare(RawGoal goal) =>
            goal.Recorded is null && goal.Analysis.Count == 0 && goal.Description.Count == 0 && goal.ExpectedResults.Count == 0
            && goal.Indicators.Count == 0 && goal.Activities.Count == 0;

        /// <summary>A paragraph that can be a goal's title: short, capitalised, one sentence (a paragraph of two is a goal's text).</summary>
        private static bool LooksLikeTitle(string text) => text.Length is > 0 and <= 250 && char.IsUpper(text[0]) && !SentenceBreak().IsMatch(text);

        public void Text(string clean, int line, bool bullet)
        {
            if (Current is null) return; // the report's front matter, before the goal tree
            LastRow = null;
            AwaitingNote = false;
            if (Section == Section.Expected)
            {
                if (bullet)
                {
                    EndParagraph();
                    Current.ExpectedResults.Add(Regex.Replace(clean, @"^[-–•●]\s*", ""));
                    _bulletOpen = Layout.WrapsText;
                    return;
                }
                if (_bulletOpen)
                {
                    Current.ExpectedResults[^1] = $"{Current.ExpectedResults[^1]} {clean}";
                    return;
                }
            }
            if (_paragraph.Count == 0) _paragraphLine = line;
            _paragraph.Add(clean);
            if (!Layout.WrapsText) EndParagraph(); // one line is one paragraph, except where text is wrapped
        }

        public void EndParagraph()
        {
            _bulletOpen = false;
            if (_paragraph.Count == 0 || Current is null)
            {
                _paragraph.Clear();
                return;
            }
            var text = string.Join(' ', _paragraph);
            _paragraph.Clear();
            var target = Section is Section.Description or Section.Expected ? Current.Description : Current.Analysis;
            if (Section == Section.None && Current.Level == GoalLevel.BoardGoal && Current.Description.Count == 0)
                target = Current.Description;
            target.Add(text);
            _lastText = target;
            _sinceOpen++;
            _lastParagraph = (target, text, _paragraphLine);
        }

        public void Close()
        {
            SettleHeadless(keep: 0);
            Current = null;
            Section = Section.None;
            LastRow = null;
        }

        public void Finish()
        {
            SettleHeadless(keep: 0);
            if (dataset.Goals.Count == 0) Note(1, "inga mål hittades: väntade rubriker som \"KF:s inriktningsmål: 1. …\"");
            Mends.Apply(dataset, Note);
        }
    }
}
