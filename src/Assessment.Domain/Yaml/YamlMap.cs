using Assessment.Domain.Model;
using Assessment.Domain.Parsing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

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
        var stream = new YamlStream();
        var parser = new GuardedParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
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
            // YamlDotNet gives up on some malformed documents (a key repeated, a list in brackets that never
            // closes) with plain exceptions that say neither where nor why: the place is where the parser
            // stopped, the reason a description of what leaves a document unfinished.
            var described = e.Message.StartsWith("An item with the same key", StringComparison.Ordinal)
                ? YamlMessages.DuplicateKey : YamlMessages.Unfinished;
            throw new InputException(described == YamlMessages.DuplicateKey ? ErrorKinds.YamlDuplicateKey : ErrorKinds.YamlSyntax,
                parser.LastMark is { } mark ? At(file, mark) : SourcePosition.InFile(file), $"ogiltig YAML: {described}");
        }
        if (stream.Documents.Count == 0)
            throw new InputException(ErrorKinds.YamlShape, file, "filen är tom: väntade en YAML-mappning med nycklar");
        if (stream.Documents.Count > 1)
            throw new InputException(ErrorKinds.YamlShape, At(file, stream.Documents[1].RootNode.Start), "filen har flera YAML-dokument (---): väntade ett");
        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
            throw new InputException(ErrorKinds.YamlShape, At(file, root.Start), "väntade en YAML-mappning med nycklar överst i filen");
        return new YamlMap(mapping, file, errors);
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
    /// Hands YamlDotNet's loader the parser's events, refusing what would take it down: nesting deeper than
    /// <see cref="MaxDepth"/> (the loader recurses once per level and would exhaust the stack) and aliases
    /// (*namn), which a few lines can make expand to billions of nodes. Neither is needed in our files.
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
    private readonly YamlMappingNode _node;
    private readonly ErrorSink _errors;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    internal YamlMap(YamlMappingNode node, string file, ErrorSink errors)
    {
        _node = node;
        File = file;
        _errors = errors;
    }

    public string File { get; }

    public SourcePosition Position => YamlFile.At(File, _node.Start);

    public ErrorSink Errors => _errors;

    public bool Has(string key) => Find(key) is not null;

    /// <summary>Where the value of <paramref name="key"/> stands, or the mapping itself when absent.</summary>
    public SourcePosition PositionOf(string key) => Find(key) is { } node ? YamlFile.At(File, node.Start) : Position;

    public void Error(ErrorKind kind, string key, string message) => _errors.Add(kind, PositionOf(key), message);

    /// <summary>
    /// Where the text of a one-line scalar begins (after an opening quote), so that an offset into the
    /// text is a column; null for absent keys and block scalars, whose text spans lines.
    /// </summary>
    public SourcePosition? InlineTextStart(string key) => Find(key) switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain } node when node.Start.Line == node.End.Line => YamlFile.At(File, node.Start),
        YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } node when node.Start.Line == node.End.Line =>
            YamlFile.At(File, node.Start) with { Column = (int)node.Start.Column + 1 },
        _ => null,
    };

    /// <summary>The scalar text of <paramref name="key"/>; null when absent, empty or <c>null</c>.</summary>
    public string? String(string key)
    {
        var node = Find(key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null";
                return isNull || string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value;
            default:
                _errors.Add(ErrorKinds.YamlShape, YamlFile.At(File, node.Start), $"\"{key}\": väntade ett enkelt värde (text eller tal), inte en lista eller mappning");
                return null;
        }
    }

    public string RequiredString(string key)
    {
        var value = String(key);
        if (value is null) _errors.Add(ErrorKinds.MissingValue, PositionOf(key), $"\"{key}\" saknas eller är tom: värdet krävs");
        return value ?? "";
    }

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
        var node = Find(key);
        if (node is null || node is YamlScalarNode { Value: "" or "~" or "null" }) return null;
        if (node is YamlMappingNode mapping) return new YamlMap(mapping, File, _errors);
        _errors.Add(ErrorKinds.YamlShape, YamlFile.At(File, node.Start), $"\"{key}\": väntade en mappning (nycklar med värden)");
        return null;
    }

    /// <summary>A list of mappings; an absent key is an empty list.</summary>
    public IReadOnlyList<YamlMap> Maps(string key)
    {
        var result = new List<YamlMap>();
        foreach (var item in Sequence(key))
        {
            if (item is YamlMappingNode mapping) result.Add(new YamlMap(mapping, File, _errors));
            else _errors.Add(ErrorKinds.YamlShape, YamlFile.At(File, item.Start), $"\"{key}\": varje post i listan ska vara en mappning (nycklar med värden)");
        }
        return result;
    }

    /// <summary>A list of texts; an absent key is an empty list.</summary>
    public IReadOnlyList<(string Text, SourcePosition Position)> Strings(string key)
    {
        var result = new List<(string, SourcePosition)>();
        foreach (var item in Sequence(key))
        {
            if (item is YamlScalarNode { Value: { } text }) result.Add((text, YamlFile.At(File, item.Start)));
            else _errors.Add(ErrorKinds.YamlShape, YamlFile.At(File, item.Start), $"\"{key}\": varje post i listan ska vara en text");
        }
        return result;
    }

    /// <summary>The mapping's entries in file order, for mappings whose keys are names (thresholds).</summary>
    public IEnumerable<(string Key, SourcePosition KeyPosition, YamlNode Value)> Entries()
    {
        foreach (var (key, value) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            _known.Add(name);
            yield return (name, YamlFile.At(File, key.Start), value);
        }
    }

    /// <summary>Reports every key that no reader asked for, with the closest known key as a suggestion.</summary>
    public void Done()
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (_known.Contains(name)) continue;
            var hint = Suggest.Closest(name, _known) is { } close ? $" – menade du \"{close}\"?" : "";
            _errors.Add(ErrorKinds.UnknownKey, YamlFile.At(File, key.Start),
                $"okänd nyckel \"{name}\"{hint} (tillåtna här: {string.Join(", ", _known.Order(StringComparer.Ordinal))})");
        }
    }

    private IEnumerable<YamlNode> Sequence(string key)
    {
        var node = Find(key);
        switch (node)
        {
            case null:
            case YamlScalarNode { Value: "" or "~" or "null" }:
                return [];
            case YamlSequenceNode sequence:
                return sequence.Children;
            default:
                _errors.Add(ErrorKinds.YamlShape, YamlFile.At(File, node.Start), $"\"{key}\": väntade en lista (rader som börjar med \"- \")");
                return [];
        }
    }

    private YamlNode? Find(string key)
    {
        _known.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }
}
