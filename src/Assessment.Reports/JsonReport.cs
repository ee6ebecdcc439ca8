using System.Text.Encodings.Web;
using System.Text.Json;
using Assessment.Domain.Model;
using Assessment.Reports.Justification;
using Assessment.Rules;
using Assessment.Rules.Facts;

namespace Assessment.Reports;

/// <summary>
/// The JSON contract other tools read. Field names and codes are stable: add fields, never rename.
/// Levels: inriktningsmal | verksamhetsomradesmal | namndmal; ratings: helt | delvis | inte | ej_bedomd.
/// </summary>
public static class JsonReport
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(AssessmentResult result, Justifications texts)
    {
        using var buffer = new MemoryStream();
        Write(result, texts, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(AssessmentResult result, Justifications texts, Stream output)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString("district", result.Dataset.District);
        json.WriteStartObject("period");
        json.WriteString("kind", result.Dataset.Period.Kind.ToString());
        json.WriteNumber("year", result.Dataset.Period.Year);
        json.WriteString("end", result.Dataset.Period.EndDate.ToString("yyyy-MM-dd"));
        json.WriteEndObject();
        json.WriteStartObject("ruleset");
        json.WriteString("id", result.RuleSet.Id);
        json.WriteString("version", result.RuleSet.Version);
        json.WriteString("sha256", result.RuleSet.Sha256);
        json.WriteString("valid_from", result.RuleSet.ValidFrom.ToString("yyyy-MM-dd"));
        json.WriteEndObject();
        json.WriteString("summary", texts.Summary);

        json.WriteStartArray("goals");
        foreach (var goal in result.AllGoals()) WriteGoal(json, goal, texts.ByGoal[goal.Goal.Id]);
        json.WriteEndArray();

        json.WriteStartArray("indicators");
        foreach (var indicator in result.AllIndicators()) WriteIndicator(json, indicator);
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteGoal(Utf8JsonWriter json, GoalResult goal, string justification)
    {
        json.WriteStartObject();
        json.WriteString("id", goal.Goal.Id);
        json.WriteString("level", goal.Goal.Level.Code());
        json.WriteString("parent", goal.ParentId);
        json.WriteString("title", goal.Goal.Title);
        json.WriteString("derived", goal.Derived.Rating.Code());
        json.WriteString("recorded", goal.Recorded?.Code());
        json.WriteString("final", goal.Final.Code());
        json.WriteString("rule", goal.Derived.Rule.Id);
        json.WriteString("rule_description", goal.Derived.Rule.Description);
        if (goal.Goal.Override is { } ov)
        {
            json.WriteStartObject("override");
            json.WriteString("rating", ov.Rating.Code());
            json.WriteString("reason", ov.Reason);
            json.WriteString("by", ov.By);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("override");
        }
        json.WriteString("justification", justification);
        WriteFacts(json, goal.Derived.Facts);
        json.WriteEndObject();
    }

    private static void WriteIndicator(Utf8JsonWriter json, IndicatorResult indicator)
    {
        var e = indicator.Evidence;
        json.WriteStartObject();
        json.WriteString("goal", indicator.GoalId);
        json.WriteString("kind", indicator.Kind == IndicatorKind.Kf ? "kf" : "namnd");
        json.WriteString("name", indicator.Indicator.Name);
        json.WriteString("rating", indicator.Rating.Code());
        WriteNumber(json, "value", e.Value?.Value);
        json.WriteString("value_text", e.Value?.Text);
        json.WriteString("value_source", e.ValueSource.Length == 0 ? null : e.ValueSource);
        WriteNumber(json, "target", e.ComparisonPoint?.Value);
        json.WriteString("target_text", e.Target?.Text);
        json.WriteString("target_kind", e.Target?.Kind ?? "saknas");
        json.WriteString("target_source", e.TargetSource.Length == 0 ? null : e.TargetSource);
        json.WriteString("direction", e.Direction.Code());
        json.WriteString("direction_source", e.DirectionSource);
        if (e.Comparable) json.WriteNumber("attainment", Math.Round(e.Attainment, 4));
        else json.WriteNull("attainment");
        json.WriteString("rule", indicator.Decision.Rule.Id);
        json.WriteEndObject();
    }

    private static void WriteFacts(Utf8JsonWriter json, FactValues facts)
    {
        json.WriteStartObject("facts");
        foreach (var (fact, value) in facts.All())
        {
            switch (value)
            {
                case double d: json.WriteNumber(fact.Name, Math.Round(d, 4)); break;
                case bool b: json.WriteBoolean(fact.Name, b); break;
                default: json.WriteString(fact.Name, value.ToString()); break;
            }
        }
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
