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

    public const string Help = $"""
        assess sweep – visar vad ett tröskelvärde gör: bedömer alla dataset för varje värde i ett intervall.

        Användning:
          assess sweep NAMN=FRÅN..TILL[:STEG] [NAMN2=…] [DATASET|MAPP …] [--rules FIL|MAPP] [--format text|json|html] [-o FIL]

        Varje NAMN är ett tröskelvärde i regelverket (troskelvarden). Värdena går från FRÅN till TILL i steg om
        STEG (utan STEG: tio steg); med flera tröskelvärden prövas varje kombination. Inget skrivs i regelverket.
        För varje variant: tröskelvärdena, härledda betyg per nivå (helt/delvis/inte/ej bedömd), andelen lika med
        de publicerade betygen per nivå och totalt (som backtest), och hur många mål som får ett annat betyg än
        med regelverket som det är skrivet. Varianten med bäst överensstämmelse markeras – men överensstämmelse
        med tidigare bedömningar är inte detsamma som rätt.

        Exempel:
          assess sweep delvis_grans=0.80..0.95:0.01
          assess sweep delvis_grans=0.80..0.95:0.05 helt_minsta_andel=0.6..0.9:0.1 examples/importerade --format html -o svep.html

        Flaggor:
          DATASET|MAPP       Dataset att bedöma; en mapp står för varje dataset i den och dess undermappar.
                             Standard: mappen {DefaultDatasets}/
          {Inputs.RulesHelp}
          --format FORMAT    text (standard), json eller html (en fristående sida med diagram)
          -o, --output FIL   Skriv till FIL (skrivs helt eller inte alls).
        """;

    /// <summary>The flags the command takes; its help and the README name each of them (a test compares).</summary>
    internal static readonly string[] Flags = ["--rules", "--format", "-o", "--output"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = Options.Parse(args, Help, Flags, maxPositional: int.MaxValue);
        if (options.Help)
        {
            stdout.Write(Help);
            return Cli.Ok;
        }
        var axes = new List<SweepAxis>();
        foreach (var argument in options.Positional.Where(SweepAxis.Looks))
        {
            try { axes.Add(SweepAxis.Parse(argument)); }
            catch (FormatException e) { throw new UsageException(e.Message, Help); }
        }
        if (axes.Count == 0) throw new UsageException("ange minst ett tröskelvärde att svepa, t.ex. delvis_grans=0.80..0.95:0.01", Help);
        if (axes.GroupBy(a => a.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new UsageException($"tröskelvärdet {twice.Key} anges två gånger", Help);
        var format = options.Format(Help, "text", "json", "html");

        var rulesDisplay = DefaultFiles.Resolve(options.Value("--rules"), Inputs.DefaultRules).Display;
        var catalog = Inputs.Rules(options.Value("--rules"));

        var given = options.Positional.Where(a => !SweepAxis.Looks(a)).ToList();
        var datasets = new List<LoadedDataset>();
        var errors = new List<InputError>();
        foreach (var (dataset, failed) in DatasetFiles.Read(given.Count > 0 ? given : [DefaultFiles.Resolve(null, DefaultDatasets).Path], stderr))
        {
            if (dataset is not null) datasets.Add(dataset);
            else errors.AddRange(failed!.Value.Errors);
        }
        if (errors.Count > 0) throw new InputException(errors);
        if (datasets.Count == 0) throw new InputException(ErrorKinds.FileMissing, given.FirstOrDefault() ?? DefaultDatasets, "inga dataset att bedöma");

        // Each dataset is rated by the version in force for its period, with the swept values as its thresholds.
        var inForce = datasets.ToDictionary(d => d.Dataset, d => Inputs.InForce(catalog, d, stderr).Compiled);
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
            throw new UsageException(e.Message, Help);
        }
        Inputs.Write(format switch
        {
            "json" => SweepReports.Json(report, rulesDisplay),
            "html" => SweepReports.Html(report, rulesDisplay),
            _ => SweepReports.Text(report, rulesDisplay),
        }, options.Value("-o", "--output"), stdout, stderr);
        return Cli.Ok;
    }
}
