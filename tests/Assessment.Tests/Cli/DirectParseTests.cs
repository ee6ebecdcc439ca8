using System.CommandLine.Parsing;

namespace Assessment.Tests.Cli;

/// <summary>
/// A clean command line is parsed by the command it names alone (Cli.Direct: the rest of the grammar is not built
/// at a cold start); it must read exactly what the whole grammar reads, and leave every other command line – help,
/// mistakes, words that look like flags – to the whole grammar.
/// </summary>
public class DirectParseTests
{
    public static TheoryData<string[]> Clean => new()
    {
        { new[] { "run" } },
        { new[] { "run", "run" } }, // a dataset called "run"
        { new[] { "run", "--format", "JSON", "-o", "ut.json", "--final", "recorded" } },
        { new[] { "run", "--format=md", "--rules", "rules", "data.yaml" } },
        { new[] { "run", "--", "-data.yaml" } },
        { new[] { "explain", "3.4", "--format", "json" } },
        { new[] { "diff", "--rules", "a.yaml", "--rules", "b.yaml", "x.yaml", "y.yaml" } },
        { new[] { "sweep", "delvis_grans=0.80..0.95:0.01", "--format", "json" } },
        { new[] { "check", "--log", "logg.jsonl" } },
        { new[] { "validate" } },
        { new[] { "completion", "bash" } },
    };

    [Theory]
    [MemberData(nameof(Clean))]
    public void A_clean_command_line_reads_the_same_values_as_the_whole_grammar(string[] args)
    {
        var direct = Assessment.Cli.Cli.Direct(args).ShouldNotBeNull();
        var whole = Assessment.Cli.Cli.ParseWhole(args);
        whole.Errors.ShouldBeEmpty();
        direct.CommandResult.Command.ShouldBeSameAs(whole.CommandResult.Command);
        var command = direct.CommandResult.Command;
        foreach (var option in command.Options)
            Tokens(direct.GetResult(option)).ShouldBe(Tokens(whole.GetResult(option)), option.Name);
        foreach (var argument in command.Arguments)
            Tokens(direct.GetResult(argument)).ShouldBe(Tokens(whole.GetResult(argument)), argument.Name);
    }

    [Theory]
    [InlineData("run", "--help")]
    [InlineData("run", "-h")]
    [InlineData("run", "/h")]
    [InlineData("run", "--", "--help")]
    [InlineData("run", "--version")]
    [InlineData("run", "--fromat", "json")]
    [InlineData("run", "--format", "jsn")]
    [InlineData("run", "-o=")]
    [InlineData("run", "-o", "-x.json")]
    [InlineData("run", "a.yaml", "b.yaml")]
    [InlineData("explain")]
    [InlineData("runn")]
    [InlineData("help", "run")]
    [InlineData("[suggest:4]", "assess ru")]
    public void Everything_else_is_left_to_the_whole_grammar(params string[] args) =>
        Assessment.Cli.Cli.Direct(args).ShouldBeNull();

    private static string[] Tokens(SymbolResult? result) => result is null ? [] : [.. result.Tokens.Select(t => t.Value)];
}
