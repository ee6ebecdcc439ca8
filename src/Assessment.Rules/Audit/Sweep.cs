using System.Globalization;
using System.Text.RegularExpressions;
using Assessment.Domain.Model;

namespace Assessment.Rules.Audit;

/// <summary>One threshold swept over a range: "delvis_grans=0.80..0.95:0.01".</summary>
public sealed partial record SweepAxis(string Name, decimal From, decimal To, decimal Step)
{
    /// <summary>More values than this in one sweep (all axes together) is refused: it would not be read.</summary>
    public const int MaxVariants = 10_000;

    [GeneratedRegex(@"^(?<name>[\p{L}_][\p{L}0-9_]*)=(?<from>-?\d+(?:[.,]\d+)?)\.\.(?<to>-?\d+(?:[.,]\d+)?)(?::(?<step>\d+(?:[.,]\d+)?))?$")]
    private static partial Regex Pattern();

    /// <summary>Whether an argument is meant as an axis (it names a value with "=").</summary>
    public static bool Looks(string argument) => argument.Contains('=') && !argument.StartsWith('-');

    /// <summary>Reads "NAMN=FRÅN..TILL[:STEG]"; without a step the range is cut in ten. Throws FormatException in Swedish.</summary>
    public static SweepAxis Parse(string text)
    {
        var m = Pattern().Match(text.Trim());
        if (!m.Success)
            throw new FormatException($"\"{text}\" är inget svep: väntade NAMN=FRÅN..TILL[:STEG], t.ex. delvis_grans=0.80..0.95:0.01");
        static decimal Number(Group g) =>
            decimal.TryParse(g.Value.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? value : throw new FormatException($"talet {g.Value} är för stort för ett tröskelvärde");
        var (from, to) = (Number(m.Groups["from"]), Number(m.Groups["to"]));
        if (to < from) throw new FormatException($"svepet \"{text}\" går baklänges: FRÅN ({from.ToString(CultureInfo.InvariantCulture)}) är större än TILL");
        var step = m.Groups["step"].Success ? Number(m.Groups["step"]) : (to - from) / 10;
        if (step <= 0 && to > from) throw new FormatException($"svepet \"{text}\": steget måste vara större än 0");
        var axis = new SweepAxis(m.Groups["name"].Value, from, to, step);
        if (axis.Count > MaxVariants) throw new FormatException($"svepet \"{text}\" ger {axis.Count} värden; högst {MaxVariants} går att läsa");
        return axis;
    }

    /// <summary>How many values: from FRÅN in steps up to TILL, TILL included when a step lands on it.</summary>
    public int Count => Step == 0 ? 1 : (int)Math.Min(int.MaxValue, Math.Floor((To - From) / Step) + 1);

    public IReadOnlyList<decimal> Values() =>
        Enumerable.Range(0, Count).Select(k => (From + k * Step) / 1.0000000000000000000000000000m).ToList(); // no trailing zeros: 0.80 → 0.8
}

/// <summary>
/// One variant of a sweep: its thresholds; per level the derived ratings counted and agreement with the
/// published ratings (as <see cref="Backtest"/>); and how many goals' derived ratings differ from the rule
/// set as written.
/// </summary>
public sealed record SweepVariant(
    IReadOnlyDictionary<string, decimal> Thresholds,
    IReadOnlyDictionary<GoalLevel, IReadOnlyDictionary<Rating, int>> Counts,
    IReadOnlyList<LevelBacktest> Agreement,
    int Changed)
{
    public int Compared => Agreement.Sum(l => l.Compared);

    public int Agreeing => Agreement.Sum(l => l.Agreeing);

    /// <summary>Agreement over all levels together.</summary>
    public double TotalAgreement => Compared == 0 ? 0 : (double)Agreeing / Compared;
}

/// <summary>A sweep: the axes, every variant in grid order, which agrees best, and the rule set as written.</summary>
public sealed record SweepReport(IReadOnlyList<SweepAxis> Axes, IReadOnlyList<SweepVariant> Variants, int Best, SweepVariant AsWritten, int Datasets);

/// <summary>
/// Rates every dataset under every combination of threshold values and reports what each does. Agreement with
/// past judgement is evidence about a value, not proof that it is right: the reports say so.
/// </summary>
public static class Sweep
{
    /// <param name="datasets">The datasets to rate.</param>
    /// <param name="rules">The rule set for a dataset, as written; each variant is it with the variant's thresholds.</param>
    /// <param name="axes">The thresholds to sweep; every combination of their values is a variant.</param>
    public static SweepReport Run(
        IReadOnlyList<Dataset> datasets,
        Func<Dataset, CompiledRuleSet> rules,
        IReadOnlyList<SweepAxis> axes)
    {
        var grid = axes.Aggregate((IEnumerable<IReadOnlyDictionary<string, decimal>>)[new Dictionary<string, decimal>()],
            (combos, axis) => combos.SelectMany(c => axis.Values().Select(v => (IReadOnlyDictionary<string, decimal>)new Dictionary<string, decimal>(c) { [axis.Name] = v })))
            .ToList();
        if (grid.Count > SweepAxis.MaxVariants)
            throw new FormatException($"svepet ger {grid.Count} varianter; högst {SweepAxis.MaxVariants} går att läsa – färre värden eller större steg");

        // An indicator's facts do not depend on any threshold: each rule set in force computes them once per
        // indicator and every variant of it reuses them.
        var reusing = new Dictionary<CompiledRuleSet, CompiledRuleSet>(); // a class: by reference
        var asWrittenRules = datasets.Select(d =>
        {
            var written = rules(d);
            if (!reusing.TryGetValue(written, out var reused)) reusing[written] = reused = written.ReusingIndicatorFacts();
            return reused;
        }).ToList();

        // Each dataset's result is summed up as soon as it is rated and then dropped: kept for a whole variant,
        // every result would outlive the young generation and be copied by the collector, which at national
        // scale cost more than the rating. Of the rule set as written only the derived ratings are kept.
        var asWrittenRatings = new List<Rating[]>(datasets.Count);
        var asWritten = Variant(new Dictionary<string, decimal>(), datasets.Select((d, i) => asWrittenRules[i].Assess(d)), null, asWrittenRatings);
        var variants = grid.Select(thresholds =>
        {
            var values = thresholds.ToDictionary(t => t.Key, t => (double)t.Value);
            var variantRules = reusing.Values.ToDictionary(r => r, r => r.WithThresholds(values));
            return Variant(thresholds, datasets.Select((d, i) => variantRules[asWrittenRules[i]].Assess(d)), asWrittenRatings, null);
        }).ToList();
        var best = variants.Select((v, i) => (v, i)).OrderByDescending(p => p.v.TotalAgreement).ThenBy(p => p.v.Changed).ThenBy(p => p.i).First().i;
        return new SweepReport(axes, variants, best, asWritten, datasets.Count);
    }

