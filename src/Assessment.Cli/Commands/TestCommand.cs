using Assessment.Domain;
using Assessment.Reports;
using Assessment.Rules;
using Assessment.Rules.Testing;

namespace Assessment.Cli;

/// <summary><c>assess test</c>: run the rule sets' own test cases, like OPA's policy tests.</summary>
internal static class TestCommand
{
    public const string Help = $"""
        assess test – kör regelverkens testfall.

        Användning:
          assess test [MAPP|TESTFIL …]

        Kör varje *.tests.yaml i mappen (standard: {Inputs.DefaultRules}/) mot regelverket som filen anger
        under "regelverk". Ett testfall ger fakta (eller en indikatorrad) på en nivå och det betyg –
        och gärna den regel – som regelverket ska ge.

        Slutkod 0 när alla fall godkänns, 1 när något underkänns (fallet namnges), 2 vid fel i filerna.
        """;

    /// <summary>The flags the command takes; its help and the README name each of them (a test compares).</summary>
    internal static readonly string[] Flags = [];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = Options.Parse(args, Help, Flags, maxPositional: int.MaxValue);
        if (options.Help)
        {
            stdout.Write(Help);
            return Cli.Ok;
        }
        var files = Inputs.RuleFolderFiles(options.Positional, "*" + RuleSetCatalog.TestFileSuffix);
        if (files.Count == 0)
            throw new InputException(ErrorKinds.FileMissing, options.Positional.FirstOrDefault() ?? Inputs.DefaultRules,
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
        stdout.Write(AuditText.Tests(runs));
        return runs.All(r => r.Item3.All(x => x.Passed)) ? Cli.Ok : Cli.Findings;
    }
}
