using System.CommandLine;
using Assessment.Reports;
using Assessment.Rules;
using Assessment.Rules.Audit;

namespace Assessment.Cli;

/// <summary><c>assess diff --rules OLD --rules NEW</c>: which ratings a rule change changes, and why.</summary>
internal static class DiffCommand
{
    private static readonly Argument<string[]> Datasets = Arguments.Many("DATASET", $"Standard: {DefaultFiles.Dataset}");

    private static readonly Option<string[]> Rules = new("--rules")
    {
        HelpName = "GAMMALT --rules NYTT",
        Description = "Gammalt och nytt regelverk, i den ordningen (anges två gånger).",
        Arity = ArgumentArity.OneOrMore,
        Required = true,
    };

    private static readonly Option<string?> Output = Flags.Output();

    public static readonly AssessCommand Command = new("diff", "Vilka betyg ändras mellan två regelverk, och varför.", """
        Bedömer varje dataset med båda regelverken och listar de mål och indikatorer vars härledda betyg
        ändras, från vad till vad, och vilket tröskelvärde eller vilken regel som orsakade det; sist en
        summering per nivå.

        GAMMALT och NYTT är filer eller mappar med versioner, som för assess run: en fil gäller för varje
        period (med en not när perioden slutar före filens giltig_fran), i en mapp väljer perioden.
        """, Run)
    {
        Datasets, Rules, Output,
    };

    private static int Run(ParseResult parse, CommandContext context)
    {
        var rules = parse.GetValue(Rules) ?? [];
        if (rules.Length != 2) throw new UsageException("ange två regelverk: --rules GAMMALT --rules NYTT");
        if (rules.Any(r => r.Length == 0)) throw new UsageException("flaggan --rules har ett tomt värde");
        var before = context.Rules(rules[0]);
        var after = context.Rules(rules[1]);
        var given = parse.GetValue(Datasets) ?? [];
        var datasets = given.Length > 0 ? given.Select(p => (string?)p).ToList() : [null];

        var results = new List<(string, IReadOnlyList<RatingChange>)>();
        RuleSetInfo? first = null, second = null;
        foreach (var name in datasets)
        {
            var dataset = context.Dataset(name);
            var oldRules = context.InForce(before, dataset);
            var newRules = context.InForce(after, dataset);
            first ??= RuleSetInfo.Of(oldRules.RuleSet);
            second ??= RuleSetInfo.Of(newRules.RuleSet);
            results.Add((dataset.Display, Diff.Compare(oldRules.Assess(dataset.Dataset), newRules.Assess(dataset.Dataset), oldRules.RuleSet, newRules.RuleSet)));
        }
        context.Write(AuditText.Diff(results, first!, second!), parse.GetValue(Output));
        return Cli.Ok;
    }
}
