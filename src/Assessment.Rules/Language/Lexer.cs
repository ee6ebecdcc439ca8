using System.Globalization;
using System.Text;

namespace Assessment.Rules.Language;

/// <summary>
/// Splits a rule expression into tokens: numbers (<c>0.85</c>, always decimal), "text", names, the
/// words <c>true</c> <c>false</c> <c>and</c> <c>or</c> <c>not</c>, and the operators. Member access, calls,
/// indexing and characters outside the language are problems at their position; every problem in the
/// text is reported, not just the first.
/// </summary>
public static class Lexer
{
    /// <summary>
    /// Bounds that keep parsing, checking and evaluation, which recurse per level of nesting, well within
    /// the stack; the longest rule in the city's rule set is under 150 characters and three levels deep.
    /// </summary>
    public const int MaxLength = 1000;

    public const int MaxDepth = 16;

    /// <summary>The words of the language. A threshold may not be called any of these.</summary>
    public static readonly IReadOnlySet<string> Words = new HashSet<string>(StringComparer.Ordinal) { "true", "false", "and", "or", "not" };

    /// <summary>
    /// Words a threshold may not be called: the language's own, and the operator and literal words of the
    /// expression languages policy staff may know (C#, Dynamic LINQ: <c>eq</c>, <c>null</c>, <c>int</c> …), so no
    /// name reads as something else to the people who read the rules.
    /// </summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "true", "false", "and", "or", "not", "null", "new", "it", "parent", "root", "iif", "np", "as", "is", "in", "mod",
        "eq", "ne", "neq", "lt", "le", "gt", "ge", "xor",
        "bool", "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal",
        "char", "string", "object", "void",
    };

    /// <summary>Whether <paramref name="name"/> is a word of the expression language, not free for a threshold.</summary>
    public static bool IsReserved(string name) => Reserved.Contains(name);

    private static readonly string[] Operators = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "(", ")", "?", ":"];

    public static (IReadOnlyList<Token> Tokens, IReadOnlyList<Problem> Problems) Read(string expression)
    {
        var tokens = new List<Token>();
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(expression))
            return (tokens, [Problem.Syntax(0, "uttrycket är tomt")]);
        if (expression.Length > MaxLength)
            return (tokens, [Problem.Syntax(MaxLength, $"uttrycket är längre än {MaxLength} tecken: dela upp regeln")]);
        var i = 0;
        var depth = 0;
        var conditionals = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            var start = i;
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if ((c == '(' && ++depth > MaxDepth) || (c == '?' && ++conditionals > MaxDepth))
            {
                problems.Add(Problem.Syntax(i, $"uttrycket är nästlat djupare än {MaxDepth} nivåer (parenteser eller ?:): dela upp regeln"));
                return (tokens, problems);
            }
            if (c == ')') depth--;
            if (c == '"')
            {
                if (ReadText(expression, ref i, out var problem) is { } text)
                    tokens.Add(new Token(TokenKind.Text, text, new Span(start, i - start), Value: text));
                else
                {
                    problems.Add(Problem.Syntax(start, problem!));
                    return (tokens, problems);
                }
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                while (i < expression.Length && (char.IsAsciiDigit(expression[i]) || expression[i] == '.')) i++;
                var literal = expression[start..i];
                if (literal.Count(ch => ch == '.') > 1 || literal.EndsWith('.'))
                    problems.Add(Problem.Syntax(start, $"ogiltigt tal \"{literal}\""));
                else if (!double.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                    problems.Add(Problem.Syntax(start, $"talet \"{Shorten(literal)}\" är för stort"));
                else
                    tokens.Add(new Token(TokenKind.Number, literal, new Span(start, i - start), number));
                if (i < expression.Length && expression[i] == ',')
                    problems.Add(Problem.Syntax(i, "decimaler skrivs med punkt i uttryck (0.85), inte komma"));
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] == '_')) i++;
                var name = expression[start..i];
                var next = i;
                while (next < expression.Length && char.IsWhiteSpace(expression[next])) next++;
                if (next < expression.Length && expression[next] is '.' or '(' or '[' && !Words.Contains(name))
                {
                    problems.Add(Problem.Syntax(start, expression[next] == '('
                        ? $"funktionsanrop är inte tillåtna (\"{name}(\"): använd fakta, tröskelvärden och operatorer"
                        : $"\"{name}{expression[next]}\": medlemsåtkomst och indexering är inte tillåtna i regeluttryck"));
                    return (tokens, problems);
                }
                var span = new Span(start, i - start);
                tokens.Add(name switch
                {
                    "true" => new Token(TokenKind.True, name, span),
                    "false" => new Token(TokenKind.False, name, span),
                    "and" => new Token(TokenKind.Operator, "&&", span),
                    "or" => new Token(TokenKind.Operator, "||", span),
                    "not" => new Token(TokenKind.Operator, "!", span),
                    _ => new Token(TokenKind.Name, name, span),
                });
                continue;
            }
            string? op = null;
            foreach (var candidate in Operators)
                if (string.CompareOrdinal(expression, i, candidate, 0, candidate.Length) == 0) { op = candidate; break; }
            if (op is null)
            {
                problems.Add(Problem.Syntax(i, c == '='
                    ? "\"=\" är inte tillåtet: jämför med \"==\""
                    : $"tecknet \"{c}\" är inte tillåtet i regeluttryck"));
                i++;
                continue;
            }
            i += op.Length;
            tokens.Add(new Token(TokenKind.Operator, op, new Span(start, op.Length)));
        }
        tokens.Add(new Token(TokenKind.End, "", new Span(expression.Length, 0)));
        return (tokens, problems);
    }

    /// <summary>Reads a "text" literal from its opening quote; \" and \\ are the only escapes.</summary>
    private static string? ReadText(string expression, ref int i, out string? problem)
    {
        var text = new StringBuilder();
        problem = null;
        i++;
        while (i < expression.Length && expression[i] != '"')
        {
            if (expression[i] == '\\' && i + 1 < expression.Length)
            {
                if (expression[i + 1] is not ('"' or '\\'))
                {
                    problem = $"\"\\{expression[i + 1]}\" i text: bara \\\" och \\\\ är tillåtna";
                    return null;
                }
                i++;
            }
            text.Append(expression[i++]);
        }
        if (i >= expression.Length)
        {
            problem = "textsträngen saknar avslutande \"";
            return null;
        }
        i++;
        return text.ToString();
    }

    private static string Shorten(string literal) => literal.Length <= 24 ? literal : literal[..20] + "…";
}
