using System.Text.Json;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Rules.Audit;

namespace Assessment.Reports;

/// <summary>
/// A backtest as JSON for other tools: each dataset and the total, with agreement per level and overall,
/// confusion matrices (recorded → derived → count, codes helt | delvis | inte | ej_bedomd), the disagreements
/// with the uncertain cells they rest on, and the files that could not be read. Fields are added, never renamed.
/// </summary>
public static class BacktestJson
{
    public static string Render(CorpusBacktest corpus, IReadOnlyList<(string Dataset, IReadOnlyList<InputError> Errors)> failed)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonReport.Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("datasets");
            foreach (var d in corpus.Datasets)
            {
                json.WriteStartObject();
                json.WriteString("file", d.Dataset);
                json.WriteString("district", d.Result.Dataset.District);
                json.WriteString("period", d.Result.Dataset.Period.ToString());
                JsonReport.WriteRuleSet(json, d.Result.RuleSet);
                Report(json, d.Report, disagreements: false);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WritePropertyName("total");
            json.WriteStartObject();
            Report(json, corpus.Total, disagreements: true);
            json.WriteEndObject();
            json.WriteStartArray("failed");
            foreach (var (dataset, errors) in failed)
            {
                json.WriteStartObject();
                json.WriteString("file", dataset);
                json.WriteStartArray("errors");
                foreach (var error in errors) json.WriteStringValue(error.ToString());
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Report(Utf8JsonWriter json, BacktestReport report, bool disagreements)
    {
        json.WriteStartArray("levels");
        foreach (var level in report.Levels)
        {
            json.WriteStartObject();
            json.WriteString("level", level.Level.Code());
            Agreement(json, level.Compared, level.Agreeing, level.Agreement, level.Matrix);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Agreement(json, report.Compared, report.Agreeing, report.Agreement, report.Matrix);
        json.WriteNumber("disagreements_on_uncertain_cells", report.OnUncertainCells.Count);
        json.WriteNumber("other_disagreements", report.NotOnUncertainCells.Count);
        if (!disagreements) return;
        json.WriteStartArray("disagreements");
        foreach (var d in report.Disagreements)
        {
            var g = d.Goal;
            json.WriteStartObject();
            json.WriteString("file", d.Dataset);
            json.WriteString("goal", g.Goal.Id);
            json.WriteString("level", g.Goal.Level.Code());
            json.WriteString("recorded", g.Recorded?.Code());
            json.WriteString("derived", g.Derived.Rating.Code());
            json.WriteString("rule", g.Derived.Rule.Id);
            json.WriteStartArray("uncertain_cells");
            foreach (var c in d.UncertainCells)
            {
                json.WriteStartObject();
                json.WriteString("goal", c.GoalId);
                json.WriteString("row", c.Row);
                json.WriteString("cell", c.Key);
                json.WriteString("reason", c.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>"compared", "agreeing" and "agreement" (rounded to four places): as backtest and sweep write them.</summary>
    internal static void Counts(Utf8JsonWriter json, int compared, int agreeing, double agreement)
    {
        json.WriteNumber("compared", compared);
        json.WriteNumber("agreeing", agreeing);
        json.WriteNumber("agreement", Math.Round(agreement, 4));
    }

    private static void Agreement(Utf8JsonWriter json, int compared, int agreeing, double agreement, IReadOnlyDictionary<(Rating Recorded, Rating Derived), int> matrix)
    {
        Counts(json, compared, agreeing, agreement);
        json.WriteStartObject("matrix");
        foreach (var recorded in Enum.GetValues<Rating>())
        {
            json.WriteStartObject(recorded.Code());
            foreach (var derived in Enum.GetValues<Rating>()) json.WriteNumber(derived.Code(), matrix.GetValueOrDefault((recorded, derived)));
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
