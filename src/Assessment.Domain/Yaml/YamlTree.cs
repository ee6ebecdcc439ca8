using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Assessment.Domain.Yaml;

/// <summary>
/// One node of a <see cref="YamlTree"/>: 32 bytes (the style kept in a byte), no references. A scalar's text is either the UTF-8 bytes
/// <c>[Start, Start + Length)</c> of the file as they stand (plain text, or quoted text without escapes), or –
/// when <see cref="HasText"/> – the string at <c>Start</c> in the tree's table of texts (escapes, block
/// scalars, and every scalar of a tree built from YamlDotNet's events).
/// </summary>
internal struct YamlTreeNode
{
    public YamlItemKind Kind;
    private byte _style;
    public bool HasText;
    public int Start;
    public int Length;
    public int Line;
    public int Column;
    public int EndLine;

    public ScalarStyle Style
    {
        readonly get => (ScalarStyle)_style;
        set => _style = (byte)value;
    }

    /// <summary>The next node with the same parent (-1 for the last); in a mapping keys and values alternate.</summary>
    public int Next;

    /// <summary>A collection's number of children (a mapping's keys and values both count); its first child is the node after it.</summary>
    public int Count;
}

/// <summary>
/// A YAML document as one flat table of nodes in document order (a collection's children follow it, linked by
/// <see cref="YamlTreeNode.Next"/>), over the file's UTF-8 bytes. Scalar text becomes a string only when asked for.
/// Built by <see cref="Utf8YamlScanner"/> for the YAML our files use, or from YamlDotNet's events for the rest.
/// </summary>
internal sealed class YamlTree
{
    [ThreadStatic] private static YamlTreeNode[]? _spare;

    /// <summary>The thread's table of texts, handed on as the node table is (emptied, and only while it holds at most <see cref="MaxKept"/> / 16 texts).</summary>
    [ThreadStatic] private static List<string>? _spareTexts;

    /// <summary>
    /// The largest table handed on to the thread's next file (65 536 nodes, 2 MiB: a dataset of about 800 KB): a
    /// larger one is left to the collector, so no thread (the workbench's request threads among them) keeps more.
    /// </summary>
    internal const int MaxKept = 1 << 16;

    private readonly byte[] _bytes;
    private YamlTreeNode[]? _nodes;
    private int _count;
    private List<string>? _texts;

    public YamlTree(byte[] bytes, int capacityHint)
    {
        _bytes = bytes;
        var spare = _spare;
        if (spare is not null && spare.Length >= capacityHint)
        {
            _spare = null;
            _nodes = spare;
        }
        else
        {
            _nodes = new YamlTreeNode[Math.Max(16, capacityHint)];
        }
    }

    public int Count => _count;

    private YamlTreeNode[] Nodes => _nodes ?? throw new ObjectDisposedException(nameof(YamlTree), "the YAML tree was handed back after reading");

    public ref YamlTreeNode this[int index] => ref Nodes[index];

    /// <summary>Appends a node and returns its index.</summary>
    public int Add(YamlItemKind kind, ScalarStyle style, int line, int column)
    {
        var nodes = Nodes;
        if (_count == nodes.Length)
        {
            Array.Resize(ref nodes, nodes.Length * 2);
            _nodes = nodes;
        }
        ref var node = ref nodes[_count];
        node = default;
        node.Kind = kind;
        node.Style = style;
        node.Line = line;
        node.Column = column;
        node.EndLine = line;
        node.Next = -1;
        return _count++;
    }

    /// <summary>Drops the nodes from <paramref name="count"/> on (read again as something else).</summary>
    public void Truncate(int count) => _count = count;

    /// <summary>Gives a node its text as a string from the table of texts.</summary>
    public void SetText(int index, string text)
    {
        if (_texts is null)
        {
            _texts = _spareTexts ?? [];
            _spareTexts = null;
        }
        ref var node = ref Nodes[index];
        node.HasText = true;
        node.Start = _texts.Count;
        node.Length = text.Length;
        _texts.Add(text);
    }

    /// <summary>Gives a node its text as a span of the file's bytes.</summary>
    public void SetSpan(int index, int start, int length)
    {
        ref var node = ref Nodes[index];
        node.HasText = false;
        node.Start = start;
        node.Length = length;
    }

    /// <summary>
    /// Gives a block scalar (<c>|</c> or <c>&gt;</c>) its lines as they stand in the file, from the first line of its
    /// text to where it ends: its text is put together from them when it is first asked for (<see cref="Text"/>).
    /// </summary>
    /// <param name="chomp">-1 strip (<c>-</c>), 0 clip, 1 keep (<c>+</c>).</param>
    public void SetBlock(int index, int start, int length, int indent, int chomp)
    {
        ref var node = ref Nodes[index];
        node.HasText = false;
        node.Start = start;
        node.Length = length;
        node.Count = indent << 2 | chomp + 1; // a scalar has no children: the count holds how its lines are read
    }

    /// <summary>A block scalar whose text is not yet put together (<see cref="SetBlock"/>).</summary>
    private static bool IsBlock(in YamlTreeNode node) =>
        !node.HasText && node.Kind == YamlItemKind.Scalar && node.Style is ScalarStyle.Literal or ScalarStyle.Folded;

