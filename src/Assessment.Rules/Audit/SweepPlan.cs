using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Rules.Facts;
using Assessment.Rules.Language;
using Assessment.Rules.Model;

namespace Assessment.Rules.Audit;

/// <summary>
/// One dataset rated under the rule set as written, laid out flat to be rated again under other threshold values,
/// giving the derived ratings that <see cref="CompiledRuleSet.Assess"/> under each variant gives, with only the work
/// a threshold can change and without traces (a sweep counts ratings, it shows no reasons):
/// <list type="bullet">
/// <item>An indicator's facts never depend on a threshold: they are the ones rated as written. Its rules are tried
/// in order, and a rule that reads no threshold holds or not whatever the values; an indicator decided by such a
/// rule before any rule that reads a threshold keeps its rating in every variant, and the others are tried again
/// from their first rule that reads one.</item>
/// <item>A goal's facts are a function of the period's kind, its activities and the ratings beneath it counted
/// (<see cref="GoalFacts.Evaluate(PeriodKind, ActivityCounts, RatingCounts, RatingCounts, RatingCounts, RatingCounts)"/>),
/// and its rating a function of those facts and the thresholds its rules read: <see cref="GoalMemo"/> remembers
/// each rating by exactly these, across variants and datasets.</item>
/// </list>
/// A condition that cannot be evaluated (division by zero) makes the dataset be rated in full, which reports the
/// error as <c>run</c> does.
/// </summary>
internal sealed class SweepPlan
{
    private readonly Dataset _dataset;
    private readonly GoalNode[] _goals;
    private readonly IndicatorNode[] _indicators;
    private readonly int[] _roots;

    private SweepPlan(Dataset dataset, GoalNode[] goals, IndicatorNode[] indicators, int[] roots)
    {
        _dataset = dataset;
        _goals = goals;
        _indicators = indicators;
        _roots = roots;
        Goals = goals.Select(g => g.Goal).ToList();
    }

    /// <summary>The dataset's goals in <see cref="GoalResult.SelfAndDescendants"/> order, as <see cref="Ratings"/> gives their ratings.</summary>
    public IReadOnlyList<Goal> Goals { get; }

    /// <param name="Children">Indexes into the goals.</param>
    /// <param name="FirstIndicator">The goal's own indicators are this and the <paramref name="IndicatorCount"/> - 1 after it.</param>
    private sealed record GoalNode(Goal Goal, RuleScope Scope, ActivityCounts Activities, int FirstIndicator, int IndicatorCount, int[] Children);

    /// <param name="From">The first rule to try under other thresholds; -1: decided as written by a rule that reads none.</param>
    private readonly record struct IndicatorNode(object[] Facts, Rating AsWritten, int From);

    /// <summary>Lays out <paramref name="asWritten"/>, the dataset rated by <paramref name="rules"/> (the rule set as written).</summary>
    public static SweepPlan Of(CompiledRuleSet rules, AssessmentResult asWritten)
    {
        var indicatorRules = rules.RulesOf(RuleScope.Indicator);
        var readsThreshold = indicatorRules.Conditions.Select(c => c.Names.Any(n => n is ThresholdNode)).ToArray();
        var goals = new List<GoalNode?>();
        var indicators = new List<IndicatorNode>();
        var period = asWritten.Dataset.Period;
        var roots = asWritten.Goals.Select(Add).ToArray();
        return new SweepPlan(asWritten.Dataset, goals.Select(g => g!).ToArray(), indicators.ToArray(), roots);

        int Add(GoalResult goal)
        {
            var index = goals.Count;
            goals.Add(null); // its place in SelfAndDescendants order, filled once its children have theirs
            var first = indicators.Count;
            foreach (var indicator in goal.Indicators)
                indicators.Add(new IndicatorNode(indicator.Decision.Facts.Values, indicator.Rating, From(indicator.Decision)));
            var children = goal.Children.Select(Add).ToArray();
            goals[index] = new GoalNode(goal.Goal, RuleScopes.ForLevel(goal.Goal.Level), ActivityCounts.Of(goal.Goal, period),
                first, goal.Indicators.Count, children);
            return index;
        }

        // The rules were tried in order up to the one that held, each recorded in Checked at its place.
        int From(Decision decision)
        {
            for (var k = 0; k < decision.Checked.Count; k++)
            {
                if (readsThreshold[k]) return k;
                if (decision.Checked[k].Matched) return -1;
            }
            throw new InvalidOperationException("A decision ends with the rule that held.");
        }
    }

