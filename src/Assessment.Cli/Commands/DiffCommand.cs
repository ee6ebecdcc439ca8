using Assessment.Reports;
using Assessment.Rules;
using Assessment.Rules.Audit;

namespace Assessment.Cli;

/// <summary><c>assess diff --rules OLD --rules NEW</c>: which ratings a rule change changes, and why.</summary>
internal static class DiffCommand
{
    public const string Help = $"""
        assess diff – vilka betyg ändras om regelverket ändras?

        Användning:
          assess diff --rules GAMMALT --rules NYTT [DATASET …] [-o FIL]

        Bedömer varje dataset med båda regelverken och listar de mål och indikatorer vars härledda betyg
        ändras, från vad till vad, och vilket tröskelvärde eller vilken regel som orsakade det; sist en
        summering per nivå. Standarddataset: {Inputs.DefaultDataset}

        GAMMALT och NYTT är filer eller mappar med versioner, som för assess run: en fil gäller för varje
        period (med en not när perioden slutar före filens giltig_fran), i en mapp väljer perioden.

        Flaggor:
          --rules FIL|MAPP   Gammalt och nytt regelverk, i den ordningen (anges två gånger).
          -o, --output FIL   Skriv till FIL (skrivs helt eller inte alls).
        """;

    /// <summary>The flags the command takes; its help and the README name each of them (a test compares).</summary>
    internal static readonly string[] Flags = ["--rules", "-o", "--output"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = Options.Parse(args, Help, Flags, maxPositional: int.MaxValue, repeatable: ["--rules"]);
        if (options.Help)
        {
            stdout.Write(Help);
            return Cli.Ok;
        }
        var rules = options.Values("--rules");
        if (rules.Count != 2) throw new UsageException("ange två regelverk: --rules GAMMALT --rules NYTT", Help);
        var before = Inputs.Rules(rules[0]);
        var after = Inputs.Rules(rules[1]);
        var datasets = options.Positional.Count > 0 ? options.Positional.Select(p => (string?)p).ToList() : [null];

        var results = new List<(string, IReadOnlyList<RatingChange>)>();
        RuleSetInfo? first = null, second = null;
        foreach (var given in datasets)
        {
            var dataset = Inputs.Dataset(given);
            var oldRules = Inputs.InForce(before, dataset, stderr);
            var newRules = Inputs.InForce(after, dataset, stderr);
            first ??= RuleSetInfo.Of(oldRules.RuleSet);
            second ??= RuleSetInfo.Of(newRules.RuleSet);
            results.Add((dataset.Display, Diff.Compare(oldRules.Assess(dataset.Dataset), newRules.Assess(dataset.Dataset), oldRules.RuleSet, newRules.RuleSet)));
        }
        Inputs.Write(AuditText.Diff(results, first!, second!), options.Value("-o", "--output"), stdout, stderr);
        return Cli.Ok;
    }
}
