using Assessment.Domain.Model;
using Assessment.Rules.Engine;
using Assessment.Rules.Facts;
using Assessment.Rules.Model;

namespace Assessment.Rules;

/// <summary>
/// A rule set ready to rate: its expressions compiled once, reused for every indicator and goal.
/// <see cref="Assess"/> is a pure function of the dataset: no I/O, no clock.
/// </summary>
public sealed class CompiledRuleSet
{
    private readonly IReadOnlyDictionary<RuleScope, CompiledRules> _rules;

    internal CompiledRuleSet(RuleSet ruleSet, IReadOnlyDictionary<RuleScope, CompiledRules> rules)
    {
        RuleSet = ruleSet;
        _rules = rules;
    }

    public RuleSet RuleSet { get; }

    public AssessmentResult Assess(Dataset dataset, FinalSource finalSource = FinalSource.Derived) =>
        new(dataset, RuleSetInfo.Of(RuleSet), dataset.Goals.Select(g => AssessGoal(g, null, dataset.Period, finalSource)).ToList());

    public IndicatorResult AssessIndicator(Indicator indicator, string goalId, IndicatorKind kind, ReportingPeriod period)
    {
        var (evidence, facts) = IndicatorFacts.Evaluate(indicator, kind, period, RuleSet.Indicators);
        return new IndicatorResult(indicator, goalId, kind, evidence, Decide(RuleScope.Indicator, facts));
    }

    private GoalResult AssessGoal(Goal goal, string? parentId, ReportingPeriod period, FinalSource finalSource)
    {
        var children = goal.Children.Select(c => AssessGoal(c, goal.Id, period, finalSource)).ToList();
        var indicators = goal.Indicators.Select(i => AssessIndicator(i, goal.Id, goal.IndicatorKind, period)).ToList();
        var subtree = children.SelectMany(c => c.SelfAndDescendants()).SelectMany(c => c.Indicators).Concat(indicators).ToList();
        var facts = GoalFacts.Evaluate(
            goal,
            period,
            indicators.Select(i => i.Rating).ToList(),
            subtree.Where(i => i.Kind == IndicatorKind.Kf).Select(i => i.Rating).ToList(),
            subtree.Where(i => i.Kind == IndicatorKind.Board).Select(i => i.Rating).ToList(),
            children.Select(c => RuleSet.RollUp == RollUpSource.Final ? c.Final : c.Derived.Rating).ToList());
        var derived = Decide(RuleScopes.ForLevel(goal.Level), facts);
        var final = goal.Override?.Rating
                    ?? (finalSource == FinalSource.Recorded ? goal.Recorded : null)
                    ?? derived.Rating;
        return new GoalResult(goal, parentId, derived, final, indicators, children);
    }

    /// <summary>Why rule number <paramref name="ruleIndex"/> of <paramref name="scope"/> held or not on these facts.</summary>
    public ConditionExplanation Explain(RuleScope scope, int ruleIndex, FactValues facts) => _rules[scope].Explain(ruleIndex, facts);

    /// <summary>First match wins: the first rule whose condition holds gives the rating.</summary>
    public Decision Decide(RuleScope scope, FactValues facts)
    {
        var rules = _rules[scope];
        var matched = rules.EvaluateUntilMatch(facts);
        var fired = matched.Count - 1;
        if (fired < 0 || !matched[fired])
            throw new InvalidOperationException($"No rule matched in {scope}; the reader guarantees a catch-all.");
        var checkedRules = matched.Select((m, i) => new RuleCheck(rules.Rules[i], m)).ToList();
        return new Decision(rules.Rules[fired].Rating, rules.Rules[fired], checkedRules, facts);
    }
}
