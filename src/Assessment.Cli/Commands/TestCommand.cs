using System.CommandLine;
using Assessment.Domain;
using Assessment.Reports;
using Assessment.Rules;
using Assessment.Rules.Testing;

namespace Assessment.Cli;

/// <summary><c>assess test</c>: run the rule sets' own test cases, like OPA's policy tests.</summary>
internal static class TestCommand
{
    private static readonly Argument<string[]> Targets =
        Arguments.Many("MAPP|TESTFIL", $"Testfiler, eller mappar med *{RuleSetCatalog.TestFileSuffix}. Standard: {DefaultFiles.Rules}/");

    public static readonly AssessCommand Command = new("test", "Kör regelverkens testfall (*.tests.yaml).", $"""
        Kör varje *.tests.yaml i mappen (standard: {DefaultFiles.Rules}/) mot regelverket som filen anger
        under "regelverk". Ett testfall ger fakta (eller en indikatorrad) på en nivå och det betyg –
        och gärna den regel – som regelverket ska ge.

        Slutkod 0 när alla fall godkänns, 1 när något underkänns (fallet namnges), 2 vid fel i filerna.
        """, Run)
    {
        Targets,
    };

    private static int Run(ParseResult parse, CommandContext context)
    {
        var given = parse.GetValue(Targets) ?? [];
        var files = CommandContext.RuleFolderFiles(given, "*" + RuleSetCatalog.TestFileSuffix);
        if (files.Count == 0)
            throw new InputException(ErrorKinds.FileMissing, given.FirstOrDefault() ?? DefaultFiles.Rules,
                $"inga testfiler (*{RuleSetCatalog.TestFileSuffix}) att köra");

        var errors = new List<InputError>();
        var runs = new List<(RuleTestSuite, RuleSetInfo, IReadOnlyList<RuleTestResult>)>();
        foreach (var (file, shown) in files)
        {
            try
            {
                var suite = RuleTestSuite.ReadFile(file, shown);
                var rules = RuleSetReader.ReadFile(suite.RuleSetFile, suite.RuleSetDisplay);
                runs.Add((suite, RuleSetInfo.Of(rules.RuleSet), suite.Run(rules)));
            }
            catch (InputException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        if (errors.Count > 0) throw new InputException(errors);
        context.Stdout.Write(AuditText.Tests(runs));
        return runs.All(r => r.Item3.All(x => x.Passed)) ? Cli.Ok : Cli.Findings;
    }
}