    /// <summary>The node, a block scalar's text put together first (kept in the table of texts).</summary>
    private ref YamlTreeNode Ready(int index)
    {
        ref var node = ref Nodes[index];
        if (IsBlock(node))
        {
            SetText(index, BlockText(_bytes.AsSpan(node.Start, node.Length), node.Count >> 2, node.Style == ScalarStyle.Literal, (node.Count & 3) - 1));
            node.Count = 0;
        }
        return ref node;
    }

    /// <summary>A scalar's text ("" for collections); a short one shared with its earlier copies (<see cref="SharedStrings"/>).</summary>
    public string Text(int index)
    {
        ref var node = ref Ready(index);
        if (node.Kind != YamlItemKind.Scalar) return "";
        if (node.HasText) return _texts![node.Start];
        return SharedStrings.Get(_bytes.AsSpan(node.Start, node.Length));
    }

    /// <summary>
    /// A block scalar's text from its lines (checked by the scanner: each line with text indented by
    /// <paramref name="indent"/> spaces or more, blank lines by no more, a carriage return always before a line
    /// feed): the indentation left out, line breaks kept (literal) or folded to spaces between lines of text
    /// (folded), and the final line breaks chomped.
    /// </summary>
    private static string BlockText(ReadOnlySpan<byte> lines, int indent, bool literal, int chomp)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(lines.Length + 1); // never longer than its lines and one break
        var length = 0;
        var breaks = 0; // blank lines since the last line with text
        var any = false;
        var endsWithBreak = false;
        for (var p = 0; ;)
        {
            var spaces = 0;
            while (p + spaces < lines.Length && lines[p + spaces] == ' ') spaces++;
            if (p + spaces >= lines.Length) break;
            var b = lines[p + spaces];
            if (b is (byte)'\n' or (byte)'\r')
            {
                breaks++;
                p += spaces + (b == '\r' ? 2 : 1);
                continue;
            }
            if (any && !literal && breaks == 0) buffer[length++] = (byte)' ';
            else for (var i = any && literal ? -1 : 0; i < breaks; i++) buffer[length++] = (byte)'\n';
            breaks = 0;
            any = true;
            var text = lines[(p + indent)..];
            var end = text.IndexOfAny((byte)'\n', (byte)'\r');
            if (end < 0) end = text.Length;
            text[..end].CopyTo(buffer.AsSpan(length));
            length += end;
            p += indent + end;
            endsWithBreak = p < lines.Length;
            if (!endsWithBreak) break;
            p += lines[p] == '\r' ? 2 : 1;
        }
        if (chomp >= 0 && endsWithBreak) buffer[length++] = (byte)'\n';
        if (chomp > 0) for (var i = 0; i < breaks; i++) buffer[length++] = (byte)'\n';
        var result = SharedStrings.Get(buffer.AsSpan(0, length));
        ArrayPool<byte>.Shared.Return(buffer);
        return result;
    }

    /// <summary>Whether a scalar's text is <paramref name="text"/>, without making a string of it.</summary>
    public bool TextEquals(int index, string text) => TextEquals(Nodes, index, text, Ascii.IsValid(text));

    /// <param name="ascii">Whether <paramref name="text"/> is ASCII: asked once by a caller that compares it with many nodes.</param>
    /// <remarks>Inlined where keys are looked up (<see cref="FindKey"/>, every value a reader takes); the rest apart.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TextEquals(YamlTreeNode[] nodes, int index, string text, bool ascii)
    {
        ref var node = ref nodes[index];
        // An ASCII text (as every key of our files is) has as many bytes as characters: the bytes of a plain or quoted
        // scalar are compared as they stand (a block scalar's are its lines, put together apart).
        if (ascii && !node.HasText && node.Kind == YamlItemKind.Scalar && node.Style is not (ScalarStyle.Literal or ScalarStyle.Folded))
            return node.Length == text.Length && Ascii.Equals(_bytes.AsSpan(node.Start, node.Length), text);
        return TextEqualsAsText(index, text);
    }

    /// <summary>As <see cref="TextEquals(int, string)"/>, for a text, a block scalar or a text that is not ASCII.</summary>
    private bool TextEqualsAsText(int index, string text)
    {
        ref var node = ref Ready(index);
        if (node.Kind != YamlItemKind.Scalar) return false;
        if (node.HasText) return string.Equals(_texts![node.Start], text, StringComparison.Ordinal);
        var bytes = _bytes.AsSpan(node.Start, node.Length);
        return bytes.Length >= text.Length // every char is at least one byte
            && string.Equals(Encoding.UTF8.GetString(bytes), text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The key among a mapping's keys from <paramref name="firstKey"/> on (keys and values alternate) whose text is
    /// <paramref name="key"/>, and its place among them; -1 when there is none. Every value a reader takes is looked
    /// up here, most of them among the dozen keys of an indicator.
    /// </summary>
    public int FindKey(int firstKey, string key, out int entry)
    {
        var nodes = Nodes;
        var ascii = Ascii.IsValid(key);
        entry = 0;
        for (var k = firstKey; k >= 0; k = nodes[nodes[k].Next].Next, entry++)
            if (TextEquals(nodes, k, key, ascii)) return k;
        return -1;
    }

    /// <summary>Whether two scalars have the same text (a repeated key).</summary>
    public bool SameText(int a, int b)
    {
        // Two spans of the file (as the scanner's keys are): the same bytes. A text, or a block scalar's lines, as text.
        var nodes = Nodes;
        ref var x = ref nodes[a];
        ref var y = ref nodes[b];
        if (!x.HasText && !y.HasText && !IsBlock(x) && !IsBlock(y))
            return _bytes.AsSpan(x.Start, x.Length).SequenceEqual(_bytes.AsSpan(y.Start, y.Length));
        return string.Equals(Text(a), Text(b), StringComparison.Ordinal);
    }

    /// <summary>Whether a scalar's text is empty, <c>~</c> or <c>null</c> (what a reader takes for no value).</summary>
    public bool IsNullText(int index) => TextEquals(index, "") || TextEquals(index, "~") || TextEquals(index, "null");

    /// <summary>Whether a scalar's text is empty or only white space.</summary>
    public bool IsBlank(int index)
    {
        ref var node = ref Ready(index);
        if (node.HasText) return string.IsNullOrWhiteSpace(_texts![node.Start]);
        foreach (var b in _bytes.AsSpan(node.Start, node.Length))
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')) return b >= 0x80 && string.IsNullOrWhiteSpace(Text(index));
        return true;
    }

    /// <summary>Hands the node table back for the next tree read on this thread; the tree cannot be read after.</summary>
    public void Recycle()
    {
        var nodes = _nodes;
        _nodes = null;
        if (nodes is not null && nodes.Length <= MaxKept && (_spare is null || _spare.Length < nodes.Length)) _spare = nodes;
        var texts = _texts;
        _texts = null;
        if (texts is not null && texts.Capacity <= MaxKept / 16 && (_spareTexts is null || _spareTexts.Capacity < texts.Capacity))
        {
            texts.Clear();
            _spareTexts = texts;
        }
    }

    /// <summary>
    /// A tree from YamlDotNet's events: the first document's root node (-1 when the stream has no document);
    /// a second document is an error at its root, a repeated key a <see cref="YamlException"/> (our own check, worded as YamlDotNet's loader worded it).
    /// </summary>
    public static (YamlTree Tree, int Root) FromEvents(IParser parser, string file)
    {
        var tree = new YamlTree([], 64);
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _)) return (tree, -1);
        parser.Consume<DocumentStart>();
        var root = tree.Read(parser);
        parser.Consume<DocumentEnd>();
        if (parser.TryConsume<DocumentStart>(out _))
        {
            var second = tree.Read(parser);
            throw new InputException(ErrorKinds.YamlShape, new SourcePosition(file, tree[second].Line, tree[second].Column),
                "filen har flera YAML-dokument (---): väntade ett");
        }
        return (tree, root);
    }

    private int Read(IParser parser)
    {
        switch (parser.Current)
        {
            case Scalar scalar:
            {
                parser.MoveNext();
                var index = Add(YamlItemKind.Scalar, scalar.Style, Line(scalar.Start), Column(scalar.Start));
                Nodes[index].EndLine = Line(scalar.End);
                SetText(index, scalar.Value);
                return index;
            }
            case SequenceStart or MappingStart:
                return Collection(parser, mapping: parser.Current is MappingStart);
            default:
                throw new YamlException(parser.Current?.Start ?? Mark.Empty, parser.Current?.End ?? Mark.Empty,
                    $"oväntad händelse {parser.Current?.GetType().Name}");
        }
    }

    /// <summary>A sequence or mapping from its start event to its end; in a mapping a repeated key is an error at the second one.</summary>
    private int Collection(IParser parser, bool mapping)
    {
        var start = parser.Current!;
        parser.MoveNext();
        var index = Add(mapping ? YamlItemKind.Mapping : YamlItemKind.Sequence, ScalarStyle.Any, Line(start.Start), Column(start.Start));
        Nodes[index].EndLine = Line(start.End);
        var previous = -1;
        var count = 0;
        while (!(mapping ? parser.TryConsume<MappingEnd>(out _) : parser.TryConsume<SequenceEnd>(out _)))
        {
            var (childStart, childEnd) = (parser.Current!.Start, parser.Current.End);
            var child = Read(parser);
            if (previous >= 0) Nodes[previous].Next = child;
            previous = child;
            count++;
            // A mapping's children alternate key, value: an odd count has just read a key.
            if (mapping && count % 2 == 1 && Nodes[child].Kind == YamlItemKind.Scalar)
                for (var k = index + 1; k != child; k = Nodes[Nodes[k].Next].Next)
                    if (Nodes[k].Kind == YamlItemKind.Scalar && SameText(k, child))
                        throw new YamlException(childStart, childEnd, "Duplicate key");
        }
        Nodes[index].Count = count;
        return index;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Line(Mark mark) => (int)Math.Max(1, mark.Line);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Column(Mark mark) => (int)Math.Max(1, mark.Column);
}
