using System.Text;
using Assessment.Domain.Model;
using Assessment.Rules;

namespace Assessment.Reports;

/// <summary>The goal tree with derived, recorded and final rating and the rule that fired, for a terminal.</summary>
public static class TextReport
{
    private const int TitleWidth = 88;

    /// <remarks>
    /// Written into one <see cref="StringBuilder"/>, each interpolated line straight into it: a line made as a string
    /// of its own takes a buffer from the shared array pool, and a line with another such text inside it made the pool
    /// time the processor's number – a calibration of about half a millisecond at the end of a cold run. The builder
    /// is made about as large as the report (a goal takes three to four lines), not grown from 16 characters in
    /// doubling pieces.
    /// </remarks>
    public static string Render(AssessmentResult result, string datasetName)
    {
        var all = new List<GoalResult>(result.AllGoals());
        var output = new StringBuilder(1024 + 320 * all.Count);
        Write(result, all, datasetName, output);
        return output.ToString();
    }

    private static void Write(AssessmentResult result, List<GoalResult> all, string datasetName, StringBuilder output)
    {
        var dataset = result.Dataset;
        var rules = result.RuleSet;
        var kind = dataset.Period.IsPlan ? "verksamhetsplan: mål utan utfall" : dataset.Period.IsForecast ? "prognos för helåret" : "utfall för året";
        output.Append($"{dataset.District} · {dataset.Period} ({kind})").Append('\n');
        output.Append($"Underlag:  {datasetName}").Append('\n');
        output.Append($"Regelverk: {rules.Id} {rules.Version}, giltigt från {rules.ValidFrom:yyyy-MM-dd} ({rules.File}, sha256 {rules.Sha256[..12]}…)").Append('\n');
        if (rules.Note is { } note) output.Append($"           not: {note}").Append('\n');
        output.Append("Betyg:     härlett = reglernas förslag · redovisat = publicerat · slutligt = med controllerns överstyrning").Append('\n');
        output.Append('\n');

        foreach (var goal in result.Goals) WriteGoal(goal, 0, output);

        // Loops, not LINQ chains: Where(…).Select(…) over an iterator resolves a generic virtual method at run time,
        // a fifth of a cold text report's instructions.
        output.Append("Sammanfattning, slutligt betyg:").Append('\n');
        foreach (var term in Vocabularies.Levels.Terms)
        {
            var finals = new List<Rating>();
            foreach (var g in all)
                if (g.Goal.Level == term.Value) finals.Add(g.Final);
            output.Append($"  {term.Value.Label() + ":",-23}{Counts(finals)}").Append('\n');
        }
        var indicators = new List<Rating>();
        foreach (var indicator in result.AllIndicators()) indicators.Add(indicator.Rating);
        output.Append($"  {"indikatorer:",-23}{Counts(indicators)}").Append('\n');
        var differing = 0;
        foreach (var g in all)
            if (g.DiffersFromRecorded) differing++;
        output.Append('\n');
        output.Append($"Härlett betyg skiljer sig från redovisat för {differing} av {all.Count} mål (markerade med ≠).").Append('\n');
    }

    private static void WriteGoal(GoalResult goal, int depth, StringBuilder output)
    {
        var indent = new string(' ', depth * 2);
        var detail = indent + new string(' ', goal.Goal.Id.Length + 1);
        var title = goal.Goal.Title.Length > TitleWidth ? goal.Goal.Title[..(TitleWidth - 1)] + "…" : goal.Goal.Title;
        output.Append($"{indent}{goal.Goal.Id} {title}").Append('\n');

        var differs = goal.DiffersFromRecorded ? " ≠" : "";
        output.Append($"{detail}härlett {goal.Derived.Rating.Label()}{differs} · redovisat {goal.Recorded?.Label() ?? "–"} · ")
            .Append($"slutligt {goal.Final.Label()}   regel: {goal.Goal.Level.Code()}/{goal.Derived.Rule.Id}").Append('\n');
        if (goal.Goal.Override is { } ov)
            output.Append($"{detail}överstyrt till {ov.Rating.Label()}").Append(ov.By is null ? "" : " av ").Append(ov.By).Append($": {ov.Reason}").Append('\n');

        var evidence = new List<string>();
        if (goal.Indicators.Count > 0)
        {
            var kind = goal.Goal.IndicatorKind == IndicatorKind.Kf ? "KF-indikatorer" : "nämndindikatorer";
            var ratings = new List<Rating>(goal.Indicators.Count);
            foreach (var indicator in goal.Indicators) ratings.Add(indicator.Rating);
            var counts = Counts(ratings); // made before, not inside, the line's own text
            evidence.Add($"{kind}: {counts}");
        }
        if (goal.Goal.Activities.Count > 0)
        {
            var flagged = 0;
            foreach (var activity in goal.Goal.Activities)
                if (activity.Deviation) flagged++;
            evidence.Add($"aktiviteter: {goal.Goal.Activities.Count} ({flagged} med avvikelse)");
        }
        if (goal.Children.Count == 0 && evidence.Count == 0) evidence.Add("inga indikatorer eller aktiviteter");
        if (evidence.Count > 0) output.Append(detail).AppendJoin(" · ", evidence).Append('\n');
        output.Append('\n');

        foreach (var child in goal.Children) WriteGoal(child, depth + 1, output);
    }

    /// <summary>"2 helt, 1 delvis, 0 inte, 3 ej bedömda".</summary>
    public static string Counts(IReadOnlyCollection<Rating> ratings)
    {
        // One pass, by the rating's place in the scale (a delegate and a pass for each rating cost a cold start more).
        Span<int> count = stackalloc int[Vocabularies.Ratings.Terms.Count];
        foreach (var rating in ratings) count[(int)rating]++;
        var notAssessed = count[(int)Rating.NotAssessed];
        return $"{count[(int)Rating.Fully]} helt, {count[(int)Rating.Partly]} delvis, {count[(int)Rating.NotMet]} inte, " +
               $"{notAssessed} ej {(notAssessed == 1 ? "bedömd" : "bedömda")}";
    }
}
