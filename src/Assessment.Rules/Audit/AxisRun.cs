using Assessment.Domain.Model;
using Assessment.Rules.Engine;
using Assessment.Rules.Facts;
using Assessment.Rules.Language;
using Assessment.Rules.Model;

namespace Assessment.Rules.Audit;

/// <summary>A rating along an axis: the same over runs of places, each run from its start up to the next one's.</summary>
internal sealed class Steps
{
    private static readonly Steps[] Constants = Enum.GetValues<Rating>().Select(r => new Steps([0], [r])).ToArray();

    private Steps(int[] starts, Rating[] ratings)
    {
        Starts = starts;
        Ratings = ratings;
    }

    /// <summary>Where each run starts: 0 first, increasing.</summary>
    public int[] Starts { get; }

    public Rating[] Ratings { get; }

    public static Steps Constant(Rating rating) => Constants[(int)rating];

    /// <summary>The rating at every place.</summary>
    public static Steps Of(IReadOnlyList<Rating> ratings) => Of(Enumerable.Range(0, ratings.Count).ToList(), ratings);

    /// <summary>Runs starting at <paramref name="starts"/> (0 first, increasing) with these ratings; neighbours with the same rating are one run.</summary>
    public static Steps Of(IReadOnlyList<int> starts, IReadOnlyList<Rating> ratings)
    {
        var kept = 1;
        for (var k = 1; k < starts.Count; k++)
            if (ratings[k] != ratings[k - 1]) kept++;
        if (kept == 1) return Constant(ratings[0]);
        var (keptStarts, keptRatings) = (new int[kept], new Rating[kept]);
        keptRatings[0] = ratings[0];
        for (int k = 1, n = 1; k < starts.Count; k++)
            if (ratings[k] != ratings[k - 1]) (keptStarts[n], keptRatings[n++]) = (starts[k], ratings[k]);
        return new Steps(keptStarts, keptRatings);
    }

    public Rating At(int place)
    {
        var k = Array.BinarySearch(Starts, place);
        return Ratings[k >= 0 ? k : ~k - 1];
    }

    /// <summary>The first place after <paramref name="place"/> where the rating changes, or <see cref="int.MaxValue"/>.</summary>
    public int After(int place)
    {
        var k = Array.BinarySearch(Starts, place + 1);
        k = k >= 0 ? k : ~k;
        return k < Starts.Length ? Starts[k] : int.MaxValue;
    }
}

/// <summary>
/// One rule set as written, with one threshold (the sweep's last axis) taking a series of values and every other
/// one a value of its own (as written, or from the other axes): what <see cref="SweepPlan.Walk"/> rates a dataset
/// along. Decides an indicator's or a goal's rating at every place at once (<see cref="Steps"/>), and remembers
/// each goal's by all that decides it: its scope and the arguments of its facts, <see cref="GoalFacts.Evaluate(PeriodKind, ActivityCounts, RatingCounts, RatingCounts, RatingCounts, RatingCounts)"/>.
/// Not safe to share between threads.
/// </summary>
internal sealed class AxisRun
{
    private readonly AxisEvaluator _along;
    private readonly Dictionary<GoalKey, Steps> _goals = [];
    private readonly List<(Flips Holds, Rating Rating)> _rules = [];
    private readonly List<int> _turns = [];

    private AxisRun(CompiledRuleSet rules, IReadOnlyList<CompiledRuleSet> variants, int axis)
    {
        Rules = rules;
        Variants = variants;
        _along = new AxisEvaluator(variants.Select(v => v.ThresholdValues.ToArray()).ToArray(), axis);
    }

    /// <summary>The rule set as written.</summary>
    public CompiledRuleSet Rules { get; }

    /// <summary>The rule set as written under the thresholds of each place.</summary>
    public IReadOnlyList<CompiledRuleSet> Variants { get; }

    public int Count => Variants.Count;

    /// <summary>The rule set as written, at one place.</summary>
    public static AxisRun AsWritten(CompiledRuleSet rules) => Of(rules, [new Dictionary<string, double>()], null);

    /// <param name="asWritten">The rule set as written.</param>
    /// <param name="thresholds">The thresholds given at each place (every other one as written); they differ only in <paramref name="axis"/>.</param>
    /// <param name="axis">The threshold whose value changes from place to place; null: none does.</param>
    public static AxisRun Of(CompiledRuleSet asWritten, IReadOnlyList<IReadOnlyDictionary<string, double>> thresholds, string? axis)
    {
        var index = axis is null ? -1 : asWritten.RuleSet.Thresholds.Select(t => t.Name).ToList().IndexOf(axis);
        return new AxisRun(asWritten, thresholds.Select(asWritten.WithThresholds).ToList(), index);
    }

    /// <summary>
    /// The rating of the first of the scope's rules from <paramref name="from"/> on that holds on the facts, at every
    /// place. Throws <see cref="EvaluationException"/> when an evaluation at some place would.
    /// </summary>
    public Steps Rate(RuleScope scope, object[] facts, int from)
    {
        var rules = Rules.RulesOf(scope);
        try
        {
            return Along(rules, facts, from);
        }
        catch (EvaluationException)
        {
            // Perhaps a part no evaluation reaches (see AxisEvaluator): decided at every place as a rating would.
            var ratings = new Rating[Count];
            for (var place = 0; place < Count; place++) ratings[place] = rules.FirstHolding(facts, _along.At(place), from).Rating;
            return Steps.Of(ratings);
        }
    }

    /// <summary>A goal's rating at every place, from the arguments of its facts.</summary>
    public Steps Goal(RuleScope scope, PeriodKind period, ActivityCounts activities, RatingCounts own, RatingCounts kf, RatingCounts board, RatingCounts subGoals)
    {
        var key = new GoalKey(scope, period, activities, own, kf, board, subGoals);
        if (_goals.TryGetValue(key, out var steps)) return steps;
        steps = Rate(scope, GoalFacts.Evaluate(period, activities, own, kf, board, subGoals).Values, 0);
        _goals[key] = steps;
        return steps;
    }

    private Steps Along(CompiledRules rules, object[] facts, int from)
    {
        _rules.Clear();
        for (var k = from; k < rules.Conditions.Count; k++)
        {
            var holds = _along.Holds(rules.Conditions[k], facts);
            if (holds.IsConstant && !holds.First) continue;
            if (holds.IsConstant && _rules.Count == 0) return Steps.Constant(rules.Rules[k].Rating);
            _rules.Add((holds, rules.Rules[k].Rating));
            if (holds.IsConstant) break; // holds everywhere: no rule after it is tried
        }
        _turns.Clear();
        foreach (var (holds, _) in _rules) _turns.AddRange(holds.At);
        _turns.Sort();
        var starts = new List<int> { 0 };
        foreach (var turn in _turns)
            if (turn != starts[^1]) starts.Add(turn);
        var ratings = new Rating[starts.Count];
        for (var s = 0; s < starts.Count; s++) ratings[s] = RatingAt(starts[s]);
        return Steps.Of(starts, ratings);

        Rating RatingAt(int place)
        {
            foreach (var (holds, rating) in _rules)
                if (holds[place]) return rating;
            throw CompiledRules.NoRuleHeld();
        }
    }

    private readonly record struct GoalKey(RuleScope Scope, PeriodKind Period, ActivityCounts Activities,
        RatingCounts Own, RatingCounts Kf, RatingCounts Board, RatingCounts SubGoals);
}
