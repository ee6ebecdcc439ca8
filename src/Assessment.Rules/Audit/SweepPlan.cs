using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Rules.Facts;
using Assessment.Rules.Language;
using Assessment.Rules.Model;

namespace Assessment.Rules.Audit;

/// <summary>
/// One dataset laid out flat, rated under the rule set as written and then along an axis – one threshold taking a
/// series of values (<see cref="AxisRun"/>) – giving at each value the derived ratings that
/// <see cref="CompiledRuleSet.Assess"/> under those thresholds gives, with only the work a change of value can
/// change and without traces (a sweep counts ratings, it shows no reasons):
/// <list type="bullet">
/// <item>An indicator's facts never depend on a threshold: they are computed once. Its rules are tried in order, and
/// a rule that reads no threshold holds or not whatever the values: an indicator decided by such a rule before any
/// rule that reads a threshold has that rating everywhere, and the others are decided from their first rule that
/// reads one, at every value at once: where along the axis each rating holds.</item>
/// <item>A goal's facts are a function of the period's kind, its activities and the ratings beneath it counted
/// (<see cref="GoalFacts.Evaluate(PeriodKind, ActivityCounts, RatingCounts, RatingCounts, RatingCounts, RatingCounts)"/>),
/// and its rating along the axis a function of those facts, which <see cref="AxisRun"/> remembers.</item>
/// <item>Walking the values in order, only the indicators whose rating changes at a value and the goals above them,
/// and the goals whose own rules give another rating there, are rated again.</item>
/// </list>
/// </summary>
internal sealed class SweepPlan
{
    private readonly GoalNode[] _goals;
    private readonly IndicatorNode[] _indicators;
    private readonly Rating[] _asWritten;

    private SweepPlan(Dataset dataset, GoalNode[] goals, IndicatorNode[] indicators, Rating[] asWritten)
    {
        Dataset = dataset;
        _goals = goals;
        _indicators = indicators;
        _asWritten = asWritten;
        Goals = goals.Select(g => g.Goal).ToList();
    }

    public Dataset Dataset { get; }

    /// <summary>The dataset's goals in <see cref="GoalResult.SelfAndDescendants"/> order, as the walk numbers them.</summary>
    public IReadOnlyList<Goal> Goals { get; }

    /// <summary>The goals' derived ratings as written, in <see cref="Goals"/> order.</summary>
    public IReadOnlyList<Rating> AsWritten => _asWritten;

    /// <param name="Parent">The index of the goal's parent, -1 for a root.</param>
    /// <param name="Children">Indexes into the goals; each is larger than the goal's own.</param>
    /// <param name="FirstIndicator">The goal's own indicators are this and the <paramref name="IndicatorCount"/> - 1 after it.</param>
    private sealed record GoalNode(Goal Goal, int Parent, RuleScope Scope, ActivityCounts Activities, int FirstIndicator, int IndicatorCount, int[] Children);

    /// <param name="Goal">The index of the goal it belongs to.</param>
    /// <param name="Facts">Its facts in schema order; null when <paramref name="From"/> is -1.</param>
    /// <param name="Decided">Its rating when <paramref name="From"/> is -1.</param>
    /// <param name="From">The first rule to try under any thresholds; -1: decided by a rule that reads none.</param>
    private readonly record struct IndicatorNode(int Goal, object[]? Facts, Rating Decided, int From);

