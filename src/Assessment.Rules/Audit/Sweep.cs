using System.Globalization;
using System.Text.RegularExpressions;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Rules.Language;

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

        // Each dataset is laid out flat and rated under the rule set as written, without traces (SweepPlan). The
        // variants are taken a run at a time: the values of the last axis in order, every other threshold fixed (one
        // run for one axis). Each dataset is walked along a run, redoing only what a change of value changes, and its
        // ratings are counted as they change (SweepTally). With one run, each dataset is walked as soon as it is laid
        // out, and then dropped. A dataset whose rating as written meets a rule that cannot be evaluated is rated in
        // full at once, and one whose walk meets one is rated in full under each variant of the run after the other
        // datasets' walks: the full rating reports the error as `run` does, the first in the order it did before.
        var asWrittenRules = datasets.Select(rules).ToList();
        var asWrittenRuns = new Dictionary<CompiledRuleSet, AxisRun>(); // a class: by reference
        foreach (var r in asWrittenRules) asWrittenRuns.TryAdd(r, AxisRun.AsWritten(r));
        var perRun = axes.Count > 0 ? axes[^1].Count : 1;
        var asWrittenTally = new SweepTally(1);
        var first = new VariantRun(grid.GetRange(0, perRun), asWrittenRules, axes.Count > 0 ? axes[^1].Name : null);
        var kept = grid.Count > perRun ? new List<SweepPlan>(datasets.Count) : null;
        for (var i = 0; i < datasets.Count; i++)
        {
            SweepPlan plan;
            try
            {
                plan = SweepPlan.Of(asWrittenRuns[asWrittenRules[i]], datasets[i]);
            }
            catch (Exception e) when (e is EvaluationException or InputException)
            {
                asWrittenRules[i].Assess(datasets[i]); // reports the error as run does, with its rule and place
                if (e is InputException) throw;
                throw new InputException(ErrorKinds.ExpressionValue, datasets[i].Position, $"en regel kunde inte utvärderas i svepet: {e.Message}");
            }
            asWrittenTally.Add(0, plan, plan.AsWritten);
            first.Walk(plan, asWrittenRules[i]);
            kept?.Add(plan);
        }
        var variants = first.Variants();
        for (var start = perRun; start < grid.Count; start += perRun)
        {
            var run = new VariantRun(grid.GetRange(start, perRun), asWrittenRules, axes[^1].Name);
            for (var i = 0; i < datasets.Count; i++) run.Walk(kept![i], asWrittenRules[i]);
            variants.AddRange(run.Variants());
        }
        var asWritten = asWrittenTally.Variants([new Dictionary<string, decimal>()]).Single();
        var best = variants.Select((v, i) => (v, i)).OrderByDescending(p => p.v.TotalAgreement).ThenBy(p => p.v.Changed).ThenBy(p => p.i).First().i;
        return new SweepReport(axes, variants, best, asWritten, datasets.Count);
    }

    /// <summary>One run of variants: consecutive in the grid, differing only in the value of the last axis.</summary>
    private sealed class VariantRun
    {
        private readonly IReadOnlyList<IReadOnlyDictionary<string, decimal>> _thresholds;
        private readonly Dictionary<CompiledRuleSet, AxisRun> _runs = []; // a class: by reference
        private readonly SweepTally _tally;
        private readonly List<(SweepPlan Plan, AxisRun Run)> _inFull = [];

        public VariantRun(IReadOnlyList<IReadOnlyDictionary<string, decimal>> thresholds, IEnumerable<CompiledRuleSet> asWritten, string? axis)
        {
            _thresholds = thresholds;
            var values = thresholds.Select(t => (IReadOnlyDictionary<string, double>)t.ToDictionary(p => p.Key, p => (double)p.Value)).ToList();
            foreach (var r in asWritten)
                if (!_runs.ContainsKey(r)) _runs[r] = AxisRun.Of(r, values, axis);
            _tally = new SweepTally(thresholds.Count);
        }

        public void Walk(SweepPlan plan, CompiledRuleSet asWritten)
        {
            var run = _runs[asWritten];
            try
            {
                plan.Walk(run, _tally.For(plan));
                _tally.Commit();
            }
            catch (Exception e) when (e is EvaluationException or InputException)
            {
                _tally.Discard();
                _inFull.Add((plan, run));
            }
        }

        public List<SweepVariant> Variants()
        {
            for (var place = 0; place < _thresholds.Count; place++)
                foreach (var (plan, run) in _inFull)
                    _tally.Add(place, plan, run.Variants[place].Assess(plan.Dataset).AllGoals().Select(g => g.Derived.Rating).ToList());
            return _tally.Variants(_thresholds).ToList();
        }
    }
}

