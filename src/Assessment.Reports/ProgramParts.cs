using System.Diagnostics.CodeAnalysis;

namespace Assessment.Reports;

/// <summary>
/// Whether the running program is the lean <c>assess</c>. Published natively, <c>assess</c> leaves out what only a few
/// commands use and every command paid for at each start – Word and Excel (the Open XML SDK: some 10 000 types whose
/// statics the runtime sets up before <c>Main</c>; MiniExcel, with System.Xml and the network stack behind it) and
/// the workbench (ASP.NET Core) – and <c>assess-full</c>, published beside it, has everything (Assessment.Cli's <c>Companion</c>). The switch is set only in that publish,
/// where the native compiler removes the code behind every test of <see cref="Lean"/> that is then false; everywhere
/// else (<c>dotnet run</c>, the tests, ReadyToRun) it is off. A call that needs a part the program lacks stands behind
/// such a test, and the command has become <c>assess-full</c> before it gets there.
/// </summary>
public static class ProgramParts
{
    public const string LeanSwitch = "Assessment.LeanProgram";

    [FeatureSwitchDefinition(LeanSwitch)]
    public static bool Lean => AppContext.TryGetSwitch(LeanSwitch, out var lean) && lean;

    /// <summary>For the branch a command never takes in the lean program: it became <c>assess-full</c> first.</summary>
    public static InvalidOperationException Lacks(string part) =>
        new($"the lean program has no {part}: the command should have become assess-full before this");
}
