using Assessment.Domain;
using System.CommandLine;
using System.CommandLine.Parsing;
using Assessment.Domain.Parsing;

namespace Assessment.Cli;

/// <summary>
/// A mistake in the command line itself – reported in one line with a pointer to the command's help, exit 2.
/// Thrown by a command for what only it can check (a workbook needs -o, say).
/// </summary>
internal sealed class UsageException(string message) : InputException(ErrorKinds.Usage, (SourcePosition?)null, message);

/// <summary>
/// The first mistake in a parsed command line, in Swedish, with the nearest known name where one is near.
/// System.CommandLine finds the mistakes; its own messages are English, so each kind is told again here from
/// the parse itself (which token, which flag, which argument) – only the messages our own validators wrote are
/// passed on as they are.
/// </summary>
internal static class UsageErrors
{
    public static string? First(ParseResult parse, IReadOnlyList<string> args)
    {
        if (parse.Errors.Count == 0 && UnknownFlag(parse) is null) return null;
        var command = parse.CommandResult.Command;

        if (UnknownFlag(parse) is { } word)
        {
            var flag = word.Split('=', 2)[0]; // --fromat=json
            var known = command.Options.SelectMany(o => o.Aliases.Append(o.Name)).Append("--help");
            return $"okänd flagga \"{flag}\"{Near(flag, known)}";
        }
        if (command is RootCommand)
        {
            if (parse.UnmatchedTokens.FirstOrDefault() is { } name)
                return $"okänt kommando \"{name}\"{Near(name, Cli.Commands.Select(c => c.Name))}";
            return "ange ett kommando";
        }
        foreach (var result in parse.CommandResult.Children.OfType<OptionResult>().Where(r => !r.Implicit))
        {
            var shown = result.IdentifierToken?.Value ?? result.Option.Name;
            if (result.Tokens.Count == 0 && result.Option.Arity.MinimumNumberOfValues > 0)
                return args.Contains(shown + "=") ? $"flaggan {shown} har ett tomt värde" : $"flaggan {shown} behöver ett värde";
            if (result.Tokens.Count > result.Option.Arity.MaximumNumberOfValues)
                return $"flaggan {shown} är angiven två gånger";
        }
        if (command.Options.FirstOrDefault(o => o.Required && parse.GetResult(o) is not OptionResult { Implicit: false }) is { } required)
            return $"ange {required.Name} {required.HelpName}";
        if (command is AssessCommand assess)
            foreach (var (argument, missing) in assess.Missing)
                if (parse.GetResult(argument) is not { Tokens.Count: > 0 } given || given.Tokens.Count < argument.Arity.MinimumNumberOfValues)
                    return missing;
        if (parse.UnmatchedTokens.Count > 0)
            return $"för många argument: {string.Join(" ", parse.UnmatchedTokens)}";
        // What is left are the messages of our own validators and parsers (Flags, Arguments), already in Swedish.
        return parse.Errors.FirstOrDefault(e => e.SymbolResult is ArgumentResult or OptionResult)?.Message
               ?? $"kommandoraden kunde inte läsas: {string.Join(" ", args)}";
    }

    /// <summary>
    /// A word that looks like a flag but is none the command takes: System.CommandLine reads it as an argument
    /// (a dataset called "--fromat"), or leaves it unmatched. After "--" every word is an argument.
    /// </summary>
    private static string? UnknownFlag(ParseResult parse)
    {
        var endOfFlags = parse.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var flags = parse.Tokens.Where((t, i) => (endOfFlags < 0 || i < endOfFlags) && t.Type == TokenType.Argument && LooksLikeFlag(t.Value)).ToList();
        var positional = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(r => r.Tokens).Select(t => t.Value)
            .Concat(parse.UnmatchedTokens).ToHashSet();
        return flags.FirstOrDefault(f => positional.Contains(f.Value))?.Value;
    }

    private static bool LooksLikeFlag(string word) => word.Length > 1 && word[0] == '-' && !double.TryParse(word, out _);

    private static string Near(string name, IEnumerable<string> known) =>
        Suggest.Closest(name, known) is { } near ? $" – menade du {near}?" : "";
}
