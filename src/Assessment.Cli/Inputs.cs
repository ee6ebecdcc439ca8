using System.Text;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Reports.Justification;
using Assessment.Rules;

namespace Assessment.Cli;

/// <summary>A dataset as read, with the name it is shown by and the SHA-256 of its bytes (for the decision log).</summary>
public sealed record LoadedDataset(Dataset Dataset, string Display, string Sha256);

/// <summary>The inputs every command reads the same way: dataset, rule sets, templates; and the output.</summary>
public static class Inputs
{
    public const string DefaultDataset = "examples/hasselby-vallingby-t1-2026.yaml";
    public const string DefaultRules = "rules";
    public const string DefaultTemplates = "templates";

    public static LoadedDataset Dataset(string? given)
    {
        var (path, display) = DefaultFiles.Resolve(given, DefaultDataset);
        var input = InputText.Read(path, display);
        return new LoadedDataset(DatasetReader.Read(input.Text, display), display, input.Sha256);
    }

    /// <summary>A rule set file, or a folder of versions from which the period picks the one in force.</summary>
    public static RuleSetCatalog Rules(string? given)
    {
        var (path, display) = DefaultFiles.Resolve(given, DefaultRules);
        return RuleSetCatalog.Load(path, display);
    }

    /// <summary>
    /// The files named on the command line – a folder stands for its files matching <paramref name="pattern"/> –
    /// each with the name to show; none named means the rules folder.
    /// </summary>
    public static IReadOnlyList<(string Path, string Display)> RuleFolderFiles(IReadOnlyList<string> given, string pattern)
    {
        var targets = given.Count > 0 ? given.Select(p => (p, p)).ToList() : [DefaultFiles.Resolve(null, DefaultRules)];
        return targets.SelectMany(t => Directory.Exists(t.Item1)
                ? Directory.GetFiles(t.Item1, pattern).Order(StringComparer.Ordinal).Select(f => (f, RuleSetCatalog.Shown(t.Item2, t.Item1, f)))
                : [t])
            .ToList();
    }

    public static TemplateSet Templates(string? given)
    {
        var (path, display) = DefaultFiles.Resolve(given, DefaultTemplates);
        return TemplateSet.Load(path, display);
    }

    /// <summary>Writes to standard output, or to a file whole (temporary file, then rename).</summary>
    public static void Write(string content, string? outputPath, TextWriter stdout, TextWriter stderr)
    {
        if (outputPath is null)
        {
            stdout.Write(content);
            stdout.Flush();
            return;
        }
        OutputFile.WriteAtomically(outputPath, Encoding.UTF8.GetBytes(content));
        stderr.WriteLine($"skrev {outputPath}");
    }
}
