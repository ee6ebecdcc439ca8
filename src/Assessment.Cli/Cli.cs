using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using Assessment.Domain;

namespace Assessment.Cli;

/// <summary>
/// The `assess` command. Exit codes: 0 done (and clean); 1 findings (check) or failed rule tests (test);
/// 2 bad input or bad usage (message on stderr, nothing written); 70 an internal error (a bug:
/// reported in one line, never a stack trace).
/// </summary>
internal static class Cli
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int BadInput = 2;
    public const int InternalError = 70;

    public const string Summary = "assess – bedömer måluppfyllelse för en stadsdelsnämnds mål enligt ett regelverk i YAML.";

    /// <summary>Every command, in the order the help lists them.</summary>
    public static readonly IReadOnlyList<AssessCommand> Commands =
    [
        RunCommand.Command, ExplainCommand.Command, CheckCommand.Command, ValidateCommand.Command, TestCommand.Command,
        DiffCommand.Command, ImportCommand.Command, BacktestCommand.Command, MergeCommand.Command, SweepCommand.Command,
        ServeCommand.Command, CompletionCommand.Command,
    ];

    /// <summary>The command line's grammar, built once: parsing does not change it, so runs may share it.</summary>
    private static readonly RootCommand Root = CreateRoot();

    private static readonly VersionOption Version = Root.Options.OfType<VersionOption>().Single();

    /// <summary>[suggest:N] "assess ru": the candidates for the word at N, one a line (see <see cref="CompletionCommand"/>).</summary>
    private static readonly SuggestDirective Suggestions = Root.Directives.OfType<SuggestDirective>().Single();

    /// <summary>
    /// A word is what it says: "@fil" is a file called "@fil", not a list of more arguments read from "fil"
    /// (System.CommandLine's response files would read a file the command never names as an input).
    /// </summary>
    private static readonly ParserConfiguration Grammar = new() { ResponseFileTokenReplacer = null };

    private static RootCommand CreateRoot()
    {
        var root = new RootCommand(Summary);
        foreach (var command in Commands) root.Subcommands.Add(command);
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var context = new CommandContext(stdout, stderr);
        Command? command = null;
        try
        {
            if (args.Length == 0)
            {
                stderr.Write(HelpText.Overview());
                return BadInput;
            }
            if (args[0] == "help") args = [.. args[1..], "--help"]; // assess help [KOMMANDO]
            var parse = Root.Parse(args, Grammar);
            command = parse.CommandResult.Command;
            // "-o=" is an empty value, not "-o" followed by a value: System.CommandLine would take the next word.
            if (args.TakeWhile(a => a != "--").FirstOrDefault(a => a.Length > 1 && a[0] == '-' && a[^1] == '=') is { } empty)
                return Usage(stderr, $"flaggan {empty[..^1]} har ett tomt värde", command);
            switch (parse.Action)
            {
                case HelpAction:
                    stdout.Write(HelpText.For(command));
                    return Ok;
                case var action when action == Version.Action:
                    stdout.WriteLine(typeof(Cli).Assembly.GetName().Version?.ToString(3) ?? "okänd");
                    return Ok;
                case var action when action == Suggestions.Action:
                    return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
            }
            if (UsageErrors.First(parse, args) is { } mistake) return Usage(stderr, mistake, command);
            return ((AssessCommand)command).Handler(parse, context);
        }
        catch (UsageException e)
        {
            return Usage(stderr, e.Errors[0].Message, command);
        }
        catch (InputException e)
        {
            foreach (var error in e.Errors) stderr.WriteLine(error); // "fel A201: fil:rad:kolumn: meddelande"
            return BadInput;
        }
        catch (Exception e)
        {
            // The exception's own message is .NET's (English) or a developer's: its kind and place are what a bug report needs.
            var at = Where(e) is { } method ? $" i {method}" : "";
            stderr.WriteLine(new InputError(ErrorKinds.Internal, null, $"internt fel ({e.GetType().Name}{at}): detta är ett fel i assess, inte i indata. Rapportera det gärna med kommandot och filerna."));
            return InternalError;
        }
    }

    /// <summary>"Klass.Metod" where the exception was thrown, read from its stack trace's first line (no reflection).</summary>
    private static string? Where(Exception e)
    {
        var first = e.StackTrace?.Split('\n', 2)[0].Trim();
        if (first is null || !first.StartsWith("at ", StringComparison.Ordinal)) return null;
        var name = first[3..].Split('(', 2)[0];
        var parts = name.Split('.');
        return parts.Length >= 2 ? $"{parts[^2]}.{parts[^1]}" : name;
    }

    /// <summary>One line for the mistake, one for where the help is – not the whole help, so the mistake stays in view.</summary>
    private static int Usage(TextWriter stderr, string message, Command? command)
    {
        stderr.WriteLine(new InputError(ErrorKinds.Usage, null, message));
        stderr.WriteLine($"Se {(command is AssessCommand c ? $"assess {c.Name} --help" : "assess --help")}.");
        return BadInput;
    }
}
