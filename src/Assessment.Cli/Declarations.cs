using Assessment.Domain.Model;
using Assessment.Reports;
using System.CommandLine;
using System.CommandLine.Parsing;
using Assessment.Domain.Parsing;

namespace Assessment.Cli;

/// <summary>
/// One command of <c>assess</c>, declared once: its arguments and flags are System.CommandLine symbols (the
/// parser, the help, the suggestions and the shell completion all read them), <see cref="Symbol.Description"/>
/// is its one-line summary, <see cref="About"/> the prose its help adds, and <see cref="Handler"/> what it does
/// with the parsed command line and the run's <see cref="CommandContext"/>.
/// </summary>
internal sealed class AssessCommand(string name, string summary, string about, Func<ParseResult, CommandContext, int> handler,
    IReadOnlyList<string>? examples = null) : Command(name, summary)
{
    /// <summary>Paragraphs for the help, between the usage and the arguments; may be empty.</summary>
    public string About { get; } = about;

    public Func<ParseResult, CommandContext, int> Handler { get; } = handler;

    /// <summary>What to say when a required argument is missing (System.CommandLine's own message is in English).</summary>
    public Dictionary<Argument, string> Missing { get; } = [];

    /// <summary>Adds a required argument and what to say when it is missing: <c>{ { Goal, "ange målets id" }, … }</c>.</summary>
    public void Add(Argument argument, string missing)
    {
        Add(argument);
        Missing[argument] = missing;
    }

    /// <summary>Examples for the help, one command line each; may be empty.</summary>
    public IReadOnlyList<string> Examples { get; } = examples ?? [];
}

/// <summary>Positional arguments: a name to show, a description, how many, and no empty value.</summary>
internal static class Arguments
{
    public static Argument<string?> Optional(string name, string description = "") =>
        NotEmpty(new Argument<string?>(name) { Description = description, Arity = ArgumentArity.ZeroOrOne });

    public static Argument<string[]> Many(string name, string description = "") =>
        NotEmpty(new Argument<string[]>(name) { Description = description, Arity = ArgumentArity.ZeroOrMore });

    /// <summary>A required argument; the command says what to do when it is missing (<see cref="AssessCommand.Add(Argument, string)"/>).</summary>
    public static Argument<string> Required(string name, string description = "") =>
        NotEmpty(new Argument<string>(name) { Description = description, Arity = ArgumentArity.ExactlyOne });

    /// <summary>At least one; the command says what to do when none is given.</summary>
    public static Argument<string[]> AtLeastOne(string name, string description = "") =>
        NotEmpty(new Argument<string[]>(name) { Description = description, Arity = ArgumentArity.OneOrMore });

    private static T NotEmpty<T>(T argument) where T : Argument
    {
        argument.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => t.Value.Length == 0)) result.AddError("ett argument är tomt (\"\"): ange en fil");
        });
        return argument;
    }
}

/// <summary>The flags, each kind declared once; a command adds those it takes.</summary>
internal static class Flags
{
    /// <summary>A flag with one value, which may not be empty.</summary>
    public static Option<string?> Value(string name, string helpName, string description, params string[] aliases)
    {
        var option = new Option<string?>(name, aliases) { HelpName = helpName, Description = description };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => t.Value.Length == 0))
                result.AddError($"flaggan {result.IdentifierToken?.Value ?? name} har ett tomt värde");
        });
        return option;
    }

    public static Option<string?> Rules() => Value("--rules", "FIL|MAPP", $"""
        Regelverk: en fil gäller för varje period, med en not när perioden slutar
        före filens giltig_fran; i en mapp väljer periodens slutdatum versionen som
        gäller (senaste giltig_fran på eller före). Standard: {DefaultFiles.Rules}/
        """);

    public static Option<string?> Output(string description = "Skriv till FIL i stället för till standard ut (skrivs helt eller inte alls).",
        string helpName = "FIL") =>
        Value("--output", helpName, description, "-o");

    public static Option<string?> Log() => Value("--log", "FIL", """
        Lägg till en rad i beslutsloggen FIL (JSON Lines): tid, indatas hashar,
        regelverk och varje betyg.
        """);

    /// <summary>Where a written dataset's first line points its editor for the schema: right for a file in examples/.</summary>
    public const string DefaultSchema = "../schemas/dataset.schema.json";

    public static Option<string?> Schema()
    {
        var option = Value("--schema", "SÖKVÄG", $"Schemat som filens första rad pekar ut. Standard: {DefaultSchema}");
        option.DefaultValueFactory = _ => DefaultSchema;
        return option;
    }

    /// <summary>--format: one of <paramref name="formats"/> (the first is the default), read whatever its case.</summary>
    public static Option<string> Format(params (string Name, string Description)[] formats) => OneOf("--format", null, formats);

    /// <summary>--format: one of the report formats (the first is the default).</summary>
    public static Option<string> Format(IReadOnlyList<IReportFormat> formats) => OneOf("--format", null, formats, f => (f.Name, f.Description));

    /// <summary><see cref="OneOf(string, string?, (string Name, string Description)[])"/> over a list, each item shown as a value and its description.</summary>
    public static Option<string> OneOf<T>(string name, string? after, IReadOnlyList<T> items, Func<T, (string Name, string Description)> shown)
    {
        var values = new (string, string)[items.Count];
        for (var i = 0; i < values.Length; i++) values[i] = shown(items[i]);
        return OneOf(name, after, values);
    }

    /// <summary>
    /// A flag whose value is one of <paramref name="values"/> (the first is the default), read whatever its case;
    /// another is an error naming those there are, with the nearest. The help lists each value with its description.
    /// </summary>
    /// <remarks>Plain loops: every command's flags are made at its start, and LINQ over tuples is code of its own to load.</remarks>
    public static Option<string> OneOf(string name, string? after, params (string Name, string Description)[] values)
    {
        var names = new string[values.Length];
        var description = new System.Text.StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            names[i] = values[i].Name;
            if (i > 0) description.Append('\n');
            description.Append(values[i].Name).Append(i == 0 ? " (standard)" : "").Append(": ").Append(values[i].Description);
        }
        if (after is not null) description.Append('\n').Append(after);
        var option = new Option<string>(name)
        {
            HelpName = string.Join("|", names),
            Description = description.ToString(),
            DefaultValueFactory = _ => names[0],
            CustomParser = result =>
            {
                if (result.Tokens is not [var token]) return names[0];
                var value = token.Value.Trim().ToLowerInvariant();
                if (Array.IndexOf(names, value) >= 0) return value;
                var near = Suggest.Closest(value, names) is { } close ? $" – menade du {close}?" : "";
                var what = name == "--format" ? $"okänt format \"{token.Value}\"" : $"okänt värde \"{token.Value}\" för {name}";
                result.AddError($"{what}: väntade {Vocabularies.Listed(names)}{near}");
                return names[0];
            },
        };
        option.CompletionSources.Add(names);
        return option;
    }
}
