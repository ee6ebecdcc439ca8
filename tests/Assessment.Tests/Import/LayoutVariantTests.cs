using System.Text.RegularExpressions;
using Assessment.Import;

namespace Assessment.Tests.Import;

/// <summary>
/// The importer on layout variants of the seed reports: the seeds show one district's habits, so each test
/// rewrites a seed the way another district's report, or another year's, lays it out (a cell left empty, a
/// cell wrapped, a page break inside a row, headings without numbers, …) and asserts that the import is
/// unchanged apart from what the variant changed.
/// </summary>
public class LayoutVariantTests
{
    private const string AnnualSeed = "000_77495519fac0431a.txt";
    private const string TertialSeed = "001_9521fb7e6e23d8f1.txt";

    private static readonly Lazy<string> Annual = new(() => File.ReadAllText(Repo.Seed(AnnualSeed)));

    private static RawDataset Import(string text) => ReportImporter.Import(text, "variant.txt").Dataset;

    /// <summary>Everything the import read, one line per goal and row, without source lines.</summary>
    internal static List<string> Dump(RawDataset dataset)
    {
        var lines = new List<string>();
        foreach (var goal in dataset.AllGoals())
        {
            lines.Add($"{goal.Level} {goal.Id} | {goal.Title} | {goal.Recorded}");
            // Markdown emphasis in the tab-separated seed ("*Bryt upp*") is no part of the layout: a mark that
            // starts a line is layout decoration in any report.
            lines.Add($"  analys: {string.Join(" ¶ ", goal.Analysis).Replace("*", "")}");
            lines.Add($"  beskrivning: {string.Join(" ¶ ", goal.Description)}");
            lines.Add($"  förväntat: {string.Join(" ¶ ", goal.ExpectedResults)}");
            foreach (var row in goal.Indicators) lines.Add($"  I {Row(row)}");
            foreach (var row in goal.Activities) lines.Add($"  A {Row(row)}");
        }
        // Runs of spaces inside a paragraph are not kept by re-wrapping it, in a report or here.
        return lines.Select(l => Regex.Replace(l, @"(?<=\S)\s{2,}", " ").TrimEnd()).ToList();
    }

    private static string Row(RawRow row) =>
        string.Join(" | ", row.Cells.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}")) +
        (row.Notes.Count > 0 ? $" | analys={Regex.Replace(string.Join(' ', row.Notes), @"\s+", " ")}" : "");

    /// <summary>Differences between two dumps, for a readable failure.</summary>
    private static void ShouldMatch(List<string> actual, List<string> expected)
    {
        static string Short(string line) => line.Length > 300 ? line[..300] + "…" : line;
        var at = 0;
        while (at < Math.Min(actual.Count, expected.Count) && actual[at] == expected[at]) at++;
        if (at == actual.Count && at == expected.Count) return;
        if (Environment.GetEnvironmentVariable("VARIANT_DUMP") is { } dump)
        {
            File.WriteAllLines(Path.Combine(dump, "expected.txt"), expected);
            File.WriteAllLines(Path.Combine(dump, "actual.txt"), actual);
        }
        var shown = $"första skillnaden, rad {at} av {expected.Count}:\nväntat:\n{string.Join('\n', expected.Skip(at).Take(3).Select(Short))}\nläst:\n{string.Join('\n', actual.Skip(at).Take(3).Select(Short))}";
        throw new Shouldly.ShouldAssertException(shown);
    }

    // --- A dataset written back in the flattened layout reads back the same, under each of the layout's habits ---

    public static TheoryData<string> Writers => new() { "smal", "bred", "sidbrytning", "enhet", "aktivitetshuvud", "aktivitet-sidbrytning", "nämndmål-utan-nummer", "nämndmål-utan-rubrikord", "namn-på-raden", "allt" };

