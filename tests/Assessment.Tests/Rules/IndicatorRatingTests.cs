using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Parsing;
using Assessment.Rules;

namespace Assessment.Tests.Rules;

/// <summary>Indicator ratings under the shipped rules: delvis from 85 % of target (delvis_grans: 0.85).</summary>
public class IndicatorRatingTests
{
    private static readonly ReportingPeriod T1 = new(PeriodKind.T1, 2026);
    private static readonly ReportingPeriod Vb = new(PeriodKind.VB, 2026);

    private static IndicatorResult Rate(string? forecast, string? target, string? lastYear = null, string? outcome = null,
        Direction? direction = null, ReportingPeriod? period = null, Periodicity periodicity = Periodicity.Tertial,
        string name = "Andel nöjda")
    {
        var indicator = new Indicator(name,
            Outcome: outcome is null ? null : SwedishValues.ParseQuantity(outcome),
            OutcomeMen: null, OutcomeWomen: null,
            LastYearOutcome: lastYear is null ? null : SwedishValues.ParseQuantity(lastYear),
            Forecast: forecast is null ? null : SwedishValues.ParseQuantity(forecast),
            AnnualTarget: SwedishValues.ParseTarget(target),
            CityTarget: null, periodicity, direction, Analysis: null, SourcePosition.InFile("test"));
        return Repo.StockholmRules.AssessIndicator(indicator, "1.1", IndicatorKind.Kf, period ?? T1);
    }

    [Theory]
    [InlineData("100 %", Rating.Fully, "mal-uppnatt")]
    [InlineData("120 %", Rating.Fully, "mal-uppnatt")]
    [InlineData("99,99 %", Rating.Partly, "nara-malet")]
    [InlineData("85 %", Rating.Partly, "nara-malet")]
    [InlineData("84,99 %", Rating.NotMet, "langt-fran-malet")]
    [InlineData("0 %", Rating.NotMet, "langt-fran-malet")]
    public void Higher_is_better_at_and_around_each_threshold(string value, Rating expected, string rule)
    {
        var result = Rate(value, "100 %");
        result.Rating.ShouldBe(expected);
        result.Decision.Rule.Id.ShouldBe(rule);
    }

    [Theory]
    [InlineData("90 st", "80 %")]
    [InlineData("90 %", "80 kr")]
    public void A_share_is_never_compared_with_a_count(string value, string target)
    {
        var result = Rate(value, target);
        result.Evidence.Comparable.ShouldBeFalse();
        result.Rating.ShouldBe(Rating.NotAssessed);
    }

    [Theory]
    [InlineData("10 st", Rating.Fully)]
    [InlineData("8 st", Rating.Fully)]
    [InlineData("10,01 st", Rating.Partly)]
    [InlineData("11,76 st", Rating.Partly)]   // 10 / 11,76 = 0,8503
    [InlineData("11,77 st", Rating.NotMet)]   // 10 / 11,77 = 0,8496
    public void Lower_is_better_at_and_around_each_threshold(string value, Rating expected)
    {
        var result = Rate(value, "10 st", direction: Direction.LowerIsBetter);
        result.Rating.ShouldBe(expected);
        result.Evidence.DirectionSource.ShouldBe("dataset");
    }

    [Theory]
    [InlineData("10 st", Rating.Fully)]
    [InlineData("11 st", Rating.Partly)]
    [InlineData("12,8 st", Rating.NotMet)]
    public void Upper_bound(string value, Rating expected)
    {
        var result = Rate(value, "Max 10 personer");
        result.Rating.ShouldBe(expected);
        result.Evidence.Direction.ShouldBe(Direction.LowerIsBetter);
    }

    [Theory]
    [InlineData("-0 %", Rating.Fully)]
    [InlineData("1 %", Rating.Fully)]
    [InlineData("-1 %", Rating.Fully)]
    [InlineData("1,1 %", Rating.Partly)]
    [InlineData("−1,1 %", Rating.Partly)]
    [InlineData("1,2 %", Rating.NotMet)]
    public void Two_sided_band(string value, Rating expected) => Rate(value, "+/-1 %").Rating.ShouldBe(expected);

