using Assessment.Domain;
using Assessment.Domain.Yaml;
using Assessment.Reports;
using Assessment.Rules;
using Assessment.Rules.Audit;

namespace Assessment.Cli;

/// <summary><c>assess backtest DATASET|MAPP …</c>: the rules' derived ratings against what districts published, over a corpus.</summary>
internal static class BacktestCommand
{
    public const string Help = $"""
        assess backtest – jämför regelverkets härledda betyg med de publicerade, över ett eller många dataset.

        Användning:
          assess backtest DATASET|MAPP … [--rules FIL|MAPP] [--format text|json] [-o FIL]

        En MAPP står för varje *.yaml i den och i dess undermappar; en fil där som inte är ett dataset
        (varken "namnd" eller "period" överst, t.ex. ett regelverk) hoppas över med en notis. Ett
        dataset som inte kan läsas rapporteras med fil:rad:kolumn och räknas inte; de andra räknas, och
        slutkoden blir 2.

        För varje dataset: andelen mål där härlett och publicerat betyg är lika, per nivå och totalt.
        För alla tillsammans: andelen lika och förväxlingsmatrisen (publicerat × härlett: helt, delvis,
        inte, ej bedömd) per nivå och över alla nivåer; sist målen som skiljer sig, delade i de som vilar
        på osäkra celler (osakert i en indikator eller aktivitet i målet eller under det, i en cell som
        reglerna läser) och övriga, med underlag.

        Flaggor:
          {Inputs.RulesHelp}
          --format FORMAT    text (standard) eller json
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
        if (options.Positional.Count == 0) throw new UsageException("ange minst ett dataset eller en mapp", Help);
        var format = options.Format(Help, "text", "json");
        var catalog = Inputs.Rules(options.Value("--rules"));

        var results = new List<(string, AssessmentResult)>();
        var failed = new List<(string Dataset, IReadOnlyList<InputError> Errors)>();
        foreach (var (dataset, errors) in DatasetFiles.Read(options.Positional, stderr))
        {
            if (dataset is not null) results.Add((dataset.Display, Inputs.InForce(catalog, dataset, stderr).Assess(dataset.Dataset)));
            else failed.Add(errors!.Value);
        }
        if (results.Count == 0)
            throw new InputException(failed.Count > 0
                ? failed.SelectMany(f => f.Errors).ToList()
                : [new InputError(ErrorKinds.FileMissing, SourcePosition.InFile(options.Positional[0]), "inga dataset att jämföra: mappen har inga dataset (*.yaml)")]);

        var corpus = Backtest.Corpus(results);
        Inputs.Write(format == "json" ? BacktestJson.Render(corpus, failed) : AuditText.Backtest(corpus, failed),
            options.Value("-o", "--output"), stdout, stderr);
        foreach (var error in failed.SelectMany(f => f.Errors)) stderr.WriteLine(error);
        return failed.Count > 0 ? Cli.BadInput : Cli.Ok;
    }
}
