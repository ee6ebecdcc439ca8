using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
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

    /// <summary>Every command, in the order the help lists them (each command's declarations are made when first asked for).</summary>
    public static IReadOnlyList<AssessCommand> Commands => Tree.Commands;

    /// <summary>The command called <paramref name="name"/>, made without the others; null for a name that is none.</summary>
    private static AssessCommand? Named(string name) => name switch
    {
        "run" => RunCommand.Command,
        "explain" => ExplainCommand.Command,
        "check" => CheckCommand.Command,
        "validate" => ValidateCommand.Command,
        "test" => TestCommand.Command,
        "diff" => DiffCommand.Command,
        "import" => ImportCommand.Command,
        "backtest" => BacktestCommand.Command,
        "merge" => MergeCommand.Command,
        "sweep" => SweepCommand.Command,
        "serve" => ServeCommand.Command,
        "completion" => CompletionCommand.Command,
        _ => null,
    };

    /// <summary>
    /// The whole grammar – every command under a root with help, version and the [suggest] directive – built
    /// once, the first time a command line needs it (a static class of its own, so a plain <c>assess run</c>
    /// never builds it: System.CommandLine's root looks up its help texts in its resources, and making every
    /// command's declarations was several per cent of a cold native start). Parsing does not change it.
    /// </summary>
    private static class Tree
    {
        public static readonly IReadOnlyList<AssessCommand> Commands =
        [
            RunCommand.Command, ExplainCommand.Command, CheckCommand.Command, ValidateCommand.Command, TestCommand.Command,
            DiffCommand.Command, ImportCommand.Command, BacktestCommand.Command, MergeCommand.Command, SweepCommand.Command,
            ServeCommand.Command, CompletionCommand.Command,
        ];

        public static readonly RootCommand Root = CreateRoot();

        public static readonly VersionOption Version = Root.Options.OfType<VersionOption>().Single();

        /// <summary>[suggest:N] "assess ru": the candidates for the word at N, one a line (see <see cref="CompletionCommand"/>).</summary>
        public static readonly SuggestDirective Suggestions = Root.Directives.OfType<SuggestDirective>().Single();

        private static RootCommand CreateRoot()
        {
            var root = new RootCommand(Summary);
            foreach (var command in Commands) root.Subcommands.Add(command);
            return root;
        }
    }

    /// <summary>
    /// A word is what it says: "@fil" is a file called "@fil", not a list of more arguments read from "fil"
    /// (System.CommandLine's response files would read a file the command never names as an input).
    /// </summary>
    private static readonly ParserConfiguration Grammar = new() { ResponseFileTokenReplacer = null };

    /// <summary>Words that ask for the help or the version, which only the whole grammar answers.</summary>
    private static readonly string[] HelpWords = ["-h", "--help", "-?", "/?", "/h", "--version"];

    /// <summary>
    /// The command line parsed by the command it names alone, when that gives a clean parse: the same values
    /// as the whole grammar gives (the command's own symbols read them), without building the other commands
    /// or the root. Anything else – no command, help, a mistake to explain – is null, and the whole grammar
    /// parses it again, so every message and the help are as they always were.
    /// </summary>
    internal static ParseResult? Direct(string[] args)
    {
        if (Named(args[0]) is not { } command || EmptyValue(args) is not null) return null;
        foreach (var arg in args)
            if (Array.IndexOf(HelpWords, arg) >= 0) return null;
        var parse = command.Parse(args, Grammar);
        if (parse.CommandResult.Command != command || parse.Errors.Count > 0 || parse.UnmatchedTokens.Count > 0) return null;
        // A word that looks like a flag and was read as a value (an unknown flag, or a value that starts with "-"):
        // the whole grammar decides what it is (UsageErrors). Plain loops: LINQ's generic calls cost a cold start more.
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) break;
            if (token.Type == TokenType.Argument && token.Value.Length > 1 && token.Value[0] == '-') return null;
        }
        return parse;
    }

    /// <summary>The command line parsed by the whole grammar, as every command line was before <see cref="Direct"/>.</summary>
    internal static ParseResult ParseWhole(string[] args) => Tree.Root.Parse(args, Grammar);

    /// <summary>"-o=": an empty value, not "-o" followed by a value (System.CommandLine would take the next word).</summary>
    private static string? EmptyValue(string[] args)
    {
        foreach (var arg in args)
        {
            if (arg == "--") break;
            if (arg.Length > 1 && arg[0] == '-' && arg[^1] == '=') return arg;
        }
        return null;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length > 0 && args[0] == "help") args = [.. args[1..], "--help"]; // assess help [KOMMANDO]
        using var context = new CommandContext(stdout, stderr) { Arguments = args };
        Command? command = null;
        try
        {
            if (args.Length == 0)
            {
                stderr.Write(HelpText.Overview());
                return BadInput;
            }
            if (Direct(args) is { } direct)
            {
                command = direct.CommandResult.Command;
                return ((AssessCommand)command).Handler(direct, context);
            }
            var parse = ParseWhole(args);
            command = parse.CommandResult.Command;
            if (EmptyValue(args) is { } empty)
                return Usage(stderr, $"flaggan {empty[..^1]} har ett tomt värde", command);
            switch (parse.Action)
            {
                case HelpAction:
                    stdout.Write(HelpText.For(command));
                    return Ok;
                case var action when action == Tree.Version.Action:
                    stdout.WriteLine(typeof(Cli).Assembly.GetName().Version?.ToString(3) ?? "okänd");
                    return Ok;
                case var action when action == Tree.Suggestions.Action:
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
