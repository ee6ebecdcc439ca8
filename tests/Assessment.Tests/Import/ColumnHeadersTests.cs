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
    public void A_tab_header_cell_is_read_as_its_column(string cell, string key)
    {
        ColumnHeaders.Key(cell).ShouldBe(key);
    }

    [Fact]
    public void A_flattened_header_with_a_code_run_into_its_year_and_a_lone_prognos_keeps_both_columns()
    {
        string[] words = ["Indikator", "Periodens", "utfall", "Utfall", "VB2023", "Prognos", "Årsmål", "Period"];

        words.All(ColumnHeaders.IsHeaderWord).ShouldBeTrue();
        ColumnHeaders.Read(words).ShouldBe(["namn", "utfall", "utfall_forra_aret", "prognos", "arsmal", "period"]);
    }
}
