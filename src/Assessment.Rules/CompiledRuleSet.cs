using Assessment.Domain.Model;
using Assessment.Rules.Engine;
using Assessment.Rules.Facts;
using Assessment.Rules.Language;
using Assessment.Rules.Model;

namespace Assessment.Rules;

/// <summary>
/// A rule set ready to rate: its conditions parsed and checked once, reused for every indicator and goal.
/// <see cref="Assess"/> is a pure function of the dataset: no I/O, no clock.
/// </summary>
public sealed class CompiledRuleSet
{
    private readonly IReadOnlyDictionary<RuleScope, CompiledRules> _rules;

    /// <summary>The thresholds' values in <see cref="Model.RuleSet.Thresholds"/> order: what the conditions read by place.</summary>
    private readonly double[] _thresholds;

    internal CompiledRuleSet(RuleSet ruleSet, IReadOnlyDictionary<RuleScope, CompiledRules> rules)
    {
        RuleSet = ruleSet;
        _rules = rules;
        _thresholds = ruleSet.Thresholds.Select(t => t.Value).ToArray();
    }

    public RuleSet RuleSet { get; }

    /// <summary>A scope's rules, checked; for evaluating them without a trace (<see cref="Audit.SweepPlan"/>).</summary>
    internal CompiledRules RulesOf(RuleScope scope) => _rules[scope];

    /// <summary>The threshold vector the conditions read.</summary>
    internal IReadOnlyList<double> ThresholdValues => _thresholds;

    /// <summary>Whether <paramref name="condition"/> holds on the facts under this rule set's thresholds (no trace kept).</summary>
    internal bool Holds(Condition condition, object[] facts) => condition.Holds(facts, _thresholds);

    /// <summary>
    /// The same rules under other threshold values, without reading or checking anything again: for trying
    /// what a value does. Names not among the rule set's thresholds are an error.
    /// </summary>
    public CompiledRuleSet WithThresholds(IReadOnlyDictionary<string, double> values)
    {
        var unknown = values.Keys.Where(k => RuleSet.Thresholds.All(t => t.Name != k)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"okänt tröskelvärde: {string.Join(", ", unknown)}", nameof(values));
        var thresholds = RuleSet.Thresholds.Select(t => values.TryGetValue(t.Name, out var v) ? t with { Value = v } : t).ToList();
        return new CompiledRuleSet(RuleSet with { Thresholds = thresholds }, _rules);
    }

    public AssessmentResult Assess(Dataset dataset, FinalSource finalSource = FinalSource.Derived) =>
        new(dataset, RuleSetInfo.Of(RuleSet), dataset.Goals.Select(g => AssessGoal(g, null, dataset.Period, finalSource).Result).ToList());

    public IndicatorResult AssessIndicator(Indicator indicator, string goalId, IndicatorKind kind, ReportingPeriod period)
    {
        var (evidence, facts) = IndicatorFacts.Evaluate(indicator, kind, period, RuleSet.Indicators);
        return new IndicatorResult(indicator, goalId, kind, evidence, Decide(RuleScope.Indicator, facts));
    }

    /// <summary>
    /// Rates a goal after everything beneath it. Returns, besides the result, the ratings of the KF and
    /// nämnd indicators in its subtree, so each parent adds its own to its children's in one pass.
    /// </summary>
    private (GoalResult Result, List<Rating> Kf, List<Rating> Board) AssessGoal(
        Goal goal, string? parentId, ReportingPeriod period, FinalSource finalSource)
    {
        var children = goal.Children.Select(c => AssessGoal(c, goal.Id, period, finalSource)).ToList();
        var indicators = goal.Indicators.Select(i => AssessIndicator(i, goal.Id, goal.IndicatorKind, period)).ToList();
        var kf = new List<Rating>();
        var board = new List<Rating>();
        foreach (var child in children)
        {
            kf.AddRange(child.Kf);
            board.AddRange(child.Board);
        }
        foreach (var indicator in indicators) (indicator.Kind == IndicatorKind.Kf ? kf : board).Add(indicator.Rating);

        var results = children.Select(c => c.Result).ToList();
        var facts = GoalFacts.Evaluate(
            goal,
            period,
            indicators.Select(i => i.Rating).ToList(),
            kf,
            board,
            // What rolls up is the rule set's choice, never the display's: --final recorded shows published
            // ratings but does not feed them to the rules, so derived ratings are the same in both modes.
            results.Select(c => RuleSet.RollUp == RollUpSource.Final ? c.Goal.Override?.Rating ?? c.Derived.Rating : c.Derived.Rating).ToList());
        var derived = Decide(RuleScopes.ForLevel(goal.Level), facts);
        var final = goal.Override?.Rating
                    ?? (finalSource == FinalSource.Recorded ? goal.Recorded : null)
                    ?? derived.Rating;
        return (new GoalResult(goal, parentId, derived, final, indicators, results), kf, board);
    }

    /// <summary>First match wins: the first rule whose condition holds gives the rating.</summary>
    public Decision Decide(RuleScope scope, FactValues facts)
    {
        var rules = _rules[scope];
        var checkedRules = rules.EvaluateUntilMatch(facts, _thresholds);
        if (checkedRules.Count == 0 || !checkedRules[^1].Matched)
            throw new InvalidOperationException($"No rule matched in {scope}; the reader guarantees a catch-all.");
        var fired = checkedRules[^1].Rule;
        return new Decision(fired.Rating, fired, checkedRules, facts);
    }
}
