using System.Buffers;
using System.Text;
using YamlDotNet.Core;

namespace Assessment.Domain.Yaml;

/// <summary>
/// Our own reader for the YAML our files use, straight over the file's UTF-8 bytes into a <see cref="YamlTree"/>:
/// block mappings and sequences (a mapping may start on the dash line, a sequence may stand at its key's indent),
/// plain, single- and double-quoted scalars on one line (escapes included), literal and folded block scalars
/// (<c>|</c>, <c>&gt;</c>, chomping <c>-</c> / <c>+</c>), comments, empty values, the empty flow collections
/// <c>[]</c> and <c>{}</c>, and a flow sequence of plain words on one line (<c>[prognos, utfall]</c>). Lines and
/// columns are YamlDotNet's (1-based; columns count UTF-16 characters).
/// <para>
/// Anything else – tags, anchors, aliases, directives, <c>---</c>, complex keys, tabs, other flow collections with
/// items, scalars over several lines, a repeated key, nesting deeper than <see cref="YamlFile.MaxDepth"/>, and
/// every error – makes <see cref="TryScan"/> return null, before anything is reported: the caller then reads the
/// same text with YamlDotNet, which reports what is wrong exactly as before.
/// </para>
/// </summary>
internal sealed class Utf8YamlScanner
{
    /// <summary>Thrown to leave the file to YamlDotNet; one instance, no stack trace is needed.</summary>
    private sealed class Unsupported : Exception
    {
        public static readonly Unsupported Instance = new();
    }

    /// <summary>
    /// The ASCII bytes that are refused, but for a carriage return before a line feed: the control characters
    /// other than the line feed, and DEL. All ASCII, so the search for them is vectorised.
    /// </summary>
    private static readonly SearchValues<byte> Controls = SearchValues.Create(
        "\0\x01\x02\x03\x04\x05\x06\x07\x08\t\x0B\x0C\r\x0E\x0F\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F\x7F"u8);

    /// <summary>What ends the run of a double-quoted scalar's plain bytes: its quote, an escape, a line break.</summary>
    private static readonly SearchValues<byte> QuotedStops = SearchValues.Create("\"\\\n\r"u8);

    /// <summary>YamlDotNet refuses keys longer than this (a simple key is at most 1024 characters).</summary>
    private const int MaxKeyBytes = 1000;

    private readonly byte[] _bytes;
    private readonly int _end;
    private readonly YamlTree _tree;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _depth;
    private byte[] _buffer = [];

    private Utf8YamlScanner(byte[] bytes, int start)
    {
        _bytes = bytes;
        _end = bytes.Length;
        _pos = start;
        _lineStart = start;
        // At most about two nodes a line ("key: value"; a list item's "- key: value" is three, a line of a block
        // scalar none), but no more than a table of YamlTree.MaxKept nodes before the first is read (the scanner may
        // give up at once); the table grows if that is too few. Counted by lines, not guessed from the size: a file
        // of long texts got a table several times too large.
        _tree = new YamlTree(bytes, Math.Min(2 * bytes.AsSpan(start).Count((byte)'\n') + 16, YamlTree.MaxKept));
    }

    /// <summary>
    /// The document's root mapping, or null when the text is outside the subset read here, is not UTF-8, or holds
    /// an error: the caller reads it with YamlDotNet then.
    /// </summary>
    public static YamlItem? TryScan(byte[] bytes, int start)
    {
        if (!Readable(bytes.AsSpan(start))) return null;
        var scanner = new Utf8YamlScanner(bytes, start);
        try
        {
            var root = scanner.Document();
            return new YamlItem(scanner._tree, root);
        }
        catch (Unsupported)
        {
            scanner._tree.Recycle();
            return null;
        }
        finally
        {
            if (scanner._buffer.Length > 0) ArrayPool<byte>.Shared.Return(scanner._buffer);
        }
    }

