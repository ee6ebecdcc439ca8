using Assessment.Reports;
using Assessment.Rules;
using Assessment.Rules.Audit;

namespace Assessment.Cli;

/// <summary><c>assess backtest DATASET…</c>: the rules' derived ratings against what districts published.</summary>
internal static class BacktestCommand
{
    public const string Help = $"""
        assess backtest – jämför regelverkets härledda betyg med de publicerade.

        Användning:
          assess backtest DATASET … [--rules FIL|MAPP] [-o FIL]

        För varje nivå: andelen mål där härlett och publicerat betyg är lika, och en förväxlingsmatris
        (publicerat × härlett: helt, delvis, inte, ej bedömd); sist målen som skiljer sig, med underlag.

        Flaggor:
          {Inputs.RulesHelp}
          -o, --output FIL   Skriv till FIL.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = Options.Parse(args, Help, ["--rules", "-o", "--output"], maxPositional: int.MaxValue);
        if (options.Help)
        {
            stdout.Write(Help);
            return Cli.Ok;
        }
        if (options.Positional.Count == 0) throw new UsageException("ange minst ett dataset", Help);
        var catalog = Inputs.Rules(options.Value("--rules"));
        var results = new List<(string, AssessmentResult)>();
        foreach (var given in options.Positional)
        {
            var dataset = Inputs.Dataset(given);
            results.Add((dataset.Display, Inputs.InForce(catalog, dataset, stderr).Assess(dataset.Dataset)));
        }
        var report = Backtest.Run(results);
        Inputs.Write(AuditText.Backtest(report, results.Select(r => r.Item1).ToList(), results[0].Item2.RuleSet), options.Value("-o", "--output"), stdout, stderr);
        return Cli.Ok;
    }
}
