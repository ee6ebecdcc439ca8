using Assessment.Domain.Model;
using Assessment.Rules;

namespace Assessment.Reports;

/// <summary>Assessment results as an .xlsx workbook: every goal's ratings and every indicator's rating, with the tables.</summary>
public static class ResultWorkbook
{
    /// <summary>The compared figures of the Bedömning sheet: written as numbers, like the dataset's figures.</summary>
    public const string ComparedValueColumn = "Jämfört värde";

    public const string ComparedTargetColumn = "Mål att jämföra med";

    public static byte[] Write(AssessmentResult result)
    {
        var goals = result.AllGoals().Select(g => WorkbookWriter.Row(
            ("Mål", g.Goal.Id), ("Nivå", g.Goal.Level.Label()), ("Överordnat", g.ParentId), ("Titel", g.Goal.Title),
            ("Härlett", g.Derived.Rating.Label()), ("Redovisat", g.Recorded?.Label()), ("Slutligt", g.Final.Label()),
            ("Regel", g.Derived.Rule.Id), ("Överstyrning", g.Goal.Override?.Reason))).ToList();
        var ratings = result.AllIndicators().Select(i => WorkbookWriter.Row(
            ("Mål", i.GoalId), ("Indikator", i.Indicator.Name), ("Bedömning", i.Rating.Label()), ("Regel", i.Decision.Rule.Id),
            (ComparedValueColumn, i.Evidence.Value?.Text), (ComparedTargetColumn, i.Evidence.ComparisonPoint?.Text),
            ("Riktning", i.Evidence.Direction.Label()))).ToList();
        var rules = result.RuleSet;
        List<IDictionary<string, object?>> info = [WorkbookWriter.Row(("Uppgift", "Regelverk"), ("Värde", $"{rules.Id} {rules.Version} (sha256 {rules.Sha256})"))];
        if (rules.Note is { } note) info.Add(WorkbookWriter.Row(("Uppgift", "Not"), ("Värde", note)));
        return WorkbookWriter.Write(result.Dataset, [("Mål", goals), ("Bedömning", ratings), ("Regelverk", info)]);
    }
}
