using Assessment.Domain.Model;
using Assessment.Domain.Parsing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Assessment.Domain.Yaml;

/// <summary>Collects the problems found while reading one file, so all are reported at once.</summary>
public sealed class ErrorSink
{
    private readonly List<InputError> _errors = [];

    public IReadOnlyList<InputError> Errors => _errors;

    /// <summary>Adds a problem; the same problem at the same place is reported once.</summary>
    public void Add(ErrorKind kind, SourcePosition position, string message)
    {
        var error = new InputError(kind, position, message);
        if (!_errors.Contains(error)) _errors.Add(error);
    }

    /// <summary>The thread's lists for keys, kept between files: at most <see cref="MaxSpareKeys"/>, of at most 64 keys each.</summary>
    [ThreadStatic] private static Stack<List<string>>? _spareKeys;

    private const int MaxSpareKeys = 32;

    /// <summary>A list for the keys a <see cref="YamlMap"/> is asked for, used again once the map is done.</summary>
    internal static List<string> RentKeys() => _spareKeys is { Count: > 0 } spare ? spare.Pop() : new List<string>(16);

    internal static void ReturnKeys(List<string> keys)
    {
        var spare = _spareKeys ??= new();
        if (spare.Count >= MaxSpareKeys || keys.Capacity > 64) return;
        keys.Clear();
        spare.Push(keys);
    }

    private Stack<YamlMap>? _spareMaps;

    /// <summary>A map object done with by a <see cref="YamlMap.EachMap"/> walk of <paramref name="tree"/>, to be moved along another list; null when there is none.</summary>
    internal YamlMap? RentMap(YamlTree tree) =>
        _spareMaps is { Count: > 0 } spare && spare.Peek().Tree == tree ? spare.Pop() : null;

    internal void ReturnMap(YamlMap map) => (_spareMaps ??= new()).Push(map);

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
            throw new InputException(_errors.OrderBy(e => e.Position?.Line).ThenBy(e => e.Position?.Column).ToList());
    }
}

