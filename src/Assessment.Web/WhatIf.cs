using System.Globalization;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Parsing;
using Assessment.Rules;
using Assessment.Rules.Audit;
using Assessment.Rules.Model;

namespace Assessment.Web;

/// <summary>A goal whose derived rating moves under other thresholds.</summary>
public sealed record ChangedGoal(string Goal, string Title, GoalLevel Level, Rating From, Rating To, Rating? Recorded);

/// <summary>One dataset re-rated: derived ratings counted per level, goals differing from the published rating, goals that moved.</summary>
public sealed record DatasetWhatIf(DatasetEntry Entry, IReadOnlyDictionary<GoalLevel, IReadOnlyDictionary<Rating, int>> Counts,
    int Differing, IReadOnlyList<ChangedGoal> Changed, AssessmentResult Result);

/// <summary>Every loaded dataset re-rated under other threshold values: nothing is written.</summary>
public sealed record WhatIfReport(IReadOnlyDictionary<string, double> Thresholds, IReadOnlyList<DatasetWhatIf> Datasets,
    IReadOnlyList<LevelBacktest> Agreement, IReadOnlyList<LevelBacktest> AgreementAsWritten)
{
    public int Changed => Datasets.Sum(d => d.Changed.Count);
}

/// <summary>Re-rates the store's datasets under other thresholds, and sweeps one threshold around a value for the chart.</summary>
public static class WhatIf
{
    /// <summary>The thresholds every loaded dataset's rule set in force has, by name, with their values as written (first rule set's value).</summary>
    public static IReadOnlyList<Threshold> Thresholds(IEnumerable<DatasetEntry> entries)
    {
        var sets = entries.Where(e => e.Rules is not null).Select(e => e.Rules!.RuleSet).Distinct().ToList();
        if (sets.Count == 0) return [];
        return sets[0].Thresholds.Where(t => sets.All(s => s.Thresholds.Any(o => o.Name == t.Name))).ToList();
    }

    /// <summary>Names not among the thresholds, each with a Swedish message (and a near name when there is one).</summary>
    public static IReadOnlyList<string> Unknown(IEnumerable<string> names, IReadOnlyList<Threshold> known)
    {
        var all = known.Select(t => t.Name).ToList();
        return names.Where(n => !all.Contains(n)).Select(n =>
            $"okänt tröskelvärde \"{n}\"{(Suggest.Closest(n, all) is { } near ? $" (menade du {near}?)" : "")}; regelverket har {string.Join(", ", all)}").ToList();
    }

    /// <summary>Larger than any threshold means: a value past it is refused, never turned into a decimal that overflows.</summary>
    public const double MaxThreshold = 1e9;

    /// <summary>
    /// The threshold values a request asks for, as the JSON API and the policy form read them – each name with the number
    /// read (null when what was given is no number) and the text given – checked alike: every value a finite number,
    /// every name known, no absurd size. The values, or why they cannot be tried, in Swedish.
    /// </summary>
    public static (IReadOnlyDictionary<string, double>? Values, string? Error) Validate(
        IEnumerable<(string Name, double? Value, string Given)> asked, IReadOnlyList<DatasetEntry> entries)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value, given) in asked)
        {
            if (value is not { } v || !double.IsFinite(v)) return (null, $"tröskelvärdet \"{name}\" ska vara ett tal, t.ex. 0.85 (fick \"{given}\")");
            values[name] = v;
        }
        return Check(values, entries) is { } problem ? (null, problem) : (values, null);
    }

    /// <summary>Why these threshold values cannot be tried over these datasets (unknown names, absurd sizes), or null.</summary>
    public static string? Check(IReadOnlyDictionary<string, double> values, IReadOnlyList<DatasetEntry> entries)
    {
        if (values.FirstOrDefault(v => Math.Abs(v.Value) > MaxThreshold) is { Key: { } large })
            return $"tröskelvärdet {large} är orimligt stort: högst {MaxThreshold:0} till beloppet";
        var unknown = Unknown(values.Keys, Thresholds(entries));
        return unknown.Count > 0 ? string.Join("; ", unknown) : null;
    }

    public static WhatIfReport Run(IReadOnlyList<DatasetEntry> entries, IReadOnlyDictionary<string, double> thresholds)
    {
        var loaded = entries.Where(e => e.Result is not null).ToList();
        var variants = new Dictionary<CompiledRuleSet, CompiledRuleSet>();
        var datasets = new List<DatasetWhatIf>(loaded.Count);
        var compared = new List<(GoalLevel, Rating, Rating)>();
        var comparedAsWritten = new List<(GoalLevel, Rating, Rating)>();
        foreach (var entry in loaded)
        {
            var written = entry.Rules!.Compiled;
            if (!variants.TryGetValue(written, out var variant))
                variants[written] = variant = written.WithThresholds(thresholds);
            var result = variant.Assess(entry.Dataset!);
            var counts = new Dictionary<GoalLevel, Dictionary<Rating, int>>();
            var changed = new List<ChangedGoal>();
            var differing = 0;
            foreach (var (before, after) in entry.Result!.AllGoals().Zip(result.AllGoals()))
            {
                var level = after.Goal.Level;
                if (!counts.TryGetValue(level, out var perRating)) counts[level] = perRating = Enum.GetValues<Rating>().ToDictionary(r => r, _ => 0);
                perRating[after.Derived.Rating]++;
                if (after.DiffersFromRecorded) differing++;
                if (after.Recorded is { } recorded)
                {
                    compared.Add((level, recorded, after.Derived.Rating));
                    comparedAsWritten.Add((level, recorded, before.Derived.Rating));
                }
                if (before.Derived.Rating != after.Derived.Rating)
                    changed.Add(new ChangedGoal(after.Goal.Id, after.Goal.Title, level, before.Derived.Rating, after.Derived.Rating, after.Recorded));
            }
            datasets.Add(new DatasetWhatIf(entry, Enum.GetValues<GoalLevel>().ToDictionary(l => l,
                l => (IReadOnlyDictionary<Rating, int>)(counts.TryGetValue(l, out var c) ? c : Enum.GetValues<Rating>().ToDictionary(r => r, _ => 0))),
                differing, changed, result));
        }
        return new WhatIfReport(thresholds, datasets, LevelBacktest.All(compared), LevelBacktest.All(comparedAsWritten));
    }

    /// <summary>
    /// <paramref name="name"/> swept over <paramref name="steps"/> values each side of <paramref name="around"/> (in steps of
    /// <paramref name="step"/>, never below 0), the other thresholds as given: agreement per value, for the chart.
    /// </summary>
    public static SweepReport Sweep(IReadOnlyList<DatasetEntry> entries, IReadOnlyDictionary<string, double> thresholds,
        string name, double around, double step, int steps = 10)
    {
        var loaded = entries.Where(e => e.Result is not null).ToList();
        var others = thresholds.Where(t => t.Key != name).ToDictionary(t => t.Key, t => t.Value);
        var rules = loaded.Select(e => e.Rules!.Compiled).Distinct().ToDictionary(r => r, r => r.WithThresholds(others));
        var from = Math.Max(0, (decimal)around - steps * (decimal)step);
        var axis = new SweepAxis(name, Math.Round(from, 6), Math.Round((decimal)around + steps * (decimal)step, 6), (decimal)step);
        var byDataset = loaded.ToDictionary(e => e.Dataset!, e => rules[e.Rules!.Compiled]);
        return Rules.Audit.Sweep.Run(loaded.Select(e => e.Dataset!).ToList(), d => byDataset[d], [axis]);
    }

    /// <summary>A value written the way the rule file writes it (invariant, no trailing zeros).</summary>
    public static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
