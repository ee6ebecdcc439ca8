using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Assessment.Reports.Json;

/// <summary>
/// The one JSON serializer: System.Text.Json with source-generated metadata (no reflection, so it works trimmed and
/// NativeAOT-compiled), snake_case names, and Swedish letters written as they are. Facts and condition values are
/// <c>object</c>s that are always a number (double), a truth value or a text; those three types are generated too.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RunJson))]
[JsonSerializable(typeof(ExplainJson))]
[JsonSerializable(typeof(BacktestJsonDocument))]
[JsonSerializable(typeof(SweepJson))]
[JsonSerializable(typeof(SweepChartJson))]
[JsonSerializable(typeof(DecisionLogJson))]
[JsonSerializable(typeof(OverrideLogJson))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

public static class JsonOutput
{
    private static JsonSerializerOptions Options(bool indented, JavaScriptEncoder encoder) => new()
    {
        WriteIndented = indented,
        Encoder = encoder,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        TypeInfoResolver = ReportJsonContext.Default,
    };

    /// <summary>Reports for other tools: indented, one value a line.</summary>
    private static readonly JsonSerializerOptions Indented = Options(indented: true, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    /// <summary>A decision-log line: the whole document on one line.</summary>
    private static readonly JsonSerializerOptions Line = Options(indented: false, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    /// <summary>Data inside an HTML page's script element: &lt;, &gt;, &amp; and quotes escaped as well.</summary>
    private static readonly JsonSerializerOptions Html = Options(indented: false, JavaScriptEncoder.Default);

    private static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    /// <summary>A report document, indented, ending in a newline.</summary>
    public static string Document<T>(T value) => JsonSerializer.Serialize(value, Info<T>(Indented)) + "\n";

    /// <summary>A report document as UTF-8, indented, ending in a newline (as <see cref="Document{T}(T)"/> gives it as text).</summary>
    public static byte[] Utf8Document<T>(T value)
    {
        using var output = new MemoryStream();
        JsonSerializer.Serialize(output, value, Info<T>(Indented));
        output.WriteByte((byte)'\n');
        return output.ToArray();
    }

    /// <summary>One JSON Lines line (ending in a newline), as UTF-8.</summary>
    public static byte[] LineOf<T>(T value) => [.. JsonSerializer.SerializeToUtf8Bytes(value, Info<T>(Line)), (byte)'\n'];

    /// <summary>One JSON Lines line read back into its contract; null when the line is not that contract's JSON.</summary>
    public static T? ParseLine<T>(string line) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(line, Info<T>(Line));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>JSON for a script element of an HTML page.</summary>
    public static string ForHtml<T>(T value) => JsonSerializer.Serialize(value, Info<T>(Html));

    /// <summary>A fact or condition value: numbers rounded to <paramref name="digits"/>, truth values as they are, anything else as text.</summary>
    public static object Value(object value, int digits) => value switch
    {
        double d => Math.Round(d, digits),
        bool b => b,
        _ => value.ToString() ?? "",
    };

    /// <summary>Name–value pairs as a JSON object, in order, each value as <see cref="Value"/> writes it.</summary>
    public static Dictionary<string, object> Values(IEnumerable<(string Name, object Value)> values, int digits)
    {
        var result = new Dictionary<string, object>();
        foreach (var (name, value) in values) result.TryAdd(name, Value(value, digits)); // a name read twice is written once
        return result;
    }
}
