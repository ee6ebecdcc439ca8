using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Rules;
using Assessment.Rules.Audit;

namespace Assessment.Tests.Rules;

/// <summary>
/// A sweep rates each variant from a plan of the rating as written, redoing only what a threshold can change:
/// its ratings must be exactly those of rating each variant in full.
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

    [Fact]
    public void Every_variant_rates_the_bundled_datasets_as_a_full_rating_does() =>
        RatesAsInFull(Directory.GetFiles(Repo.PathOf("examples"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => DatasetReader.ReadFile(f)).ToList());

    [Fact]
    public void Every_variant_rates_generated_datasets_as_a_full_rating_does()
    {
        // The sample with every indicator's figures scaled, so that ratings fall on both sides of every threshold.
        var sample = Repo.Sample();
        var random = new Random(5);
        RatesAsInFull(Enumerable.Range(0, 12).Select(_ => sample with { Goals = sample.Goals.Select(g => Scaled(g, random)).ToList() }).ToList());
    }

    private static void RatesAsInFull(IReadOnlyList<Dataset> datasets)
    {
        var rules = Repo.StockholmRules;
        var memo = new GoalMemo(rules);
        var plans = datasets.Select(d => SweepPlan.Of(rules, rules.Assess(d))).ToList();
        var compared = 0;
        var differing = 0;
        foreach (var (name, values) in Axes)
            foreach (var value in values)
                foreach (var other in new[] { 0.3, 0.6 })
                {
                    var thresholds = new Dictionary<string, double> { [name] = value };
                    if (name != "helt_minsta_andel") thresholds["helt_minsta_andel"] = other + 0.1;
                    var variant = rules.WithThresholds(thresholds);
                    var numbered = memo.Of(variant);
                    for (var i = 0; i < datasets.Count; i++)
                    {
                        var full = variant.Assess(datasets[i]).AllGoals().ToList();
                        var planned = plans[i].Ratings(variant, memo, numbered);
                        planned.ShouldBe(full.Select(g => g.Derived.Rating).ToArray(), $"{name} = {value}, dataset {i}");
                        plans[i].Goals.ShouldBe(full.Select(g => g.Goal).ToList());
                        compared += planned.Length;
                        differing += planned.Zip(rules.Assess(datasets[i]).AllGoals()).Count(p => p.First != p.Second.Derived.Rating);
                    }
                }
        compared.ShouldBeGreaterThan(1000);
        differing.ShouldBeGreaterThan(compared / 50, $"{differing} of {compared}"); // the variants do change ratings: the comparison is not vacuous
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