/// <summary>Opens a YAML file as a tree of nodes that know their line and column.</summary>
public static class YamlFile
{
    /// <summary>Reads <paramref name="text"/> (named <paramref name="file"/> in messages) and returns its root mapping.</summary>
    public static YamlMap ParseRoot(string text, string file, ErrorSink errors)
    {
        // A BOM left in the text (not read by InputText) and a lone surrogate are YamlDotNet's to read.
        if ((text.Length == 0 || text[0] != '\uFEFF') && Utf8Of(text) is { } bytes
            && Utf8YamlScanner.TryScan(bytes, 0) is { } scanned)
            return new YamlMap(scanned, file, errors);
        return ParseWithYamlDotNet(text, file, errors);
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text's UTF-8 bytes; null when it holds a lone surrogate, which has none.</summary>
    internal static byte[]? Utf8Of(string text)
    {
        try { return StrictUtf8.GetBytes(text); }
        catch (System.Text.EncoderFallbackException) { return null; }
    }

    /// <summary>
    /// Reads a file's UTF-8 bytes (a BOM allowed) and returns its root mapping. Bytes that are not UTF-8 are an
    /// error at the first bad byte, as <see cref="InputText.Read"/> reports it.
    /// </summary>
    public static YamlMap ParseRoot(byte[] utf8, string file, ErrorSink errors)
    {
        var start = utf8.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        if (Utf8YamlScanner.TryScan(utf8, start) is { } scanned) return new YamlMap(scanned, file, errors);
        return ParseWithYamlDotNet(InputText.Decode(utf8, file), file, errors);
    }

    /// <summary>Hands back the node table of <paramref name="root"/>'s file for the next file read: nothing of the tree may be read after.</summary>
    public static void Recycle(YamlMap root) => root.Node.Tree.Recycle();

    /// <summary>Today's reader, YamlDotNet's parser: for all that our own scanner leaves to it, and every error.</summary>
    internal static YamlMap ParseWithYamlDotNet(string text, string file, ErrorSink errors)
    {
        YamlTree tree;
        int root;
        var parser = new GuardedParser(new Parser(new StringReader(text)));
        try
        {
            (tree, root) = YamlTree.FromEvents(parser, file);
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            var described = YamlMessages.Describe(reason);
            // YamlDotNet places a tab in the indentation at the start of the mapping it was reading: the tab itself is the place.
            var at = described == YamlMessages.TabIndent && FirstIndentingTab(text) is { } tab ? new SourcePosition(file, tab.Line, tab.Column) : At(file, e.Start);
            throw new InputException(described == YamlMessages.DuplicateKey ? ErrorKinds.YamlDuplicateKey : ErrorKinds.YamlSyntax,
                at, $"ogiltig YAML: {described}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet gives up on some malformed documents (a list in brackets that never closes) with plain
            // exceptions that say neither where nor why: the place is where the parser stopped, the reason a
            // description of what leaves a document unfinished.
            throw new InputException(ErrorKinds.YamlSyntax,
                parser.LastMark is { } mark ? At(file, mark) : SourcePosition.InFile(file), $"ogiltig YAML: {YamlMessages.Unfinished}");
        }
        return Root(new YamlItem(tree, root), root < 0, file, errors);
    }

    internal static YamlMap Root(YamlItem root, bool empty, string file, ErrorSink errors)
    {
        if (empty)
            throw new InputException(ErrorKinds.YamlShape, file, "filen är tom: väntade en YAML-mappning med nycklar");
        if (root.Kind != YamlItemKind.Mapping)
            throw new InputException(ErrorKinds.YamlShape, root.StartOf(file), "väntade en YAML-mappning med nycklar överst i filen");
        return new YamlMap(root, file, errors);
    }

    /// <summary>The first tab among a line's leading blanks (1-based line and column), if any.</summary>
    private static (int Line, int Column)? FirstIndentingTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0) return (i + 1, tab + 1);
        }
        return null;
    }

    /// <summary>Deeper than any dataset, rule set or test file is nested (a dataset is about ten levels).</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Hands YamlDotNet's parser events on to the tree built from them (<c>YamlTree</c>), refusing what would take
    /// it down: nesting deeper than <see cref="MaxDepth"/> (building recurses once per level and would exhaust the
    /// stack) and aliases (*namn), which a few lines can make expand to billions of nodes. Neither is needed in our files.
    /// </summary>
    private sealed class GuardedParser(IParser inner) : IParser
    {
        private int _depth;

        public ParsingEvent? Current => inner.Current;

        /// <summary>Where the last event read began: where the parser stood when it gave up.</summary>
        public Mark? LastMark { get; private set; }

        public bool MoveNext()
        {
            if (!inner.MoveNext()) return false;
            var current = inner.Current!;
            LastMark = current.Start;
            if (current is MappingStart or SequenceStart)
            {
                _depth++;
                if (_depth > MaxDepth)
                    throw new YamlException(current.Start, current.End, $"nästlad djupare än {MaxDepth} nivåer");
            }
            else if (current is MappingEnd or SequenceEnd)
            {
                _depth--;
            }
            else if (current is AnchorAlias alias)
            {
                throw new YamlException(alias.Start, alias.End, $"alias (*{alias.Value}) stöds inte: skriv ut värdet där det behövs");
            }
            return true;
        }
    }

    internal static SourcePosition At(string file, Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
}

/// <summary>
/// A YAML mapping read key by key. Every key a loader asks for becomes known; <see cref="Done"/>
/// reports the keys nobody asked for (typos) with a "menade du" suggestion. Problems go to the
/// <see cref="ErrorSink"/>; reading goes on so that all problems are found in one pass.
/// </summary>
public sealed class YamlMap
{
    private readonly YamlTree _tree;
    private int _index;
    private readonly ErrorSink _errors;

    /// <summary>
    /// The keys asked for, present or not, in the order asked (a key may repeat): a list of the file's
    /// <see cref="ErrorSink"/>, handed back when <see cref="Done"/> has used it.
    /// </summary>
    private List<string>? _known;

    /// <summary>Whether <see cref="Done"/> has reported the unknown keys: keys asked for after are not recorded.</summary>
    private bool _done;

    /// <summary>Which of the mapping's entries were asked for, by place (entries past 64 are checked by name).</summary>
    private ulong _asked;

    internal YamlMap(YamlItem node, string file, ErrorSink errors)
    {
        _tree = node.Tree;
        _index = node.Index;
        File = file;
        _errors = errors;
    }

    internal YamlItem Node => new(_tree, _index);

    internal YamlTree Tree => _tree;

    public string File { get; }

    public SourcePosition Position => At(_index);

    public ErrorSink Errors => _errors;