    /// <summary>
    /// Lays out <paramref name="dataset"/> for <paramref name="asWritten"/> (<see cref="AxisRun.AsWritten"/>) and rates
    /// it, without traces, as <see cref="CompiledRuleSet.Assess"/> does. Throws <see cref="EvaluationException"/>
    /// where a rule cannot be evaluated.
    /// </summary>
    public static SweepPlan Of(AxisRun asWritten, Dataset dataset)
    {
        var rules = asWritten.Rules;
        var indicatorRules = rules.RulesOf(RuleScope.Indicator);
        var thresholds = rules.ThresholdValues.ToArray();
        var goals = new List<GoalNode?>();
        var indicators = new List<IndicatorNode>();
        var period = dataset.Period;
        foreach (var goal in dataset.Goals) Add(goal, -1);
        var plan = new SweepPlan(dataset, goals.Select(g => g!).ToArray(), indicators.ToArray(), new Rating[goals.Count]);
        plan.Walk(asWritten, new AsWrittenSink(plan._asWritten));
        return plan;

        int Add(Goal goal, int parent)
        {
            var index = goals.Count;
            goals.Add(null); // its place in SelfAndDescendants order, filled once its children have theirs
            var first = indicators.Count;
            foreach (var indicator in goal.Indicators)
            {
                var facts = IndicatorFacts.Evaluate(indicator, goal.IndicatorKind, period, rules.RuleSet.Indicators).Facts.Values;
                var (from, rating) = From(facts);
                indicators.Add(new IndicatorNode(index, from < 0 ? null : facts, rating, from));
            }
            var children = goal.Children.Select(c => Add(c, index)).ToArray();
            goals[index] = new GoalNode(goal, parent, RuleScopes.ForLevel(goal.Level), ActivityCounts.Of(goal, period), first, goal.Indicators.Count, children);
            return index;
        }

        // The rules are tried in order: a rule that reads no threshold holds or not whatever the values.
        (int From, Rating Rating) From(object[] facts)
        {
            var (rating, stoppedAt) = indicatorRules.FirstHolding(facts, thresholds, stopAtThreshold: true);
            return (stoppedAt, rating);
        }
    }

    /// <summary>Keeps a walk's ratings at its first place.</summary>
    private sealed class AsWrittenSink(Rating[] ratings) : IRatingSink
    {
        public void Initial(int goal, Rating rating) => ratings[goal] = rating;

        public void Change(int place, int goal, Rating from, Rating to) => throw new InvalidOperationException("The rule set as written is one place.");
    }

