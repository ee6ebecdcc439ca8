using System.CommandLine;
using System.Text;

namespace Assessment.Cli;

/// <summary>
/// The help, in Swedish, written from the commands' declarations (<see cref="AssessCommand"/>): usage lines,
/// arguments and flags with their descriptions. Nothing in it is written by hand twice.
/// </summary>
internal static class HelpText
{
    private const int Width = 110;

    /// <summary>The help for the command the command line named: the main help for <c>assess</c> alone.</summary>
    public static string For(Command command) => command is AssessCommand assess ? Of(assess) : Overview();

    public static string Overview()
    {
        var text = new StringBuilder();
        text.Append(Cli.Summary).Append("\n\n");
        text.Append("Användning:\n");
        var commands = Cli.Commands;
        var nameWidth = commands.Max(c => c.Name.Length);
        foreach (var command in commands)
            Wrap(text, $"  assess {command.Name.PadRight(nameWidth)} ", UsageParts(command));
        text.Append($"  assess {"KOMMANDO".PadRight(nameWidth)} --help\n\n");
        text.Append("Kommandon:\n");
        Rows(text, commands.Select(c => (c.Name, c.Description ?? "")));
        text.Append($"""

            "assess run" utan fler argument bedömer det medföljande exemplet (Tertialrapport 1 2026,
            Hässelby-Vällingby) med regelverket i {DefaultFiles.Rules}/ som gäller för perioden.

            Slutkoder: 0 klart · 1 fynd (check) eller underkända testfall (test) · 2 fel i indata eller
            flaggor · 70 internt fel. Ett fel skrivs på en rad: "fel KOD: fil:rad:kolumn: meddelande"
            (koderna står i README, "Felkoder").

            """);
        return text.ToString();
    }

    public static string Of(AssessCommand command)
    {
        var text = new StringBuilder();
        var summary = command.Description ?? "";
        text.Append($"assess {command.Name} – {char.ToLowerInvariant(summary[0])}{summary[1..].Replace('\n', ' ')}\n\n");
        text.Append("Användning:\n");
        Wrap(text, $"  assess {command.Name} ", UsageParts(command));
        if (command.About.Length > 0) text.Append('\n').Append(command.About.TrimEnd()).Append('\n');
        if (command.Examples.Count > 0)
        {
            text.Append("\nExempel:\n");
            foreach (var example in command.Examples) text.Append($"  {example}\n");
        }
        var arguments = command.Arguments.Where(a => !string.IsNullOrEmpty(a.Description)).ToList();
        if (arguments.Count > 0)
        {
            text.Append("\nArgument:\n");
            Rows(text, arguments.Select(a => (Label(a), a.Description!)));
        }
        text.Append("\nFlaggor:\n");
        Rows(text, command.Options.Select(o => (Label(o), o.Description ?? ""))
            .Append(("-h, --help", "Visa den här hjälpen.")));
        return text.ToString();
    }

    /// <summary>The command's usage, one part an argument or a flag: <c>[DATASET]</c>, <c>[--rules FIL|MAPP]</c>, <c>[-o FIL]</c>.</summary>
    public static IReadOnlyList<string> UsageParts(AssessCommand command)
    {
        string Flag(Option option)
        {
            var shortest = option.Aliases.Append(option.Name).MinBy(a => a.Length)!;
            var part = string.IsNullOrEmpty(option.HelpName) ? shortest : $"{shortest} {option.HelpName}";
            return option.Required ? part : $"[{part}]";
        }

        string Positional(Argument argument)
        {
            var name = Label(argument);
            var many = argument.Arity.MaximumNumberOfValues > 1 && !name.Contains('…') ? " …" : "";
            return argument.Arity.MinimumNumberOfValues > 0 ? name + many : $"[{name}{many}]";
        }

        // Required flags first (diff --rules GAMMALT --rules NYTT), then the arguments, then the other flags.
        var options = command.Options.Where(o => !o.Hidden).ToList();
        return [.. options.Where(o => o.Required).Select(Flag), .. command.Arguments.Select(Positional), .. options.Where(o => !o.Required).Select(Flag)];
    }

    /// <summary>The usage line as the README writes it: <c>assess run [DATASET] [--rules FIL|MAPP] …</c>.</summary>
    public static string Usage(AssessCommand command) => $"assess {command.Name} {string.Join(" ", UsageParts(command))}";

    private static string Label(Argument argument) => argument.HelpName ?? argument.Name;

    /// <summary>The flag's names, short first, and the name of its value: <c>-o, --output FIL</c>.</summary>
    public static string Label(Option option)
    {
        var names = string.Join(", ", option.Aliases.Append(option.Name).OrderBy(a => a.StartsWith("--") ? 1 : 0));
        return string.IsNullOrEmpty(option.HelpName) ? names : $"{names} {option.HelpName}";
    }

    /// <summary>Two columns; a label too wide for the first puts its description on the lines below.</summary>
    private static void Rows(StringBuilder text, IEnumerable<(string Label, string Description)> rows)
    {
        const int column = 21;
        foreach (var (label, description) in rows)
        {
            var lines = description.Split('\n');
            var first = $"  {label}";
            if (first.Length >= column - 1)
            {
                text.Append(first).Append('\n');
                first = "";
            }
            text.Append(first.PadRight(column)).Append(lines[0]).Append('\n');
            foreach (var line in lines.Skip(1)) text.Append(new string(' ', column)).Append(line).Append('\n');
        }
    }

    /// <summary>Parts joined by spaces after <paramref name="lead"/>, wrapped under the first part.</summary>
    private static void Wrap(StringBuilder text, string lead, IReadOnlyList<string> parts)
    {
        var line = new StringBuilder(lead);
        var fresh = true;
        foreach (var part in parts)
        {
            if (!fresh && line.Length + 1 + part.Length > Width)
            {
                text.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(new string(' ', lead.Length));
                fresh = true;
            }
            line.Append(fresh ? "" : " ").Append(part);
            fresh = false;
        }
        text.Append(line).Append('\n');
    }
}
