namespace Assessment.Rules.Language;

/// <summary>
/// Reads tokens into an <see cref="Expr"/> by recursive descent, one method per level of the grammar in
/// README ("Regelverket (YAML)"), lowest precedence first. Binary operators associate to the left, ?: to
/// the right. The first syntax error stops parsing: after it, the rest cannot be read reliably.
/// </summary>
public sealed class Parser
{
    // An array, each token read where it lies: the parser looks at the next token at every level of the grammar for
    // every operand, and through a list's interface that was a call and a copy of the token each time.
    private readonly Token[] _tokens;
    private int _next;

    private Parser(IReadOnlyList<Token> tokens) => _tokens = [.. tokens];

    /// <summary>Lexes and parses; the expression is null when there is any problem.</summary>
    public static (Expr? Expression, IReadOnlyList<Problem> Problems) Parse(string expression)
    {
        var (tokens, problems) = Lexer.Read(expression);
        if (problems.Count > 0) return (null, problems);
        var parser = new Parser(tokens);
        try
        {
            var result = parser.Conditional();
            if (parser.Peek.Kind != TokenKind.End)
                throw Error(parser.Peek, parser.Peek.Is(")")
                    ? "\")\" utan \"(\" före"
                    : $"väntade en operator före {Describe(parser.Peek)}");
            return (result, []);
        }
        catch (SyntaxError e)
        {
            return (null, [e.Problem]);
        }
    }

    private ref readonly Token Peek => ref _tokens[_next];

    private ref readonly Token Take() => ref _tokens[_next++];

    private bool TakeIf(string op)
    {
        if (!Peek.Is(op)) return false;
        _next++;
        return true;
    }

    // conditional = or [ "?" conditional ":" conditional ]
    private Expr Conditional()
    {
        var condition = Or();
        if (!TakeIf("?")) return condition;
        var whenTrue = Conditional();
        if (!TakeIf(":")) throw Error(Peek, $"väntade \":\" i villkoret \"? :\", fick {Describe(Peek)}");
        var whenFalse = Conditional();
        return new ConditionalExpr(condition, whenTrue, whenFalse, Span.Between(condition.Span, whenFalse.Span));
    }

    // or         = and { "||" and }
    // and        = equality { "&&" equality }
    // equality   = comparison { ("==" | "!=") comparison }
    // comparison = sum { ("<" | "<=" | ">" | ">=") sum }
    // sum        = product { ("+" | "-") product }
    // product    = unary { ("*" | "/") unary }
    // Each binary level in the table below, loosest first; one method reads them all (no delegate or list made for
    // every operand: the rule set's conditions are read at every start).
    private static readonly (string Symbol, BinaryOperator Operator)[][] BinaryLevels =
    [
        [("||", BinaryOperator.Or)],
        [("&&", BinaryOperator.And)],
        [("==", BinaryOperator.Equal), ("!=", BinaryOperator.NotEqual)],
        [("<", BinaryOperator.Less), ("<=", BinaryOperator.LessOrEqual), (">", BinaryOperator.Greater), (">=", BinaryOperator.GreaterOrEqual)],
        [("+", BinaryOperator.Add), ("-", BinaryOperator.Subtract)],
        [("*", BinaryOperator.Multiply), ("/", BinaryOperator.Divide)],
    ];

    private Expr Or() => Binary(0);

    private Expr Binary(int level)
    {
        if (level == BinaryLevels.Length) return Unary();
        var operators = BinaryLevels[level];
        var left = Binary(level + 1);
        while (true)
        {
            var match = -1;
            for (var i = 0; i < operators.Length && match < 0; i++)
                if (Peek.Is(operators[i].Symbol)) match = i;
            if (match < 0) return left;
            _next++;
            var right = Binary(level + 1);
            left = new BinaryExpr(operators[match].Operator, left, right, Span.Between(left.Span, right.Span));
        }
    }

    // unary = { "!" | "-" } primary   (read in a loop: a long chain of them does not deepen the stack here)
    private Expr Unary()
    {
        var prefixes = new List<Token>();
        while (Peek.Is("!") || Peek.Is("-")) prefixes.Add(Take());
        var result = Primary();
        for (var i = prefixes.Count - 1; i >= 0; i--)
            result = new UnaryExpr(prefixes[i].Text == "!" ? UnaryOperator.Not : UnaryOperator.Negate, result, Span.Between(prefixes[i].Span, result.Span));
        return result;
    }

    // primary = number | text | "true" | "false" | name | "(" conditional ")"
    private Expr Primary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case TokenKind.Number: return new NumberLiteral(token.Number, token.Span);
            case TokenKind.Text: return new TextLiteral(token.Value!, token.Span);
            case TokenKind.True: return new BoolLiteral(true, token.Span);
            case TokenKind.False: return new BoolLiteral(false, token.Span);
            case TokenKind.Name: return new NameExpr(token.Text, token.Span);
        }
        if (token.Is("("))
        {
            var inner = Conditional();
            var close = Take();
            if (!close.Is(")")) throw Error(token, $"\"(\" saknar sin \")\"{(close.Kind == TokenKind.End ? "" : $": väntade \")\" före {Describe(close)}")}");
            return inner with { Span = Span.Between(token.Span, close.Span) };
        }
        throw Error(token, token.Kind == TokenKind.End
            ? "uttrycket slutar mitt i: väntade ett tal, en text, ett namn eller \"(\""
            : $"väntade ett tal, en text, ett namn eller \"(\", fick {Describe(token)}");
    }

    private static string Describe(Token token) => token.Kind switch
    {
        TokenKind.End => "slutet",
        TokenKind.Text => "texten \"" + token.Value + "\"",
        TokenKind.Name => $"namnet \"{token.Text}\"",
        TokenKind.Number => $"talet {token.Text}",
        _ => $"\"{token.Text}\"",
    };

    private static SyntaxError Error(Token at, string message) => new(Problem.Syntax(at.Span.Start, message));

    private sealed class SyntaxError(Problem problem) : Exception(problem.Message)
    {
        public Problem Problem { get; } = problem;
    }
}
