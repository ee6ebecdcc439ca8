using Assessment.Domain.Model;
using Assessment.Reports;
using Assessment.Reports.Justification;
using Assessment.Rules;

namespace Assessment.Cli;

/// <summary><c>assess run</c>: assess a dataset and write the result in one of the formats of <see cref="ReportFormats"/>.</summary>
internal static class RunCommand
{
    public static readonly string Help = $"""
        assess run – bedömer ett dataset och skriver resultatet.

        Användning:
          assess run [DATASET] [--rules FIL|MAPP] [--format {string.Join("|", ReportFormats.Names)}] [-o FIL]
                     [--templates MAPP] [--final {string.Join("|", Vocabularies.FinalSources.Codes)}] [--log FIL]

        Argument:
          DATASET            Datasetfil i YAML (en nämnd, en period). Standard: {Inputs.DefaultDataset}
        Flaggor:
          {Inputs.RulesHelp}
          --format FORMAT    {Choices(ReportFormats.All.Select(f => (f.Name, f.Description)))}
          -o, --output FIL   Skriv till FIL i stället för till standard ut (skrivs helt eller inte alls).
          --templates MAPP   Motiveringsmallar (Scriban). Standard: {Inputs.DefaultTemplates}/
          --final KÄLLA      {Choices(Vocabularies.FinalSources.Terms.Select(t => (t.Code, t.Label)))}
                             (för att återskapa en publicerad rapports text)
          --log FIL          Lägg till en rad i beslutsloggen FIL (JSON Lines): tid, indatas hashar,
                             regelverk och varje betyg.
          -h, --help         Visa den här hjälpen.

        """;

    /// <summary>A flag's values for the help, one a line under each other, the first the default: "text (standard): …".</summary>
    private static string Choices(IEnumerable<(string Name, string Description)> choices)
    {
        var indent = "\n" + new string(' ', "  --format FORMAT    ".Length);
        return string.Join(indent, choices.Select((c, i) => $"{c.Name}{(i == 0 ? " (standard)" : "")}: {c.Description}".Replace("\n", indent)));
    }

    /// <summary>The flags the command takes; its help and the README name each of them (a test compares).</summary>
    internal static readonly string[] Flags = ["--rules", "--format", "-o", "--output", "--templates", "--final", "--log"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = Options.Parse(args, Help, Flags, maxPositional: 1);
        if (options.Help)
        {
            stdout.Write(Help);
            return Cli.Ok;
        }
        var format = ReportFormats.Named(options.Format(Help, ReportFormats.Names));
        var output = options.Value("-o", "--output");
        if (format.Binary && output is null)
            throw new UsageException($"{format.Kind} skrivs till en fil: ange -o RESULTAT.{format.Name}", Help);
        var finalSource = options.Value("--final") is { } final
            ? Vocabularies.FinalSources.Find(final)
              ?? throw new UsageException($"okänd källa \"{final}\" för --final: väntade {Vocabularies.Listed(Vocabularies.FinalSources.Codes)}", Help)
            : FinalSource.Derived;

        var rules = Inputs.Beside(() => Inputs.Rules(options.Value("--rules")));
        // Templates named with --templates are read (and checked) whatever the format: a wrong folder is an error, not ignored.
        var templates = Inputs.Beside(() => format.NeedsTexts || options.Value("--templates") is not null
            ? Inputs.Templates(options.Value("--templates")) : null);
        var loaded = Inputs.Here(() => Inputs.Dataset(options.Positional.FirstOrDefault()));
        Inputs.AwaitAll(rules, loaded, templates);
        var dataset = loaded.Result;
        var result = Inputs.InForce(rules.Result, dataset, stderr).Assess(dataset.Dataset, finalSource);

        // Everything is rendered before anything is written; see Inputs.Write for the order of output and log.
        var bytes = format.Render(new ReportInput(result, dataset.Display, format.NeedsTexts ? Justifications.Render(result, templates.Result!) : null));
        Inputs.Write(bytes, output, options.Value("--log"), log => log.Append("run", dataset, result, finalSource, DateTimeOffset.Now),
            stdout, stderr);
        return Cli.Ok;
    }
}