    public bool Has(string key) => Find(key) >= 0;

    /// <summary>Where the value of <paramref name="key"/> stands, or the mapping itself when absent.</summary>
    public SourcePosition PositionOf(string key) => Find(key) is var node and >= 0 ? At(node) : Position;

    public void Error(ErrorKind kind, string key, string message) => _errors.Add(kind, PositionOf(key), message);

    /// <summary>
    /// Where the text of a one-line scalar begins (after an opening quote), so that an offset into the
    /// text is a column; null for absent keys and block scalars, whose text spans lines.
    /// </summary>
    public SourcePosition? InlineTextStart(string key)
    {
        var index = Find(key);
        if (index < 0) return null;
        ref var node = ref _tree[index];
        if (node.Kind != YamlItemKind.Scalar || node.Line != node.EndLine) return null;
        return node.Style switch
        {
            ScalarStyle.Plain => At(index),
            ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => new SourcePosition(File, node.Line, node.Column + 1),
            _ => null,
        };
    }

    /// <summary>The scalar text of <paramref name="key"/>; null when absent, empty or <c>null</c>.</summary>
    public string? String(string key)
    {
        var index = Find(key);
        if (index < 0) return null;
        if (_tree[index].Kind == YamlItemKind.Scalar)
        {
            var isNull = _tree[index].Style == ScalarStyle.Plain && _tree.IsNullText(index);
            return isNull || _tree.IsBlank(index) ? null : _tree.Text(index);
        }
        NotAScalar(key, index);
        return null;
    }

    /// <summary>The text of <paramref name="key"/>; missing or empty is an error (a value that is no text is one already, not two).</summary>
    public string RequiredString(string key)
    {
        var value = String(key);
        if (value is null && !IsCollection(key)) _errors.Add(ErrorKinds.MissingValue, PositionOf(key), $"\"{key}\" saknas eller är tom: värdet krävs");
        return value ?? "";
    }

    /// <summary>Whether <paramref name="key"/> holds a mapping or a list rather than a text (which <see cref="String"/> reports).</summary>
    public bool IsCollection(string key) => Find(key) is var index and >= 0 && _tree[index].Kind != YamlItemKind.Scalar;

    /// <summary>Reads and parses a value; a <see cref="FormatException"/> becomes an error at the value.</summary>
    public T? Parse<T>(string key, Func<string, T> parse) where T : class
    {
        var text = String(key);
        if (text is null) return null;
        try { return parse(text); }
        catch (FormatException e) { _errors.Add(ErrorKinds.BadValue, PositionOf(key), $"\"{key}\": {e.Message}"); return null; }
    }

    /// <summary>
    /// The file's "period", which every dataset and outcomes file needs: absent, empty and <c>null</c> are each
    /// an error at the key (one error per problem – a value that does not parse is reported by <see cref="Parse{T}"/>).
    /// </summary>
    public ReportingPeriod? RequiredPeriod()
    {
        var before = _errors.Errors.Count;
        var period = Parse("period", SwedishValues.ParsePeriod);
        if (period is null && _errors.Errors.Count == before)
            Error(ErrorKinds.MissingValue, "period", Has("period")
                ? "\"period\" är tom: väntade t.ex. \"T1 2026\", \"T2 2026\" eller \"VB 2025\""
                : "\"period\" saknas: väntade t.ex. \"T1 2026\", \"T2 2026\" eller \"VB 2025\"");
        return period;
    }

    public T? ParseValue<T>(string key, Func<string, T> parse) where T : struct
    {
        var text = String(key);
        if (text is null) return null;
        try { return parse(text); }
        catch (FormatException e) { _errors.Add(ErrorKinds.BadValue, PositionOf(key), $"\"{key}\": {e.Message}"); return null; }
    }

    public bool Bool(string key, bool fallback)
    {
        var text = String(key);
        return text switch
        {
            null => fallback,
            "true" or "ja" => true,
            "false" or "nej" => false,
            _ => Fail($"\"{key}\": väntade true eller false, fick \"{text}\""),
        };

        bool Fail(string message) { _errors.Add(ErrorKinds.BadValue, PositionOf(key), message); return fallback; }
    }

