using Assessment.Cli;

namespace Assessment.Tests.Cli;

/// <summary>Every flag a command takes is named in its help and in the README, so neither can fall behind.</summary>
public class HelpTests
{
    public static TheoryData<string, string, string[]> Commands => new()
    {
        { "run", RunCommand.Help, RunCommand.Flags },
        { "explain", ExplainCommand.Help, ExplainCommand.Flags },
        { "check", CheckCommand.Help, CheckCommand.Flags },
        { "validate", ValidateCommand.Help, ValidateCommand.Flags },
        { "test", TestCommand.Help, TestCommand.Flags },
        { "diff", DiffCommand.Help, DiffCommand.Flags },
        { "import", ImportCommand.Help, ImportCommand.Flags },
        { "backtest", BacktestCommand.Help, BacktestCommand.Flags },
        { "merge", MergeCommand.Help, MergeCommand.Flags },
        { "sweep", SweepCommand.Help, SweepCommand.Flags },
        { "serve", ServeCommand.Help, ServeCommand.Flags },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_flag_is_in_the_help_and_the_readme(string command, string help, string[] flags)
    {
        var readme = File.ReadAllText(Repo.PathOf("README.md"));
        foreach (var flag in flags)
        {
            System.Text.RegularExpressions.Regex.IsMatch(help, $@"(?<![\w-]){System.Text.RegularExpressions.Regex.Escape(flag)}(?![\w-])")
                .ShouldBeTrue($"assess {command} --help nämner inte {flag}");
            readme.ShouldContain(flag, customMessage: $"README nämner inte {flag} för {command}");
        }
        Assessment.Cli.Cli.MainHelp.ShouldContain($"assess {command}");
    }

    [Fact]
    public void A_format_name_is_read_whatever_its_case_and_an_unknown_one_names_the_known()
    {
        Assess.Run("run", "--format", "JSON").Exit.ShouldBe(0);
        var (exit, _, error) = Assess.Run("backtest", Repo.SampleDataset, "--format", "pdf");
        exit.ShouldBe(2);
        error.ShouldContain("väntade text eller json");
    }
}
