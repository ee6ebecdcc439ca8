using Assessment.Import;

namespace Assessment.Tests.Import;

/// <summary>Header spellings the vocabulary must keep reading, in both the tab cell form and the flattened word form.</summary>
public sealed class ColumnHeadersTests
{
    [Theory]
    [InlineData("Utfall VB 2023", "utfall_forra_aret")]
    [InlineData("Utfall VB2023", "utfall_forra_aret")]
    [InlineData("Prognos", "prognos")]
    [InlineData("Prognos helår", "prognos")]
    [InlineData("Helårsprognos", "prognos")]
    [InlineData("Arsmål 2026", "arsmal")]
    [InlineData("KF:s årsmål", "kf_arsmal")]
    [InlineData("Utfall (antal)", "utfall")]
    [InlineData("Period (tertial)", "period")]
    [InlineData("Period(tertial)", "period")]
    [InlineData("Utfall föregående år (VB 2025)", "utfall_forra_aret")]
    [InlineData("Prognos helår, antal", "prognos")]
    [InlineData("Utfall föregående år", "utfall_forra_aret")]
    [InlineData("Prognos helår 2026", "prognos")]
    [InlineData("Periodens utfall 2026", "utfall")]
    [InlineData("Utfall föregående år 2025 (antal)", "utfall_forra_aret")]
    [InlineData("Utfall T1 2026", "utfall")]
    [InlineData("Periodens utfall T2", "utfall")]
    [InlineData("Prognos tertial 2, 2026", "prognos")]
    [InlineData("Status", "status")]
    [InlineData("Måluppfyllelse", "status")]
    [InlineData("Enhet", "enhet")]
    [InlineData("Utfall helår 2023", "utfall")]
    [InlineData("Föregående år", "utfall_forra_aret")]
    [InlineData("Målvärde 2026", "arsmal")]
    [InlineData("Mål 2026", "arsmal")]
    [InlineData("Kommunfullmäktiges årsmål 2026", "kf_arsmal")]
    [InlineData("KF:s mål 2026", "kf_arsmal")]
    [InlineData("Mätperiod", "period")]
    [InlineData("Frekvens", "periodicitet")]
    [InlineData("Mätfrekvens", "periodicitet")]
    public void A_tab_header_cell_is_read_as_its_column(string cell, string key)
    {
        ColumnHeaders.KeysOf([cell]).ShouldBe([key]);
    }

    [Theory]
    [InlineData("Utfall föregående tertial")]
    [InlineData("Prognos föregående tertial")]
    [InlineData("Män och kvinnor totalt")]
    [InlineData("Utfall T1 föregående år")]
    public void A_tab_header_cell_that_goes_on_after_a_spelling_with_other_words_is_no_known_column(string cell)
    {
        ColumnHeaders.KeysOf([cell]).ShouldBe([null]);
    }

    [Theory]
    [InlineData("Utfall 2026|Utfall 2025", "utfall|utfall_forra_aret")]
    [InlineData("Utfall 2025|Utfall 2026", "utfall_forra_aret|utfall")]
    [InlineData("Periodens utfall|Utfall 2025", "utfall|utfall_forra_aret")]
    [InlineData("Utfall 2026|Utfall VB 2025", "utfall|utfall_forra_aret")]
    [InlineData("Utfall år 2026|Utfall år 2025", "utfall|utfall_forra_aret")]
    [InlineData("Utfall 2025", "utfall")]
    [InlineData("Utfall 2026|Utfall 2024", "utfall|")]
    [InlineData("Utfall 2026|Utfall 2025|Utfall 2024", "utfall|utfall_forra_aret|")]
    public void Outcomes_headed_by_their_years_are_the_periods_and_last_years_by_the_years(string cells, string keys)
    {
        ColumnHeaders.KeysOf(["Indikator", .. cells.Split('|')])
            .ShouldBe(["namn", .. keys.Split('|').Select(k => k.Length == 0 ? null : k)]);
    }

