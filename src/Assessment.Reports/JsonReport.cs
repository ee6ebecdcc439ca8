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
    internal static readonly JsonWriterOptions Options = new()
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
        WriteRuleSet(json, result.RuleSet);
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
        WriteRulesAbove(json, goal.Derived);
        WriteOverride(json, goal.Goal.Override);
        json.WriteString("justification", justification);
        json.WriteStartObject("facts");
        foreach (var (fact, value) in goal.Derived.Facts.All()) WriteValue(json, fact.Name, value, FactDigits);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Decimals of a fact in the report; <c>explain</c> shows more, for comparing with thresholds.</summary>
    private const int FactDigits = 4;

    internal static void WriteRuleSet(Utf8JsonWriter json, RuleSetInfo ruleSet)
    {
        json.WriteStartObject("ruleset");
        json.WriteString("id", ruleSet.Id);
        json.WriteString("version", ruleSet.Version);
        json.WriteString("sha256", ruleSet.Sha256);
        json.WriteString("valid_from", ruleSet.ValidFrom.ToString("yyyy-MM-dd"));
        // Only on a history run: a file named explicitly, used for a period before its giltig_fran.
        if (ruleSet.Note is { } note) json.WriteString("note", note);
        json.WriteEndObject();
    }

    internal static void WriteOverride(Utf8JsonWriter json, RatingOverride? ratingOverride)
    {
        if (ratingOverride is null)
        {
            json.WriteNull("override");
            return;
        }
        json.WriteStartObject("override");
        json.WriteString("rating", ratingOverride.Rating.Code());
        json.WriteString("reason", ratingOverride.Reason);
        json.WriteString("by", ratingOverride.By);
        json.WriteEndObject();
    }

    internal static void WriteIndicator(Utf8JsonWriter json, IndicatorResult indicator)
    {
        var e = indicator.Evidence;
        json.WriteStartObject();
        json.WriteString("goal", indicator.GoalId);
        json.WriteString("kind", indicator.Kind == IndicatorKind.Kf ? "kf" : "namnd");
        json.WriteString("name", indicator.Indicator.Name);
        json.WriteString("rating", indicator.Rating.Code());
        WriteNumber(json, "value", e.Value?.Value);
        json.WriteString("value_text", e.Value?.Text);
        json.WriteString("value_source", e.ValueSourceCode.Length == 0 ? null : e.ValueSourceCode);
        WriteNumber(json, "target", e.ComparisonPoint?.Value);
        json.WriteString("target_text", e.Target?.Text);
        json.WriteString("target_kind", e.Target?.Kind ?? "saknas");
        json.WriteString("target_source", e.TargetSourceCode.Length == 0 ? null : e.TargetSourceCode);
        json.WriteString("direction", e.Direction.Code());
        json.WriteString("direction_source", e.DirectionSource);
        if (e.Comparable) json.WriteNumber("attainment", Math.Round(e.Attainment, 4));
        else json.WriteNull("attainment");
        json.WriteString("rule", indicator.Decision.Rule.Id);
        json.WriteEndObject();
    }

    /// <summary>A fact or threshold value: numbers rounded to <paramref name="digits"/>, truth values as booleans.</summary>
    /// <summary>The rules tried before the deciding one, each with the parts of its condition that did not hold, as recorded.</summary>
    private static void WriteRulesAbove(Utf8JsonWriter json, Decision decision)
    {
        json.WriteStartArray("rules_not_matched");
        foreach (var check in decision.Checked.Where(c => !c.Matched))
        {
            json.WriteStartObject();
            json.WriteString("rule", check.Rule.Id);
            json.WriteStartArray("failing");
            foreach (var part in check.Trace.FailingParts())
            {
                json.WriteStartObject();
                json.WriteString("condition", part.Text);
                json.WriteStartObject("values");
                foreach (var (name, value) in part.Values) WriteValue(json, name, value, FactDigits);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    internal static void WriteValue(Utf8JsonWriter json, string name, object value, int digits)
    {
        switch (value)
        {
            case double d: json.WriteNumber(name, Math.Round(d, digits)); break;
            case bool b: json.WriteBoolean(name, b); break;
            default: json.WriteString(name, value.ToString()); break;
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
