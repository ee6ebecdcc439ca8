using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Rules;
using Assessment.Rules.Audit;

namespace Assessment.Tests.Rules;

/// <summary>
/// A sweep walks each dataset along the values of a threshold from a plan of the rating as written, redoing only
/// what a change of value changes: its ratings must be exactly those of rating each variant in full, goal by goal.
/// </summary>
public class SweepPlanTests
{
    private static readonly (string Name, double[] Values)[] Axes =
    [
        ("delvis_grans", [0.0, 0.5, 0.8, 0.85, 0.9, 0.97, 1.0, 1.2]),
        ("helt_minsta_andel", [0.0, 0.5, 0.75, 1.0]),
        ("inte_minsta_andel", [0.25, 0.5, 1.0]),
        ("avvikelse_hogsta_andel", [0.0, 0.5]),
    ];

    /// <summary>Values a goal's shares take (k of m for small m), and the nearest numbers on either side of each.</summary>
    private static readonly double[] Shares = Enumerable.Range(1, 8)
        .SelectMany(m => Enumerable.Range(0, m + 1).Select(k => (double)k / m))
        .SelectMany(v => new[] { Math.BitDecrement(v), v, Math.BitIncrement(v) })
        .Distinct().Order().ToArray();

    private static IReadOnlyList<Dataset> Bundled() =>
        Directory.GetFiles(Repo.PathOf("examples"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => DatasetReader.ReadFile(f)).ToList();

    /// <summary>The sample 12 times, every indicator's figures scaled, so that ratings fall on both sides of every threshold.</summary>
    private static IReadOnlyList<Dataset> Generated()
    {
        var sample = Repo.Sample();
        var random = new Random(5);
        return Enumerable.Range(0, 12).Select(_ => sample with { Goals = sample.Goals.Select(g => Scaled(g, random)).ToList() }).ToList();
    }

    [Fact]
    public void Every_value_rates_the_bundled_datasets_as_a_full_rating_does() => EveryAxis(Repo.StockholmRules, Bundled());

    [Fact]
    public void Every_value_rates_generated_datasets_as_a_full_rating_does() => EveryAxis(Repo.StockholmRules, Generated());

    private static void EveryAxis(CompiledRuleSet rules, IReadOnlyList<Dataset> datasets)
    {
        var tally = new Tally();
        foreach (var (name, values) in Axes)
            foreach (var other in new[] { 0.3, 0.6 })
            {
                var others = name == "helt_minsta_andel" ? new Dictionary<string, double>() : new() { ["helt_minsta_andel"] = other + 0.1 };
                RatesAsInFull(rules, datasets, name, values, others, tally);
            }
        tally.ShouldNotBeVacuous();
    }

    [Fact]
    public void Values_at_exactly_the_attainments_of_the_indicators_and_beside_them_rate_as_in_full()
    {
        // Where an indicator's rating turns: its attainment itself (>= holds) and the nearest numbers either side.
        var rules = Repo.StockholmRules;
        var datasets = Generated().Concat(Bundled()).ToList();
        var attainments = datasets.SelectMany(d => rules.Assess(d).AllGoals().SelectMany(g => g.Indicators))
            .Select(i => i.Evidence.Attainment).Where(a => a is > 0.5 and < 1.5).Distinct().Order().Take(150).ToList();
        attainments.Count.ShouldBeGreaterThan(50);
        var values = attainments.SelectMany(a => new[] { Math.BitDecrement(a), a, Math.BitIncrement(a) }).Distinct().Order().ToArray();
        var tally = new Tally();
        RatesAsInFull(rules, datasets, "delvis_grans", values, new Dictionary<string, double>(), tally);
        tally.ShouldNotBeVacuous();
    }

    [Theory]
    [InlineData("helt_minsta_andel")]
    [InlineData("inte_minsta_andel")]
    [InlineData("avvikelse_hogsta_andel")]
    public void Goal_thresholds_at_exactly_the_shares_goals_have_and_beside_them_rate_as_in_full(string name)
    {
        var tally = new Tally();
        RatesAsInFull(Repo.StockholmRules, Generated(), name, Shares, new Dictionary<string, double> { ["delvis_grans"] = 0.9 }, tally);
        tally.ShouldNotBeVacuous();
    }

    /// <summary>
    /// The rule set with the condition of "nara-malet" (<c>uppfyllelse &gt;= delvis_grans</c>) written otherwise: each
    /// comparison and its mirror, == and !=, and conditions the walk cannot decide by comparing alone (the threshold
    /// inside arithmetic, in a ?: or on both sides, a part that could not be evaluated if it were reached …).
    /// </summary>
    [Theory]
    [InlineData("uppfyllelse > delvis_grans")]
    [InlineData("delvis_grans <= uppfyllelse")]
    [InlineData("delvis_grans < uppfyllelse")]
    [InlineData("!(uppfyllelse < delvis_grans)")]
    [InlineData("uppfyllelse == delvis_grans || uppfyllelse > delvis_grans + 0.02")]
    [InlineData("uppfyllelse != delvis_grans && delvis_grans != 0.9 && uppfyllelse >= delvis_grans - 0.1")]
    [InlineData("uppfyllelse >= delvis_grans * 1")]
    [InlineData("-delvis_grans <= -uppfyllelse")]
    [InlineData("(delvis_grans > 0.9 ? uppfyllelse - 0.05 : uppfyllelse) >= delvis_grans")]
    [InlineData("delvis_grans > 0.9 ? har_forra_aret : uppfyllelse >= delvis_grans")]
    [InlineData("(delvis_grans >= 0.9) == (uppfyllelse >= 0.95) || uppfyllelse >= delvis_grans")]
    [InlineData("period == (delvis_grans > 0.9 ? \"T1\" : \"T2\") || uppfyllelse >= delvis_grans")]
    [InlineData("delvis_grans > 5 && varde / (mal - mal) > 1 || uppfyllelse >= delvis_grans")]
    [InlineData("uppfyllelse >= delvis_grans && uppfyllelse <= helt_minsta_andel + 0.3")]
    public void A_condition_written_otherwise_rates_as_in_full(string condition)
    {
        var rules = Rewritten("uppfyllelse >= delvis_grans", condition);
        var tally = new Tally();
        var values = Enumerable.Range(0, 41).Select(k => 0.8 + k * 0.005).Concat([0.85, 0.9, 0.95]).Order().ToArray();
        RatesAsInFull(rules, Generated(), "delvis_grans", values, new Dictionary<string, double>(), tally);
        RatesAsInFull(rules, Generated(), "helt_minsta_andel", Shares, new Dictionary<string, double> { ["delvis_grans"] = 0.9 }, tally);
        tally.ShouldNotBeVacuous();
    }

    [Theory]
    [InlineData("indikatorer_andel_helt > helt_minsta_andel")]
    [InlineData("helt_minsta_andel <= indikatorer_andel_helt")]
    [InlineData("helt_minsta_andel * indikatorer_bedomda <= indikatorer_helt")]
    [InlineData("indikatorer_andel_helt >= helt_minsta_andel || indikatorer_helt == helt_minsta_andel * 10")]
    public void A_goal_condition_written_otherwise_rates_as_in_full(string condition)
    {
        var rules = Rewritten("indikatorer_andel_helt >= helt_minsta_andel", condition);
        var tally = new Tally();
        RatesAsInFull(rules, Generated(), "helt_minsta_andel", Shares, new Dictionary<string, double>(), tally);
        RatesAsInFull(rules, Generated(), "delvis_grans", [0.7, 0.8, 0.85, 0.9, 0.95, 1.0], new Dictionary<string, double> { ["helt_minsta_andel"] = 0.6 }, tally);
        tally.ShouldNotBeVacuous();
    }

    [Fact]
    public void Values_out_of_order_rate_as_in_full()
    {
        // Only a sweep's own axes are in order; anything else is decided value by value, and must agree just the same.
        var tally = new Tally();
        RatesAsInFull(Repo.StockholmRules, Generated(), "delvis_grans", [1.0, 0.8, 0.95, 0.85, 0.85, 0.5, 0.9], new Dictionary<string, double>(), tally);
        RatesAsInFull(Repo.StockholmRules, Generated(), "helt_minsta_andel", [1.0, 0.0, 0.75, 0.5], new Dictionary<string, double>(), tally);
        tally.ShouldNotBeVacuous();
    }

    [Theory]
    [InlineData("delvis_grans=0.80..0.99:0.0019")]
    [InlineData("delvis_grans=0.8..1:0.05", "helt_minsta_andel=0.5..1:0.125")]
    [InlineData("helt_minsta_andel=0.5..0.75:0.25", "inte_minsta_andel=0.25..0.75:0.125", "delvis_grans=0.85..0.95:0.05")]
    [InlineData("delvis_grans=0.80..0.95:0.05", "delvis_grans=0.85..0.9:0.01")]
    [InlineData("avvikelse_hogsta_andel=0..1:0.1")]
    public void A_sweep_reports_what_rating_every_variant_in_full_reports(params string[] axes) =>
        ReportsAsInFull(Repo.StockholmRules, Generated().Concat(Bundled()).ToList(), axes.Select(SweepAxis.Parse).ToList());

    [Fact]
    public void A_rule_that_cannot_be_evaluated_at_some_value_is_reported_as_a_full_rating_reports_it()
    {
        // A division by zero at delvis_grans = 0.87 and nowhere else (as written it is 0.85), met by every dataset with an indicator below its target.
        var rules = Rewritten("uppfyllelse >= delvis_grans", "uppfyllelse / (delvis_grans - 0.87) >= 0 && uppfyllelse >= delvis_grans");
        var datasets = Generated();
        var expected = Should.Throw<InputException>(() => rules.WithThresholds(new Dictionary<string, double> { ["delvis_grans"] = 0.87 }).Assess(datasets[0]));
        expected.Message.ShouldContain("division med noll");
        var thrown = Should.Throw<InputException>(() => Sweep.Run(datasets, _ => rules, [SweepAxis.Parse("delvis_grans=0.80..0.90:0.01")]));
        thrown.Message.ShouldBe(expected.Message);
        // The same where the value is the first of two axes: its run of the second one meets it.
        Should.Throw<InputException>(() => Sweep.Run(datasets, _ => rules, [SweepAxis.Parse("delvis_grans=0.86..0.88:0.01"), SweepAxis.Parse("helt_minsta_andel=0.5..1:0.25")]))
            .Message.ShouldBe(expected.Message);

        // Swept past that value, the same rule set rates as in full.
        ReportsAsInFull(rules, datasets, [SweepAxis.Parse("delvis_grans=0.88..0.92:0.01"), SweepAxis.Parse("helt_minsta_andel=0.5..1:0.25")]);
    }

    /// <summary>Sweeps the datasets and compares every variant's report with full ratings of every dataset under its thresholds.</summary>
    private static void ReportsAsInFull(CompiledRuleSet rules, IReadOnlyList<Dataset> datasets, IReadOnlyList<SweepAxis> axes)
    {
        var report = Sweep.Run(datasets, _ => rules, axes);
        var grid = axes.Aggregate((IEnumerable<Dictionary<string, decimal>>)[[]],
            (combos, axis) => combos.SelectMany(c => axis.Values().Select(v => new Dictionary<string, decimal>(c) { [axis.Name] = v }))).ToList();
        report.Variants.Count.ShouldBe(grid.Count);
        var asWritten = datasets.Select(d => Derived(rules.Assess(d))).ToList();
        Same(report.AsWritten, InFull(datasets, rules, asWritten), "as written");
        var changed = 0;
        for (var v = 0; v < grid.Count; v++)
        {
            report.Variants[v].Thresholds.ShouldBe(grid[v]);
            var expected = InFull(datasets, rules.WithThresholds(grid[v].ToDictionary(t => t.Key, t => (double)t.Value)), asWritten);
            Same(report.Variants[v], expected, string.Join(", ", grid[v].Select(t => $"{t.Key}={t.Value}")));
            changed += expected.Changed;
        }
        changed.ShouldBeGreaterThan(0);
    }

    /// <summary>
    /// Walks every dataset along <paramref name="values"/> of <paramref name="name"/> (the other thresholds as in
    /// <paramref name="others"/> or as written) and compares the derived ratings at each value, goal by goal, with a full rating.
    /// </summary>
    private static void RatesAsInFull(CompiledRuleSet rules, IReadOnlyList<Dataset> datasets, string name, double[] values,
        IReadOnlyDictionary<string, double> others, Tally tally)
    {
        var thresholds = values.Select(v => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>(others) { [name] = v }).ToList();
        var run = AxisRun.Of(rules, thresholds, name);
        var asWrittenRun = AxisRun.AsWritten(rules);
        foreach (var dataset in datasets)
        {
            var asWritten = rules.Assess(dataset);
            var plan = SweepPlan.Of(asWrittenRun, dataset);
            plan.Goals.ShouldBe(asWritten.AllGoals().Select(g => g.Goal).ToList());
            plan.AsWritten.ShouldBe(Derived(asWritten));
            var walked = new Walked(values.Length, plan.Goals.Count);
            plan.Walk(run, walked);
            for (var place = 0; place < values.Length; place++)
            {
                var full = Derived(rules.WithThresholds(thresholds[place]).Assess(dataset));
                walked.At[place].ShouldBe(full, $"{name} = {values[place]} (place {place}), others {string.Join(", ", others)}");
                tally.Compared += full.Length;
                tally.Differing += full.Zip(plan.AsWritten).Count(p => p.First != p.Second);
            }
        }
    }

    private static Rating[] Derived(AssessmentResult result) => result.AllGoals().Select(g => g.Derived.Rating).ToArray();

    /// <summary>What a sweep reports for one variant, from full ratings of every dataset.</summary>
    private static SweepVariant InFull(IReadOnlyList<Dataset> datasets, CompiledRuleSet variant, IReadOnlyList<Rating[]> asWritten)
    {
        var results = datasets.Select(d => variant.Assess(d)).ToList();
        var goals = results.SelectMany(r => r.AllGoals()).ToList();
        var counts = Enum.GetValues<GoalLevel>().ToDictionary(level => level, level => (IReadOnlyDictionary<Rating, int>)Enum.GetValues<Rating>()
            .ToDictionary(rating => rating, rating => goals.Count(g => g.Goal.Level == level && g.Derived.Rating == rating)));
        var agreement = LevelBacktest.All(goals.Where(g => g.Recorded is not null).Select(g => (g.Goal.Level, g.Recorded!.Value, g.Derived.Rating)).ToList());
        var changed = results.Select((r, i) => Derived(r).Zip(asWritten[i]).Count(p => p.First != p.Second)).Sum();
        return new SweepVariant(new Dictionary<string, decimal>(), counts, agreement, changed);
    }

    private static void Same(SweepVariant actual, SweepVariant expected, string what)
    {
        foreach (var level in Enum.GetValues<GoalLevel>())
            actual.Counts[level].OrderBy(c => c.Key).ShouldBe(expected.Counts[level].OrderBy(c => c.Key), what);
        actual.Agreement.Select(l => (l.Level, l.Compared, l.Agreeing)).ShouldBe(expected.Agreement.Select(l => (l.Level, l.Compared, l.Agreeing)), what);
        actual.Agreement.Select(l => l.Matrix.OrderBy(m => m.Key).ToList()).ShouldBe(expected.Agreement.Select(l => l.Matrix.OrderBy(m => m.Key).ToList()), what);
        actual.Changed.ShouldBe(expected.Changed, what);
    }

    /// <summary>The shipped rule set with <paramref name="condition"/> replaced wherever it is written.</summary>
    private static CompiledRuleSet Rewritten(string condition, string with)
    {
        var text = Repo.ReadRulesText();
        text.ShouldContain(condition);
        // A whole condition is quoted (it may begin with "!" or hold ": "); one inside a longer condition is not.
        text = text.Replace($"om: {condition}\n", $"om: '{with}'\n").Replace(condition, with);
        return RuleSetReader.Read(text, "rules/omskrivet.yaml");
    }

    /// <summary>How many goal ratings were compared, and how many of them differ from the rule set as written: the comparison is not vacuous.</summary>
    private sealed class Tally
    {
        public int Compared;
        public int Differing;

        public void ShouldNotBeVacuous()
        {
            Compared.ShouldBeGreaterThan(1000);
            Differing.ShouldBeGreaterThan(Compared / 50, $"{Differing} of {Compared}");
        }
    }

    /// <summary>A walk's ratings at every place.</summary>
    private sealed class Walked(int places, int goals) : IRatingSink
    {
        public readonly Rating[][] At = Enumerable.Range(0, places).Select(_ => Enumerable.Repeat((Rating)(-1), goals).ToArray()).ToArray();

        public void Initial(int goal, Rating rating)
        {
            foreach (var place in At) place[goal] = rating;
        }

        public void Change(int place, int goal, Rating from, Rating to)
        {
            At[place][goal].ShouldBe(from);
            for (var p = place; p < At.Length; p++) At[p][goal] = to;
        }
    }

    private static Goal Scaled(Goal goal, Random random) => goal with
    {
        Indicators = goal.Indicators.Select(i => i with
        {
            Outcome = Scale(i.Outcome, random),
            Forecast = Scale(i.Forecast, random),
            LastYearOutcome = Scale(i.LastYearOutcome, random),
        }).ToList(),
        Activities = goal.Activities.Select(a => a with { Deviation = random.NextDouble() < 0.3 }).ToList(),
        Children = goal.Children.Select(c => Scaled(c, random)).ToList(),
    };

    private static Quantity? Scale(Quantity? q, Random random) =>
        q is null ? null : q with { Value = Math.Round(q.Value * (decimal)(0.5 + random.NextDouble()), 2) };
}
