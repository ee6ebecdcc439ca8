using System.Text.RegularExpressions;
using Assessment.Domain.Model;
using Assessment.Domain.Parsing;

namespace Assessment.Tests.Domain;

/// <summary>Every target and value form listed in DOMAIN.md, read as the reports write it.</summary>
public class SwedishValuesTests
{
    [Theory]
    [InlineData("2,4 %", 2.4, "%")]
    [InlineData("90%", 90, "%")]
    [InlineData("17 500", 17500, "")]
    [InlineData("4,8", 4.8, "")]
    [InlineData("83", 83, "")]
    [InlineData("13 st", 13, "st")]
    [InlineData("1 250 st", 1250, "st")]
    [InlineData("1\u00A0675 GWh", 1675, "GWh")]
    [InlineData("1,5 kg CO2 per kg livsmedel", 1.5, "kg CO2 per kg livsmedel")]
    [InlineData("1,2 GWh", 1.2, "GWh")]
    [InlineData("14,8 barn/avd.", 14.8, "barn/avd.")]
    [InlineData("-0 %", 0, "%")]
    [InlineData("−1,5 %", -1.5, "%")]
    [InlineData("85,94 %", 85.94, "%")]
    public void Level_targets_keep_number_and_unit(string text, double value, string unit)
    {
        var target = SwedishValues.ParseTarget(text).ShouldBeOfType<Target.Level>();
        target.Value.Value.ShouldBe((decimal)value);
        target.Value.Unit.ShouldBe(unit);
        target.Text.ShouldBe(text);
        target.ImpliedDirection.ShouldBeNull();
    }

    [Theory]
    [InlineData("Ökning", Direction.HigherIsBetter)]
    [InlineData("öka", Direction.HigherIsBetter)]
    [InlineData("Minskning", Direction.LowerIsBetter)]
    [InlineData("minska", Direction.LowerIsBetter)]
    public void Direction_only_targets(string text, Direction direction)
    {
        SwedishValues.ParseTarget(text).ShouldBeOfType<Target.Trend>().Direction.ShouldBe(direction);
    }

    [Fact]
    public void Upper_bound_is_a_ceiling_and_lower_is_better()
    {
        var target = SwedishValues.ParseTarget("Max 10 personer").ShouldBeOfType<Target.UpperBound>();
        target.Limit.Value.ShouldBe(10m);
        target.Limit.Unit.ShouldBe("personer");
        target.Implies.ShouldBe(Direction.LowerIsBetter);
    }

    [Fact]
    public void Minst_is_a_level_where_higher_is_better()
    {
        var target = SwedishValues.ParseTarget("Minst 94 %").ShouldBeOfType<Target.Level>();
        target.Value.Value.ShouldBe(94m);
        target.Implies.ShouldBe(Direction.HigherIsBetter);
    }

    [Theory]
    [InlineData("+/-1 %")]
    [InlineData("+/- 1 %")]
    [InlineData("±1 %")]
    public void Two_sided_band(string text)
    {
        var band = SwedishValues.ParseTarget(text).ShouldBeOfType<Target.Band>();
        band.HalfWidth.Value.ShouldBe(1m);
        band.HalfWidth.Unit.ShouldBe("%");
    }