    private static FlatReportWriter Writer(string variant) => variant switch
    {
        "smal" => new FlatReportWriter { NameWidth = 18 },
        "bred" => new FlatReportWriter { NameWidth = 48, TextWidth = 120 },
        "sidbrytning" => new FlatReportWriter { PageBreakEvery = 3 },
        "enhet" => new FlatReportWriter { WrapUnits = true },
        "aktivitetshuvud" => new FlatReportWriter { SplitActivityHeader = true },
        "aktivitet-sidbrytning" => new FlatReportWriter { ActivityPageBreakEvery = 2 },
        "nämndmål-utan-nummer" => new FlatReportWriter { DropBoardNumbers = true },
        "nämndmål-utan-rubrikord" => new FlatReportWriter { DropBoardPrefix = true },
        "namn-på-raden" => new FlatReportWriter { NameOnValueLine = true, NameWidth = 40 },
        "allt" => new FlatReportWriter
        {
            NameOnValueLine = true, NameWidth = 30, PageBreakEvery = 2, ActivityPageBreakEvery = 3, WrapUnits = true,
            SplitActivityHeader = true, DropBoardNumbers = true,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    /// <summary>
    /// The tertial report (tab-separated in the seed) written as a flattened tertial report, the layout another
    /// district's report came in: nine columns with Prognos helår, Period cells "Tertial" / "1 2026" wrapped,
    /// "Tas fram av nämnd" wrapped, empty gender and outcome cells as spaces.
    /// </summary>
    [Theory]
    [MemberData(nameof(Writers))]
    public void A_tertial_report_flattened_reads_back_every_goal_and_cell(string variant)
    {
        var original = Import(File.ReadAllText(Repo.Seed(TertialSeed)));
        var flat = Writer(variant).Write(original);
        if (Environment.GetEnvironmentVariable("VARIANT_DUMP") is { } dump) File.WriteAllText(Path.Combine(dump, $"t1-{variant}.txt"), flat);
        ShouldMatch(Dump(Import(flat)), Dump(original));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void An_annual_report_rewritten_in_each_habit_reads_back_the_same(string variant)
    {
        var original = Import(Annual.Value);
        var flat = Writer(variant).Write(original);
        ShouldMatch(Dump(Import(flat)), Dump(original));
    }

    [Fact]
    public void A_second_tertial_report_of_another_year_reads_back_its_period_and_cells()
    {
        var original = Import(File.ReadAllText(Repo.Seed(TertialSeed)));
        original.Period = "T2 2024";
        var imported = Import(new FlatReportWriter { NameOnValueLine = true }.Write(original));
        imported.Period.ShouldBe("T2 2024");
        ShouldMatch(Dump(imported), Dump(original));
    }

    [Fact]
    public void An_annual_report_of_2021_with_unnumbered_board_goals_reads_back_its_period_and_tree()
    {
        var original = Import(Annual.Value);
        original.Period = "VB 2021";
        var imported = Import(new FlatReportWriter { DropBoardNumbers = true, SplitActivityHeader = true }.Write(original));
        imported.Period.ShouldBe("VB 2021");
        ShouldMatch(Dump(imported), Dump(original));
    }

    [Fact]
    public void A_plan_flattened_reads_back_targets_and_periodicity()
    {
        var original = Import(File.ReadAllText(Repo.Seed("003_ce6ff41ba5d2322e.txt")));
        var flat = new FlatReportWriter().Write(original);
        ShouldMatch(Dump(Import(flat)), Dump(original));
    }

    // --- The seed's own text, rewritten line by line ---

    /// <summary>Replaces the first match of <paramref name="pattern"/> and asserts there was one.</summary>
    private static string Rewrite(string text, string pattern, string replacement)
    {
        var regex = new Regex(pattern, RegexOptions.Multiline);
        regex.IsMatch(text).ShouldBeTrue(pattern);
        return regex.Replace(text, replacement, 1);
    }

    private static RawRow Indicator(RawDataset d, string name) => d.AllGoals().SelectMany(g => g.Indicators).Single(r => r.Name == name);

    [Fact]
    public void A_tab_row_that_lost_its_empty_cells_keeps_the_cells_after_them_and_marks_the_guess()
    {
        // In the tab layout of the T1 report, the men's and women's cells are empty; a copy that dropped both tabs
        // has seven cells for nine columns. The Period cell still ends the row, so the cells after the lost ones
        // stand where they belong, and the cells before them say they were placed by a guess.
        const string name = "Andel barn som lever i familjer som har ekonomiskt bistånd";
        var seed = File.ReadAllText(Repo.Seed(TertialSeed));
        var variant = Rewrite(seed, $@"^(  {name})\t2,8 %\t\t\t", "$1\t2,8 %\t");
        var original = Indicator(Import(seed), name);
        var row = Indicator(Import(variant), name);

        foreach (var key in (string[])["utfall", "utfall_forra_aret", "prognos", "arsmal", "kf_arsmal", "period"])
            row.Cells.GetValueOrDefault(key).ShouldBe(original.Cells.GetValueOrDefault(key), key);
        row.Uncertain.Keys.ShouldContain("utfall");
        row.Uncertain["utfall"].ShouldContain("2 cell(er) för lite");
        original.Uncertain.ShouldBeEmpty();
    }

    [Fact]
    public void A_blanked_cell_is_empty_and_its_neighbours_keep_their_columns()
    {
        // "38,6 % 2,3 % 36,4 %  33 % 33 % VB 2023": the men's cell blanked leaves one more space.
        var variant = Rewrite(Annual.Value, @"^38,6 % 2,3 % 36,4 %  33 %", "38,6 %  36,4 %  33 %");
        var expected = Import(Annual.Value);
        Indicator(expected, "Andel legitimerade förskollärare av totalt antal anställda (årsarbetare)").Cells.Remove("utfall_man");
        ShouldMatch(Dump(Import(variant)), Dump(expected));
    }

    [Fact]
    public void A_blanked_first_value_is_an_empty_outcome_not_a_shifted_row()
    {
        // The outcome cell empty: the values line starts with a space for it.
        var variant = Rewrite(Annual.Value, @"^1,3 % 1,22 % 1,39 %", " 1,22 % 1,39 %");
        var expected = Import(Annual.Value);
        Indicator(expected, "Andel vuxna med långvarigt ekonomiskt bistånd jämfört med samtliga vuxna invånare").Cells.Remove("utfall");
        ShouldMatch(Dump(Import(variant)), Dump(expected));
    }

    [Fact]
    public void Numbers_with_thousands_groups_are_split_only_where_the_columns_allow()
    {
        // "1 364   1 106 1 100 st" is three cells (the spacing leaves two empty), not "1 364 1 106" or "1 100 1 …".
        var row = Indicator(Import(Annual.Value), "Antal tillhandahållna platser för feriejobb");
        (row.Cells["utfall"], row.Cells["utfall_forra_aret"], row.Cells["arsmal"]).ShouldBe(("1 364", "1 106", "1 100 st"));
        row.Uncertain.ShouldBeEmpty();

        // Written as "512   498 500 st" the same row reads as three cells again.
        var variant = Rewrite(Annual.Value, @"^1 364   1 106 1 100 st", "512   498 500 st");
        var changed = Indicator(Import(variant), "Antal tillhandahållna platser för feriejobb");
        (changed.Cells["utfall"], changed.Cells["utfall_forra_aret"], changed.Cells["arsmal"]).ShouldBe(("512", "498", "500 st"));
    }

    [Fact]
    public void A_wrapped_name_that_ends_in_a_figure_keeps_it_when_the_values_start_a_line_of_their_own()
    {
        // Without the gender split, "… kontraktet efter 12" / "månader" / "100 100 100 % Tas fram …" could be read with
        // "12 månader" as the outcome and "100 100" as one grouped figure; but the values start a line of their own, so
        // the name's last words are the name's.
        const string name = "Andel personer med bostadskontrakt enligt Bostad först som behåller kontraktet efter 12 månader";
        var columns = new[] { "utfall", "utfall_forra_aret", "arsmal", "kf_arsmal", "period" };
        var text = new FlatReportWriter { Columns = columns }.Write(Import(Annual.Value));
        text.ShouldContain("efter 12 \nmånader \n\n100 100 100 % Tas fram");
        var row = Indicator(Import(text), name);
        (row.Cells["utfall"], row.Cells["utfall_forra_aret"], row.Cells["arsmal"]).ShouldBe(("100", "100", "100 %"));
        row.Uncertain.ShouldBeEmpty();
    }

    [Theory]
    [InlineData('\u00A0')]
    [InlineData('\u202F')]
    public void A_no_break_space_in_a_tab_cell_is_read_as_a_space(char space)
    {
        var seed = File.ReadAllText(Repo.Seed(TertialSeed));
        var variant = Rewrite(seed, @"^(  Antalet besök på stadens fritidsgårdar\t\t\t\t)14 762 st\t\t15 000 st", $"$1{space}14{space}762{space}st\t\t15{space}000 st");
        var row = Indicator(Import(variant), "Antalet besök på stadens fritidsgårdar");
        (row.Cells["utfall_forra_aret"], row.Cells["arsmal"]).ShouldBe(("14 762 st", "15 000 st"));
    }

    [Fact]
    public void A_unit_wrapped_below_its_figure_and_a_period_wrapped_to_the_next_line_join_their_cells()
    {
        var variant = Rewrite(Annual.Value, @"^4,78 st   4,51 st 4,9 4,9 VB 2023 $", "4,78 \nst \n\n  4,51 st 4,9 4,9 VB \n\n2023 ");
        ShouldMatch(Dump(Import(variant)), Dump(Import(Annual.Value)));
    }

    [Fact]
    public void The_tail_of_a_name_after_a_page_break_belongs_to_the_row_above()
    {
        // "Antal förskolebarn per / anställd (årsarbetare)": the row's values stand before the page break, the
        // end of its name after the footer and the repeated header.
        var header = "    Indikator Periodens \nutfall \n\nUtfall \nmän/ \npojkar \n\nUtfall \nkvinnor/ \nflickor \n\nUtfall VB \n2022 Årsmål KF:s \n\nårsmål Period \n";
        var variant = Rewrite(Annual.Value, @"^  Antal förskolebarn per \n(anställd \(årsarbetare\) )\n\n(4,78 st   4,51 st 4,9 4,9 VB 2023 )$",
            "  Antal förskolebarn per 4,78 st   4,51 st 4,9 4,9 VB 2023 \n\nHässelby-Vällingby stadsdelsnämnd, Verksamhetsberättelse 12(100) \n\n" + header + "\nanställd (årsarbetare) ");
        ShouldMatch(Dump(Import(variant)), Dump(Import(Annual.Value)));
    }

    [Fact]
    public void Unnumbered_board_goals_get_ids_from_their_parent_in_order()
    {
        var variant = Regex.Replace(Annual.Value, @"^([ \t]*Nämndmål:) \d+\.\d+\.\d+\.?[ \t]*", "$1 ", RegexOptions.Multiline);
        var import = ReportImporter.Import(variant, "variant.txt");
        ShouldMatch(Dump(import.Dataset), Dump(Import(Annual.Value)));
        import.Notes.ShouldContain(n => n.Message.Contains("id 1.3.2 härleddes från 1.3"));
    }

    [Fact]
    public void A_board_goal_given_only_by_its_title_and_rating_line_is_found()
    {
        var variant = Regex.Replace(Annual.Value, @"^[ \t]*Nämndmål: \d+\.\d+\.\d+\.?[ \t]*", "", RegexOptions.Multiline);
        ShouldMatch(Dump(Import(variant)), Dump(Import(Annual.Value)));
    }

    [Fact]
    public void A_direction_goal_without_rating_line_keeps_its_title_when_prose_follows_directly()
    {
        // "KF:s inriktningsmål: 1. Ett Stockholm som håller samman med en / stark och jämlik välfärd i hela staden"
        // then, without the rating line, the prose.
        var variant = Rewrite(Annual.Value, @"^(KF:s inriktningsmål: 1\. .*\n.*\n)\n Uppfylls helt \n\n", "$1");
        var expected = Import(Annual.Value);
        expected.Goals[0].Recorded = null;
        var actual = Import(variant);
        actual.Goals[0].Title.ShouldBe("Ett Stockholm som håller samman med en stark och jämlik välfärd i hela staden");
        ShouldMatch(Dump(actual), Dump(expected));
    }

    [Fact]
    public void An_activity_table_whose_header_is_split_over_lines_is_a_table()
    {
        var variant = Regex.Replace(Annual.Value, @"Aktivitet Startdatum Slutdatum Avvikelse", "Aktivitet \nStartdatum Slutdatum \nAvvikelse");
        ShouldMatch(Dump(Import(variant)), Dump(Import(Annual.Value)));
    }

    [Fact]
    public void A_deviation_flag_on_its_own_line_flags_the_activity_above()
    {
        var variant = Rewrite(Annual.Value, @"^2023-01-01 2023-12-31 Avvikelse $", "2023-01-01 2023-12-31 \n\nAvvikelse ");
        ShouldMatch(Dump(Import(variant)), Dump(Import(Annual.Value)));
    }

    [Fact]
    public void An_activity_without_dates_is_a_row_and_keeps_its_deviation()
    {
        // The 2021 report's only deviation stood in a row without dates: it must not become analysis text.
        var variant = Rewrite(Annual.Value, @"^2023-01-01 2023-12-31 Avvikelse $", "Avvikelse ");
        var expected = Import(Annual.Value);
        var activity = expected.AllGoals().SelectMany(g => g.Activities).First(a => a.Cells.ContainsKey("avvikelse"));
        activity.Cells.Remove("start");
        activity.Cells.Remove("slut");
        ShouldMatch(Dump(Import(variant)), Dump(expected));
    }

    [Fact]
    public void A_dash_is_an_empty_cell_and_an_unreadable_cell_is_left_out_as_uncertain()
    {
        var variant = Rewrite(Annual.Value, @"^38,6 % 2,3 % 36,4 %  33 %", "38,6 % – 36,4 %  33 %");
        var expected = Import(Annual.Value);
        Indicator(expected, "Andel legitimerade förskollärare av totalt antal anställda (årsarbetare)").Cells.Remove("utfall_man");
        ShouldMatch(Dump(Import(variant)), Dump(expected));

        var odd = Rewrite(Annual.Value, @"^38,6 % 2,3 % 36,4 %  33 %", "38,6 % 2,3 % 36,4 %  Under 33 %");
        var row = Indicator(Import(odd), "Andel legitimerade förskollärare av totalt antal anställda (årsarbetare)");
        row.Cells.ContainsKey("arsmal").ShouldBeFalse();
        row.Uncertain.Keys.ShouldContain("arsmal");
    }

    [Fact]
    public void A_table_of_contents_without_leader_dots_is_not_the_goal_tree()
    {
        // The headings listed with their page numbers before the report proper.
        var headings = Regex.Matches(Annual.Value, @"^(KF:s (inriktningsmål|mål för verksamhetsområdet): .*?) $", RegexOptions.Multiline)
            .Select((m, n) => $"{m.Groups[1].Value} {n + 3}").ToList();
        headings.Count.ShouldBeGreaterThan(10);
        var variant = "Innehållsförteckning \n\n" + string.Join(" \n", headings) + " \n\n" + Annual.Value;
        ShouldMatch(Dump(Import(variant)), Dump(Import(Annual.Value)));
    }

    [Fact]
    public void Prose_that_wraps_onto_a_goal_word_is_not_a_heading()
    {
        // A paragraph whose lines happen to start with the words of a heading, without its colon or capital.
        var variant = Rewrite(Annual.Value, @"^(Förvaltningen bedömer att verksamhetsområdesmålet uppfylls helt\. Bedömningen grundar sig )$",
            "$1\ninriktningsmål 2 och 3 uppfylls också, liksom \nmål för verksamhetsområdet 1.2 och \nNämndmål 1.2.1 som uppfylls helt, och \nNämndmål: för fritiden gäller detsamma. ");
        static IEnumerable<string> Goals(RawDataset d) => d.AllGoals().Select(g => $"{g.Level} {g.Id} {g.Title}");
        Goals(Import(variant)).ShouldBe(Goals(Import(Annual.Value)));
    }

    [Fact]
    public void Rating_lines_with_a_full_stop_or_ej_and_a_note_label_on_its_row_read_the_same()
    {
        var variant = Regex.Replace(Annual.Value, @"^ Uppfylls helt $", " Uppfylls helt. ", RegexOptions.Multiline);
        variant = Rewrite(variant, @"^ Uppfylls helt\. $", " Uppfylls ej ");
        variant = Rewrite(variant, @"^Analys \n(Andel legitimerade förskollärare som är män)", "Analys: $1");
        var expected = Import(Annual.Value);
        expected.Goals[0].Recorded = "inte";
        ShouldMatch(Dump(Import(variant)), Dump(expected));
    }

    [Theory]
    [InlineData("fritidsgårdar¹", "fritidsgårdar")]
    [InlineData("59 %*", "59 %")]
    [InlineData("Antal m² per elev³", "Antal m² per elev")]
    [InlineData("m²", "m²")]
    [InlineData("1 200 km²", "1 200 km²")]
    [InlineData("12 m³", "12 m³")]
    public void A_footnote_marker_is_removed_but_not_the_power_of_a_unit(string cell, string read) =>
        Layout.FootnoteMarker().Replace(cell, "").ShouldBe(read);

    [Theory]
    [InlineData("–", false)]
    [InlineData("Nej", false)]
    [InlineData("Ingen avvikelse", false)]
    [InlineData("X", true)]
    [InlineData("✓", true)]
    public void A_flattened_activity_rows_avvikelse_cell_is_read_as_the_tab_layout_reads_it(string cell, bool deviation)
    {
        var variant = Rewrite(Annual.Value, @"^(  Fritidsledare ska få ökad kunskap om socialtjänstens uppdrag\. 2023-01-01 2023-07-31)  $", $"$1 {cell} ");
        var activity = Import(variant).AllGoals().SelectMany(g => g.Activities)
            .Single(a => a.Name.StartsWith("Fritidsledare ska få ökad kunskap", StringComparison.Ordinal));
        (activity.Cells.TryGetValue("avvikelse", out var flag) && flag == "true").ShouldBe(deviation);
        activity.Cells["slut"].ShouldBe("2023-07-31");
    }

    [Theory]
    [InlineData("$1 \nSe analys ")]
    [InlineData("Se analys $1 ")]
    public void A_flattened_avvikelse_cell_with_other_text_apart_from_the_dates_is_noted_and_flags_nothing(string rewritten)
    {
        // The activity's name, a blank line, then its dates: the cell on the line below them, or before them on their line.
        var variant = Rewrite(Annual.Value, @"^(2023-01-02 2023-12-31)  $", rewritten);
        var import = ReportImporter.Import(variant, "variant.txt");
        var activity = import.Dataset.AllGoals().SelectMany(g => g.Activities)
            .Single(a => a.Name.StartsWith("Fritiden ska aktivt samverka med civilsamhället", StringComparison.Ordinal));
        activity.Cells.ContainsKey("avvikelse").ShouldBeFalse();
        activity.Cells["start"].ShouldBe("2023-01-02");
        import.Notes.ShouldContain(n => n.Message.Contains("avvikelsecellen \"Se analys\""));
        Dump(import.Dataset).ShouldBe(Dump(Import(Annual.Value)));
    }

    [Fact]
    public void Goal_headings_in_a_row_that_do_not_come_again_are_the_goal_tree_not_a_table_of_contents()
    {
        // An inriktningsmål and its first verksamhetsområdesmål without rating or text, straight above a nämndmål:
        // three headings in a row, as a contents list without page numbers has them – but given only once.
        var lines = Annual.Value.Split('\n');
        int LineOf(string start) => Array.FindIndex(lines, l => l.StartsWith(start, StringComparison.Ordinal));
        var (direction, serviceArea, board) = (LineOf("KF:s inriktningsmål: 1."), LineOf("KF:s mål för verksamhetsområdet: 1.1 "), LineOf("Nämndmål: 1.1.1 "));
        (direction < serviceArea && serviceArea < board).ShouldBeTrue();
        var variant = string.Join("\n", [.. lines[..(direction + 1)], "", lines[serviceArea], "", .. lines[board..]]);
        static IEnumerable<string> Goals(RawDataset d) => d.AllGoals().Select(g => $"{g.Level} {g.Id}");
        Goals(Import(variant)).ShouldBe(Goals(Import(Annual.Value)));
        var import = ReportImporter.Import(variant, "variant.txt");
        import.Notes.ShouldNotContain(n => n.Message.Contains("innehållsförteckning"));
    }

    [Fact]
    public void Bare_headings_listed_before_the_report_are_a_table_of_contents_once_the_goal_repeats()
    {
        // Two inriktningsmål listed without page numbers (too few to be a run of headings), then the economy section
        // of the list: the entries stay bare, and each is dropped when its goal's heading comes again in the report.
        var headings = Regex.Matches(Annual.Value, @"^KF:s inriktningsmål: [12]\. .*? $", RegexOptions.Multiline).Select(m => m.Value).ToList();
        headings.Count.ShouldBe(2);
        var variant = "Innehåll \n\n" + string.Join("\n\n", headings) + "\n\nUppföljning av ekonomi \n\n" + Annual.Value;
        var import = ReportImporter.Import(variant, "variant.txt");
        ShouldMatch(Dump(import.Dataset), Dump(Import(Annual.Value)));
        import.Notes.ShouldContain(n => n.Line == 3 && n.Message.Contains("lästes som innehållsförteckning"));
    }

    [Fact]
    public void The_end_of_a_paragraph_that_a_page_break_put_below_a_table_header_joins_its_paragraph()
    {
        var variant = ImportVariants.All().Single(v => v.Name == "styckets slut efter tabellhuvudet").Make();
        var import = ReportImporter.Import(variant.Text, "variant.txt");
        ShouldMatch(Dump(import.Dataset), Dump(variant.Expected));
        import.Notes.ShouldContain(n => n.Message.Contains("är slutet på stycket ovanför tabellen och lästes in där"));
    }

    [Theory]
    [InlineData("verksamhetsområdesmålen utan rubrik, med betyg, text och tabeller (tabb)", "som följer den")]
    [InlineData("verksamhetsområdesmålen utan rubrik, med betyg, text och tabeller (VB)", "som följer den")]
    [InlineData("inriktnings- och verksamhetsområdesmålen utan rubrik, med innehåll (T1)", "som följer den")]
    [InlineData("verksamhetsområdesmålen utan rubrik, det sista utan nämndmål (T1)", "rapporten saknar rubriker för verksamhetsområdesmål, så den lästes som nästa")]
    public void A_goal_without_its_heading_keeps_its_rating_text_and_tables(string name, string note)
    {
        // Its text and KF tables were read as the goal's above (or dropped under an inriktningsmål): now every goal's text
        // and rows are the report's, and the goal without heading is noted.
        var variant = ImportVariants.All().Single(v => v.Name == name).Make();
        var import = ReportImporter.Import(variant.Text, "variant.txt");
        ShouldMatch(Dump(import.Dataset), Dump(variant.Expected));
        import.Notes.ShouldContain(n => n.Message.Contains(note));
        import.Notes.ShouldNotContain(n => n.Message.Contains("har redan betyget"));
    }

    [Theory]
    [InlineData("kolumnjusterade tabeller (T1)")]
    [InlineData("kolumnjusterade tabeller, värden högerställda (VB)")]
    [InlineData("kolumnjusterade tabeller, tomrad mellan raderna (T1)")]
    [InlineData("kolumnjusterade tabeller, marginaljusterad text (T1)")]
    [InlineData("kolumnjusterade tabeller, marginaljusterad text (VB)")]
    public void A_report_whose_tables_keep_their_columns_aligned_reads_back_its_whole_dataset(string name)
    {
        // As "pdftotext -layout" writes a report: before, its tables were read as flattened ones – 15 of 73 indicators of the
        // tertial report with 96 notes, 11 of 77 of the annual report with 205. Texts, rows and analyses compared; no notes.
        var variant = ImportVariants.All().Single(v => v.Name == name).Make();
        var import = ReportImporter.Import(variant.Text, "variant.txt");
        ShouldMatch(Dump(import.Dataset), Dump(variant.Expected));
        import.Notes.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Indikator                 Periodens utfall   Utfall män/   Årsmål   KF:s   Period", true)]
    [InlineData("Aktivitet                         Startdatum    Slutdatum    Avvikelse", true)]
    [InlineData("aktiviteter  under  året.  Totalt  har  aktiviteter  genomförts  vid cirka 150 tillfällen.", false)] // justified prose
    [InlineData("Indikatorer  som  mäter  utfall  och  årsmål  redovisas  nedan", false)]
    [InlineData("Indikator Periodens utfall Årsmål Period", false)] // one space apart: the flattened layout's
    public void A_column_aligned_header_has_known_columns_two_spaces_apart(string line, bool header)
    {
        new ColumnLayout().IsTableHeader(ReportImporter.Clean(line), line).ShouldBe(header);
    }

    [Fact]
    public void A_line_of_header_words_under_a_column_aligned_headers_name_column_is_a_row_not_the_headers_tail()
    {
        // "Utfall" under "Indikator" once joined the name column's heading, so the header was no header and the import failed (A901).
        const string text = "KF:s inriktningsmål: 1. Ett mål\n\n Uppfylls helt\n\nKF:s mål för verksamhetsområdet: 1.1 Ett annat mål\n\n Uppfylls helt\n\n" +
                            "Indikator             Periodens utfall   Årsmål     Period\nUtfall\n  Andel x             5 %                6 %        2026\n";
        var import = ReportImporter.Import(text, "liten.txt");
        var row = import.Dataset.AllGoals().Single(g => g.Id == "1.1").Indicators.Single(r => r.Name == "Andel x");
        (row.Cells["utfall"], row.Cells["arsmal"]).ShouldBe(("5 %", "6 %"));
    }

    [Fact]
    public void Prose_with_figures_after_a_table_is_the_goals_text_not_a_row()
    {
        var variant = ImportVariants.All().Single(v => v.Name == "löptext med tal efter tabellen").Make();
        var import = ReportImporter.Import(variant.Text, "variant.txt");
        ShouldMatch(Dump(import.Dataset), Dump(variant.Expected));
        import.Notes.ShouldContain(n => n.Message.Contains("slutade inte som en tabellrad och lästes som löptext"));
    }

    [Fact]
    public void A_period_cell_that_is_neither_year_nor_tertial_is_noted_and_the_row_kept_with_the_likely_periodicity_marked_uncertain()
    {
        // "Tertial" with no year after it: a periodicity, read as Tertial; "Löpande" is no period, so the cell is noted and
        // the row, without an outcome for the tertial, taken as yearly and marked uncertain.
        var seed = File.ReadAllText(Repo.Seed(TertialSeed));
        var variant = Rewrite(seed, @"^(  Andelen nöjda besökare på stadens fritidsgårdar(?:\t[^\t\n]*)*)\t2026$", "$1\tLöpande");
        var import = ReportImporter.Import(variant, "variant.txt");
        var row = Indicator(import.Dataset, "Andelen nöjda besökare på stadens fritidsgårdar");
        row.Cells["periodicitet"].ShouldBe("År");
        row.Uncertain["periodicitet"].ShouldContain("ingen period");
        row.Cells["arsmal"].ShouldBe("90 %");
        import.Notes.ShouldContain(n => n.Message.Contains("perioden \"Löpande\" är varken ett år eller en tertial"));
    }

    [Fact]
    public void A_contents_entry_with_a_tab_is_skipped_and_the_reports_own_heading_opens_the_goal()
    {
        var import = ReportImporter.Import("KF:s inriktningsmål: 1. Ett mål\t5\n\nKF:s inriktningsmål: 1. Ett mål\n\n Uppfylls helt\n", "liten.txt");
        import.Dataset.Goals.ShouldHaveSingleItem().Recorded.ShouldBe("helt");
        import.Dataset.Goals[0].Line.ShouldBe(3);
    }

    [Theory]
    [InlineData("statuskolumn sist (Grön/Gul/Röd) (VB)")]
    [InlineData("statuskolumn först (Helt/Delvis/Ej uppfyllt) (T1)")]
    [InlineData("statuskolumn sist (Grön/Gul/Röd, tabb)")]
    [InlineData("aktiviteternas statuskolumn (Pågående, Avslutad, Ej påbörjad) (VB)", "(aktivitetens status) lämnades", "Aktivitet")]
    [InlineData("aktiviteternas statuskolumn (Pågående, Avslutad, Ej påbörjad; tabb)", "(aktivitetens status) lämnades", "Aktivitet")]
    [InlineData("kolumnen Enhet efter namnet (VB)", "(indikatorns enhet) lämnades")]
    public void A_status_column_is_left_with_a_note_at_its_tables_headers(string name,
        string note = "(indikatorns status i stadens system) lämnades", string header = "Indikator")
    {
        var (_, text) = ImportVariants.All().Single(v => v.Name == name).Make();
        var import = ReportImporter.Import(text, "variant.txt");
        var lines = text.Split('\n');
        var notes = import.Notes.Where(n => n.Message.Contains(note)).ToList();
        notes.Count.ShouldBeGreaterThan(10);
        notes.ShouldAllBe(n => lines[n.Line - 1].TrimStart().StartsWith(header, StringComparison.Ordinal));
        import.Notes.ShouldNotContain(n => n.Message.Contains("okänd kolumn") || n.Message.Contains("avvikelsecellen"));
    }

    [Theory]
    [InlineData(AnnualSeed, @"(?<=\.\s*\n\s*\n)   (Indikator|Aktivitet) ")]
    [InlineData(TertialSeed, @"(?<=\n\n)(Indikator|Aktivitet)\t")]
    public void A_label_above_a_table_is_no_text_of_the_goal_and_no_row(string seed, string header)
    {
        // "Indikatorer" / "Aktiviteter" (with whose: "KF:s", "Nämndens") on a line of its own above a table, as some districts set it.
        var text = File.ReadAllText(Repo.Seed(seed));
        var labels = 0;
        var variant = Regex.Replace(text, header, m =>
            $"{(labels++ % 2 == 0 ? m.Groups[1].Value + "er" : $"Nämndens {m.Groups[1].Value.ToLowerInvariant()}er")}:\n\n{m.Value}");
        labels.ShouldBeGreaterThan(10);
        var import = ReportImporter.Import(variant, "variant.txt");
        Dump(import.Dataset).ShouldBe(Dump(Import(text)));
        import.Notes.ShouldNotContain(n => n.Message.Contains("ndikatorer") || n.Message.Contains("ktiviteter"));
    }

    [Theory]
    [InlineData(AnnualSeed)]
    [InlineData(TertialSeed)]
    [InlineData("003_ce6ff41ba5d2322e.txt")]
    public void Section_labels_with_a_colon_or_in_the_plural_head_the_same_sections(string seed)
    {
        // "Analys:", "Beskrivning:", "Förväntade resultat:" as other districts write them, on their own lines and before a row's note.
        var text = File.ReadAllText(Repo.Seed(seed));
        var variant = Regex.Replace(text, @"^([#\s]*\**)(Analys|Beskrivning|Förväntat resultat)(\**)(?=[ \t]|$)", m =>
            m.Groups[1].Value + (m.Groups[2].Value == "Förväntat resultat" ? "Förväntade resultat" : m.Groups[2].Value) + ":" + m.Groups[3].Value, RegexOptions.Multiline);
        variant.ShouldNotBe(text);
        Dump(ReportImporter.Import(variant, "variant.txt").Dataset).ShouldBe(Dump(Import(text)));
    }

    [Fact]
    public void Headings_of_only_a_number_and_a_title_are_goals_by_the_numbers_depth_when_a_rating_follows()
    {
        var import = ReportImporter.Import("1. Ett mål\n\nUppfylls helt\n\n1.1 Ett delmål\n\nUppfylls delvis\n\n1.1.1 Nämndens mål\n\nUppfylls inte\n", "nummer.txt");
        import.Dataset.AllGoals().Select(g => $"{g.Level} {g.Id} {g.Title} {g.Recorded}").ShouldBe(
            ["DirectionGoal 1 Ett mål helt", "ServiceAreaGoal 1.1 Ett delmål delvis", "BoardGoal 1.1.1 Nämndens mål inte"]);
        import.Notes[0].Message.ShouldContain("numrerade rubriker följda av en betygsrad");

        // Numbered chapters without ratings are no goals: the report is read as it is, and says it found none.
        var chapters = ReportImporter.Import("1 Inledning\n\nText.\n\n2 Ekonomi\n\nText.\n", "kapitel.txt");
        chapters.Dataset.Goals.ShouldBeEmpty();
        chapters.Notes.ShouldContain(n => n.Message.StartsWith("inga mål hittades", StringComparison.Ordinal));
    }
}
