using Assessment.Rules.Language;

namespace Assessment.Tests.Rules;

/// <summary>The rule-expression language on its own: expressions as data, evaluated on a few named values.</summary>
public class RuleLanguageTests
{
    // Facts: varde (tal), mal_uppnatt (ja/nej), period (text); thresholds: grans, hog.
    private static readonly string[] Names = ["varde", "mal_uppnatt", "period", "grans", "hog"];

    private static Binding? Resolve(string name) => name switch
    {
        "varde" => new Binding(false, 0, ExprType.Number),
        "mal_uppnatt" => new Binding(false, 1, ExprType.YesNo),
        "period" => new Binding(false, 2, ExprType.Text),
        "grans" => new Binding(true, 0, ExprType.Number),
        "hog" => new Binding(true, 1, ExprType.Number),
        _ => null,
    };

    private static readonly object[] Facts = [0.9, true, "T1"];

    private static readonly double[] Thresholds = [0.85, 2147483647];

    private static Condition Checked(string expression)
    {
        var (condition, problems) = Checker.Check(expression, Resolve, Names);
        problems.ShouldBeEmpty();
        return condition!;
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("varde >= grans", true)]
    [InlineData("varde >= grans && !mal_uppnatt", false)]
    [InlineData("varde < grans || mal_uppnatt", true)]
    [InlineData("varde < grans or mal_uppnatt and not false", true)]
    [InlineData("period == \"T1\"", true)]
    [InlineData("period != \"T1\"", false)]
    [InlineData("period == \"säger \\\"T1\\\"\"", false)]
    [InlineData("mal_uppnatt == true", true)]
    [InlineData("1 + 2 * 3 == 7", true)]
    [InlineData("(1 + 2) * 3 == 9", true)]
    [InlineData("10 - 4 - 3 == 3", true)]
    [InlineData("8 / 4 / 2 == 1", true)]
    [InlineData("-varde < 0", true)]
    [InlineData("- -1 == 1", true)]
    [InlineData("!!mal_uppnatt", true)]
    [InlineData("2147483647 + 1 > 2147483647", true)]
    [InlineData("hog + 1 == 2147483648", true)]
    [InlineData("hog * hog > hog", true)]
    [InlineData("0.1 + 0.2 > 0.3 - 0.0001", true)]
    [InlineData("mal_uppnatt ? varde > 1 : true", false)]
    [InlineData("(varde > 1 ? 1 : 2) == 2", true)]
    [InlineData("(varde > 1 ? \"a\" : \"b\") == \"b\"", true)]
    [InlineData("false && 1 / (varde - varde) > 0", false)] // && does not look further once the left is false
    [InlineData("true || 1 / (varde - varde) > 0", true)]
    public void Expressions_evaluate(string expression, bool expected) =>
        Checked(expression).Holds(Facts, Thresholds).ShouldBe(expected);

    [Fact]
    public void Thresholds_are_read_when_evaluating_so_one_checked_condition_serves_every_value()
    {
        var condition = Checked("varde >= grans");
        condition.Holds(Facts, [0.85, 0]).ShouldBeTrue();
        condition.Holds(Facts, [0.95, 0]).ShouldBeFalse();
    }