    /// <summary>
    /// The derived ratings under <paramref name="variant"/> (the rule set as written under other thresholds), in
    /// <see cref="Goals"/> order. <paramref name="memo"/> belongs to the rule set as written.
    /// </summary>
    public Rating[] Ratings(CompiledRuleSet variant, GoalMemo memo, GoalMemo.Variant thresholds)
    {
        var derived = new Rating[_goals.Length];
        try
        {
            foreach (var root in _roots) Rate(root);
            return derived;
        }
        catch (Exception e) when (e is EvaluationException or InputException)
        {
            return variant.Assess(_dataset).AllGoals().Select(g => g.Derived.Rating).ToArray();
        }

        (RatingCounts Kf, RatingCounts Board) Rate(int index)
        {
            var goal = _goals[index];
            RatingCounts kf = default, board = default, own = default, subGoals = default;
            foreach (var child in goal.Children)
            {
                var (childKf, childBoard) = Rate(child);
                kf += childKf;
                board += childBoard;
                var rollsUp = variant.RuleSet.RollsUp(_goals[child].Goal, derived[child]);
                subGoals = subGoals.With(rollsUp);
            }
            var kind = goal.Goal.IndicatorKind;
            for (var i = goal.FirstIndicator; i < goal.FirstIndicator + goal.IndicatorCount; i++)
            {
                var rating = Indicator(_indicators[i]);
                own = own.With(rating);
                if (kind == IndicatorKind.Kf) kf = kf.With(rating);
                else board = board.With(rating);
            }
            derived[index] = memo.Rating(variant, thresholds, goal.Scope, _dataset.Period.Kind, goal.Activities, own, kf, board, subGoals);
            return (kf, board);
        }

        Rating Indicator(in IndicatorNode indicator) =>
            indicator.From < 0 ? indicator.AsWritten : GoalMemo.FirstHolding(variant, RuleScope.Indicator, indicator.Facts, indicator.From);
    }
}

/// <summary>
/// Goals' derived ratings under one rule set, remembered by all that decides them: the scope, the values of the
/// thresholds its rules read, and the arguments of the goal's facts. Not safe to share between threads.
/// </summary>
internal sealed class GoalMemo(CompiledRuleSet asWritten)
{
    private readonly Dictionary<Key, Rating> _ratings = [];

    /// <summary>Per scope, the places in the threshold vector its rules read.</summary>
    private readonly Dictionary<RuleScope, int[]> _reads = RuleScopes.All.ToDictionary(s => s, s => asWritten.RulesOf(s).Conditions
        .SelectMany(c => c.Names.OfType<ThresholdNode>()).Select(t => t.Index).Distinct().Order().ToArray());

    /// <summary>Per scope, each set of values its rules have read, numbered.</summary>
    private readonly Dictionary<RuleScope, List<double[]>> _seen = RuleScopes.All.ToDictionary(s => s, _ => new List<double[]>());

    /// <summary>A variant's thresholds as the memo tells them apart: per scope, the number of the values its rules read.</summary>
    public sealed class Variant(Dictionary<RuleScope, int> numbers)
    {
        public int this[RuleScope scope] => numbers[scope];
    }

    public Variant Of(CompiledRuleSet variant) => new(RuleScopes.All.ToDictionary(s => s, s =>
    {
        var values = _reads[s].Select(i => variant.ThresholdValues[i]).ToArray();
        var seen = _seen[s];
        var number = seen.FindIndex(v => v.AsSpan().SequenceEqual(values));
        if (number >= 0) return number;
        seen.Add(values);
        return seen.Count - 1;
    }));

    public Rating Rating(CompiledRuleSet variant, Variant thresholds, RuleScope scope, PeriodKind period, ActivityCounts activities,
        RatingCounts own, RatingCounts kf, RatingCounts board, RatingCounts subGoals)
    {
        var key = new Key(scope, thresholds[scope], period, activities, own, kf, board, subGoals);
        if (_ratings.TryGetValue(key, out var rating)) return rating;
        rating = FirstHolding(variant, scope, GoalFacts.Evaluate(period, activities, own, kf, board, subGoals).Values, 0);
        _ratings[key] = rating;
        return rating;
    }

    /// <summary>The rating of the first of the scope's rules from <paramref name="from"/> on that holds (first match wins), without a trace.</summary>
    public static Rating FirstHolding(CompiledRuleSet variant, RuleScope scope, object[] facts, int from)
    {
        var rules = variant.RulesOf(scope);
        for (var k = from; k < rules.Conditions.Count; k++)
            if (variant.Holds(rules.Conditions[k], facts)) return rules.Rules[k].Rating;
        throw new InvalidOperationException($"No rule matched in {scope}; the reader guarantees a catch-all.");
    }

    private readonly record struct Key(RuleScope Scope, int Thresholds, PeriodKind Period, ActivityCounts Activities,
        RatingCounts Own, RatingCounts Kf, RatingCounts Board, RatingCounts SubGoals);
}
