using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Assessment.Domain.Yaml;

public enum YamlItemKind
{
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>
/// One node of a YAML document, built straight from the parser's events (no representation model, no copies):
/// a scalar with its text and style, a sequence with its items, or a mapping with its keys and values in file
/// order; each with the line and column where it starts (1-based) and the line where it ends.
/// </summary>
public sealed class YamlItem
{
    private static readonly List<YamlItem> None = [];

    private YamlItem(YamlItemKind kind, Mark start, Mark end, string value, ScalarStyle style, List<YamlItem> children)
    {
        Kind = kind;
        Line = (int)Math.Max(1, start.Line);
        Column = (int)Math.Max(1, start.Column);
        EndLine = (int)Math.Max(1, end.Line);
        Value = value;
        Style = style;
        Children = children;
    }

    public YamlItemKind Kind { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The line where the node ends: for a scalar, after its text.</summary>
    public int EndLine { get; }

    /// <summary>A scalar's text ("" for mappings and sequences).</summary>
    public string Value { get; }

    public ScalarStyle Style { get; }

    /// <summary>A sequence's items; a mapping's keys and values, alternating (key, value, key, value …).</summary>
    public IReadOnlyList<YamlItem> Children { get; }

    public SourcePosition StartOf(string file) => new(file, Line, Column);

    public override string ToString() => Kind switch
    {
        YamlItemKind.Scalar => Value,
        YamlItemKind.Sequence => $"[ {string.Join(", ", Children)} ]",
        _ => $"{{ {string.Join(", ", Children.Chunk(2).Select(p => $"{{ {p[0]}, {p[1]} }}"))} }}",
    };

    /// <summary>
    /// Reads the node at the parser's current event and moves past it. A key repeated in a mapping is a
    /// <see cref="YamlException"/> at the second one, as YamlDotNet's loader reports it.
    /// </summary>
    internal static YamlItem Read(IParser parser)
    {
        switch (parser.Current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return new YamlItem(YamlItemKind.Scalar, scalar.Start, scalar.End, scalar.Value, scalar.Style, None);
            case SequenceStart start:
            {
                parser.MoveNext();
                var items = new List<YamlItem>();
                while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(Read(parser));
                return new YamlItem(YamlItemKind.Sequence, start.Start, start.End, "", ScalarStyle.Any, items);
            }
            case MappingStart start:
            {
                parser.MoveNext();
                var entries = new List<YamlItem>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var (keyStart, keyEnd) = (parser.Current!.Start, parser.Current.End);
                    var key = Read(parser);
                    if (key.Kind == YamlItemKind.Scalar)
                        for (var i = 0; i < entries.Count; i += 2)
                            if (entries[i].Kind == YamlItemKind.Scalar && entries[i].Value == key.Value)
                                throw new YamlException(keyStart, keyEnd, "Duplicate key");
                    entries.Add(key);
                    entries.Add(Read(parser));
                }
                return new YamlItem(YamlItemKind.Mapping, start.Start, start.End, "", ScalarStyle.Any, entries);
            }
            default:
                throw new YamlException(parser.Current?.Start ?? Mark.Empty, parser.Current?.End ?? Mark.Empty,
                    $"oväntad händelse {parser.Current?.GetType().Name}");
        }
    }
}
