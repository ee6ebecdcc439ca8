using System.CommandLine;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Reports;
using Assessment.Reports.Justification;
using Assessment.Rules;

namespace Assessment.Cli;

/// <summary><c>assess run</c>: assess a dataset and write the result in one of the formats of <see cref="ReportFormats"/>.</summary>
internal static class RunCommand
{
    private static readonly Argument<string?> Dataset = Arguments.Optional("DATASET", $"Datasetfil i YAML (en nämnd, en period). Standard: {DefaultFiles.Dataset}");

    private static readonly Option<string?> Rules = Flags.Rules();

    private static readonly Option<string> Format = Flags.Format(ReportFormats.All);

    private static readonly Option<string?> Output = Flags.Output();

    private static readonly Option<string?> Templates =
        Flags.Value("--templates", "MAPP", $"Motiveringsmallar (Scriban). Standard: {DefaultFiles.Templates}/");

    private static readonly Option<string> Final = Flags.OneOf("--final", "(för att återskapa en publicerad rapports text)",
        Vocabularies.FinalSources.Terms, t => (t.Code, t.Label));

    private static readonly Option<string?> Log = Flags.Log();

    public static readonly AssessCommand Command = new("run",
        "Bedömer varje mål och visar härlett, redovisat och slutligt betyg och regeln bakom.", "", Run)
    {
        Dataset, Rules, Format, Output, Templates, Final, Log,
    };

    private static int Run(ParseResult parse, CommandContext context)
    {
        var format = ReportFormats.Named(parse.GetValue(Format)!);
        if (ProgramParts.Lean && !format.InLeanProgram) return Companion.Become(context);
        var output = parse.GetValue(Output);
        if (format.Binary && output is null)
            throw new UsageException($"{format.Kind} skrivs till en fil: ange -o RESULTAT.{format.Name}");
        var finalSource = Vocabularies.FinalSources.Find(parse.GetValue(Final)!) ?? FinalSource.Derived;
        var templatesGiven = parse.GetValue(Templates);

        // The templates (Scriban) are read beside; the rule set on this thread, before the dataset: a thread of its own
        // for it cost a cold text run more than it saved (BENCHMARKS.md, "The lean program").
        // Templates named with --templates are read (and checked) whatever the format: a wrong folder is an error, not ignored.
        var templates = format.NeedsTexts || templatesGiven is not null
            ? Loads.Beside<TemplateSet?>(() => context.Templates(templatesGiven))
            : Task.FromResult<TemplateSet?>(null); // a text run without --templates starts no thread for nothing
        var rules = Loads.Here(() => context.Rules(parse.GetValue(Rules)));
        var loaded = Loads.Here(() => context.Dataset(parse.GetValue(Dataset), format.ShowsProse));
        InputException.AwaitAll(rules, loaded, templates);
        var dataset = loaded.Result;
        var result = context.InForce(rules.Result, dataset).Assess(dataset.Dataset, finalSource);

        // Everything is rendered before anything is written; see CommandContext.Write for the order of output and log.
        var bytes = format.Render(new ReportInput(result, dataset.Display, format.NeedsTexts ? Justifications.Render(result, templates.Result!) : null));
        context.Write(bytes, output, parse.GetValue(Log), log => log.Append("run", dataset, result, finalSource, DateTimeOffset.Now));
        return Cli.Ok;
    }
}