    public YamlMap? Map(string key)
    {
        var index = Find(key);
        if (index < 0 || _tree[index].Kind == YamlItemKind.Scalar && _tree.IsNullText(index)) return null;
        if (_tree[index].Kind == YamlItemKind.Mapping) return new YamlMap(new YamlItem(_tree, index), File, _errors);
        _errors.Add(ErrorKinds.YamlShape, At(index), $"\"{key}\": väntade en mappning (nycklar med värden)");
        return null;
    }

    /// <summary>A list of mappings; an absent key is an empty list.</summary>
    public IReadOnlyList<YamlMap> Maps(string key)
    {
        var sequence = Sequence(key);
        if (sequence < 0 || _tree[sequence].Count == 0) return [];
        var result = new List<YamlMap>(_tree[sequence].Count);
        for (var item = sequence + 1; item >= 0; item = _tree[item].Next)
        {
            if (_tree[item].Kind == YamlItemKind.Mapping) result.Add(new YamlMap(new YamlItem(_tree, item), File, _errors));
            else NotAMapping(key, item);
        }
        return result;
    }

    /// <summary>
    /// A list of mappings read one after another through one <see cref="YamlMap"/> moved along the list (no map
    /// object per item): each item must be done with (<see cref="Done"/>) before the next, and none kept. Items that
    /// are no mappings are errors, as in <see cref="Maps"/>.
    /// </summary>
    internal MapCursor EachMap(string key) => new(this, key, Sequence(key));

    /// <summary>The walk of <see cref="EachMap"/>: a <c>foreach</c> over the list's mappings, one map object moved along.</summary>
    internal struct MapCursor(YamlMap parent, string key, int sequence)
    {
        private int _next = sequence >= 0 && parent._tree[sequence].Count > 0 ? sequence + 1 : -1;
        private YamlMap? _current;

        /// <summary>The list's number of items (mappings or not): the capacity for what is read from them.</summary>
        public readonly int Count => sequence >= 0 ? parent._tree[sequence].Count : 0;

        public readonly MapCursor GetEnumerator() => this;

        public readonly YamlMap Current => _current!;

        public bool MoveNext()
        {
            var tree = parent._tree;
            while (_next >= 0)
            {
                var item = _next;
                _next = tree[item].Next;
                if (tree[item].Kind != YamlItemKind.Mapping)
                {
                    parent.NotAMapping(key, item);
                    continue;
                }
                _current ??= parent._errors.RentMap(tree) ?? new YamlMap(new YamlItem(tree, item), parent.File, parent._errors);
                _current.MoveTo(item);
                return true;
            }
            if (_current is not null) parent._errors.ReturnMap(_current);
            _current = null;
            return false;
        }
    }

    /// <summary>Makes this map the mapping at <paramref name="index"/>, as new (the keys asked for handed back).</summary>
    private void MoveTo(int index)
    {
        if (_known is not null) ErrorSink.ReturnKeys(_known);
        _known = null;
        _done = false;
        _asked = 0;
        _index = index;
    }

    /// <summary>A list of texts, without their places; an absent key is an empty list.</summary>
    internal string[] Texts(string key)
    {
        var sequence = Sequence(key);
        if (sequence < 0 || _tree[sequence].Count == 0) return [];
        var result = new string[_tree[sequence].Count];
        var count = 0;
        for (var item = sequence + 1; item >= 0; item = _tree[item].Next)
        {
            if (_tree[item].Kind == YamlItemKind.Scalar) result[count++] = _tree.Text(item);
            else NotAText(key, item);
        }
        return count == result.Length ? result : result[..count];
    }

    /// <summary>
    /// Takes the text of <paramref name="key"/> as read without making it (null): for prose a command does not show,
    /// whose text a block scalar puts together only when asked (<see cref="YamlTree.Text"/>). A value that is no
    /// text is the same error as <see cref="String"/> gives.
    /// </summary>
    internal string? SkipText(string key)
    {
        var index = Find(key);
        if (index >= 0 && _tree[index].Kind != YamlItemKind.Scalar) NotAScalar(key, index);
        return null;
    }

    /// <summary>As <see cref="Texts"/>, the texts not made (an empty list), the same errors.</summary>
    internal string[] SkipTexts(string key)
    {
        var sequence = Sequence(key);
        if (sequence < 0 || _tree[sequence].Count == 0) return [];
        for (var item = sequence + 1; item >= 0; item = _tree[item].Next)
            if (_tree[item].Kind != YamlItemKind.Scalar) NotAText(key, item);
        return [];
    }

