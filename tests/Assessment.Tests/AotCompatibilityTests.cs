using System.Reflection;

namespace Assessment.Tests;

/// <summary>
/// `assess` is published with NativeAOT: every assembly of the program is built with the trim and AOT analyzers
/// (IsAotCompatible, src/Directory.Build.props), so a reflection pattern the native program cannot run fails an
/// ordinary build. What no analyzer sees – a library finding its own members by reflection at run time – is
/// checked by running the native program: bench/native-check.sh.
/// </summary>
public class AotCompatibilityTests
{
    public static TheoryData<string> ProgramAssemblies() =>
        ["assess", "Assessment.Domain", "Assessment.Rules", "Assessment.Import", "Assessment.Reports"];

    [Theory]
    [MemberData(nameof(ProgramAssemblies))]
    public void Every_assembly_of_the_program_is_built_with_the_trim_and_aot_analyzers(string name)
    {
        var assembly = Assembly.Load(name);
        var metadata = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        metadata.GetValueOrDefault("IsTrimmable").ShouldBe("True", $"{name} is not marked IsAotCompatible");
    }
}