    [Theory]
    [InlineData("Tas fram av nämnd")]
    [InlineData("Tas fram av nämnd/styrelse")]
    [InlineData("Fastställs 2025")]
    public void Deferred_targets_are_explicitly_not_assessable(string text)
    {
        var target = SwedishValues.ParseTarget(text).ShouldBeOfType<Target.Deferred>();
        target.Kind.ShouldBe("ej_faststallt");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_target_is_missing(string? text) => SwedishValues.ParseTarget(text).ShouldBeNull();

    [Theory]
    [InlineData("2.5 %")]
    [InlineData("ca 5")]
    [InlineData("hög")]
    [InlineData("1 5")]
    [InlineData("Max tio")]
    public void Unreadable_targets_are_errors_that_say_what_was_expected(string text)
    {
        var error = Should.Throw<FormatException>(() => SwedishValues.ParseTarget(text));
        error.Message.ShouldContain($"\"{text}\"");
        error.Message.ShouldContain("Tas fram av nämnd");
    }

    [Fact]
    public void A_number_too_large_to_compute_with_is_an_error_not_a_crash() =>
        Should.Throw<FormatException>(() => SwedishValues.ParseQuantity("99999999999999999999999999999999 %")).Message.ShouldContain("för stort");

    [Theory]
    [InlineData("T1 2026", PeriodKind.T1, 2026, "2026-04-30")]
    [InlineData("T2 2026", PeriodKind.T2, 2026, "2026-08-31")]
    [InlineData("VB 2023", PeriodKind.VB, 2023, "2023-12-31")]
    public void Periods_and_their_end_dates(string text, PeriodKind kind, int year, string end)
    {
        var period = SwedishValues.ParsePeriod(text);
        period.ShouldBe(new ReportingPeriod(kind, year));
        period.EndDate.ShouldBe(DateOnly.Parse(end));
    }

    [Theory]
    [InlineData("T3 2026")]
    [InlineData("2026")]
    [InlineData("Tertial 1 2026")]
    public void Unknown_periods_are_errors(string text) =>
        Should.Throw<FormatException>(() => SwedishValues.ParsePeriod(text)).Message.ShouldContain("T1, T2 eller VB");

    [Theory]
    [InlineData("T1 0000")]
    [InlineData("VB 0226")]
    [InlineData("T2 3026")]
    public void A_year_outside_reason_is_an_error(string text) =>
        Should.Throw<FormatException>(() => SwedishValues.ParsePeriod(text)).Message.ShouldContain("orimligt år");

    [Theory]
    [InlineData("T1 \u0662\u0660\u0662\u0666")]
    [InlineData("\u0662\u0664 %")]
    public void Digits_other_than_0_to_9_are_not_read_as_numbers(string text)
    {
        Should.Throw<FormatException>(() => SwedishValues.ParsePeriod(text));
        Should.Throw<FormatException>(() => SwedishValues.ParseQuantity(text)).Message.ShouldNotContain("för stort");
    }

    /// <summary>Figures are read without the pattern when they are plain; the result must be the pattern's, or its error.</summary>
    [Theory]
    [InlineData("2,4 %")]
    [InlineData("  -3,25 st ")]
    [InlineData("\u22121,5 %")]
    [InlineData("+7")]
    [InlineData("90%")]
    [InlineData("0,50 barn/avd.")]
    [InlineData("17 500")]
    [InlineData("1 234,5 kr")]
    [InlineData("12 st\nmer")]
    [InlineData("12,")]
    [InlineData(",5")]
    [InlineData("5 5")]
    [InlineData("5\t%")]
    [InlineData("5 \u00A0%")]
    [InlineData("3,5,5")]
    [InlineData("-")]
    [InlineData("007,000 GWh")]
    [InlineData("99999999999999999999999999999999 %")]
    [InlineData("7922816251426433759354395033,5")]
    [InlineData("4 \U0001D400")]
    public void A_plain_figure_reads_as_the_pattern_reads_it(string text)
    {
        Quantity? expected = null;
        string? error = null;
        try { expected = SwedishValues.QuantityByPattern(text); }
        catch (FormatException e) { error = e.Message; }
        if (error is null) SwedishValues.ParseQuantity(text).ShouldBe(expected);
        else Should.Throw<FormatException>(() => SwedishValues.ParseQuantity(text)).Message.ShouldBe(error);
    }

    // The target forms as they were read before the words were matched alone (a Match with its groups for each):
    // the reading now must give the same form, figure and texts, or the same error, for every text.
    private static readonly Regex UpperBefore = new(@"^(?:max|högst)\s+(?<rest>.+)$", RegexOptions.IgnoreCase);
    private static readonly Regex LowerBefore = new(@"^(?:minst|min)\s+(?<rest>.+)$", RegexOptions.IgnoreCase);
    private static readonly Regex BandBefore = new(@"^(?:\+/-|\+/\u2212|±)\s*(?<rest>.+)$");

    [Theory]
    [InlineData("Max 10 personer")]
    [InlineData("MAX\t3 %")]
    [InlineData("högst  5 st")]
    [InlineData("Högst\u00A07")]
    [InlineData("max 10\npersoner")]
    [InlineData("max \n 10 st")]
    [InlineData("max10")]
    [InlineData("Max")]
    [InlineData("Minst 94 %")]
    [InlineData("min 3")]
    [InlineData("minsta 3")]
    [InlineData("min st 3")]
    [InlineData("+/-1 %")]
    [InlineData("+/- 1 %")]
    [InlineData("+/−2,5 %")]
    [InlineData("±1 %")]
    [InlineData("+/-")]
    [InlineData("+/-\n1 %")]
    [InlineData("  Max 10 personer  ")]
    public void Target_words_read_as_the_whole_patterns_read_them(string text)
    {
        var trimmed = text.Trim();
        string? Rest(Regex pattern) => pattern.Match(trimmed) is { Success: true } m ? m.Groups["rest"].Value : null;
        Target? expected = null;
        try
        {
            expected = Rest(UpperBefore) is { } upper ? new Target.UpperBound(trimmed, SwedishValues.ParseQuantity(upper))
                : Rest(LowerBefore) is { } lower ? new Target.Level(trimmed, SwedishValues.ParseQuantity(lower), Direction.HigherIsBetter)
                : Rest(BandBefore) is { } band ? new Target.Band(trimmed, SwedishValues.ParseQuantity(band))
                : new Target.Level(trimmed, SwedishValues.ParseQuantity(trimmed));
        }
        catch (FormatException)
        {
        }
        if (expected is null) Should.Throw<FormatException>(() => SwedishValues.ParseTarget(text)).Message.ShouldContain("okänt målvärde");
        else SwedishValues.ParseTarget(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData(" 2026-12-31 ")]
    [InlineData("2024-02-29")]
    [InlineData("2026-02-29")]
    [InlineData("2026-04-31")]
    [InlineData("2026-13-01")]
    [InlineData("2026-00-10")]
    [InlineData("0000-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2026-1-01")]
    [InlineData("2026/01/01")]
    [InlineData("20260101")]
    [InlineData("2026-01-01T00:00")]
    [InlineData("+026-01-01")]
    [InlineData("２０２６-01-01")]
    [InlineData("")]
    public void A_date_reads_as_the_exact_ISO_format_reads_it(string text)
    {
        var expected = DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : (DateOnly?)null;
        if (expected is { } d) SwedishValues.ParseDate(text).ShouldBe(d);
        else Should.Throw<FormatException>(() => SwedishValues.ParseDate(text)).Message.ShouldContain("ogiltigt datum");
    }
}
