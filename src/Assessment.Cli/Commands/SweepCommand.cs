using System.CommandLine;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Parsing;
using Assessment.Reports;
using Assessment.Rules;
using Assessment.Rules.Audit;

namespace Assessment.Cli;

/// <summary><c>assess sweep NAMN=FRÅN..TILL[:STEG] … [DATASET|MAPP …]</c>: what a threshold's value does, over many datasets.</summary>
internal static class SweepCommand
{
    public const string DefaultDatasets = "examples";

    private static readonly Argument<string[]> Targets = Arguments.AtLeastOne("NAMN=FRÅN..TILL[:STEG] [NAMN2=…] [DATASET|MAPP …]", $"""
        Tröskelvärden att svepa, och dataset att bedöma; en mapp står för varje dataset
        i den och dess undermappar. Standard: mappen {DefaultDatasets}/
        """);

    private static readonly Option<string?> Rules = Flags.Rules();
    private static readonly Option<string> Format = Flags.Format(
        ("text", "för terminalen"), ("json", "för andra verktyg"), ("html", "en fristående sida med diagram"));
    private static readonly Option<string?> Output = Flags.Output();

    public static readonly AssessCommand Command = new("sweep",
        "Vad ett tröskelvärde gör: betyg och överensstämmelse med publicerade betyg för varje värde.", """
        Varje NAMN är ett tröskelvärde i regelverket (troskelvarden). Värdena går från FRÅN till TILL i steg om
        STEG (utan STEG: tio steg); med flera tröskelvärden prövas varje kombination. Inget skrivs i regelverket.
        För varje variant: tröskelvärdena, härledda betyg per nivå (helt/delvis/inte/ej bedömd), andelen lika med
        de publicerade betygen per nivå och totalt (som backtest), och hur många mål som får ett annat betyg än
        med regelverket som det är skrivet. Varianten med bäst överensstämmelse markeras – men överensstämmelse
        med tidigare bedömningar är inte detsamma som rätt.
        """, Run,
        [
            "assess sweep delvis_grans=0.80..0.95:0.01",
            "assess sweep delvis_grans=0.80..0.95:0.05 helt_minsta_andel=0.6..0.9:0.1 examples/importerade --format html -o svep.html",
        ])
    {
        { Targets, "ange minst ett tröskelvärde att svepa, t.ex. delvis_grans=0.80..0.95:0.01" }, Rules, Format, Output,
    };

    private static int Run(ParseResult parse, CommandContext context)
    {
        var arguments = parse.GetValue(Targets)!;
        var axes = new List<SweepAxis>();
        foreach (var argument in arguments.Where(SweepAxis.Looks))
        {
            try { axes.Add(SweepAxis.Parse(argument)); }
            catch (FormatException e) { throw new UsageException(e.Message); }
        }
        if (axes.Count == 0) throw new UsageException("ange minst ett tröskelvärde att svepa, t.ex. delvis_grans=0.80..0.95:0.01");
        if (axes.GroupBy(a => a.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new UsageException($"tröskelvärdet {twice.Key} anges två gånger");
        var format = parse.GetValue(Format);

        var rulesDisplay = DefaultFiles.Resolve(parse.GetValue(Rules), DefaultFiles.Rules).Display;
        var catalog = context.Rules(parse.GetValue(Rules));

        var given = arguments.Where(a => !SweepAxis.Looks(a)).ToList();
        var datasets = new List<LoadedDataset>();
        var errors = new List<InputError>();
        foreach (var (dataset, failed) in DatasetFiles.Read(given.Count > 0 ? given : [DefaultFiles.Resolve(null, DefaultDatasets).Path], context))
        {
            if (dataset is not null) datasets.Add(dataset);
            else errors.AddRange(failed!.Value.Errors);
        }
        if (errors.Count > 0) throw new InputException(errors);
        if (datasets.Count == 0) throw new InputException(ErrorKinds.FileMissing, given.FirstOrDefault() ?? DefaultDatasets, "inga dataset att bedöma");

        // Each dataset is rated by the version in force for its period, with the swept values as its thresholds.
        var inForce = datasets.ToDictionary(d => d.Dataset, d => context.InForce(catalog, d).Compiled);
        foreach (var rules in inForce.Values.Distinct())
        {
            var names = rules.RuleSet.Thresholds.Select(t => t.Name).ToList();
            var unknown = axes.Where(a => !names.Contains(a.Name)).Select(a => new InputError(ErrorKinds.UnknownName, SourcePosition.InFile(rules.RuleSet.File),
                $"regelverket har inget tröskelvärde \"{a.Name}\"{(Suggest.Closest(a.Name, names) is { } near ? $" (menade du {near}?)" : "")}; det har {string.Join(", ", names)}")).ToList();
            if (unknown.Count > 0) throw new InputException(unknown);
        }
        SweepReport report;
        try
        {
            report = Sweep.Run(datasets.Select(d => d.Dataset).ToList(), d => inForce[d], axes);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
        context.Write(format switch
        {
            "json" => SweepReports.Json(report, rulesDisplay),
            "html" => SweepReports.Html(report, rulesDisplay),
            _ => SweepReports.Text(report, rulesDisplay),
        }, parse.GetValue(Output));
        return Cli.Ok;
    }
}