    /// <summary>
    /// Sums up one variant's results, one dataset at a time: derived ratings counted per level, goals whose
    /// derived rating differs from <paramref name="asWritten"/> (the same datasets' derived ratings in
    /// <see cref="GoalResult.SelfAndDescendants"/> order; null: none differ), and agreement with the published
    /// ratings as <see cref="Backtest.Run"/> counts it. <paramref name="record"/>, when given, receives each
    /// dataset's derived ratings in that order.
    /// </summary>
    private static SweepVariant Variant(IReadOnlyDictionary<string, decimal> thresholds, IEnumerable<AssessmentResult> results,
        IReadOnlyList<Rating[]>? asWritten, List<Rating[]>? record)
    {
        var levels = Enum.GetValues<GoalLevel>();
        var ratings = Enum.GetValues<Rating>();
        var counted = new Dictionary<(GoalLevel, Rating), int>();
        var compared = new List<(GoalLevel Level, Rating Recorded, Rating Derived)>();
        var changed = 0;
        var index = 0;
        foreach (var result in results)
        {
            var goals = result.AllGoals().ToList();
            var derived = goals.Select(g => g.Derived.Rating).ToArray();
            record?.Add(derived);
            foreach (var goal in goals)
            {
                counted[(goal.Goal.Level, goal.Derived.Rating)] = counted.GetValueOrDefault((goal.Goal.Level, goal.Derived.Rating)) + 1;
                if (goal.Recorded is { } recorded) compared.Add((goal.Goal.Level, recorded, goal.Derived.Rating));
            }
            if (asWritten is not null) changed += derived.Zip(asWritten[index]).Count(pair => pair.First != pair.Second);
            index++;
        }
        var counts = levels.ToDictionary(level => level, level => (IReadOnlyDictionary<Rating, int>)ratings
            .ToDictionary(rating => rating, rating => counted.GetValueOrDefault((level, rating))));
        return new SweepVariant(thresholds, counts, LevelBacktest.All(compared), changed);
    }
}
