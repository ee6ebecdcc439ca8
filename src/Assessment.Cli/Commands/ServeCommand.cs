using System.CommandLine;
using Assessment.Reports;
using Assessment.Web;

namespace Assessment.Cli;

/// <summary><c>assess serve [MAPP]</c>: the workbench on 127.0.0.1. The application itself lives in Assessment.Web.</summary>
internal static class ServeCommand
{
    public const string DefaultDatasets = "examples";

    private static readonly Argument<string?> Folder =
        Arguments.Optional("MAPP", $"Mappen med dataset (*.yaml, även i undermappar). Standard: {DefaultDatasets}/");

    private static readonly Option<string?> Port =
        Flags.Value("--port", "N", $"Porten att lyssna på. Standard: {WorkbenchOptions.DefaultPort} (0: en ledig port)");

    private static readonly Option<string?> Rules = Flags.Rules();

    private static readonly Option<string?> Templates =
        Flags.Value("--templates", "MAPP", $"Motiveringsmallar (Scriban). Standard: {DefaultFiles.Templates}/");

    private static readonly Option<string?> Host = Flags.Value("--host", "VÄRD", """
        Lyssna på VÄRD (en adress eller ett namn) i stället för 127.0.0.1 och ta emot
        anrop med det värdnamnet. Utan inloggning: bara i ett nät du litar på.
        """);

    private static readonly Option<string?> Log =
        Flags.Value("--log", "FIL", "Beslutsloggen som överstyrningar skrivs till. Standard: MAPP/beslutslogg.jsonl");

    public static readonly AssessCommand Command = new("serve",
        "Arbetsbänken: en lokal webbsida över en mapp med dataset (överstyrning, spår, tröskelvärden).", """
        Stadsöversikt, dataset med målträd och nedladdningar, varje måls spår, överstyrning med motivering
        (sparas i datasetfilen, resten av filen orörd, och i beslutsloggen) och tröskelvärden att flytta
        med omedelbar ombedömning av alla dataset. Sidan nås bara från den egna datorn (127.0.0.1).
        """, Run)
    {
        Folder, Port, Rules, Templates, Host, Log,
    };

    private static int Run(ParseResult parse, CommandContext context) =>
        ProgramParts.Lean ? Companion.Become(context) : Serve(parse, context);

    private static int Serve(ParseResult parse, CommandContext context)
    {
        var port = WorkbenchOptions.DefaultPort;
        if (parse.GetValue(Port) is { } given && (!int.TryParse(given, out port) || port is < 0 or > 65535))
            throw new UsageException($"--port {given}: väntade ett portnummer 0–65535");
        var datasets = DefaultFiles.Resolve(parse.GetValue(Folder), DefaultDatasets).Path;
        var (rules, rulesDisplay) = DefaultFiles.Resolve(parse.GetValue(Rules), DefaultFiles.Rules);
        var (templates, templatesDisplay) = DefaultFiles.Resolve(parse.GetValue(Templates), DefaultFiles.Templates);
        var settings = new WorkbenchOptions(datasets, rules, rulesDisplay, templates, templatesDisplay, port, parse.GetValue(Host), parse.GetValue(Log));
        return Workbench.Serve(settings, context.Stdout, context.Stderr);
    }
}