    /// <summary>
    /// Whether the bytes are UTF-8 made only of what this reader knows: no control characters but line feeds
    /// (carriage returns only before one), no tabs, no characters YamlDotNet takes for line breaks (U+0085,
    /// U+2028, U+2029) or refuses (C1 controls, U+FEFF inside the text, U+FFFE, U+FFFF).
    /// </summary>
    private static bool Readable(ReadOnlySpan<byte> bytes)
    {
        // Three vectorised passes rather than one stop at every non-ASCII character (å, ä and ö come every few
        // words in a dataset's prose): valid UTF-8; no control character but a line break; and no character of the
        // few refused beyond ASCII, each of which starts with one of three lead bytes (never a continuation byte).
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) return false;
        for (var i = 0; ;)
        {
            var next = bytes[i..].IndexOfAny(Controls);
            if (next < 0) break;
            i += next;
            if (bytes[i] != '\r' || i + 1 >= bytes.Length || bytes[i + 1] != '\n') return false;
            i += 2;
        }
        for (var i = 0; ;)
        {
            var next = bytes[i..].IndexOfAny((byte)0xC2, (byte)0xE2, (byte)0xEF);
            if (next < 0) return true;
            i += next;
            // Valid UTF-8, so the continuation bytes are there.
            var (b, second) = (bytes[i], bytes[i + 1]);
            if (b == 0xC2 && second < 0xA0) return false; // U+0080–U+009F
            if (b == 0xE2 && second == 0x80 && bytes[i + 2] is 0xA8 or 0xA9) return false; // line and paragraph separators
            if (b == 0xEF && second == 0xBB && bytes[i + 2] == 0xBF) return false; // a byte order mark inside the text
            if (b == 0xEF && second == 0xBF && bytes[i + 2] is 0xBE or 0xBF) return false; // U+FFFE, U+FFFF
            i += 2;
        }
    }

    private byte Cur => _pos < _end ? _bytes[_pos] : (byte)0;

    private byte At(int pos) => pos < _end ? _bytes[pos] : (byte)0;

    private bool Eof => _pos >= _end;

    private static bool IsBreak(byte b) => b is (byte)'\n' or (byte)'\r' or 0;

    private static bool IsBlankOrBreak(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or 0;

    /// <summary>The indentation of the line the reader stands on (it stands on the line's first content).</summary>
    private int Indent => _pos - _lineStart;

    /// <summary>The 1-based column of a byte on the current line, in UTF-16 characters as YamlDotNet counts.</summary>
    private int Column(int pos)
    {
        // Mostly ASCII (indentation and keys): one vectorised check instead of a loop over every byte of every node's line.
        if (Ascii.IsValid(_bytes.AsSpan(_lineStart, pos - _lineStart))) return pos - _lineStart + 1;
        var column = 1;
        for (var i = _lineStart; i < pos; i++)
        {
            var b = _bytes[i];
            if ((b & 0xC0) != 0x80) column++;
            if (b >= 0xF0) column++; // outside the BMP: two UTF-16 characters
        }
        return column;
    }

    private static Unsupported Fallback() => Unsupported.Instance;

    private int Document()
    {
        CheckLineStart();
        SkipToContent();
        if (Eof) throw Fallback(); // an empty file: YamlDotNet's path says so
        var root = Mapping(Indent);
        if (!Eof) throw Fallback();
        return root;
    }

    /// <summary>At the start of a line: a document marker or a directive is left to YamlDotNet.</summary>
    private void CheckLineStart()
    {
        var b = Cur;
        if (b == '%') throw Fallback();
        if (b is (byte)'-' or (byte)'.' && At(_pos + 1) == b && At(_pos + 2) == b && IsBlankOrBreak(At(_pos + 3))) throw Fallback();
    }

    private void SkipSpaces()
    {
        while (_pos < _end && _bytes[_pos] == ' ') _pos++;
    }

    /// <summary>Past the line break the reader stands on.</summary>
    private void NewLine()
    {
        if (Cur == '\r') _pos++;
        _pos++;
        _line++;
        _lineStart = _pos;
        CheckLineStart();
    }

    /// <summary>Past spaces, comments and empty lines, to the next content or the end of the file.</summary>
    private void SkipToContent()
    {
        while (true)
        {
            SkipSpaces();
            if (Cur == '#')
            {
                var rest = _bytes.AsSpan(_pos, _end - _pos).IndexOfAny((byte)'\n', (byte)'\r');
                _pos = rest < 0 ? _end : _pos + rest;
            }
            if (Eof) return;
            if (!IsBreak(Cur)) return;
            NewLine();
        }
    }

    /// <summary>After a node's text: only spaces and a comment may end the line; then on to the next content.</summary>
    private void FinishLine()
    {
        var before = _pos;
        SkipSpaces();
        if (Cur == '#' && _pos == before) throw Fallback(); // a comment must follow a space
        if (Cur != '#' && !IsBreak(Cur)) throw Fallback();
        SkipToContent();
    }

    private void Enter()
    {
        if (++_depth > YamlFile.MaxDepth) throw Fallback();
    }

    /// <summary>A block mapping whose first key the reader stands on; its keys stand at <paramref name="indent"/>.</summary>
    private int Mapping(int indent)
    {
        Enter();
        var map = _tree.Add(YamlItemKind.Mapping, ScalarStyle.Any, _line, Column(_pos));
        var previous = -1;
        var count = 0;
        while (true)
        {
            var key = Key();
            if (previous >= 0) _tree[previous].Next = key;
            for (var k = map + 1; k != key; k = _tree[_tree[k].Next].Next)
                if (_tree.SameText(k, key)) throw Fallback(); // a repeated key: YamlDotNet's path reports it
            var value = Value(indent, inMapping: true);
            _tree[key].Next = value;
            previous = value;
            count += 2;
            if (Eof) break;
            var next = Indent;
            if (next < indent) break;
            if (next > indent) throw Fallback();
        }
        _tree[map].Count = count;
        _depth--;
        return map;
    }

    /// <summary>A key on one line and its ':' (the reader ends after the ':').</summary>
    private int Key()
    {
        var start = _pos;
        var key = Cur switch
        {
            (byte)'"' => DoubleQuoted(),
            (byte)'\'' => SingleQuoted(),
            _ => PlainScalar(),
        };
        if (_pos - start > MaxKeyBytes) throw Fallback();
        SkipSpaces();
        if (Cur != ':' || !IsBlankOrBreak(At(_pos + 1))) throw Fallback();
        _pos++;
        return key;
    }

    /// <summary>
    /// A block sequence whose first '-' the reader stands on, at <paramref name="indent"/>; an indentless one (at its
    /// key's indent) ends at the first line there that is no item.
    /// </summary>
    private int Sequence(int indent, bool indentless)
    {
        Enter();
        var sequence = _tree.Add(YamlItemKind.Sequence, ScalarStyle.Any, _line, Column(_pos));
        var previous = -1;
        var count = 0;
        while (true)
        {
            _pos++; // the '-'
            var item = Value(indent, inMapping: false);
            if (previous >= 0) _tree[previous].Next = item;
            previous = item;
            count++;
            if (Eof) break;
            var next = Indent;
            if (next < indent) break;
            if (next > indent) throw Fallback();
            if (!IsEntry())
            {
                if (indentless) break;
                throw Fallback();
            }
        }
        _tree[sequence].Count = count;
        _depth--;
        return sequence;
    }

    private bool IsEntry() => Cur == '-' && IsBlankOrBreak(At(_pos + 1));

    /// <summary>
    /// The node after a key's ':' or an item's '-': on the same line, or on the lines below indented more than
    /// <paramref name="parent"/>; an empty scalar when there is none. The reader ends at the next content.
    /// </summary>
    private int Value(int parent, bool inMapping)
    {
        // An empty value is placed right after its ':' or '-', as YamlDotNet places it.
        var (line, column) = (_line, Column(_pos));
        SkipSpaces(); // the ':' or '-' is followed by a space or the line's end
        if (Cur != '#' && !IsBreak(Cur)) return InlineValue(parent, inMapping);
        SkipToContent();
        if (!Eof)
        {
            var indent = Indent;
            if (indent > parent) return IsEntry() ? Sequence(indent, indentless: false) : Mapping(indent);
            if (indent == parent && inMapping && IsEntry()) return Sequence(indent, indentless: true);
        }
        var node = _tree.Add(YamlItemKind.Scalar, ScalarStyle.Plain, line, column);
        _tree.SetSpan(node, 0, 0);
        return node;
    }

    private int InlineValue(int parent, bool inMapping)
    {
        switch (Cur)
        {
            case (byte)'|' or (byte)'>':
                return BlockScalar(parent);
            case (byte)'[' when At(_pos + 1) != ']':
                return FlowWords();
            case (byte)'[' or (byte)'{':
                return EmptyFlow();
            case (byte)'-' when IsBlankOrBreak(At(_pos + 1)):
                throw Fallback(); // a sequence on the dash line or after a key
        }
        var (count, pos) = (_tree.Count, _pos);
        var scalar = Cur switch
        {
            (byte)'"' => DoubleQuoted(),
            (byte)'\'' => SingleQuoted(),
            _ => PlainScalar(),
        };
        var end = _pos;
        SkipSpaces();
        if (Cur == ':' && IsBlankOrBreak(At(_pos + 1)))
        {
            // A key: a mapping that starts on the dash line.
            if (inMapping || end - pos > MaxKeyBytes) throw Fallback();
            _tree.Truncate(count);
            _pos = pos;
            return Mapping(Indent);
        }
        _pos = end;
        FinishLine();
        return scalar;
    }

    /// <summary><c>[]</c> or <c>{}</c>; a flow collection with items is left to YamlDotNet.</summary>
    private int EmptyFlow()
    {
        var open = Cur;
        var close = open == '[' ? (byte)']' : (byte)'}';
        if (At(_pos + 1) != close) throw Fallback();
        Enter();
        _depth--;
        var node = _tree.Add(open == '[' ? YamlItemKind.Sequence : YamlItemKind.Mapping, ScalarStyle.Any, _line, Column(_pos));
        _pos += 2;
        FinishLine();
        return node;
    }

    /// <summary>
    /// <c>[a, b_c, 1.5]</c> on one line: a flow sequence of plain words (letters, digits, <c>_ . -</c>, the first
    /// a letter, digit or <c>_</c>), as the rule files list their value sources. Anything else in brackets – quotes,
    /// spaces inside an item, nesting, an empty item or a trailing comma, a line break – is left to YamlDotNet.
    /// </summary>
    private int FlowWords()
    {
        Enter();
        var sequence = _tree.Add(YamlItemKind.Sequence, ScalarStyle.Any, _line, Column(_pos));
        _pos++; // the '['
        var previous = -1;
        var count = 0;
        while (true)
        {
            SkipSpaces();
            var start = _pos;
            if (!IsWordStart(Cur)) throw Fallback();
            while (IsWordStart(Cur) || Cur is (byte)'.' or (byte)'-') _pos++;
            var item = _tree.Add(YamlItemKind.Scalar, ScalarStyle.Plain, _line, Column(start));
            _tree.SetSpan(item, start, _pos - start);
            if (previous >= 0) _tree[previous].Next = item;
            previous = item;
            count++;
            SkipSpaces();
            if (Cur == ']') break;
            if (Cur != ',') throw Fallback();
            _pos++;
        }
        _pos++; // the ']'
        _tree[sequence].Count = count;
        _depth--;
        FinishLine();
        return sequence;
    }

    private static bool IsWordStart(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'_';

    /// <summary>A plain scalar on one line: up to ": ", " #" or the line's end, trailing spaces left out.</summary>
    private int PlainScalar()
    {
        var start = _pos;
        var first = Cur;
        var indicator = first is (byte)',' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'#' or (byte)'&'
            or (byte)'*' or (byte)'!' or (byte)'|' or (byte)'>' or (byte)'\'' or (byte)'"' or (byte)'%' or (byte)'@'
            or (byte)'`' or (byte)'?' or (byte)':';
        if (indicator || IsBreak(first) || first == '-' && IsBlankOrBreak(At(_pos + 1))) throw Fallback();
        var end = _pos;
        while (_pos < _end)
        {
            var b = _bytes[_pos];
            if (b is (byte)'\n' or (byte)'\r') break;
            if (b == ':' && IsBlankOrBreak(At(_pos + 1))) break;
            if (b == ' ')
            {
                if (At(_pos + 1) == '#') break;
                _pos++;
                continue;
            }
            _pos++;
            end = _pos;
        }
        _pos = end;
        var node = _tree.Add(YamlItemKind.Scalar, ScalarStyle.Plain, _line, Column(start));
        _tree.SetSpan(node, start, end - start);
        return node;
    }

    /// <summary>A single-quoted scalar on one line ('' is one quote).</summary>
    private int SingleQuoted()
    {
        var open = _pos++;
        var start = _pos;
        var escaped = false;
        while (true)
        {
            var b = Cur;
            if (IsBreak(b)) throw Fallback(); // over several lines, or never closed
            if (b == '\'')
            {
                if (At(_pos + 1) != '\'') break;
                escaped = true;
                _pos += 2;
                continue;
            }
            _pos++;
        }
        var node = _tree.Add(YamlItemKind.Scalar, ScalarStyle.SingleQuoted, _line, Column(open));
        if (escaped) _tree.SetText(node, Encoding.UTF8.GetString(_bytes, start, _pos - start).Replace("''", "'"));
        else _tree.SetSpan(node, start, _pos - start);
        _pos++;
        return node;
    }

    /// <summary>A double-quoted scalar on one line, its escapes read as YamlDotNet reads them.</summary>
    private int DoubleQuoted()
    {
        var open = _pos++;
        var start = _pos;
        var length = 0; // of the unescaped text in _buffer, once an escape is met
        var escaped = false;
        while (true)
        {
            if (!escaped)
            {
                // Before the first escape the text is the file's bytes as they stand: skip to what ends them.
                var run = _bytes.AsSpan(_pos, _end - _pos).IndexOfAny(QuotedStops);
                if (run < 0) throw Fallback(); // never closed
                _pos += run;
            }
            var b = Cur;
            if (IsBreak(b)) throw Fallback();
            if (b == '"') break;
            if (b != '\\')
            {
                Append(ref length, b);
                _pos++;
                continue;
            }
            if (!escaped)
            {
                escaped = true;
                length = 0;
                for (var i = start; i < _pos; i++) Append(ref length, _bytes[i]);
            }
            var e = At(_pos + 1);
            _pos += 2;
            switch (e)
            {
                case (byte)'0': Append(ref length, 0); break;
                case (byte)'a': Append(ref length, 7); break;
                case (byte)'b': Append(ref length, 8); break;
                case (byte)'t': Append(ref length, 9); break;
                case (byte)'n': Append(ref length, 10); break;
                case (byte)'v': Append(ref length, 11); break;
                case (byte)'f': Append(ref length, 12); break;
                case (byte)'r': Append(ref length, 13); break;
                case (byte)'e': Append(ref length, 0x1B); break;
                case (byte)' ': Append(ref length, (byte)' '); break;
                case (byte)'"': Append(ref length, (byte)'"'); break;
                case (byte)'/': Append(ref length, (byte)'/'); break;
                case (byte)'\\': Append(ref length, (byte)'\\'); break;
                case (byte)'N': AppendRune(ref length, 0x85); break;
                case (byte)'_': AppendRune(ref length, 0xA0); break;
                case (byte)'L': AppendRune(ref length, 0x2028); break;
                case (byte)'P': AppendRune(ref length, 0x2029); break;
                case (byte)'x': AppendRune(ref length, Hex(2)); break;
                case (byte)'u': AppendRune(ref length, Hex(4)); break;
                case (byte)'U': AppendRune(ref length, Hex(8)); break;
                default: throw Fallback(); // an unknown escape, or a line break escaped
            }
        }
        var node = _tree.Add(YamlItemKind.Scalar, ScalarStyle.DoubleQuoted, _line, Column(open));
        if (escaped) _tree.SetText(node, SharedStrings.Get(_buffer.AsSpan(0, length)));
        else _tree.SetSpan(node, start, _pos - start);
        _pos++;
        return node;
    }

    private int Hex(int digits)
    {
        var value = 0;
        for (var i = 0; i < digits; i++)
        {
            var b = Cur;
            var digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => throw Fallback(),
            };
            if (value > 0x10FFFF) throw Fallback();
            value = value * 16 + digit;
            _pos++;
        }
        return value;
    }

    private void Append(ref int length, byte b)
    {
        if (length == _buffer.Length) Grow(length + 1);
        _buffer[length++] = b;
    }

    private void AppendRune(ref int length, int codePoint)
    {
        // Surrogates and values past U+10FFFF: YamlDotNet's own message. Control characters are taken as written.
        if (!Rune.IsValid(codePoint)) throw Fallback();
        if (length + 4 > _buffer.Length) Grow(length + 4);
        length += new Rune(codePoint).EncodeToUtf8(_buffer.AsSpan(length));
    }

    private void Grow(int needed)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(256, Math.Max(needed, _buffer.Length * 2)));
        _buffer.AsSpan().CopyTo(bigger);
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    /// <summary>
    /// A literal (|) or folded (&gt;) block scalar, with chomping; its lines indented as its first line is (an
    /// explicit indentation, a first line indented less than a blank line above it, a folded text with lines
    /// indented more, or a blank line with spaces past the indentation are left to YamlDotNet).
    /// </summary>
    private int BlockScalar(int parent)
    {
        var literal = Cur == '|';
        var node = _tree.Add(YamlItemKind.Scalar, literal ? ScalarStyle.Literal : ScalarStyle.Folded, _line, Column(_pos));
        _pos++;
        var chomp = Cur switch { (byte)'-' => -1, (byte)'+' => 1, _ => 0 };
        if (chomp != 0) _pos++;
        if (Cur is >= (byte)'0' and <= (byte)'9') throw Fallback();
        var before = _pos;
        SkipSpaces();
        if (Cur == '#')
        {
            if (_pos == before) throw Fallback();
            while (!IsBreak(Cur)) _pos++;
        }
        if (Eof || !IsBreak(Cur)) throw Fallback();
        NewLine();

        // The indentation: the first line with content; blank lines above it may not be indented more.
        var indent = -1;
        var blankMax = 0;
        for (var p = _pos; ;)
        {
            var spaces = 0;
            while (At(p + spaces) == ' ') spaces++;
            var b = At(p + spaces);
            if (p + spaces >= _end) throw Fallback(); // no content before the end
            if (!IsBreak(b))
            {
                indent = spaces;
                break;
            }
            blankMax = Math.Max(blankMax, spaces);
            p += spaces + (b == '\r' ? 2 : 1);
        }
        if (indent <= parent || blankMax > indent) throw Fallback();

        // The lines are checked and counted here; their text is put together only when a reader asks for it
        // (YamlTree.Text): a dataset's prose is most of its bytes, and most commands never read it.
        var contentStart = _pos;
        var any = false;
        while (true)
        {
            var spaces = 0;
            while (At(_pos + spaces) == ' ') spaces++;
            var b = At(_pos + spaces);
            var atEnd = _pos + spaces >= _end;
            if (IsBreak(b) && !atEnd)
            {
                if (spaces > indent) throw Fallback(); // spaces that would be text
                _pos += spaces;
                NewLine(); // a line break inside a block scalar (a document marker there makes the scanner give up, as elsewhere)
                continue;
            }
            if (atEnd || spaces < indent)
            {
                if (atEnd && spaces > indent) throw Fallback();
                break;
            }
            if (spaces > indent && !literal) throw Fallback();
            any = true;
            var textStart = _pos + indent;
            var lineEnd = _bytes.AsSpan(textStart, _end - textStart).IndexOfAny((byte)'\n', (byte)'\r');
            _pos = lineEnd < 0 ? _end : textStart + lineEnd;
            if (Eof) break;
            NewLine(); // a line break inside a block scalar (a document marker there makes the scanner give up, as elsewhere)
        }
        if (!any) throw Fallback();
        _tree.SetBlock(node, contentStart, _pos - contentStart, indent, chomp);
        _tree[node].EndLine = _line;
        SkipToContent();
        return node;
    }
}
