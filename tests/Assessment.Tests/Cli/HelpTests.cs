using System.Text.RegularExpressions;
using Assessment.Cli;

namespace Assessment.Tests.Cli;

/// <summary>
/// The help is written from the commands' declarations, in Swedish; the README lists the same usage, so neither
/// can fall behind; a mistake on the command line is one line with the nearest name and a pointer to the help.
/// </summary>
public class HelpTests
{
    public static TheoryData<string> Commands => new(Assessment.Cli.Cli.Commands.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_flag_and_argument_is_in_the_help_and_the_readme_lists_the_same_usage(string name)
    {
        var command = Assessment.Cli.Cli.Commands.Single(c => c.Name == name);
        var (exit, help, _) = Assess.Run(name, "--help");
        exit.ShouldBe(0);
        help.ShouldStartWith($"assess {name} – ");
        help.ShouldContain("Användning:");
        help.ShouldContain("Flaggor:");
        foreach (var alias in command.Options.SelectMany(o => o.Aliases.Append(o.Name)))
            Regex.IsMatch(help, $@"(?<![\w-]){Regex.Escape(alias)}(?![\w-])").ShouldBeTrue($"assess {name} --help nämner inte {alias}");
        foreach (var argument in command.Arguments)
            help.ShouldContain(argument.HelpName ?? argument.Name);

        // In a Markdown table a | is written \|; the README gives the usage with or without "assess ".
        var readme = File.ReadAllText(Repo.PathOf("README.md")).Replace("\\|", "|");
        var usage = HelpText.Usage(command);
        readme.Contains(usage["assess ".Length..], StringComparison.Ordinal).ShouldBeTrue($"README har inte användningen {usage}");
        HelpText.Overview().ShouldContain($"assess {name} ");
    }

    [Fact]
    public void The_main_help_lists_every_command_with_its_flags()
    {
        var (exit, output, _) = Assess.Run("--help");
        exit.ShouldBe(0);
        output.ShouldContain("Kommandon:");
        // The usage of run in the main help names the flags the README's first usage line does.
        Regex.Replace(output, @"\s+", " ").ShouldContain(HelpText.Usage(RunCommand.Command));
        Assess.Run("help", "sweep").Out.ShouldStartWith("assess sweep – ");
        var (none, _, error) = Assess.Run();
        none.ShouldBe(2);
        error.ShouldContain("Kommandon:");
    }

    [Theory]
    [InlineData(new[] { "runn" }, "okänt kommando \"runn\" – menade du run?", "assess --help")]
    [InlineData(new[] { "run", "--fromat", "json" }, "okänd flagga \"--fromat\" – menade du --format?", "assess run --help")]
    [InlineData(new[] { "run", "--format", "jsn" }, "okänt format \"jsn\": väntade text, json, md, html, xlsx eller docx – menade du json?", "assess run --help")]
    [InlineData(new[] { "explain", "3.4", "--fromat=json" }, "okänd flagga \"--fromat\" – menade du --format?", "assess explain --help")]
    [InlineData(new[] { "run", "--final", "recorde" }, "okänt värde \"recorde\" för --final: väntade derived eller recorded – menade du recorded?", "assess run --help")]
    [InlineData(new[] { "run", "--format", "json", "--format", "md" }, "flaggan --format är angiven två gånger", "assess run --help")]
    [InlineData(new[] { "explain" }, "ange målets id, t.ex. assess explain 3.4", "assess explain --help")]
    [InlineData(new[] { "diff" }, "ange --rules GAMMALT --rules NYTT", "assess diff --help")]
    [InlineData(new[] { "merge", "plan.yaml" }, "ange planen och utfallen: assess merge PLAN UTFALL", "assess merge --help")]
    [InlineData(new[] { "run", "--format", "xlsx" }, "en arbetsbok skrivs till en fil: ange -o RESULTAT.xlsx", "assess run --help")]
    [InlineData(new[] { "completion", "fish" }, "skalet \"fish\" stöds inte: ange bash", "assess completion --help")]
    public void A_usage_mistake_is_one_swedish_line_with_the_nearest_name_and_where_the_help_is(string[] args, string message, string help)
    {
        var (exit, output, error) = Assess.Run(args);
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe([$"fel A001: {message}", $"Se {help}."]);
    }

    [Fact]
    public void A_format_name_is_read_whatever_its_case_and_an_unknown_one_names_the_known()
    {
        Assess.Run("run", "--format", "JSON").Exit.ShouldBe(0);
        Assess.Run("explain", "3.4", "--format", "Json").Out.ShouldStartWith("{");
        var (exit, _, error) = Assess.Run("backtest", Repo.SampleDataset, "--format", "pdf");
        exit.ShouldBe(2);
        error.ShouldContain("väntade text eller json");
    }

    [Fact]
    public void An_argument_starting_with_at_is_a_file_name_not_a_list_of_arguments_read_from_a_file()
    {
        using var dir = new TempFolder();
        var list = dir.PathOf("argument.txt");
        File.WriteAllText(list, "--format json");
        var (exit, output, error) = Assess.Run("run", "@" + list);
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain($"@{list}: filen finns inte");
    }

    [Fact]
    public void The_shell_completes_commands_flags_and_formats_from_the_declarations()
    {
        var (exit, script, _) = Assess.Run("completion", "bash");
        exit.ShouldBe(0);
        script.ShouldContain("complete -o default -o bashdefault -F _assess_complete assess");
        script.ShouldContain("[suggest:${COMP_POINT}]");

        Lines(Assess.Run("[suggest:9]", "assess ba").Out).ShouldBe(["backtest"]);
        Lines(Assess.Run("[suggest:15]", "assess run --fo").Out).ShouldBe(["--format"]);
        Lines(Assess.Run("[suggest:22]", "assess sweep --format ").Out).ShouldBe(["html", "json", "text"]);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
