using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Rules;

namespace Assessment.Tests;

/// <summary>Paths in the repository and the shared seeds beside it, and the shipped rule set.</summary>
public static class Repo
{
    public static readonly string Root = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string SampleDataset => PathOf("examples/hasselby-vallingby-t1-2026.yaml");

    public static string DefaultRules => PathOf("rules/stockholm.yaml");

    /// <summary>The seed reports in ../shared/seeds beside the checkout.</summary>
    public static string Seed(string name) => Path.Combine(Root, "..", "shared", "seeds", name);

    private static readonly Lazy<CompiledRuleSet> Rules = new(() => RuleSetReader.ReadFile(DefaultRules, "rules/stockholm.yaml"));

    public static CompiledRuleSet StockholmRules => Rules.Value;

    public static Dataset Sample() => DatasetReader.ReadFile(SampleDataset, "examples/hasselby-vallingby-t1-2026.yaml");

    public static string ReadRulesText() => File.ReadAllText(DefaultRules);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Assessment.sln"))) return dir.FullName;
        throw new InvalidOperationException("Assessment.sln not found above the test binaries.");
    }
}

/// <summary>The command line run in-process, as a user runs it: exit code, standard output and standard error.</summary>
public static class Assess
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        return (Assessment.Cli.Cli.Run(args, stdout, stderr), stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A fresh temporary folder for one test, removed with everything in it when disposed.</summary>
public sealed class TempFolder(string prefix = "assess-") : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory(prefix);

    public string FullName => _dir.FullName;

    /// <summary>A path inside the folder.</summary>
    public string PathOf(string name) => Path.Combine(_dir.FullName, name);

    public void Dispose() => _dir.Delete(recursive: true);
}

/// <summary>Small datasets written inline, the way a user writes them.</summary>
public static class Yaml
{
    /// <summary>A dataset with one inriktningsmål "1" whose verksamhetsområdesmål are given as unindented YAML list items.</summary>
    public static string Dataset(string serviceAreaGoals, string period = "T1 2026") => $"""
        namnd: Teststadsdelsnämnd
        period: {period}
        inriktningsmal:
          - id: "1"
            titel: Inriktningsmål
            verksamhetsomradesmal:

        """ + Indent(serviceAreaGoals, 6);

    /// <summary>One indicator row as an unindented list item.</summary>
    public static string Indicator(string name, string? value, string? target, string? lastYear = null,
        string? outcome = null, string periodicity = "Tertial", string? direction = null)
    {
        var lines = new List<string> { $"- namn: \"{name}\"", $"  periodicitet: {periodicity}" };
        if (value is not null) lines.Add($"  prognos: \"{value}\"");
        if (outcome is not null) lines.Add($"  utfall: \"{outcome}\"");
        if (target is not null) lines.Add($"  arsmal: \"{target}\"");
        if (lastYear is not null) lines.Add($"  utfall_forra_aret: \"{lastYear}\"");
        if (direction is not null) lines.Add($"  riktning: {direction}");
        return string.Join("\n", lines);
    }

    /// <summary>A key with a list of items under it ("" when there are none), unindented.</summary>
    public static string Section(string key, IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "" : $"{key}:\n" + Indent(string.Join("\n", list), 2) + "\n";
    }

    public static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', spaces) + line));

    public static Dataset Read(string text) => DatasetReader.Read(text, "test.yaml");
}
