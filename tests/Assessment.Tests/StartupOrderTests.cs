using System.Reflection;
using System.Text.RegularExpressions;

namespace Assessment.Tests;

/// <summary>
/// src/startup.order (bench/startup-order.sh) tells the native compiler which methods to lay out first: the ones
/// cold commands run. A name it does not find is skipped, so a list gone stale only costs speed – which is why it is
/// checked here: the list must name our own methods as the compiler names them, and most of them must still exist.
/// </summary>
public partial class StartupOrderTests
{
    private static readonly string[] Names = File.ReadAllLines(Repo.PathOf("src/startup.order"));

    /// <summary>Our assemblies as the compiler prefixes their methods ("Assessment.Rules" → "Assessment_Rules_").</summary>
    private static readonly string[] Assemblies = ["assess", "Assessment.Domain", "Assessment.Rules", "Assessment.Import", "Assessment.Reports"];

    [Fact]
    public void The_list_names_each_method_once_as_the_native_compiler_names_it()
    {
        Names.Length.ShouldBeGreaterThan(1000, "the list is nearly empty: run bench/startup-order.sh");
        Names.Distinct(StringComparer.Ordinal).Count().ShouldBe(Names.Length, "a name is listed twice");
        foreach (var name in Names)
            CompilerName().IsMatch(name).ShouldBeTrue($"\"{name}\" is not a managed method's name as the native compiler writes it");
    }

    [Fact]
    public void The_methods_of_a_cold_run_come_first()
    {
        // The first command the script runs is `run`: its command, the rule set's reader and the dataset's reader are
        // among the first methods, before those only other commands reach (explain's).
        var firstExplain = Array.FindIndex(Names, n => n.StartsWith("assess_Assessment_Cli_ExplainCommand__", StringComparison.Ordinal));
        foreach (var method in new[]
                 {
                     "assess_Assessment_Cli_RunCommand__Run", "Assessment_Rules_Assessment_Rules_RuleSetReader__ReadFile",
                     "Assessment_Domain_Assessment_Domain_Yaml_DatasetReader__ReadGoals",
                 })
        {
            var at = Array.IndexOf(Names, method);
            at.ShouldBeGreaterThanOrEqualTo(0, $"{method} is not in the list: run bench/startup-order.sh");
            if (firstExplain >= 0) at.ShouldBeLessThan(firstExplain, $"{method} comes after explain's methods");
        }
    }

    [Fact]
    public void Most_of_our_listed_methods_still_exist()
    {
        // "Assessment_Rules_Assessment_Rules_RuleSetReader__ReadFile": the assembly, the type's full name and the method
        // (see Mangled), an overload numbered "_0", "_1" …, a lambda under its closure's type, an iterator's members
        // under the method that made it ("SelfAndDescendants_d__31__MoveNext" → SelfAndDescendants).
        var members = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var assemblyName in Assemblies)
        foreach (var type in Assembly.Load(assemblyName).GetTypes())
        {
            var key = Mangled(assemblyName) + "_" + Mangled(type.FullName!);
            var names = members.TryGetValue(key, out var known) ? known : members[key] = new HashSet<string>(StringComparer.Ordinal);
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMembers(all).OfType<MethodBase>()) names.Add(Mangled(method.Name));
        }

        // Generic instantiations and the regular expressions' generated types (file-local, named by a hash) are left out.
        var ours = Names.Where(n => Assemblies.Any(a => n.StartsWith(Mangled(a) + "_", StringComparison.Ordinal))
            && !n.Contains('<') && !n.Contains("_RegularExpressions_Generated_", StringComparison.Ordinal)).ToList();
        var missing = ours.Where(n => !Exists(n, members)).ToList();
        ours.Count.ShouldBeGreaterThan(200);
        ((double)missing.Count / ours.Count).ShouldBeLessThan(0.05,
            $"{missing.Count} of {ours.Count} of our methods in src/startup.order no longer exist (run bench/startup-order.sh), e.g. {string.Join(", ", missing.Take(5))}");
    }

    private static bool Exists(string name, Dictionary<string, HashSet<string>> members)
    {
        // The type is the longest known prefix before a "__"; what follows starts with the method's name.
        for (var split = name.IndexOf("__", StringComparison.Ordinal); split > 0; split = name.IndexOf("__", split + 1, StringComparison.Ordinal))
        {
            if (!members.TryGetValue(name[..split], out var methods)) continue;
            var member = name[(split + 2)..];
            if (methods.Any(m => member == m || member.StartsWith(m + "_", StringComparison.Ordinal))) return true;
        }
        return false;
    }

    /// <summary>A name as the compiler writes it: '.', '+', '`', '|', '&lt;' and '&gt;' become '_' (".ctor" → "_ctor", "&lt;Run&gt;b__2" → "_Run_b__2").</summary>
    private static string Mangled(string name) => Regex.Replace(name, "[.+`<>|]", "_");

    /// <summary>Letters, digits, '_' and the generic brackets and commas of the compiler's names ("<Boxed>" before an unboxing stub); no spaces, no C++ scopes.</summary>
    [GeneratedRegex(@"^[A-Za-z<][A-Za-z0-9_<>,]*$")]
    private static partial Regex CompilerName();
}