    [Fact]
    public void A_flattened_header_with_outcomes_headed_by_their_years_tells_them_apart()
    {
        string[][] lines = [["Indikator", "Utfall", "Utfall", "Årsmål", "Period"], ["2023", "2022"]];

        ColumnHeaders.Read(lines).ShouldBe(["namn", "utfall", "utfall_forra_aret", "arsmal", "period"]);
    }

    [Fact]
    public void A_flattened_header_written_line_by_line_across_the_row_joins_each_cell()
    {
        string[][] lines = [["Indikator", "Periodens", "Utfall", "Utfall", "Årsmål", "Period"], ["utfall", "män/", "föregående", "år", "2026"], ["pojkar"]];

        ColumnHeaders.Read(lines).ShouldBe(["namn", "utfall", "utfall_man", "utfall_forra_aret", "arsmal", "period"]);
    }

    [Fact]
    public void A_flattened_header_word_broken_over_two_lines_is_one_heading()
    {
        string[][] lines = [["Indikator", "Periodens"], ["utfall", "Före-"], ["gående", "års"], ["utfall", "Helårs"], ["prognos", "Period"]];

        lines.SelectMany(l => l).All(ColumnHeaders.IsHeaderWord).ShouldBeTrue();
        ColumnHeaders.Read(lines).ShouldBe(["namn", "utfall", "utfall_forra_aret", "prognos", "period"]);
    }

    [Fact]
    public void A_flattened_heading_that_stops_short_or_a_word_under_no_heading_makes_no_column()
    {
        // "Utfall föregående" is no heading (not "Utfall"); "år" on the next line continues no cell of the line above it.
        string[][] lines = [["Indikator", "Utfall", "föregående", "Årsmål"], ["Period"], ["år"]];

        ColumnHeaders.Read(lines).ShouldBe(["namn", "arsmal", "period"]);
    }

    [Fact]
    public void A_flattened_header_with_a_code_run_into_its_year_and_a_lone_prognos_keeps_both_columns()
    {
        string[] words = ["Indikator", "Periodens", "utfall", "Utfall", "VB2023", "Prognos", "Årsmål", "Period"];

        words.All(ColumnHeaders.IsHeaderWord).ShouldBeTrue();
        ColumnHeaders.Read([words]).ShouldBe(["namn", "utfall", "utfall_forra_aret", "prognos", "arsmal", "period"]);
    }

    [Fact]
    public void A_flattened_header_line_leaves_what_is_in_brackets_also_over_a_line_break()
    {
        var open = false;
        ColumnHeaders.OutsideBrackets("Indikator Utfall (antal) Prognos helår(%) Årsmål [%] Period (per 1 000", ref open)
            .ShouldBe(["Indikator", "Utfall", "Prognos", "helår", "Årsmål", "Period"]);
        open.ShouldBeTrue();
        ColumnHeaders.OutsideBrackets("invånare) KF:s årsmål", ref open).ShouldBe(["KF:s", "årsmål"]);
        open.ShouldBeFalse();
    }

    [Fact]
    public void A_continuation_that_fits_two_cells_goes_where_the_columns_stand_in_the_template_order()
    {
        // Across the row: a bare "Utfall" (the period's) beside last year's "Utfall" / "föregående år". Either "Utfall"
        // could take "föregående år"; the period's outcome stands first in the city's template.
        string[][] bare = [["Indikator", "Utfall", "Utfall", "Årsmål"], ["föregående", "år"]];
        ColumnHeaders.Read(bare).ShouldBe(["namn", "utfall", "utfall_forra_aret", "arsmal"]);

        // Every "Utfall" wrapping: each continuation takes the next cell, as they stand.
        string[][] all = [["Indikator", "Utfall", "Utfall", "Utfall"], ["män/", "kvinnor/", "föregående"], ["pojkar", "flickor", "år"]];
        ColumnHeaders.Read(all).ShouldBe(["namn", "utfall_man", "utfall_kvinnor", "utfall_forra_aret"]);
    }

