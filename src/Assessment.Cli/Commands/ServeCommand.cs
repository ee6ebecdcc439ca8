using Assessment.Web;

namespace Assessment.Cli;

/// <summary><c>assess serve [MAPP]</c>: the workbench on 127.0.0.1. The application itself lives in Assessment.Web.</summary>
internal static class ServeCommand
{
    public const string DefaultDatasets = "examples";

    public const string Help = $"""
        assess serve – arbetsbänken: en lokal webbsida över en mapp med dataset.

        Användning:
          assess serve [MAPP] [--port N] [--rules FIL|MAPP] [--templates MAPP] [--host VÄRD] [--log FIL]

        Stadsöversikt, dataset med målträd och nedladdningar, varje måls spår, överstyrning med motivering
        (sparas i datasetfilen, resten av filen orörd, och i beslutsloggen) och tröskelvärden att flytta
        med omedelbar ombedömning av alla dataset. Sidan nås bara från den egna datorn (127.0.0.1).

        Argument:
          MAPP               Mappen med dataset (*.yaml, även i undermappar). Standard: {DefaultDatasets}/
        Flaggor:
          --port N           Porten att lyssna på. Standard: 5080 (0: en ledig port)
          {Inputs.RulesHelp}
          --templates MAPP   Motiveringsmallar. Standard: {Inputs.DefaultTemplates}/
          --host VÄRD        Lyssna på VÄRD (en adress eller ett namn) i stället för 127.0.0.1 och ta emot
                             anrop med det värdnamnet. Utan inloggning: bara i ett nät du litar på.
          --log FIL          Beslutsloggen som överstyrningar skrivs till. Standard: MAPP/beslutslogg.jsonl
          -h, --help         Visa den här hjälpen.

        """;

    /// <summary>The flags the command takes; its help and the README name each of them (a test compares).</summary>
    internal static readonly string[] Flags = ["--port", "--rules", "--templates", "--host", "--log"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = Options.Parse(args, Help, Flags, maxPositional: 1);
        if (options.Help)
        {
            stdout.Write(Help);
            return Cli.Ok;
        }
        var port = WorkbenchOptions.DefaultPort;
        if (options.Value("--port") is { } given && (!int.TryParse(given, out port) || port is < 0 or > 65535))
            throw new UsageException($"--port {given}: väntade ett portnummer 0–65535", Help);
        var datasets = DefaultFiles.Resolve(options.Positional.FirstOrDefault(), DefaultDatasets).Path;
        var (rules, rulesDisplay) = DefaultFiles.Resolve(options.Value("--rules"), Inputs.DefaultRules);
        var (templates, templatesDisplay) = DefaultFiles.Resolve(options.Value("--templates"), Inputs.DefaultTemplates);
        var settings = new WorkbenchOptions(datasets, rules, rulesDisplay, templates, templatesDisplay, port, options.Value("--host"), options.Value("--log"));
        return Workbench.Serve(settings, stdout, stderr);
    }
}
