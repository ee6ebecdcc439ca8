using Assessment.Domain.Parsing;

namespace Assessment.Rules.Engine;

/// <summary>
/// Checks a rule expression before it reaches the expression compiler. The language policy staff
/// write is deliberately small: fact and threshold names, numbers, "text" literals, comparison,
/// arithmetic, &amp;&amp; || ! (or and/or/not), parentheses and ?: . No member access, no calls, no
/// indexing, no type names — so an expression cannot reach reflection, files, processes or the network.
/// </summary>
internal static class ExpressionGuard
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "true", "false", "and", "or", "not" };

    /// <summary>
    /// Words the expression compiler (System.Linq.Dynamic.Core) reads as literals, keywords or type names
    /// before any name of ours: a threshold called "null" would silently be the null literal.
    /// </summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "true", "false", "null", "new", "it", "parent", "root", "iif", "np", "as", "is", "in", "and", "or", "not", "mod",
        "bool", "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal",
        "char", "string", "object", "void",
    };

    /// <summary>Whether <paramref name="name"/> is a word of the expression language, not free for a threshold.</summary>
    public static bool IsReserved(string name) => Reserved.Contains(name);

    private static readonly string[] Operators = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "%", "(", ")", "?", ":"];

    /// <summary>The names (facts, thresholds) an expression reads, in order of first use.</summary>
    public static IReadOnlyList<string> Names(string expression, Func<string, bool> isKnownName)
    {
        var names = new List<string>();
        foreach (var (start, length) in Tokens(expression))
        {
            var token = expression.Substring(start, length);
            if ((char.IsLetter(token[0]) || token[0] == '_') && isKnownName(token) && !names.Contains(token)) names.Add(token);
        }
        return names;
    }

    /// <summary>
    /// The parts of a condition joined at its top level by one kind of operator: "a &amp;&amp; (b || c)"
    /// gives ("&amp;&amp;", ["a", "(b || c)"]). A condition without a top-level join is one part, and so is
    /// one with a top-level ?: – in "a ? b || c : d" the || belongs to a branch.
    /// </summary>
    public static (string Operator, IReadOnlyList<string> Parts) SplitTopLevel(string expression)
    {
        var text = Unwrap(expression.Trim());
        if (WithDepth(text).Any(t => t.Depth == 0 && t.Token == "?")) return ("", [text]);
        foreach (var (op, words) in new[] { ("||", new[] { "||", "or" }), ("&&", new[] { "&&", "and" }) })
        {
            var parts = new List<string>();
            var last = 0;
            foreach (var (start, length, _, _) in WithDepth(text).Where(t => t.Depth == 0 && words.Contains(t.Token)))
            {
                parts.Add(text[last..start].Trim());
                last = start + length;
            }
            if (parts.Count > 0)
            {
                parts.Add(text[last..].Trim());
                return (op, parts);
            }
        }
        return ("", [text]);
    }

    /// <summary>"((a || b))" → "a || b": parentheses around the whole condition are taken off.</summary>
    private static string Unwrap(string text)
    {
        // The first "(" wraps everything when nothing but the last ")" is back at depth 0.
        while (text.StartsWith('(') && text.EndsWith(')') && !WithDepth(text).Any(t => t.Depth == 0 && t.Start + t.Length < text.Length))
            text = text[1..^1].Trim();
        return text;
    }

    /// <summary>Each token with the parenthesis depth after it: 0 is the top level.</summary>
    private static IEnumerable<(int Start, int Length, string Token, int Depth)> WithDepth(string text)
    {
        var depth = 0;
        foreach (var (start, length) in Tokens(text))
        {
            var token = text.Substring(start, length);
            if (token == "(") depth++;
            else if (token == ")") depth--;
            yield return (start, length, token, depth);
        }
    }

    /// <summary>Tokens as (start, length): strings, numbers, names and operators; whitespace skipped.</summary>
    private static IEnumerable<(int Start, int Length)> Tokens(string expression)
    {
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            var start = i;
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '"')
            {
                i++;
                while (i < expression.Length && expression[i] != '"') i += expression[i] == '\\' ? 2 : 1;
                i = Math.Min(i + 1, expression.Length);
            }
            else if (char.IsAsciiDigit(c))
                while (i < expression.Length && (char.IsAsciiDigit(expression[i]) || expression[i] == '.')) i++;
            else if (char.IsLetter(c) || c == '_')
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] == '_')) i++;
            else
                i += Operators.FirstOrDefault(o => string.CompareOrdinal(expression, i, o, 0, o.Length) == 0)?.Length ?? 1;
            yield return (start, i - start);
        }
    }

    /// <summary>
    /// Bounds that keep the expression compiler, which recurses per level of nesting, well within its stack;
    /// the longest rule in the city's rule set is under 150 characters and three levels deep.
    /// </summary>
    public const int MaxLength = 1000;

    public const int MaxDepth = 16;

    /// <summary>A problem at a 0-based offset in the expression.</summary>
    public sealed record Problem(int Offset, string Message);

    public static IReadOnlyList<Problem> Check(string expression, Func<string, bool> isKnownName, IEnumerable<string> knownNames)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(expression))
        {
            problems.Add(new Problem(0, "uttrycket är tomt"));
            return problems;
        }
        if (expression.Length > MaxLength)
        {
            problems.Add(new Problem(MaxLength, $"uttrycket är längre än {MaxLength} tecken: dela upp regeln"));
            return problems;
        }
        var i = 0;
        var depth = 0;
        var conditionals = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if ((c == '(' && ++depth > MaxDepth) || (c == '?' && ++conditionals > MaxDepth))
            {
                problems.Add(new Problem(i, $"uttrycket är nästlat djupare än {MaxDepth} nivåer (parenteser eller ?:): dela upp regeln"));
                return problems;
            }
            if (c == ')') depth--;
            if (c == '"')
            {
                var end = i + 1;
                while (end < expression.Length && expression[end] != '"') end += expression[end] == '\\' ? 2 : 1;
                if (end >= expression.Length) { problems.Add(new Problem(i, "textsträngen saknar avslutande \"")); return problems; }
                i = end + 1;
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < expression.Length && (char.IsAsciiDigit(expression[i]) || expression[i] == '.')) i++;
                if (expression.AsSpan(start, i - start).Count('.') > 1)
                    problems.Add(new Problem(start, $"ogiltigt tal \"{expression[start..i]}\""));
                if (i < expression.Length && expression[i] == ',')
                    problems.Add(new Problem(i, "decimaler skrivs med punkt i uttryck (0.85), inte komma"));
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] == '_')) i++;
                var name = expression[start..i];
                var next = i;
                while (next < expression.Length && char.IsWhiteSpace(expression[next])) next++;
                if (next < expression.Length && expression[next] is '.' or '(' or '[')
                {
                    problems.Add(new Problem(start, expression[next] == '('
                        ? $"funktionsanrop är inte tillåtna (\"{name}(\"): använd fakta, tröskelvärden och operatorer"
                        : $"\"{name}{expression[next]}\": medlemsåtkomst och indexering är inte tillåtna i regeluttryck"));
                    return problems;
                }
                if (!Keywords.Contains(name) && !isKnownName(name))
                {
                    var hint = Suggest.Closest(name, knownNames) is { } close ? $" – menade du \"{close}\"?" : "";
                    problems.Add(new Problem(start, $"okänt namn \"{name}\"{hint}: varken ett faktum eller ett tröskelvärde"));
                }
                continue;
            }
            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(expression, i, o, 0, o.Length) == 0);
            if (op is null)
            {
                problems.Add(new Problem(i, c == '='
                    ? "\"=\" är inte tillåtet: jämför med \"==\""
                    : $"tecknet \"{c}\" är inte tillåtet i regeluttryck"));
                return problems;
            }
            i += op.Length;
        }
        return problems;
    }
}
