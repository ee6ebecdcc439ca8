using Assessment.Domain.Model;
using Assessment.Reports.Json;
using Assessment.Reports.Justification;
using Assessment.Rules;
using Assessment.Rules.Facts;

namespace Assessment.Reports;

/// <summary>
/// The JSON contract other tools read (<see cref="RunJson"/>). Field names and codes are stable: add fields, never
/// rename. Levels, ratings and the other codes are the vocabularies' codes .
/// </summary>
public static class JsonReport
{
    public static string Render(AssessmentResult result, Justifications texts) => JsonOutput.Document(Document(result, texts));

    /// <summary>The document as UTF-8, as <see cref="Render"/> gives it.</summary>
    public static byte[] Utf8(AssessmentResult result, Justifications texts) => JsonOutput.Utf8Document(Document(result, texts));

    public static RunJson Document(AssessmentResult result, Justifications texts)
    {
        var period = result.Dataset.Period;
        return new RunJson(
            result.Dataset.District,
            new PeriodJson(period.Kind.ToString(), period.Year, period.EndDate.ToString("yyyy-MM-dd")),
            RuleSet(result.RuleSet),
            texts.Summary,
            [.. result.AllGoals().Select(goal => Goal(goal, texts.ByGoal[goal.Goal.Id]))],
            [.. result.AllIndicators().Select(Indicator)]);
    }

    private static GoalJson Goal(GoalResult goal, string justification) => new(
        goal.Goal.Id, goal.Goal.Level.Code(), goal.ParentId, goal.Goal.Title, goal.Derived.Rating.Code(), goal.Recorded?.Code(),
        goal.Final.Code(), goal.Derived.Rule.Id, goal.Derived.Rule.Description, RulesNotMatched(goal.Derived), Override(goal.Goal.Override),
        justification, JsonOutput.Values(goal.Derived.Facts.All().Select(f => (f.Fact.Name, f.Value)), FactDigits));

    /// <summary>Decimals of a fact in the report; <c>explain</c> shows more, for comparing with thresholds.</summary>
    private const int FactDigits = 4;

    internal static RuleSetJson RuleSet(RuleSetInfo ruleSet) =>
        new(ruleSet.Id, ruleSet.Version, ruleSet.Sha256, ruleSet.ValidFrom.ToString("yyyy-MM-dd"), ruleSet.Note);

    internal static OverrideJson? Override(RatingOverride? ratingOverride) =>
        ratingOverride is null ? null : new(ratingOverride.Rating.Code(), ratingOverride.Reason, ratingOverride.By);

    internal static IndicatorJson Indicator(IndicatorResult indicator)
    {
        var e = indicator.Evidence;
        return new IndicatorJson(
            indicator.GoalId, indicator.Kind.Code(), indicator.Indicator.Name, indicator.Rating.Code(),
            e.Value?.Value, e.Value?.Text, e.ValueSourceCode.Length == 0 ? null : e.ValueSourceCode,
            e.ComparisonPoint?.Value, e.Target?.Text, e.Target?.Kind ?? "saknas", e.TargetSourceCode.Length == 0 ? null : e.TargetSourceCode,
            e.Direction.Code(), e.DirectionSource, e.Comparable ? Math.Round(e.Attainment, 4) : null, indicator.Decision.Rule.Id);
    }

    /// <summary>The rules tried before the deciding one, each with the parts of its condition that did not hold, as recorded.</summary>
    private static List<RuleNotMatchedJson> RulesNotMatched(Decision decision) =>
    [
        .. decision.Checked.Where(c => !c.Matched).Select(check => new RuleNotMatchedJson(check.Rule.Id,
            [.. check.Trace.FailingParts().Select(part => new FailingPartJson(part.Text, JsonOutput.Values(part.Values, FactDigits)))])),
    ];
}
