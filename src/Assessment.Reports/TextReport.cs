using Assessment.Domain.Model;
using Assessment.Rules;

namespace Assessment.Reports;

/// <summary>The goal tree with derived, recorded and final rating and the rule that fired, for a terminal.</summary>
public static class TextReport
{
    private const int TitleWidth = 88;

    public static string Render(AssessmentResult result, string datasetName)
    {
        var writer = new StringWriter { NewLine = "\n" };
        Write(result, datasetName, writer);
        return writer.ToString();
    }

    public static void Write(AssessmentResult result, string datasetName, TextWriter output)
    {
        var dataset = result.Dataset;
        var rules = result.RuleSet;
        output.WriteLine($"{dataset.District} · {dataset.Period} ({(dataset.Period.IsPlan ? "verksamhetsplan: mål utan utfall" : dataset.Period.IsForecast ? "prognos för helåret" : "utfall för året")})");
        output.WriteLine($"Underlag:  {datasetName}");
        output.WriteLine($"Regelverk: {rules.Id} {rules.Version}, giltigt från {rules.ValidFrom:yyyy-MM-dd} ({rules.File}, sha256 {rules.Sha256[..12]}…)");
        if (rules.Note is { } note) output.WriteLine($"           not: {note}");
        output.WriteLine("Betyg:     härlett = reglernas förslag · redovisat = publicerat · slutligt = med controllerns överstyrning");
        output.WriteLine();

        foreach (var goal in result.Goals) WriteGoal(goal, 0, output);

        output.WriteLine("Sammanfattning, slutligt betyg:");
        foreach (var level in Vocabularies.Levels.Terms.Select(t => t.Value))
        {
            var finals = result.AllGoals().Where(g => g.Goal.Level == level).Select(g => g.Final).ToList();
            output.WriteLine($"  {level.Label() + ":",-23}{Counts(finals)}");
        }
        var indicators = result.AllIndicators().Select(i => i.Rating).ToList();
        output.WriteLine($"  {"indikatorer:",-23}{Counts(indicators)}");
        var all = result.AllGoals().ToList();
        var differing = all.Count(g => g.DiffersFromRecorded);
        output.WriteLine();
        output.WriteLine($"Härlett betyg skiljer sig från redovisat för {differing} av {all.Count} mål (markerade med ≠).");
    }

    private static void WriteGoal(GoalResult goal, int depth, TextWriter output)
    {
        var indent = new string(' ', depth * 2);
        var detail = indent + new string(' ', goal.Goal.Id.Length + 1);
        var title = goal.Goal.Title.Length > TitleWidth ? goal.Goal.Title[..(TitleWidth - 1)] + "…" : goal.Goal.Title;
        output.WriteLine($"{indent}{goal.Goal.Id} {title}");

        var differs = goal.DiffersFromRecorded ? " ≠" : "";
        output.WriteLine($"{detail}härlett {goal.Derived.Rating.Label()}{differs} · redovisat {goal.Recorded?.Label() ?? "–"} · " +
                         $"slutligt {goal.Final.Label()}   regel: {goal.Goal.Level.Code()}/{goal.Derived.Rule.Id}");
        if (goal.Goal.Override is { } ov)
            output.WriteLine($"{detail}överstyrt till {ov.Rating.Label()}{(ov.By is null ? "" : $" av {ov.By}")}: {ov.Reason}");

        var evidence = new List<string>();
        if (goal.Indicators.Count > 0)
        {
            var kind = goal.Goal.IndicatorKind == IndicatorKind.Kf ? "KF-indikatorer" : "nämndindikatorer";
            evidence.Add($"{kind}: {Counts(goal.Indicators.Select(i => i.Rating).ToList())}");
        }
        if (goal.Goal.Activities.Count > 0)
        {
            var flagged = goal.Goal.Activities.Count(a => a.Deviation);
            evidence.Add($"aktiviteter: {goal.Goal.Activities.Count} ({flagged} med avvikelse)");
        }
        if (goal.Children.Count == 0 && evidence.Count == 0) evidence.Add("inga indikatorer eller aktiviteter");
        if (evidence.Count > 0) output.WriteLine($"{detail}{string.Join(" · ", evidence)}");
        output.WriteLine();

        foreach (var child in goal.Children) WriteGoal(child, depth + 1, output);
    }

    /// <summary>"2 helt, 1 delvis, 0 inte, 3 ej bedömda".</summary>
    public static string Counts(IReadOnlyCollection<Rating> ratings)
    {
        int Count(Rating r) => ratings.Count(x => x == r);
        var notAssessed = Count(Rating.NotAssessed);
        return $"{Count(Rating.Fully)} helt, {Count(Rating.Partly)} delvis, {Count(Rating.NotMet)} inte, " +
               $"{notAssessed} ej {(notAssessed == 1 ? "bedömd" : "bedömda")}";
    }
}
