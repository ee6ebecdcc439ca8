using Assessment.Domain.Model;
using Assessment.Rules.Facts;
using Assessment.Rules.Language;
using Assessment.Rules.Model;

namespace Assessment.Rules;

/// <summary>
/// One rule checked on the way to a decision, with the record of its condition's evaluation: first match
/// wins, so every rule above the fired one did not hold.
/// </summary>
public sealed record RuleCheck(RuleDefinition Rule, ConditionTrace Trace)
{
    public bool Matched => Trace.Holds;
}

/// <summary>A rating, the rule that gave it, the rules checked before it (each with its trace), and the facts they saw.</summary>
public sealed record Decision(Rating Rating, RuleDefinition Rule, IReadOnlyList<RuleCheck> Checked, FactValues Facts);

public sealed record IndicatorResult(Indicator Indicator, string GoalId, IndicatorKind Kind, IndicatorEvidence Evidence, Decision Decision)
{
    public Rating Rating => Decision.Rating;
}

/// <summary>
/// A goal's derived rating (the rules' proposal), the recorded (published) one, and the final one:
/// the controller's override where there is one, else per <see cref="FinalSource"/>.
/// </summary>
public sealed record GoalResult(
    Goal Goal,
    string? ParentId,
    Decision Derived,
    Rating Final,
    IReadOnlyList<IndicatorResult> Indicators,
    IReadOnlyList<GoalResult> Children)
{
    public Rating? Recorded => Goal.Recorded;

    /// <summary>The rules propose another rating than the district published (≠ in the reports).</summary>
    public bool DiffersFromRecorded => Recorded is { } recorded && recorded != Derived.Rating;

    public IEnumerable<GoalResult> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Children)
            foreach (var result in child.SelfAndDescendants())
                yield return result;
    }
}

/// <summary>
/// The identity of the rule set used, as every result names it; <paramref name="Note"/> says why it was used
/// for a period before its <c>giltig_fran</c> (see <see cref="RuleSetInForce"/>), null otherwise.
/// </summary>
public sealed record RuleSetInfo(string Id, string Version, DateOnly ValidFrom, string File, string Sha256, IReadOnlyList<Threshold> Thresholds,
    string? Note = null)
{
    public static RuleSetInfo Of(RuleSet r) => new(r.Id, r.Version, r.ValidFrom, r.File, r.Sha256, r.Thresholds);
}

/// <summary>A whole dataset assessed under one rule set.</summary>
public sealed record AssessmentResult(Dataset Dataset, RuleSetInfo RuleSet, IReadOnlyList<GoalResult> Goals)
{
    public IEnumerable<GoalResult> AllGoals() => Goals.SelectMany(g => g.SelfAndDescendants());

    public IEnumerable<IndicatorResult> AllIndicators() => AllGoals().SelectMany(g => g.Indicators);
}
