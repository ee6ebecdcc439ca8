using System.CommandLine;

namespace Assessment.Cli;

/// <summary>
/// <c>assess completion bash</c>: a script that makes the shell complete commands, flags and values by asking
/// assess itself (System.CommandLine's <c>[suggest]</c> directive), so it never falls behind the declarations.
/// </summary>
internal static class CompletionCommand
{
    private static readonly Argument<string> Shell = Arguments.Required("SKAL", "bash (det enda som stöds)");

    public static readonly AssessCommand Command = new("completion",
        "Skriver ett skript för tabbkomplettering av kommandon, flaggor och format i skalet.", """
        Lägg till i ~/.bashrc (programmet assess måste finnas i PATH):

          source <(assess completion bash)

        Tab efter "assess " visar kommandona, efter "assess run --" flaggorna och efter
        "--format " formaten; där assess inte har något att föreslå kompletterar skalet filnamn.
        """, Run)
    {
        { Shell, "ange skalet: assess completion bash" },
    };

    static CompletionCommand() => Shell.CompletionSources.Add("bash");

    public const string Bash = """
        # Tabbkomplettering för assess i bash: source <(assess completion bash)
        _assess_complete() {
            local IFS=$'\n'
            local word="${COMP_WORDS[COMP_CWORD]}"
            local candidates
            candidates=$("${COMP_WORDS[0]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
            COMPREPLY=($(compgen -W "${candidates}" -- "${word}"))
        }
        complete -o default -o bashdefault -F _assess_complete assess

        """;

    private static int Run(ParseResult parse, CommandContext context)
    {
        var shell = parse.GetValue(Shell)!;
        if (shell != "bash") throw new UsageException($"skalet \"{shell}\" stöds inte: ange bash");
        context.Stdout.Write(Bash);
        return Cli.Ok;
    }
}