    /// <summary>
    /// Rates the dataset at every place of <paramref name="run"/> (which belongs to the rule set as written), in
    /// order, telling <paramref name="sink"/> each goal's derived rating at the first place and every change after.
    /// Throws <see cref="EvaluationException"/> or <see cref="InputException"/> when a rule cannot be evaluated at
    /// some place; the sink has then been told part of the walk.
    /// </summary>
    public void Walk(AxisRun run, IRatingSink sink)
    {
        var count = run.Count;
        var rules = run.Rules.RuleSet;

        // Each indicator's rating at every place, and the changes after the first place ordered by place.
        var steps = new Steps[_indicators.Length];
        var current = new Rating[_indicators.Length];
        var perPlace = new int[count + 1];
        for (var i = 0; i < _indicators.Length; i++)
        {
            var indicator = _indicators[i];
            var s = steps[i] = indicator.From < 0 ? Steps.Constant(indicator.Decided) : run.Rate(RuleScope.Indicator, indicator.Facts!, indicator.From);
            current[i] = s.Ratings[0];
            for (var k = 1; k < s.Starts.Length; k++) perPlace[s.Starts[k] + 1]++;
        }
        for (var place = 1; place <= count; place++) perPlace[place] += perPlace[place - 1];
        var changes = new (int Indicator, Rating Rating)[perPlace[count]];
        var filled = perPlace[..count];
        for (var i = 0; i < steps.Length; i++)
            for (var k = 1; k < steps[i].Starts.Length; k++)
                changes[filled[steps[i].Starts[k]]++] = (i, steps[i].Ratings[k]);

        // The goals at the first place, each after the goals under it (they come after it in SelfAndDescendants order).
        var goals = _goals.Length;
        var (own, kf, board, subGoals) = (new RatingCounts[goals], new RatingCounts[goals], new RatingCounts[goals], new RatingCounts[goals]);
        var derived = new Rating[goals];
        var turns = new PriorityQueue<int, int>(); // goals whose own rules give another rating at a later place, by that place
        for (var g = goals - 1; g >= 0; g--)
        {
            var goal = _goals[g];
            var isKf = goal.Goal.IndicatorKind == IndicatorKind.Kf;
            for (var i = goal.FirstIndicator; i < goal.FirstIndicator + goal.IndicatorCount; i++)
            {
                own[g] = own[g].With(current[i]);
                if (isKf) kf[g] = kf[g].With(current[i]);
                else board[g] = board[g].With(current[i]);
            }
            foreach (var child in goal.Children)
            {
                kf[g] += kf[child];
                board[g] += board[child];
                subGoals[g] = subGoals[g].With(RollsUp(child));
            }
            derived[g] = Rate(g, 0);
            sink.Initial(g, derived[g]);
        }

        // Then place by place: the indicators that change there, the goals above them and the goals whose rules turn there.
        var dirty = new bool[goals];
        var toRate = new PriorityQueue<int, int>(); // by index, largest first: a goal after every goal under it
        for (var place = 1; place < count; place++)
        {
            for (var c = perPlace[place]; c < perPlace[place + 1]; c++)
            {
                var (i, rating) = changes[c];
                var g = _indicators[i].Goal;
                own[g] = Replace(own[g], current[i], rating);
                var isKf = _goals[g].Goal.IndicatorKind == IndicatorKind.Kf;
                for (var above = g; above >= 0; above = _goals[above].Parent)
                {
                    if (isKf) kf[above] = Replace(kf[above], current[i], rating);
                    else board[above] = Replace(board[above], current[i], rating);
                    MarkDirty(above);
                }
                current[i] = rating;
            }
            while (turns.TryPeek(out var g, out var at) && at == place)
            {
                turns.Dequeue();
                MarkDirty(g);
            }
            while (toRate.TryDequeue(out var g, out _))
            {
                dirty[g] = false;
                var rating = Rate(g, place);
                if (rating == derived[g]) continue;
                sink.Change(place, g, derived[g], rating);
                var before = RollsUp(g);
                derived[g] = rating;
                var parent = _goals[g].Parent;
                if (parent < 0 || RollsUp(g) == before) continue;
                subGoals[parent] = Replace(subGoals[parent], before, RollsUp(g));
                MarkDirty(parent);
            }
        }

        void MarkDirty(int g)
        {
            if (dirty[g]) return;
            dirty[g] = true;
            toRate.Enqueue(g, -g);
        }

        // What a goal gives its parent's rules: the rule set's choice, never the display's (as CompiledRuleSet.AssessGoal).
        Rating RollsUp(int g) => rules.RollsUp(_goals[g].Goal, derived[g]);

        Rating Rate(int g, int place)
        {
            var goal = _goals[g];
            var s = run.Goal(goal.Scope, Dataset.Period.Kind, goal.Activities, own[g], kf[g], board[g], subGoals[g]);
            if (s.After(place) is var next && next < count) turns.Enqueue(g, next);
            return s.At(place);
        }
    }

    /// <summary>The same ratings counted, one of them <paramref name="from"/> now <paramref name="to"/>.</summary>
    private static RatingCounts Replace(RatingCounts counts, Rating from, Rating to)
    {
        return new RatingCounts(counts.All, counts.Fully + Delta(Rating.Fully), counts.Partly + Delta(Rating.Partly), counts.NotMet + Delta(Rating.NotMet));

        int Delta(Rating rating) => (to == rating ? 1 : 0) - (from == rating ? 1 : 0);
    }
}

/// <summary>Receives a walk's ratings (<see cref="SweepPlan.Walk"/>): goals by their index in <see cref="SweepPlan.Goals"/>.</summary>
internal interface IRatingSink
{
    /// <summary>The goal's derived rating at the first place.</summary>
    void Initial(int goal, Rating rating);

    /// <summary>The goal's derived rating changes at <paramref name="place"/>.</summary>
    void Change(int place, int goal, Rating from, Rating to);
}