    private void NotAScalar(string key, int index) =>
        _errors.Add(ErrorKinds.YamlShape, At(index), $"\"{key}\": väntade ett enkelt värde (text eller tal), inte en lista eller mappning");

    private void NotAMapping(string key, int item) =>
        _errors.Add(ErrorKinds.YamlShape, At(item), $"\"{key}\": varje post i listan ska vara en mappning (nycklar med värden)");

    private void NotAText(string key, int item) =>
        _errors.Add(ErrorKinds.YamlShape, At(item), $"\"{key}\": varje post i listan ska vara en text");

    /// <summary>A list of texts; an absent key is an empty list.</summary>
    public IReadOnlyList<(string Text, SourcePosition Position)> Strings(string key)
    {
        var sequence = Sequence(key);
        if (sequence < 0 || _tree[sequence].Count == 0) return [];
        var result = new List<(string, SourcePosition)>(_tree[sequence].Count);
        for (var item = sequence + 1; item >= 0; item = _tree[item].Next)
        {
            if (_tree[item].Kind == YamlItemKind.Scalar) result.Add((_tree.Text(item), At(item)));
            else NotAText(key, item);
        }
        return result;
    }

    /// <summary>The mapping's entries in file order, for mappings whose keys are names (thresholds).</summary>
    public IEnumerable<(string Key, SourcePosition KeyPosition, YamlItem Value)> Entries()
    {
        if (_tree[_index].Count == 0) yield break;
        var entry = 0;
        for (var key = _index + 1; key >= 0; key = _tree[_tree[key].Next].Next, entry++)
        {
            var isScalar = _tree[key].Kind == YamlItemKind.Scalar;
            var name = isScalar ? _tree.Text(key) : "";
            Known(name);
            if (isScalar) MarkAsked(entry);
            yield return (name, At(key), new YamlItem(_tree, _tree[key].Next));
        }
    }

    /// <summary>Reports every key that no reader asked for, with the closest known key as a suggestion.</summary>
    public void Done()
    {
        if (_tree[_index].Count == 0)
        {
            HandBackKnown();
            return;
        }
        List<string>? known = null;
        var entry = 0;
        for (var key = _index + 1; key >= 0; key = _tree[_tree[key].Next].Next, entry++)
        {
            if (entry < 64 && (_asked & (1UL << entry)) != 0) continue;
            var name = _tree[key].Kind == YamlItemKind.Scalar ? _tree.Text(key) : new YamlItem(_tree, key).ToString();
            if (entry >= 64 && _known is not null && _known.Contains(name)) continue;
            known ??= (_known ?? []).Distinct().Order(StringComparer.Ordinal).ToList();
            var hint = Suggest.Closest(name, known) is { } close ? $" – menade du \"{close}\"?" : "";
            _errors.Add(ErrorKinds.UnknownKey, At(key),
                $"okänd nyckel \"{name}\"{hint} (tillåtna här: {string.Join(", ", known)})");
        }
        HandBackKnown();
    }

    private void HandBackKnown()
    {
        _done = true;
        if (_known is not null) ErrorSink.ReturnKeys(_known);
        _known = null;
    }

    private void Known(string key)
    {
        if (!_done) (_known ??= ErrorSink.RentKeys()).Add(key);
    }

    /// <summary>The sequence at <paramref name="key"/>; -1 when absent or empty (an error when it is no sequence).</summary>
    private int Sequence(string key)
    {
        var index = Find(key);
        if (index < 0) return -1;
        switch (_tree[index].Kind)
        {
            case YamlItemKind.Sequence:
                return index;
            case YamlItemKind.Scalar when _tree.IsNullText(index):
                return -1;
            default:
                _errors.Add(ErrorKinds.YamlShape, At(index), $"\"{key}\": väntade en lista (rader som börjar med \"- \")");
                return -1;
        }
    }

    /// <summary>The node of <paramref name="key"/>'s value, or -1.</summary>
    private int Find(string key)
    {
        Known(key);
        if (_tree[_index].Count == 0) return -1;
        var k = _tree.FindKey(_index + 1, key, out var entry);
        if (k < 0) return -1;
        MarkAsked(entry);
        return _tree[k].Next;
    }

    private SourcePosition At(int index) => new(File, _tree[index].Line, _tree[index].Column);

    private void MarkAsked(int entry)
    {
        if (entry < 64) _asked |= 1UL << entry;
    }
}
