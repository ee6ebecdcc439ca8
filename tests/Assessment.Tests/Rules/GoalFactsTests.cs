using Assessment.Domain.Model;
using Assessment.Rules.Facts;

namespace Assessment.Tests.Rules;

/// <summary>
/// A goal's facts are read by name from the one declaration of the vocabulary: every fact gets its own value (each
/// input below is a different number), of its declared type, whatever the order of the declaration.
/// </summary>
public class GoalFactsTests
{
    private static readonly FactValues Facts = GoalFacts.Evaluate(PeriodKind.T2,
        new ActivityCounts(All: 5, Deviating: 2, EndPassed: 1, NotStarted: 3),
        ownIndicators: new RatingCounts(All: 10, Fully: 4, Partly: 3, NotMet: 1),
        kfIndicators: new RatingCounts(All: 7, Fully: 1, Partly: 2, NotMet: 3),
        boardIndicators: new RatingCounts(All: 3, Fully: 3, Partly: 0, NotMet: 0),
        subGoals: new RatingCounts(All: 0, Fully: 0, Partly: 0, NotMet: 0));

    [Theory]
    [InlineData("indikatorer", 10)]
    [InlineData("indikatorer_bedomda", 8)]
    [InlineData("indikatorer_helt", 4)]
    [InlineData("indikatorer_delvis", 3)]
    [InlineData("indikatorer_inte", 1)]
    [InlineData("indikatorer_ej_bedomda", 2)]
    [InlineData("indikatorer_andel_helt", 0.5)]
    [InlineData("indikatorer_andel_delvis", 0.375)]
    [InlineData("indikatorer_andel_inte", 0.125)]
    [InlineData("kf_indikatorer", 7)]
    [InlineData("kf_indikatorer_bedomda", 6)]
    [InlineData("kf_indikatorer_helt", 1)]
    [InlineData("kf_indikatorer_delvis", 2)]
    [InlineData("kf_indikatorer_inte", 3)]
    [InlineData("kf_indikatorer_ej_bedomda", 1)]
    [InlineData("kf_indikatorer_andel_inte", 0.5)]
    [InlineData("namnd_indikatorer", 3)]
    [InlineData("namnd_indikatorer_andel_helt", 1)]
    [InlineData("namnd_indikatorer_andel_delvis", 0)]
    [InlineData("delmal", 0)]
    [InlineData("delmal_andel_helt", 0)]
    [InlineData("aktiviteter", 5)]
    [InlineData("aktiviteter_avvikelse", 2)]
    [InlineData("aktiviteter_andel_avvikelse", 0.4)]
    [InlineData("aktiviteter_slutdatum_passerat", 1)]
    [InlineData("aktiviteter_ej_startade", 3)]
    public void Each_fact_is_read_from_its_own_input(string name, double expected) => Facts.Number(name).ShouldBe(expected, 1e-12);

    [Fact]
    public void The_period_is_the_periods_code_and_every_fact_has_a_value_of_its_type()
    {
        Facts["period"].ShouldBe("T2");
        GoalFacts.Schema.Facts.Count.ShouldBe(1 + 4 * 9 + 5);
        foreach (var (fact, value) in Facts.All())
            value.ShouldBeOfType(fact.Type == FactType.Text ? typeof(string) : typeof(double), fact.Name);
    }
}