    [Theory]
    [InlineData("mal_uppnatt == \"true\"", 0, "jämför ja/nej med text")]
    [InlineData("varde == period", 0, "jämför tal med text")]
    [InlineData("varde > 0 && mal_uppnatt != 1", 13, "jämför ja/nej med tal")]
    [InlineData("period > 1", 0, "kan inte jämföra storlek på text")]
    [InlineData("varde + period > 1", 8, "kan inte räkna med text")]
    [InlineData("mal_uppnatt * 2 > 1", 0, "kan inte räkna med ja/nej")]
    [InlineData("-period == 1", 1, "kan inte räkna med text")]
    [InlineData("!varde", 1, "\"!\" vänder ja/nej")]
    [InlineData("varde && mal_uppnatt", 0, "\"&&\" behöver ja/nej")]
    [InlineData("varde", 0, "ett villkor ska ge ja/nej")]
    [InlineData("varde ? true : false", 0, "villkoret före \"?\" ska vara ja/nej")]
    [InlineData("mal_uppnatt ? 1 : period", 14, "ska vara av samma slag")]
    [InlineData("varde > 1 / 0", 12, "division med noll")]
    [InlineData("varde > 1 / (2 - 2)", 12, "division med noll")]
    [InlineData("varde > gräns", 8, "okänt namn \"gräns\" – menade du \"grans\"?")]
    [InlineData("varde > 1.2.3", 8, "ogiltigt tal")]
    [InlineData("varde > 0,5", 9, "decimaler skrivs med punkt")]
    [InlineData("varde = 1", 6, "\"=\" är inte tillåtet")]
    [InlineData("varde >= (grans", 9, "\"(\" saknar sin \")\"")]
    [InlineData("varde >= grans)", 14, "\")\" utan \"(\" före")]
    [InlineData("varde >=", 8, "uttrycket slutar mitt i")]
    [InlineData("varde grans", 6, "väntade en operator före namnet \"grans\"")]
    [InlineData("period == \"T1", 10, "textsträngen saknar avslutande")]
    [InlineData("period == \"\\n\"", 10, "bara \\\" och \\\\ är tillåtna")]
    [InlineData("varde.ToString() == \"\"", 0, "medlemsåtkomst och indexering är inte tillåtna")]
    [InlineData("abs(varde) > 1", 0, "funktionsanrop är inte tillåtna")]
    [InlineData("varde % 2 == 0", 6, "tecknet \"%\" är inte tillåtet")]
    [InlineData("varde == null", 9, "okänt namn \"null\"")]
    public void Mistakes_are_problems_at_the_part_in_error(string expression, int offset, string message)
    {
        var (condition, problems) = Checker.Check(expression, Resolve, Names);
        condition.ShouldBeNull();
        problems.ShouldContain(p => p.Offset == offset && p.Message.Contains(message),
            $"got: {string.Join(" | ", problems.Select(p => $"{p.Offset} {p.Message}"))}");
    }

    [Fact]
    public void Every_type_error_is_reported_at_once_without_follow_on_errors()
    {
        var (_, problems) = Checker.Check("mal_uppnatt == \"ja\" || period > 1 || okand > 1", Resolve, Names);
        problems.Select(p => p.Offset).ShouldBe([0, 23, 37]);
    }

    [Fact]
    public void A_division_by_zero_that_depends_on_the_facts_is_an_evaluation_error_at_the_divisor()
    {
        var error = Should.Throw<EvaluationException>(() => Checked("1 / (varde - varde) > 0").Holds(Facts, Thresholds));
        error.Message.ShouldBe("division med noll");
        error.Span.ShouldBe(new Span(4, 15));
    }

    [Fact]
    public void The_syntax_tree_keeps_each_parts_position_with_its_parentheses()
    {
        var (syntax, problems) = Parser.Parse("(a || b) && c >= 1");
        problems.ShouldBeEmpty();
        var and = syntax.ShouldBeOfType<BinaryExpr>();
        and.Operator.ShouldBe(BinaryOperator.And);
        and.Left.Span.ShouldBe(new Span(0, 8));
        and.Right.ShouldBeOfType<BinaryExpr>().Span.ShouldBe(new Span(12, 6));
    }

    [Fact]
    public void A_trace_records_every_top_level_part_also_those_the_evaluation_did_not_need()
    {
        var trace = ConditionTrace.Record(Checked("varde < grans && mal_uppnatt && 1 / (varde - varde) > 0"), Facts, Thresholds);
        trace.Holds.ShouldBeFalse();
        trace.Operator.ShouldBe("&&");
        trace.Parts.Select(p => p.Text).ShouldBe(["varde < grans", "mal_uppnatt", "1 / (varde - varde) > 0"]);
        trace.Parts.Select(p => p.Holds).ShouldBe([false, true, null]); // the last cannot be evaluated on its own
        trace.Parts[0].Values.ShouldBe([("varde", (object)0.9), ("grans", 0.85)]);
        trace.FailingParts().Select(p => p.Text).ShouldBe(["varde < grans", "1 / (varde - varde) > 0"]);
        trace.Thresholds.ShouldBe([("grans", 0.85)]);
    }

    [Fact]
    public void A_trace_of_an_or_chain_keeps_parts_in_parentheses_whole()
    {
        var trace = ConditionTrace.Record(Checked("(varde > 1 || period == \"VP\") || (mal_uppnatt && varde < 0)"), Facts, Thresholds);
        trace.Parts.Select(p => (p.Text, p.Holds)).ShouldBe([("(varde > 1 || period == \"VP\")", (bool?)false), ("(mal_uppnatt && varde < 0)", false)]);
    }

    [Fact]
    public void A_trace_records_the_thresholds_it_was_evaluated_under()
    {
        var condition = Checked("varde >= grans");
        ConditionTrace.Record(condition, Facts, [0.95, 0]).Thresholds.ShouldBe([("grans", 0.95)]);
        ConditionTrace.Record(condition, Facts, [0.95, 0]).Holds.ShouldBeFalse();
    }
}