/// <summary>
/// The variants of one run of a sweep counted (<see cref="Sweep.Run"/>): per place, the derived ratings per level,
/// per level the published rating against the derived one, and how many goals differ from the rule set as written –
/// each kept as its change from the place before, so that a dataset adds only where its ratings change. A walk's
/// ratings (<see cref="SweepPlan.Walk"/>) count once it is committed.
/// </summary>
internal sealed class SweepTally(int count) : IRatingSink
{
    private static readonly int Levels = Enum.GetValues<GoalLevel>().Length;
    private static readonly int Ratings = Enum.GetValues<Rating>().Length;

    private readonly int[] _counts = new int[(count + 1) * Levels * Ratings];
    private readonly int[] _matrix = new int[(count + 1) * Levels * Ratings * Ratings];
    private readonly int[] _changed = new int[count + 1];
    private readonly List<(int Place, int Goal, Rating From, Rating To)> _walked = [];
    private SweepPlan? _plan;

    /// <summary>Receives the walk of <paramref name="plan"/>; nothing counts until <see cref="Commit"/>.</summary>
    public IRatingSink For(SweepPlan plan)
    {
        _plan = plan;
        _walked.Clear();
        return this;
    }

    public void Commit()
    {
        foreach (var (place, goal, from, to) in _walked)
        {
            if (from >= 0) Count(place, _plan!, goal, from, -1);
            Count(place, _plan!, goal, to, 1);
        }
        _walked.Clear();
    }

    public void Discard() => _walked.Clear();

    void IRatingSink.Initial(int goal, Rating rating) => _walked.Add((0, goal, (Rating)(-1), rating));

    void IRatingSink.Change(int place, int goal, Rating from, Rating to) => _walked.Add((place, goal, from, to));

    /// <summary>A dataset's derived ratings at one place (in <see cref="SweepPlan.Goals"/> order), rated in full.</summary>
    public void Add(int place, SweepPlan plan, IReadOnlyList<Rating> derived)
    {
        for (var g = 0; g < derived.Count; g++)
        {
            Count(place, plan, g, derived[g], 1);
            Count(place + 1, plan, g, derived[g], -1);
        }
    }

    private void Count(int place, SweepPlan plan, int g, Rating rating, int sign)
    {
        var goal = plan.Goals[g];
        var level = (int)goal.Level;
        _counts[(place * Levels + level) * Ratings + (int)rating] += sign;
        if (goal.Recorded is { } recorded) _matrix[((place * Levels + level) * Ratings + (int)recorded) * Ratings + (int)rating] += sign;
        if (rating != plan.AsWritten[g]) _changed[place] += sign;
    }

    /// <summary>The variants, one per place, with these thresholds.</summary>
    public IEnumerable<SweepVariant> Variants(IReadOnlyList<IReadOnlyDictionary<string, decimal>> thresholds)
    {
        var levels = Enum.GetValues<GoalLevel>();
        var ratings = Enum.GetValues<Rating>();
        var (counts, matrix, changed) = (new int[Levels * Ratings], new int[Levels * Ratings * Ratings], 0);
        for (var place = 0; place < count; place++)
        {
            for (var k = 0; k < counts.Length; k++) counts[k] += _counts[place * counts.Length + k];
            for (var k = 0; k < matrix.Length; k++) matrix[k] += _matrix[place * matrix.Length + k];
            changed += _changed[place];
            yield return new SweepVariant(thresholds[place],
                levels.ToDictionary(level => level, level => (IReadOnlyDictionary<Rating, int>)ratings
                    .ToDictionary(rating => rating, rating => counts[(int)level * Ratings + (int)rating])),
                levels.Select(level => LevelBacktest.Of(level,
                    (from recorded in ratings
                     from derived in ratings
                     let n = matrix[((int)level * Ratings + (int)recorded) * Ratings + (int)derived]
                     where n > 0
                     select (Key: (recorded, derived), Count: n)).ToDictionary(c => c.Key, c => c.Count))).ToList(),
                changed);
        }
    }
}
