using Assessment.Domain;
using Assessment.Domain.Model;

namespace Assessment.Rules;

/// <summary>
/// The rule sets a user points at: one file, or a folder of versions. In a folder every
/// <c>*.yaml</c> except test files (<c>*.tests.yaml</c>) is a rule set, and the period's end date picks
/// the one in force: the latest <c>giltig_fran</c> on or before it.
/// </summary>
public sealed class RuleSetCatalog
{
    public const string TestFileSuffix = ".tests.yaml";

    private readonly IReadOnlyList<CompiledRuleSet> _versions;
    private readonly string _display;

    private RuleSetCatalog(IReadOnlyList<CompiledRuleSet> versions, string display)
    {
        _versions = versions.OrderBy(v => v.RuleSet.ValidFrom).ToList();
        _display = display;
    }

    /// <summary>Loads a rule set file or every rule set in a folder; all problems in all files are reported together.</summary>
    public static RuleSetCatalog Load(string path, string display)
    {
        if (!Directory.Exists(path)) return new RuleSetCatalog([RuleSetReader.ReadFile(path, display)], display);

        var files = RuleFiles(path).ToList();
        if (files.Count == 0)
            throw new InputException(SourcePosition.StartOf(display), "mappen innehåller inga regelverk (*.yaml)");
        var versions = new List<CompiledRuleSet>();
        var errors = new List<InputError>();
        foreach (var file in files)
        {
            try { versions.Add(RuleSetReader.ReadFile(file, Shown(display, path, file))); }
            catch (InputException e) { errors.AddRange(e.Errors); }
        }
        errors.AddRange(Clashes(versions));
        if (errors.Count > 0) throw new InputException(errors);
        return new RuleSetCatalog(versions, display);
    }

    /// <summary>Versions in one folder that are valid from the same day: the period could not pick one.</summary>
    public static IEnumerable<InputError> Clashes(IEnumerable<CompiledRuleSet> versions) =>
        versions.GroupBy(v => v.RuleSet.ValidFrom).Where(g => g.Count() > 1).Select(clash => new InputError(
            SourcePosition.StartOf(clash.Last().RuleSet.File),
            $"två regelverk gäller från samma dag ({clash.Key:yyyy-MM-dd}): {string.Join(" och ", clash.Select(v => v.RuleSet.File))}"));

    /// <summary>The rule set in force for the period: the latest one valid from a date on or before the period's end.</summary>
    public CompiledRuleSet InForce(ReportingPeriod period)
    {
        var inForce = _versions.LastOrDefault(v => v.RuleSet.ValidFrom <= period.EndDate);
        return inForce ?? throw new InputException(SourcePosition.StartOf(_display),
            $"inget regelverk gäller för {period} (periodens slut {period.EndDate:yyyy-MM-dd}); " +
            $"det tidigaste gäller från {_versions[0].RuleSet.ValidFrom:yyyy-MM-dd}");
    }

    /// <summary>The rule set files in a folder, in name order, test files left out.</summary>
    public static IEnumerable<string> RuleFiles(string directory) =>
        Directory.GetFiles(directory, "*.yaml")
            .Where(f => !f.EndsWith(TestFileSuffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static string Shown(string display, string directory, string file) =>
        $"{display.TrimEnd('/')}/{Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/')}";
}
