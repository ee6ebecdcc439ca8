using System.CommandLine;
using System.Text;
using Assessment.Reports;
using Assessment.Reports.Justification;
using Assessment.Rules;

namespace Assessment.Cli;

/// <summary><c>assess run</c>: assess a dataset and write the result as text, JSON, Markdown, HTML, a workbook or a Word document.</summary>
internal static class RunCommand
{
    private static readonly Argument<string?> Dataset = Arguments.Optional("DATASET", $"Datasetfil i YAML (en nämnd, en period). Standard: {DefaultFiles.Dataset}");

    private static readonly Option<string?> Rules = Flags.Rules();

    private static readonly Option<string> Format = Flags.Format(
        ("text", "målträdet för terminalen"),
        ("json", "stabilt format för andra verktyg, med motiveringstexter"),
        ("md", "rapport i Markdown, i rapportens egen struktur"),
        ("html", "en fristående, utskrivbar HTML-fil med \"Varför?\" under varje mål"),
        ("xlsx", """
            arbetsbok (kräver -o) med bladen Mål, Bedömning, Indikatorer,
            Aktiviteter och Uppgifter; Indikatorer och Aktiviteter kan läsas in
            igen med assess merge
            """),
        ("docx", """
            målkapitlet som Word-dokument (kräver -o): rubrik per mål med
            Words rubrikformat, betygsrad, Analys, indikator- och aktivitetstabell
            """));

    private static readonly Option<string?> Output = Flags.Output();

    private static readonly Option<string?> Templates =
        Flags.Value("--templates", "MAPP", $"Motiveringsmallar (Scriban). Standard: {DefaultFiles.Templates}/");

    private static readonly Option<string> Final = Flags.OneOf("--final", "derived|recorded", """
        derived (standard): slutligt betyg = överstyrning, annars regelverkets
        recorded: slutligt betyg = överstyrning, annars det publicerade betyget
        (för att återskapa en publicerad rapports text)
        """, "derived", "recorded");

    private static readonly Option<string?> Log = Flags.Log();

    public static readonly AssessCommand Command = new("run",
        "Bedömer varje mål och visar härlett, redovisat och slutligt betyg och regeln bakom.", "", Run)
    {
        Dataset, Rules, Format, Output, Templates, Final, Log,
    };

    private static int Run(ParseResult parse, CommandContext context)
    {
        var format = parse.GetValue(Format)!;
        var output = parse.GetValue(Output);
        if (format is "xlsx" or "docx" && output is null)
            throw new UsageException($"{(format == "xlsx" ? "en arbetsbok" : "ett Word-dokument")} skrivs till en fil: ange -o RESULTAT.{format}");
        var finalSource = parse.GetValue(Final) == "recorded" ? FinalSource.Recorded : FinalSource.Derived;
        var templatesGiven = parse.GetValue(Templates);

        var rules = Loads.Beside(() => context.Rules(parse.GetValue(Rules)));
        // Templates named with --templates are read (and checked) whatever the format: a wrong folder is an error, not ignored.
        var templates = Loads.Beside(() => format is "json" or "md" or "html" or "docx" || templatesGiven is not null
            ? context.Templates(templatesGiven) : null);
        var loaded = Loads.Here(() => context.Dataset(parse.GetValue(Dataset)));
        Loads.AwaitAll(rules, loaded, templates);
        var dataset = loaded.Result;
        var result = context.InForce(rules.Result, dataset).Assess(dataset.Dataset, finalSource);

        string WithTexts(Func<AssessmentResult, Justifications, string> render) =>
            render(result, Justifications.Render(result, templates.Result!));

        // Everything is rendered before anything is written; see CommandContext.Write for the order of output and log.
        var bytes = format switch
        {
            "xlsx" => ResultWorkbook.Write(result),
            "docx" => DocxReport.Render(result, Justifications.Render(result, templates.Result!)),
            "json" => Encoding.UTF8.GetBytes(WithTexts(JsonReport.Render)),
            "md" => Encoding.UTF8.GetBytes(WithTexts(MarkdownReport.Render)),
            "html" => Encoding.UTF8.GetBytes(WithTexts(HtmlReport.Render)),
            _ => Encoding.UTF8.GetBytes(TextReport.Render(result, dataset.Display)),
        };
        context.Write(bytes, output, parse.GetValue(Log), log => log.Append("run", dataset, result, finalSource, DateTimeOffset.Now));
        return Cli.Ok;
    }
}
