using System.Text;
using Assessment.Domain.Model;
using Assessment.Domain.Parsing;
using Assessment.Reports.Json;
using Assessment.Rules;
using Assessment.Rules.Model;

namespace Assessment.Reports;

/// <summary>
/// "Why was this goal rated delvis?": the whole chain behind one goal, from the top – final, recorded
/// and derived rating, the rule that fired and, for each rule above it, which part of its condition
/// failed; the facts; each indicator and activity underneath; the rule set's identity; any override.
/// </summary>
public static class ExplainReport
{
    public static string Text(AssessmentResult result, GoalResult goal)
    {
        var t = new StringBuilder();
        var g = goal.Goal;
        var rs = result.RuleSet;
        t.AppendLine($"Mål {g.Id} ({g.Level.Label()}): {g.Title}");
        t.AppendLine($"{result.Dataset.District} · {result.Dataset.Period}");
        t.AppendLine($"Regelverk: {rs.Id} {rs.Version}, giltigt från {rs.ValidFrom:yyyy-MM-dd} ({rs.File}, sha256 {rs.Sha256})");
        if (rs.Note is { } note) t.AppendLine($"           not: {note}");
        t.AppendLine();
        t.AppendLine($"Slutligt betyg:  {goal.Final.Label()}{FinalSource(goal)}");
        t.AppendLine($"Redovisat betyg: {goal.Recorded?.Label() ?? "saknas"}");
        t.AppendLine($"Härlett betyg:   {goal.Derived.Rating.Label()}, enligt regeln {goal.Derived.Rule.Id}{Describe(goal.Derived.Rule)}");
        if (g.Override is { } ov)
            t.AppendLine($"Överstyrning:    {ov.Rating.Label()}{(ov.By is null ? "" : $" av {ov.By}")}: {ov.Reason}");
        t.AppendLine();

        t.AppendLine($"Reglerna för {g.Level.Label()} i ordning (första som gäller avgör):");
        Rules(t, goal.Derived, "  ");
        t.AppendLine();
        t.AppendLine("Fakta som reglerna såg (0 och falskt utelämnade):");
        foreach (var (fact, value) in goal.Derived.Facts.All().Where(f => f.Value is not (0d or false or "")))
            t.AppendLine($"  {fact.Name} = {Value(value)}");
        t.AppendLine("Tröskelvärden: " + string.Join(", ", rs.Thresholds.Select(th => $"{th.Name} = {SwedishFormat.Number(th.Value, 4)}")));

        if (goal.Indicators.Count > 0)
        {
            t.AppendLine();
            t.AppendLine($"{Vocabularies.IndicatorKinds[g.IndicatorKind].Label}:");
            foreach (var i in goal.Indicators)
            {
                t.AppendLine($"  {i.Rating.Symbol()} {i.Indicator.Name}: {i.Rating.Label()} (regel {i.Decision.Rule.Id})");
                t.AppendLine($"      villkor: {i.Decision.Rule.Condition}{Values(i.Decision.Checked[^1].Trace.Values)}");
                t.AppendLine($"      {ReportParts.Figures(i)}; mål {i.Evidence.Target?.Text ?? "saknas"} ({i.Evidence.TargetSourceCode switch { "" => "inget", var s => s }}), " +
                             $"riktning {i.Evidence.Direction.Label()} ({i.Evidence.DirectionSource})");
                var failed = i.Decision.Checked.Where(c => !c.Matched).Select(c => c.Rule.Id).ToList();
                if (failed.Count > 0) t.AppendLine($"      prövades först och gällde inte: {string.Join(", ", failed)}");
            }
        }
        if (g.Activities.Count > 0)
        {
            t.AppendLine();
            t.AppendLine("Aktiviteter:");
            foreach (var a in g.Activities)
                t.AppendLine($"  - {a.Name} ({a.Start:yyyy-MM-dd} – {a.End:yyyy-MM-dd}){(a.Deviation ? ", AVVIKELSE" : "")}{(a.Note is null ? "" : $": {a.Note}")}");
        }
        if (goal.Children.Count > 0)
        {
            t.AppendLine();
            t.AppendLine("Underliggande mål (betyg som räknas vid upprullning):");
            foreach (var c in goal.Children)
                t.AppendLine($"  {c.Final.Symbol()} {c.Goal.Id} {c.Goal.Title}: slutligt {c.Final.Label()}, härlett {c.Derived.Rating.Label()} (regel {c.Derived.Rule.Id})");
        }
        return t.ToString();
    }

    public static string Json(AssessmentResult result, GoalResult goal) => JsonOutput.Document(Document(result, goal));

    public static ExplainJson Document(AssessmentResult result, GoalResult goal)
    {
        var g = goal.Goal;
        return new ExplainJson(
            g.Id, g.Level.Code(), g.Title, goal.Final.Code(), goal.Recorded?.Code(), goal.Derived.Rating.Code(), goal.Derived.Rule.Id,
            JsonReport.RuleSet(result.RuleSet), JsonReport.Override(g.Override),
            [
                .. goal.Derived.Checked.Select(check => new ExplainRuleJson(check.Rule.Id, check.Rule.Condition, check.Rule.Rating.Code(), check.Matched,
                    [.. check.Trace.Parts.Select(part => new ExplainPartJson(part.Text, part.Holds, JsonOutput.Values(part.Values, ExplainDigits)))])),
            ],
            JsonOutput.Values(goal.Derived.Facts.All().Select(f => (f.Fact.Name, f.Value)), ExplainDigits),
            result.RuleSet.Thresholds.ToDictionary(th => th.Name, th => th.Value),
            [.. goal.Indicators.Select(JsonReport.Indicator)],
            [.. g.Activities.Select(a => new ActivityJson(a.Name, a.Start?.ToString("yyyy-MM-dd"), a.End?.ToString("yyyy-MM-dd"), a.Deviation, a.Note))],
            [.. goal.Children.Select(c => new ChildJson(c.Goal.Id, c.Final.Code(), c.Derived.Rating.Code()))]);
    }

    private static void Rules(StringBuilder t, Decision decision, string indent)
    {
        foreach (var check in decision.Checked)
        {
            t.AppendLine($"{indent}{(check.Matched ? "✓" : "✗")} {check.Rule.Id} → {check.Rule.Rating.Label()}: {check.Rule.Condition}");
            if (check.Matched) continue;
            foreach (var part in check.Trace.FailingParts())
                t.AppendLine($"{indent}    gäller inte: {part.Text}{Values(part.Values)}");
        }
    }

    private static string Values(IReadOnlyList<(string Name, object Value)> values) =>
        values.Count == 0 ? "" : $"  ({string.Join(", ", values.Select(v => $"{v.Name} = {Value(v.Value)}"))})";

    private static string Value(object value) => value switch
    {
        double d => SwedishFormat.Number(d, 4),
        bool b => b ? "sant" : "falskt",
        string s => $"\"{s}\"",
        _ => value.ToString() ?? "",
    };

    /// <summary>Enough decimals to see which side of a threshold a figure falls.</summary>
    private const int ExplainDigits = 6;

    private static string Describe(RuleDefinition rule) => rule.Description is { } d ? $" – {d}" : "";

    private static string FinalSource(GoalResult goal) =>
        goal.Goal.Override is not null ? " (controllerns överstyrning)" : " (regelverkets)";
}
