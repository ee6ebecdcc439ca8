using System.Text;
using Assessment.Domain;
using Assessment.Domain.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Assessment.Web;

/// <summary>A controller's override as the dataset file writes it under a goal: <c>overstyrning: {betyg, motivering, av}</c>.</summary>
public sealed record OverrideText(Rating Rating, string Reason, string? By);

/// <summary>
/// Sets or removes a goal's <c>overstyrning</c> in a dataset's YAML text as a pure text edit: only the lines of that
/// one entry are written, every other byte – comments, order, quoting, line endings – stays as it was. A goal written
/// in block style gets a block entry (after <c>redovisat</c>, else <c>titel</c>, else <c>id</c>), one written in flow
/// style (<c>{id: …}</c>) a flow entry. The caller checks the result by reading it back.
/// </summary>
public static class OverrideEdit
{
    private const string Key = "overstyrning";

    /// <summary>The text with the goal's override set to <paramref name="value"/>, or removed when it is null.</summary>
    /// <exception cref="InputException">The goal is not in the file, or its entry cannot be edited in place.</exception>
    public static string Apply(string text, string file, string goalId, OverrideText? value)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InputException(ErrorKinds.YamlSyntax, file, $"ogiltig YAML: {e.Message}");
        }
        var goal = (stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode) is { } root ? FindGoal(root, goalId) : null;
        if (goal is null) throw new InputException(ErrorKinds.UnknownName, file, $"målet \"{goalId}\" finns inte i datasetet");
        var existing = goal.Children.FirstOrDefault(e => e.Key is YamlScalarNode { Value: Key });
        var lines = new Lines(text);
        return goal.Style == MappingStyle.Flow
            ? FlowEdit(text, goal, existing, value)
            : BlockEdit(text, lines, goal, existing, value, file);
    }

    /// <summary>The goal with <paramref name="goalId"/> in the tree (ids compared as the reader reads them: trimmed, no final full stop).</summary>
    private static YamlMappingNode? FindGoal(YamlMappingNode root, string goalId)
    {
        IEnumerable<YamlMappingNode> Under(YamlMappingNode map, params string[] keys) =>
            keys.SelectMany(k => map.Children.TryGetValue(new YamlScalarNode(k), out var list) && list is YamlSequenceNode seq
                ? seq.Children.OfType<YamlMappingNode>() : []);
        var stack = new Stack<YamlMappingNode>(Under(root, GoalLevel.DirectionGoal.Code()).Reverse());
        while (stack.Count > 0)
        {
            var goal = stack.Pop();
            if (goal.Children.TryGetValue(new YamlScalarNode("id"), out var id) && id is YamlScalarNode { Value: { } v }
                && v.Trim().TrimEnd('.') == goalId)
                return goal;
            foreach (var child in Under(goal, GoalLevel.ServiceAreaGoal.Code(), GoalLevel.BoardGoal.Code()).Reverse()) stack.Push(child);
        }
        return null;
    }

    private static string BlockEdit(string text, Lines lines, YamlMappingNode goal, KeyValuePair<YamlNode, YamlNode> existing, OverrideText? value, string file)
    {
        if (existing.Key is not null)
        {
            var (start, end) = lines.Entry(Index(existing.Key.Start));
            var keyStart = Index(existing.Key.Start);
            var onItsOwnLine = lines.OnlySpacesBefore(keyStart);
            if (value is null)
            {
                if (!onItsOwnLine)
                    throw new InputException(ErrorKinds.Inconsistent, file,
                        $"överstyrningen står på samma rad som listans \"-\" och kan inte tas bort utan att ändra andra rader; flytta den under \"id\" först");
                // An entry at the end of a file without a final line break takes the line break before it along.
                if (end == text.Length && !text.EndsWith('\n') && start > 0)
                    start -= start > 1 && text[start - 2] == '\r' ? 2 : 1;
                return text.Remove(start, end - start);
            }
            var from = onItsOwnLine ? start : keyStart;
            var block = Block(value, lines.Column(keyStart), lines.NewLineAt(keyStart), firstIndented: onItsOwnLine);
            return Splice(text, from, end, block);
        }
        if (value is null) return text;
        var anchor = new[] { "redovisat", "titel", "id" }
            .Select(k => goal.Children.FirstOrDefault(e => e.Key is YamlScalarNode s && s.Value == k).Key)
            .First(k => k is not null)!; // the reader requires id and titel
        var anchorStart = Index(anchor.Start);
        var (_, anchorEnd) = lines.Entry(anchorStart);
        var newBlock = Block(value, lines.Column(anchorStart), lines.NewLineAt(anchorStart), firstIndented: true);
        return Splice(text, anchorEnd, anchorEnd, newBlock);
    }

    /// <summary>Replaces [from, to) by <paramref name="block"/> (which ends in a line break), keeping a file without a final line break without one.</summary>
    private static string Splice(string text, int from, int to, string block)
    {
        var atEndWithoutBreak = to == text.Length && (text.Length == 0 || text[^1] != '\n');
        if (atEndWithoutBreak)
        {
            var newLine = block.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            block = (from == to ? newLine : "") + block[..^newLine.Length];
        }
        return string.Concat(text.AsSpan(0, from), block, text.AsSpan(to));
    }

    private static string FlowEdit(string text, YamlMappingNode goal, KeyValuePair<YamlNode, YamlNode> existing, OverrideText? value)
    {
        var entries = goal.Children.ToList();
        if (existing.Key is not null)
        {
            var (valueStart, valueEnd) = (Index(existing.Value.Start), End(text, existing.Value));
            if (value is not null) return string.Concat(text.AsSpan(0, valueStart), Flow(value), text.AsSpan(valueEnd));
            var at = entries.FindIndex(e => ReferenceEquals(e.Key, existing.Key));
            // ", overstyrning: {…}" goes from the end of the entry before; a first entry up to the next key.
            var (from, to) = at > 0
                ? (End(text, entries[at - 1].Value), valueEnd)
                : (Index(existing.Key.Start), at + 1 < entries.Count ? Index(entries[at + 1].Key.Start) : valueEnd);
            return text.Remove(from, to - from);
        }
        if (value is null) return text;
        var after = End(text, entries[^1].Value);
        return text.Insert(after, $", {Key}: {Flow(value)}");
    }

    /// <summary>The entry in block style, each line ended by <paramref name="newLine"/>.</summary>
    private static string Block(OverrideText value, int column, string newLine, bool firstIndented)
    {
        var indent = new string(' ', column);
        var sb = new StringBuilder();
        sb.Append(firstIndented ? indent : "").Append(Key).Append(':').Append(newLine);
        sb.Append(indent).Append("  betyg: ").Append(value.Rating.Code()).Append(newLine);
        sb.Append(indent).Append("  motivering: ").Append(Quote(value.Reason)).Append(newLine);
        if (!string.IsNullOrWhiteSpace(value.By)) sb.Append(indent).Append("  av: ").Append(Quote(value.By)).Append(newLine);
        return sb.ToString();
    }

    private static string Flow(OverrideText value) =>
        $"{{betyg: {value.Rating.Code()}, motivering: {Quote(value.Reason)}" +
        (string.IsNullOrWhiteSpace(value.By) ? "}" : $", av: {Quote(value.By)}}}");

    /// <summary>A YAML double-quoted scalar: backslash, quote, line breaks and control characters escaped.</summary>
    internal static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\u0085' => "\\N",
                '\u2028' => "\\L",
                '\u2029' => "\\P",
                '\uFEFF' => "\\uFEFF",
                < ' ' or '\u007f' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }

    private static int Index(Mark mark) => (int)mark.Index;

    /// <summary>
    /// Where a node's text ends. YamlDotNet gives a flow collection no end, so one is found by its closing bracket,
    /// quoted text inside skipped; a scalar's end is its own.
    /// </summary>
    private static int End(string text, YamlNode node)
    {
        var start = Index(node.Start);
        if (node is YamlScalarNode || start >= text.Length || text[start] is not ('{' or '[')) return Index(node.End);
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (--depth == 0) return i + 1;
                    break;
                case '"':
                    for (i++; i < text.Length && text[i] != '"'; i++)
                        if (text[i] == '\\') i++;
                    break;
                case '\'':
                    for (i++; i < text.Length; i++)
                    {
                        if (text[i] != '\'') continue;
                        if (i + 1 < text.Length && text[i + 1] == '\'') i++;
                        else break;
                    }
                    break;
            }
        }
        return text.Length;
    }

    /// <summary>Line arithmetic over the text.</summary>
    private sealed class Lines(string text)
    {
        public int StartOf(int index) => index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;

        /// <summary>The index just after the line break ending the line of <paramref name="index"/> (the text's length on the last line).</summary>
        public int EndOf(int index)
        {
            var newLine = text.IndexOf('\n', index);
            return newLine < 0 ? text.Length : newLine + 1;
        }

        public int Column(int index) => index - StartOf(index);

        public bool OnlySpacesBefore(int index) => text.AsSpan(StartOf(index), Column(index)).Trim(' ').IsEmpty;

        public string NewLineAt(int index)
        {
            var end = EndOf(index);
            if (end > 1 && text[end - 1] == '\n' && text[end - 2] == '\r') return "\r\n";
            if (end > 0 && text[end - 1] == '\n') return "\n";
            return text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        }

        /// <summary>
        /// The lines of a block mapping's entry whose key starts at <paramref name="keyStart"/>: the key's line and every
        /// following line indented deeper than the key (blank and comment lines between them included, those after the
        /// last left out). Returns [start of the key's line, end of its last line).
        /// </summary>
        public (int Start, int End) Entry(int keyStart)
        {
            var column = Column(keyStart);
            var end = EndOf(keyStart);
            var position = end;
            while (position < text.Length)
            {
                var next = EndOf(position);
                var line = text.AsSpan(position, next - position);
                var trimmed = line.TrimStart(' ');
                // Blank and comment-only lines belong to the entry only when a line of it follows: a comment after
                // its last line (about the next key, however indented) is left where it is.
                if (trimmed.Trim("\r\n\t ").IsEmpty || trimmed.StartsWith("#"))
                {
                    position = next;
                    continue;
                }
                if (line.Length - trimmed.Length <= column) break;
                end = position = next;
            }
            return (StartOf(keyStart), end);
        }
    }
}