    [Fact]
    public void A_bracket_left_open_in_a_flattened_header_ends_it_at_the_next_line_not_in_the_rows()
    {
        string[] lines =
        [
            "   Indikator Periodens utfall (antal Årsmål Period ",
            "Andel nöjda brukare i hemtjänsten 85 % 90 % 2026 ",
            "Andel elever med godkända betyg 70 % 75 % 2026 ",
        ];
        FlatLayout.Header(lines, 0).End.ShouldBe(1);

        string[] closed = ["   Indikator Periodens utfall (per 1 000 ", "invånare) Årsmål Period ", "Andel nöjda 85 % 90 % 2026 "];
        var (columns, end, _) = FlatLayout.Header(closed, 0);
        columns.ShouldBe(["namn", "utfall", "arsmal", "period"]);
        end.ShouldBe(2);
    }

    [Theory]
    [InlineData("Indikator\tPeriodens utfall\tÅrsmål", true, "Indikator")]
    [InlineData("KF:s indikatorer\tPeriodens utfall\tÅrsmål", true, "KF:s indikatorer")]
    [InlineData("nämndens aktiviteter\tStartdatum\tSlutdatum", false, "nämndens aktiviteter")]
    [InlineData("\tIndikator\tPeriodens utfall", true, "Indikator")] // the header shifted one step right
    [InlineData("\tPeriodens utfall\tÅrsmål\tKF:s årsmål\tPeriod", true, "")]
    [InlineData("\tStartdatum\tSlutdatum\tAvvikelse", false, "")]
    [InlineData("\tÅrsmål\tKF:s årsmål år 2025\tPeriodicitet", true, "")]
    [InlineData("\tPeriodens utfall\tÅrsmål\tPeriod\tTrend", true, "")] // a column not known beside a goal table's own
    [InlineData("\tStartdatum\tSlutdatum\tAvvikelse\tKommentar", false, "")]
    public void A_table_header_says_what_its_rows_are_by_its_name_column_or_else_by_its_other_columns(string line, bool indicators, string name)
    {
        var header = ColumnHeaders.TableHeader(line.Split('\t')).ShouldNotBeNull();
        header.OfIndicators.ShouldBe(indicators);
        header.Cells[0].ShouldBe(name);
    }

    [Theory]
    [InlineData("Mnkr\tBudget\tBegärda budgetjusteringar\tPrognos\tAvvikelse")] // the report's economy
    [InlineData("\tBudget 2026\tPrognos 2026\tAvvikelse")] // a column no goal table has
    [InlineData("\tUtfall apr 2026\tUtfall jan -apr 2026")]
    [InlineData("\tPrognos\tAvvikelse")] // one column of each kind
    [InlineData("\tUtfall\tPrognos\tBudget")] // no goal table's own column: an economy table's
    [InlineData("\tÅrsmål\tPeriod\tTrend\tKälla")] // as many not known as known
    [InlineData("\tPeriodens utfall\tPeriod")] // one column of a kind only
    [InlineData("Förskola\tUtfall\tÅrsmål\tPeriod")] // a name column headed by something else
    [InlineData("KF:s mål\tUtfall\tÅrsmål")]
    public void A_line_of_cells_that_is_no_goal_tables_header_is_none(string line)
    {
        ColumnHeaders.TableHeader(line.Split('\t')).ShouldBeNull();
    }

    [Fact]
    public void A_flattened_headers_column_not_known_keeps_its_place_among_the_known_ones()
    {
        ColumnHeaders.Read([["Periodens", "Trend"], ["utfall"], ["Årsmål", "Period", "Kommentar"]])
            .ShouldBe(["utfall", ColumnHeaders.Other("Trend"), "arsmal", "period", ColumnHeaders.Other("Kommentar")]);
    }

    [Theory]
    [InlineData("Trend", true)]
    [InlineData("Kommentar", true)]
    [InlineData("Källa", true)]
    [InlineData("Utfall", false)] // a spelling
    [InlineData("Mål", false)] // the start of one ("Målvärde")
    [InlineData("VB", false)]
    [InlineData("KF:s", false)]
    [InlineData("trend", false)]
    public void A_column_not_known_is_headed_by_a_word_in_upper_then_lower_case_that_starts_no_spelling(string word, bool other)
    {
        ColumnHeaders.IsOtherHeading(word).ShouldBe(other);
    }
}
