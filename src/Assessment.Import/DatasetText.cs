using Assessment.Domain.Model;

namespace Assessment.Import;

/// <summary>A typed dataset back in the dataset format: every value as the report wrote it.</summary>
public static class DatasetText
{
    public static string Write(Dataset dataset, string schemaPath, IEnumerable<string> origin) =>
        DatasetYamlWriter.Write(ToRaw(dataset), schemaPath, origin);

    public static RawDataset ToRaw(Dataset dataset)
    {
        var raw = new RawDataset { District = dataset.District, Period = dataset.Period.ToString(), Source = dataset.Source ?? "" };
        raw.Goals.AddRange(dataset.Goals.Select(Goal));
        return raw;
    }

    private static RawGoal Goal(Goal goal)
    {
        var raw = new RawGoal(goal.Level, goal.Id, goal.Title, goal.Position.Line) { Recorded = goal.Recorded?.Code() };
        raw.Analysis.AddRange(Paragraphs(goal.Analysis));
        raw.Description.AddRange(Paragraphs(goal.Description));
        raw.ExpectedResults.AddRange(goal.ExpectedResults);
        raw.Override = goal.Override;
        foreach (var i in goal.Indicators)
        {
            var row = new RawRow(i.Position.Line);
            row.Name = i.Name;
            foreach (var key in UncertainCells.IndicatorKeys.Where(k => k is not ("namn" or "analys"))) Put(row, key, i.Cell(key));
            row.Notes.AddRange(Paragraphs(i.Analysis));
            foreach (var (key, reason) in i.Uncertain) row.Uncertain[key] = reason;
            raw.Indicators.Add(row);
        }
        foreach (var a in goal.Activities)
        {
            var row = new RawRow(a.Position.Line);
            row.Name = a.Name;
            Put(row, "start", a.Start?.ToString("yyyy-MM-dd"));
            Put(row, "slut", a.End?.ToString("yyyy-MM-dd"));
            if (a.Deviation) Put(row, "avvikelse", "true");
            row.Notes.AddRange(Paragraphs(a.Note));
            foreach (var (key, reason) in a.Uncertain) row.Uncertain[key] = reason;
            raw.Activities.Add(row);
        }
        raw.Children.AddRange(goal.Children.Select(Goal));
        return raw;
    }

    private static void Put(RawRow row, string key, string? value)
    {
        if (value is not null) row.Cells[key] = value;
    }

    private static IEnumerable<string> Paragraphs(string? text) =>
        text is null ? [] : text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim());
}
