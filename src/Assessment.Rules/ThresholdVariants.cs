using System.Globalization;
using System.Text;
using Assessment.Domain;
using YamlDotNet.RepresentationModel;

namespace Assessment.Rules;

/// <summary>
/// A rule set file with other values for some of its named thresholds: the file's text with those values
/// written in place, read as any rule set is (so a variant is exactly the file a policy officer would save).
/// Variants are kept, so the same values are read once.
/// </summary>
public sealed class ThresholdVariants
{
    private readonly string _text;
    private readonly string _file;
    private readonly IReadOnlyDictionary<string, (int Start, int End)> _spans;
    private readonly Dictionary<string, CompiledRuleSet> _compiled = new(StringComparer.Ordinal);

    private ThresholdVariants(string text, string file, IReadOnlyDictionary<string, (int Start, int End)> spans, CompiledRuleSet asWritten)
    {
        (_text, _file, _spans, AsWritten) = (text, file, spans, asWritten);
    }

    public CompiledRuleSet AsWritten { get; }

    /// <summary>The names of the thresholds the file defines.</summary>
    public IEnumerable<string> Names => _spans.Keys;

    /// <summary>Reads the rule set and finds where each threshold's value stands in its text.</summary>
    public static ThresholdVariants Read(string text, string file)
    {
        var asWritten = RuleSetReader.Read(text, file);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var spans = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        if (stream.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("troskelvarden"), out var node) && node is YamlMappingNode thresholds)
        {
            foreach (var (key, value) in thresholds.Children)
                if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode)
                    spans[name] = ((int)value.Start.Index, (int)value.End.Index);
        }
        return new ThresholdVariants(text, file, spans, asWritten);
    }

    /// <summary>The rule set with <paramref name="values"/> for the thresholds they name; a name the file lacks is an error.</summary>
    public CompiledRuleSet With(IReadOnlyDictionary<string, decimal> values)
    {
        if (values.Count == 0) return AsWritten;
        var key = string.Join(";", values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value.ToString(CultureInfo.InvariantCulture)}"));
        if (_compiled.TryGetValue(key, out var known)) return known;
        var text = new StringBuilder(_text);
        foreach (var (name, value) in values.Select(v => (v.Key, v.Value)).OrderByDescending(v => Span(v.Key).Start))
        {
            var (start, end) = Span(name);
            text.Remove(start, end - start).Insert(start, value.ToString(CultureInfo.InvariantCulture));
        }
        return _compiled[key] = RuleSetReader.Read(text.ToString(), _file);
    }

    private (int Start, int End) Span(string name) => _spans.TryGetValue(name, out var span) ? span
        : throw new InputException(SourcePosition.StartOf(_file),
            $"regelverket har inget tröskelvärde \"{name}\"{Suggestion(name)}; det har {string.Join(", ", _spans.Keys)}");

    private string Suggestion(string name) =>
        Assessment.Domain.Parsing.Suggest.Closest(name, _spans.Keys) is { } near ? $" (menade du {near}?)" : "";
}
