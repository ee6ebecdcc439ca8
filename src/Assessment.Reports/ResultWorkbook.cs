using Assessment.Domain.Model;
using Assessment.Rules;
using Workbooks = Assessment.Import.Workbook;

namespace Assessment.Reports;

/// <summary>Assessment results as an .xlsx workbook: every goal's ratings and every indicator's rating, with the tables.</summary>
public static class ResultWorkbook
{
    public static byte[] Write(AssessmentResult result)
    {
        var goals = result.AllGoals().Select(g => Workbooks.Row(
            ("Mål", g.Goal.Id), ("Nivå", g.Goal.Level.Label()), ("Överordnat", g.ParentId), ("Titel", g.Goal.Title),
            ("Härlett", g.Derived.Rating.Label()), ("Redovisat", g.Recorded?.Label()), ("Slutligt", g.Final.Label()),
            ("Regel", g.Derived.Rule.Id), ("Överstyrning", g.Goal.Override?.Reason))).ToList();
        var ratings = result.AllIndicators().Select(i => Workbooks.Row(
            ("Mål", i.GoalId), ("Indikator", i.Indicator.Name), ("Bedömning", i.Rating.Label()), ("Regel", i.Decision.Rule.Id),
            ("Jämfört värde", i.Evidence.Value?.Text), ("Mål att jämföra med", i.Evidence.ComparisonPoint?.Text),
            ("Riktning", i.Evidence.Direction.Label()))).ToList();
        var rules = result.RuleSet;
        List<IDictionary<string, object?>> info = [Workbooks.Row(("Uppgift", "Regelverk"), ("Värde", $"{rules.Id} {rules.Version} (sha256 {rules.Sha256})"))];
        if (rules.Note is { } note) info.Add(Workbooks.Row(("Uppgift", "Not"), ("Värde", note)));
        return Workbooks.Write(result.Dataset, [("Mål", goals), ("Bedömning", ratings), ("Regelverk", info)]);
    }
}
