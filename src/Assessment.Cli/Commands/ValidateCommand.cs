using System.CommandLine;
using Assessment.Domain;
using Assessment.Rules;
using Assessment.Rules.Model;
using Assessment.Rules.Testing;

namespace Assessment.Cli;

/// <summary><c>assess validate</c>: check rule sets (and their test files) without assessing anything.</summary>
internal static class ValidateCommand
{
    private static readonly Argument<string[]> Targets =
        Arguments.Many("REGELVERK", $"Regelverk, eller mappar med regelverk och testfiler. Standard: {DefaultFiles.Rules}/");

    public static readonly AssessCommand Command = new("validate",
        "Kontrollerar regelverk: struktur, namn, tröskelvärden, och varje uttrycks syntax och typer.", """
        Varje fil (eller varje *.yaml i en mapp) läses och kontrolleras: struktur och typer, okända
        nycklar (med förslag), namn på tröskelvärden och fakta i uttrycken, och varje uttrycks
        syntax och typer. Testfiler (*.tests.yaml) i mappen kontrolleras också. Alla fel rapporteras på en
        gång med fil:rad:kolumn.

        Slutkod 0 när allt är giltigt, 2 vid fel.
        """, Run)
    {
        Targets,
    };

    private static int Run(ParseResult parse, CommandContext context)
    {
        var errors = new List<InputError>();
        var lines = new List<string>();
        var versions = new List<(string Folder, CompiledRuleSet RuleSet)>();
        foreach (var (file, shown) in CommandContext.RuleFolderFiles(parse.GetValue(Targets) ?? [], "*.yaml"))
        {
            try
            {
                if (file.EndsWith(RuleSetCatalog.TestFileSuffix, StringComparison.Ordinal))
                {
                    var suite = RuleTestSuite.ReadFile(file, shown);
                    lines.Add($"ok: {shown}: {suite.Cases.Count} testfall för {suite.RuleSetDisplay}");
                }
                else
                {
                    var compiled = RuleSetReader.ReadFile(file, shown);
                    versions.Add((Path.GetDirectoryName(Path.GetFullPath(file))!, compiled));
                    var rs = compiled.RuleSet;
                    lines.Add($"ok: {shown}: {rs.Id} {rs.Version}, giltigt från {rs.ValidFrom:yyyy-MM-dd}, " +
                              $"{RuleScopes.All.Sum(s => rs.Rules[s].Count)} regler, {rs.Thresholds.Count} tröskelvärden");
                }
            }
            catch (InputException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        // Versions side by side in a folder must differ in giltig_fran, or no period can choose between them.
        foreach (var folder in versions.GroupBy(v => v.Folder))
            errors.AddRange(RuleSetCatalog.Clashes(folder.Select(v => v.RuleSet)));
        if (errors.Count > 0) throw new InputException(errors);
        foreach (var line in lines) context.Stdout.WriteLine(line);
        return Cli.Ok;
    }
}
