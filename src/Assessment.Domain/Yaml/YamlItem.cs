using YamlDotNet.Core;

namespace Assessment.Domain.Yaml;

public enum YamlItemKind : byte
{
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>
/// One node of a YAML document, a view over the document's node table: a scalar with its text and style, a
/// sequence with its items, or a mapping with its keys and values in file order; each with the line and column
/// where it starts (1-based) and the line where it ends.
/// </summary>
public readonly struct YamlItem
{
    private readonly YamlTree _tree;
    private readonly int _index;

    internal YamlItem(YamlTree tree, int index)
    {
        _tree = tree;
        _index = index;
    }

    internal YamlTree Tree => _tree;

    internal int Index => _index;

    public YamlItemKind Kind => _tree[_index].Kind;

    public int Line => _tree[_index].Line;

    public int Column => _tree[_index].Column;

    /// <summary>The line where the node ends: for a scalar, after its text.</summary>
    public int EndLine => _tree[_index].EndLine;

    /// <summary>A scalar's text ("" for mappings and sequences), made into a string on each call.</summary>
    public string Value => _tree.Text(_index);

    public ScalarStyle Style => _tree[_index].Style;

    /// <summary>A sequence's items; a mapping's keys and values, alternating (key, value, key, value …).</summary>
    public IReadOnlyList<YamlItem> Children
    {
        get
        {
            var count = _tree[_index].Count;
            if (count == 0) return [];
            var children = new List<YamlItem>(count);
            for (var child = _index + 1; child >= 0; child = _tree[child].Next) children.Add(new YamlItem(_tree, child));
            return children;
        }
    }

    public SourcePosition StartOf(string file) => new(file, Line, Column);

    public override string ToString() => Kind switch
    {
        YamlItemKind.Scalar => Value,
        YamlItemKind.Sequence => $"[ {string.Join(", ", Children)} ]",
        _ => $"{{ {string.Join(", ", Children.Chunk(2).Select(p => $"{{ {p[0]}, {p[1]} }}"))} }}",
    };
}
