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
    /// nämnd indicators in its subtree counted, so each parent adds its own to its children's in one pass.
    /// </summary>
    private (GoalResult Result, RatingCounts Kf, RatingCounts Board) AssessGoal(
        Goal goal, string? parentId, ReportingPeriod period, FinalSource finalSource)
    {
        RatingCounts kf = default, board = default, own = default, subGoals = default;
        var children = new GoalResult[goal.Children.Count];
        for (var c = 0; c < children.Length; c++)
        {
            var (child, childKf, childBoard) = AssessGoal(goal.Children[c], goal.Id, period, finalSource);
            children[c] = child;
            kf += childKf;
            board += childBoard;
            subGoals = subGoals.With(RuleSet.RollsUp(child.Goal, child.Derived.Rating));
        }
        var indicators = new IndicatorResult[goal.Indicators.Count];
        var isKf = goal.IndicatorKind == IndicatorKind.Kf;
        for (var i = 0; i < indicators.Length; i++)
        {
            var indicator = AssessIndicator(goal.Indicators[i], goal.Id, goal.IndicatorKind, period);
            indicators[i] = indicator;
            own = own.With(indicator.Rating);
            if (isKf) kf = kf.With(indicator.Rating);
            else board = board.With(indicator.Rating);
        }

        var facts = GoalFacts.Evaluate(period.Kind, ActivityCounts.Of(goal, period), own, kf, board, subGoals);
        var derived = Decide(RuleScopes.ForLevel(goal.Level), facts);
        var final = goal.Override?.Rating
                    ?? (finalSource == FinalSource.Recorded ? goal.Recorded : null)
                    ?? derived.Rating;
        return (new GoalResult(goal, parentId, derived, final, indicators, children), kf, board);
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