    [Theory]
    [InlineData("Ökning", "81", "78", Rating.Fully)]
    [InlineData("Ökning", "78", "78", Rating.Partly)]    // unchanged: not met, but within the band
    [InlineData("Ökning", "60", "78", Rating.NotMet)]
    [InlineData("Minskning", "13 st", "13,8 st", Rating.Fully)]
    [InlineData("Minskning", "15 st", "13,8 st", Rating.Partly)]
    public void Direction_only_targets_compare_with_last_year(string target, string value, string lastYear, Rating expected)
    {
        var result = Rate(value, target, lastYear: lastYear);
        result.Rating.ShouldBe(expected);
        result.Evidence.ComparisonPoint!.Text.ShouldBe(lastYear);
    }

    [Fact]
    public void Direction_only_target_without_last_year_is_not_assessed()
    {
        var result = Rate("81", "Ökning");
        result.Rating.ShouldBe(Rating.NotAssessed);
        result.Decision.Rule.Id.ShouldBe("jamforelse-saknas");
    }

    [Theory]
    [InlineData("Tas fram av nämnd")]
    [InlineData("Fastställs 2025")]
    [InlineData(null)]
    public void No_target_means_not_assessed(string? target)
    {
        var result = Rate("90 %", target);
        result.Rating.ShouldBe(Rating.NotAssessed);
        result.Decision.Rule.Id.ShouldBe("mal-saknas");
    }

    [Fact]
    public void No_value_means_not_assessed()
    {
        var result = Rate(null, "90 %", lastYear: "85 %", periodicity: Periodicity.Year);
        result.Rating.ShouldBe(Rating.NotAssessed);
        result.Decision.Rule.Id.ShouldBe("varde-saknas");
        result.Decision.Checked.Select(c => c.Matched).ShouldBe([false, false, true]); // plan-ej-bedomd, mal-saknas, varde-saknas
    }

    [Fact]
    public void At_T1_the_forecast_is_compared_before_the_period_outcome()
    {
        var result = Rate("2,5 %", "2,5 %", outcome: "2,8 %", name: "Andel barn som lever i familjer som har ekonomiskt bistånd");
        result.Evidence.ValueSourceCode.ShouldBe("prognos");
        result.Rating.ShouldBe(Rating.Fully);
    }

    [Fact]
    public void At_T1_a_tertial_indicator_without_forecast_uses_the_period_outcome()
    {
        var result = Rate(null, "100 %", outcome: "99,6 %");
        result.Evidence.ValueSourceCode.ShouldBe("utfall");
        result.Rating.ShouldBe(Rating.Partly);
    }

    [Fact]
    public void At_VB_the_outcome_is_compared_not_the_forecast()
    {
        var result = Rate("100 %", "100 %", outcome: "80 %", period: Vb);
        result.Evidence.ValueSourceCode.ShouldBe("utfall");
        result.Rating.ShouldBe(Rating.NotMet);
    }

    [Theory]
    [InlineData("Sjukfrånvaro dag 1-14", "nyckelord \"sjukfrånvaro\"")]
    [InlineData("Andel personer som har ekonomiskt bistånd", "nyckelord \"ekonomiskt bistånd\"")]
    [InlineData("Andel nöjda omsorgstagare", "nyckelord \"nöjd\"")]
    [InlineData("Andel personer som själva upplever att de får en förbättrad situation (ekonomiskt bistånd)", "nyckelord \"upplever\"")]
    [InlineData("Antal barnfamiljer som beviljats en akutboendelösning på hotell/vandrarhem", "nyckelord \"akutboende\"")]
    [InlineData("Antal besök på fritidsgårdar", "standard")]
    public void Direction_defaults_come_from_the_rule_set(string name, string source)
    {
        Rate("5 %", "5 %", name: name).Evidence.DirectionSource.ShouldBe(source);
    }

    [Fact]
    public void A_direction_set_in_the_dataset_wins_over_the_keywords()
    {
        var result = Rate("5 %", "4 %", name: "Sjukfrånvaro", direction: Direction.HigherIsBetter);
        result.Evidence.Direction.ShouldBe(Direction.HigherIsBetter);
        result.Rating.ShouldBe(Rating.Fully);
    }
}
