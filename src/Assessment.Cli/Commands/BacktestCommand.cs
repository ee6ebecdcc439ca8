using System.CommandLine;
using Assessment.Domain;
using Assessment.Domain.Yaml;
using Assessment.Reports;
using Assessment.Rules;
using Assessment.Rules.Audit;

namespace Assessment.Cli;

/// <summary><c>assess backtest DATASET|MAPP …</c>: the rules' derived ratings against what districts published, over a corpus.</summary>
internal static class BacktestCommand
{
    private static readonly Argument<string[]> Datasets = Arguments.AtLeastOne("DATASET|MAPP");
    private static readonly Option<string?> Rules = Flags.Rules();
    private static readonly Option<string> Format = Flags.Format(("text", "för terminalen"), ("json", "för andra verktyg"));
    private static readonly Option<string?> Output = Flags.Output();

    public static readonly AssessCommand Command = new("backtest", """
        Härledda mot publicerade betyg över många dataset: överensstämmelse och förväxlingsmatris
        per nivå och totalt, avvikelser som vilar på osäkra inlästa celler för sig.
        """, """
        En MAPP står för varje *.yaml i den och i dess undermappar; en fil där som inte är ett dataset
        (varken "namnd" eller "period" överst, t.ex. ett regelverk) hoppas över med en notis. Ett
        dataset som inte kan läsas rapporteras med fil:rad:kolumn och räknas inte; de andra räknas, och
        slutkoden blir 2.

        För varje dataset: andelen mål där härlett och publicerat betyg är lika, per nivå och totalt.
        För alla tillsammans: andelen lika och förväxlingsmatrisen (publicerat × härlett: helt, delvis,
        inte, ej bedömd) per nivå och över alla nivåer; sist målen som skiljer sig, delade i de som vilar
        på osäkra celler (osakert i en indikator eller aktivitet i målet eller under det, i en cell som
        reglerna läser) och övriga, med underlag.
        """, Run)
    {
        { Datasets, "ange minst ett dataset eller en mapp" }, Rules, Format, Output,
    };

    private static int Run(ParseResult parse, CommandContext context)
    {
        var given = parse.GetValue(Datasets)!;
        var format = parse.GetValue(Format);
        var catalog = context.Rules(parse.GetValue(Rules));

        // Each dataset is rated and compared on the core that read it; only its backtest is kept, never its goal tree.
        var datasets = new List<DatasetBacktest>();
        var failed = new List<(string Dataset, IReadOnlyList<InputError> Errors)>();
        foreach (var (backtest, errors) in DatasetFiles.Read(given, context,
                     dataset => Backtest.Of(dataset.Display, catalog.InForce(dataset.Dataset.Period).Assess(dataset.Dataset))))
        {
            if (backtest is not null)
            {
                context.Note(backtest.RuleSet.Note);
                datasets.Add(backtest);
            }
            else failed.Add(errors!.Value);
        }
        if (datasets.Count == 0)
            throw new InputException(failed.Count > 0
                ? failed.SelectMany(f => f.Errors).ToList()
                : [new InputError(ErrorKinds.FileMissing, SourcePosition.InFile(given[0]), "inga dataset att jämföra: mappen har inga dataset (*.yaml)")]);

        var corpus = Backtest.Corpus(datasets);
        context.Write(format == "json" ? BacktestJson.Render(corpus, failed) : AuditText.Backtest(corpus, failed), parse.GetValue(Output));
        foreach (var error in failed.SelectMany(f => f.Errors)) context.Stderr.WriteLine(error); // "fel A104: fil:rad:kolumn: …"
        return failed.Count > 0 ? Cli.BadInput : Cli.Ok;
    }
}
