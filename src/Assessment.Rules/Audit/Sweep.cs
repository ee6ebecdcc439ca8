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
        SweepAxis axis;
        try
        {
            var step = m.Groups["step"].Success ? Number(m.Groups["step"]) : (to - from) / 10;
            if (step <= 0 && to > from) throw new FormatException($"svepet \"{text}\": steget måste vara större än 0");
            axis = new SweepAxis(m.Groups["name"].Value, from, to, step);
            _ = axis.Count;
        }
        catch (OverflowException)
        {
            throw new FormatException($"svepet \"{text}\" spänner över för stora tal för ett tröskelvärde");
        }
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
        // Counted before the grid is built: two axes of 10 000 values each would otherwise be 10⁸ variants in memory first.
        var count = axes.Aggregate(1L, (n, axis) => Math.Min(n * axis.Count, long.MaxValue / int.MaxValue));
        if (count > SweepAxis.MaxVariants)
            throw new FormatException($"svepet ger {count} varianter; högst {SweepAxis.MaxVariants} går att läsa – färre värden eller större steg");
        var grid = axes.Aggregate((IEnumerable<IReadOnlyDictionary<string, decimal>>)[new Dictionary<string, decimal>()],
            (combos, axis) =>
            {
                var values = axis.Values();
                return combos.SelectMany(c => values.Select(v => (IReadOnlyDictionary<string, decimal>)new Dictionary<string, decimal>(c) { [axis.Name] = v }));
            })
            .ToList();

        // The datasets are rated in full once, under the rule set as written; each variant then rates them again
        // from a flat plan of that rating, redoing only what its thresholds can change (SweepPlan), with the goals'
        // ratings remembered per rule set in force (GoalMemo). Each dataset's ratings are counted as soon as they
        // are made and then dropped.
        var asWrittenRules = datasets.Select(rules).ToList();
        var memos = new Dictionary<CompiledRuleSet, GoalMemo>(); // a class: by reference
        foreach (var r in asWrittenRules) memos.TryAdd(r, new GoalMemo(r));
        var plans = new List<SweepPlan>(datasets.Count);
        var asWrittenRatings = new List<Rating[]>(datasets.Count);
        var asWritten = Variant(new Dictionary<string, decimal>(), datasets.Select((d, i) =>
        {
            var result = asWrittenRules[i].Assess(d);
            plans.Add(SweepPlan.Of(asWrittenRules[i], result));
            return (plans[i].Goals, result.AllGoals().Select(g => g.Derived.Rating).ToArray());
        }), null, asWrittenRatings);
        var variants = grid.Select(thresholds =>
        {
            var values = thresholds.ToDictionary(t => t.Key, t => (double)t.Value);
            var variantRules = memos.Keys.ToDictionary(r => r, r => r.WithThresholds(values));
            var numbered = memos.ToDictionary(m => m.Key, m => m.Value.Of(variantRules[m.Key]));
            return Variant(thresholds, datasets.Select((_, i) =>
            {
                var written = asWrittenRules[i];
                return (plans[i].Goals, plans[i].Ratings(variantRules[written], memos[written], numbered[written]));
            }), asWrittenRatings, null);
        }).ToList();
        var best = variants.Select((v, i) => (v, i)).OrderByDescending(p => p.v.TotalAgreement).ThenBy(p => p.v.Changed).ThenBy(p => p.i).First().i;
        return new SweepReport(axes, variants, best, asWritten, datasets.Count);
    }

    /// <summary>
    /// Sums up one variant's ratings, one dataset at a time (its goals in <see cref="GoalResult.SelfAndDescendants"/>
    /// order and their derived ratings): derived ratings counted per level, goals whose derived rating differs from
    /// <paramref name="asWritten"/> (the same datasets' derived ratings in that order; null: none differ), and
    /// agreement with the published ratings as <see cref="Backtest.Run"/> counts it. <paramref name="record"/>,
    /// when given, receives each dataset's derived ratings.
    /// </summary>
    private static SweepVariant Variant(IReadOnlyDictionary<string, decimal> thresholds,
        IEnumerable<(IReadOnlyList<Goal> Goals, Rating[] Derived)> results, IReadOnlyList<Rating[]>? asWritten, List<Rating[]>? record)
    {
        var levels = Enum.GetValues<GoalLevel>();
        var ratings = Enum.GetValues<Rating>();
        var counted = new Dictionary<(GoalLevel, Rating), int>();
        var compared = new List<(GoalLevel Level, Rating Recorded, Rating Derived)>();
        var changed = 0;
        var index = 0;
        foreach (var (goals, derived) in results)
        {
            record?.Add(derived);
            for (var g = 0; g < goals.Count; g++)
            {
                var (level, rating) = (goals[g].Level, derived[g]);
                counted[(level, rating)] = counted.GetValueOrDefault((level, rating)) + 1;
                if (goals[g].Recorded is { } recorded) compared.Add((level, recorded, rating));
            }
            if (asWritten is not null) changed += derived.Zip(asWritten[index]).Count(pair => pair.First != pair.Second);
            index++;
        }
        var counts = levels.ToDictionary(level => level, level => (IReadOnlyDictionary<Rating, int>)ratings
            .ToDictionary(rating => rating, rating => counted.GetValueOrDefault((level, rating))));
        return new SweepVariant(thresholds, counts, LevelBacktest.All(compared), changed);
    }
}
