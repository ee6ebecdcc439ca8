using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Rules.Model;

namespace Assessment.Rules;

/// <summary>
/// The rule set chosen for a period, with a note when it is used although the period ends before its
/// <c>giltig_fran</c> (a file named explicitly); the note travels with every result it gives.
/// </summary>
public sealed record RuleSetInForce(CompiledRuleSet Compiled, string? Note)
{
    public RuleSet RuleSet => Compiled.RuleSet;

    public AssessmentResult Assess(Dataset dataset, FinalSource finalSource = FinalSource.Derived)
    {
        var result = Compiled.Assess(dataset, finalSource);
        return Note is null ? result : result with { RuleSet = result.RuleSet with { Note = Note } };
    }
}

/// <summary>
/// The rule sets a user points at: one file, or a folder of versions. In a folder every
/// <c>*.yaml</c> except test files (<c>*.tests.yaml</c>) is a rule set, and the period's end date picks
/// the one in force: the latest <c>giltig_fran</c> on or before it. A file named explicitly applies to any
/// period – a history run – with a note when the period ends before its <c>giltig_fran</c>.
/// </summary>
public sealed class RuleSetCatalog
{
    public const string TestFileSuffix = ".tests.yaml";

    private readonly IReadOnlyList<CompiledRuleSet> _versions;
    private readonly string _display;
    private readonly bool _isFolder;

    private RuleSetCatalog(IReadOnlyList<CompiledRuleSet> versions, string display, bool isFolder)
    {
        // By the day each applies from, in the given order for the same day (OrderBy's order): an insertion sort over a
        // handful of versions, not OrderBy, whose generic machinery cost a cold start more.
        var sorted = new List<CompiledRuleSet>(versions);
        for (var i = 1; i < sorted.Count; i++)
        {
            var version = sorted[i];
            var j = i - 1;
            for (; j >= 0 && sorted[j].RuleSet.ValidFrom > version.RuleSet.ValidFrom; j--) sorted[j + 1] = sorted[j];
            sorted[j + 1] = version;
        }
        _versions = sorted;
        _display = display;
        _isFolder = isFolder;
    }

    /// <summary>Loads a rule set file or every rule set in a folder; all problems in all files are reported together.</summary>
    public static RuleSetCatalog Load(string path, string display)
    {
        if (!Directory.Exists(path)) return new RuleSetCatalog([RuleSetReader.ReadFile(path, display)], display, isFolder: false);

        var files = RuleFiles(path);
        if (files.Count == 0)
            throw new InputException(ErrorKinds.FileMissing, display, "mappen innehåller inga regelverk (*.yaml)");
        var versions = new List<CompiledRuleSet>();
        var errors = new List<InputError>();
        foreach (var file in files)
        {
            try { versions.Add(RuleSetReader.ReadFile(file, Shown(display, path, file))); }
            catch (InputException e) { errors.AddRange(e.Errors); }
        }
        errors.AddRange(Clashes(versions));
        if (errors.Count > 0) throw new InputException(errors);
        return new RuleSetCatalog(versions, display, isFolder: true);
    }

    /// <summary>Versions in one folder that are valid from the same day: the period could not pick one.</summary>
    public static IEnumerable<InputError> Clashes(IEnumerable<CompiledRuleSet> versions)
    {
        // Loops over a handful of versions, not GroupBy(…).Where(…).Select(…): that chain resolved a generic virtual
        // method at run time at every start. Each day once, in the order the versions come, as grouping gives them.
        var list = versions as IReadOnlyList<CompiledRuleSet> ?? [.. versions];
        var errors = new List<InputError>();
        for (var i = 0; i < list.Count; i++)
        {
            var day = list[i].RuleSet.ValidFrom;
            var seen = false;
            for (var j = 0; j < i && !seen; j++) seen = list[j].RuleSet.ValidFrom == day;
            if (seen) continue;
            var clash = new List<CompiledRuleSet>();
            for (var j = i; j < list.Count; j++)
                if (list[j].RuleSet.ValidFrom == day) clash.Add(list[j]);
            if (clash.Count > 1)
                errors.Add(new InputError(ErrorKinds.NoRuleSetInForce, SourcePosition.InFile(clash[^1].RuleSet.File),
                    $"två regelverk gäller från samma dag ({day:yyyy-MM-dd}): {string.Join(" och ", clash.Select(v => v.RuleSet.File))}"));
        }
        return errors;
    }

    /// <summary>
    /// The rule set for the period. From a folder: the latest version valid from a date on or before the
    /// period's end, and an error naming every version when there is none. A single file: that file, for
    /// any period, with a note when the period ends before it is valid.
    /// </summary>
    public RuleSetInForce InForce(ReportingPeriod period)
    {
        if (!_isFolder)
        {
            var file = _versions[0].RuleSet;
            return new RuleSetInForce(_versions[0], file.ValidFrom <= period.EndDate ? null :
                $"regelverket {file.Id} {file.Version} gäller från {file.ValidFrom:yyyy-MM-dd} men perioden {period} slutar " +
                $"{period.EndDate:yyyy-MM-dd}; det används ändå eftersom filen angavs med --rules");
        }
        var inForce = _versions.LastOrDefault(v => v.RuleSet.ValidFrom <= period.EndDate);
        return inForce is not null ? new RuleSetInForce(inForce, null) : throw new InputException(ErrorKinds.NoRuleSetInForce, _display,
            $"inget regelverk i {_display} gäller för {period} (periodens slut {period.EndDate:yyyy-MM-dd}): " +
            string.Join(", ", _versions.Select(v => $"{v.RuleSet.Id} {v.RuleSet.Version} gäller från {v.RuleSet.ValidFrom:yyyy-MM-dd} ({v.RuleSet.File})")) +
            "; ange en av filerna med --rules FIL för att ändå bedöma perioden med den");
    }

    /// <summary>The rule set files in a folder, in name order, test files left out.</summary>
    /// <remarks>A loop and a sort, not LINQ: ordering through LINQ resolved a generic virtual method at run time, about
    /// a thirtieth of a cold native run.</remarks>
    public static List<string> RuleFiles(string directory)
    {
        var files = new List<string>();
        foreach (var file in Directory.GetFiles(directory, "*.yaml"))
            if (!file.EndsWith(TestFileSuffix, StringComparison.Ordinal)) files.Add(file);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public static string Shown(string display, string directory, string file) =>
        $"{display.TrimEnd('/')}/{Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/')}";
}
