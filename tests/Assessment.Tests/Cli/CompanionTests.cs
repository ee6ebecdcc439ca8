using System.Diagnostics;
using System.Text.Json.Nodes;
using Assessment.Cli;
using Assessment.Domain;
using Assessment.Reports;

namespace Assessment.Tests.Cli;

/// <summary>
/// The native <c>assess</c> is the lean program and becomes <c>assess-full</c> for the workbench, Word and Excel
/// (Companion.cs); every other command stays where it is. Here the ordinary build is run as the native one is: its files linked into a folder of their own,
/// the lean switch on in its runtimeconfig, and a stand-in <c>assess-full</c> beside it that says what it got.
/// </summary>
public sealed class CompanionTests : IDisposable
{
    private readonly TempFolder _dir = new("assess-foljeslagare-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_program_is_whole_where_the_switch_is_not_set()
    {
        ProgramParts.Lean.ShouldBeFalse();
        ReportFormats.All.Where(f => !f.InLeanProgram).Select(f => f.Name).ShouldBe(["xlsx", "docx"]);
    }

    [Fact]
    public void A_missing_companion_is_a_missing_file_with_what_to_do()
    {
        var error = Should.Throw<InputException>(() => Companion.Run(_dir.PathOf("tom"), ["serve"], TextWriter.Null, TextWriter.Null));
        error.Errors[0].ToString().ShouldContain("fel A101:");
        error.Errors[0].ToString().ShouldContain("assess-full saknas");
        error.Errors[0].ToString().ShouldContain("dotnet publish src/Assessment.Cli");
    }

    [SkippableFact]
    public void A_companion_that_cannot_be_run_is_an_unreadable_file_not_a_stack_trace()
    {
        Skip.IfNot(Posix.Available, "exec needs Linux");
        var folder = _dir.PathOf("ej-korbar");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, Companion.ProgramName), "#!/bin/sh\nexit 0\n"); // no execute bit: exec fails, this process stays

        var error = Should.Throw<InputException>(() => Companion.Run(folder, ["serve"], TextWriter.Null, TextWriter.Null));

        error.Errors[0].ToString().ShouldContain("fel A105:");
        error.Errors[0].ToString().ShouldContain("assess-full kan inte startas");
    }

    [SkippableTheory]
    [InlineData("serve --port=0 exempel|mapp")]
    [InlineData("serve -- -mapp")]
    [InlineData("run --format docx -o ut.docx")]
    [InlineData("run --format=xlsx -o ut.xlsx")]
    [InlineData("merge plan.yaml utfall.XLSX -o ny.yaml")]
    [InlineData("import rapport.txt --granska granska.xlsx")]
    public void A_command_the_lean_program_lacks_becomes_the_full_one_with_the_same_words_and_its_exit_code(string line)
    {
        Skip.IfNot(Posix.Available, "exec and hard links need Linux");
        string[] words = [.. line.Split(' ').Select(w => w.Replace('|', ' '))];

        var (exit, output, error) = RunLean(words);

        (exit, output, error).ShouldBe((7, string.Concat(words.Select(w => $"<{w}>")), ""));
    }

    [SkippableFact]
    public void A_command_the_lean_program_has_stays_in_it()
    {
        Skip.IfNot(Posix.Available, "exec and hard links need Linux");
        var (exit, output, _) = RunLean("run", "--format", "json");
        (exit, output.StartsWith('{')).ShouldBe((0, true));
        var (importExit, _, importError) = RunLean("import", Repo.Seed("001_9521fb7e6e23d8f1.txt"), "-o", _dir.PathOf("t1.yaml"));
        (importExit, importError.Contains("importerade 35 mål")).ShouldBe((0, true));
    }

    /// <summary>
    /// The ordinary build run as the lean program: its files in a folder of their own with the switch on in its
    /// runtimeconfig, and beside it a stand-in <c>assess-full</c> that prints each word it got in &lt;&gt; and exits with 7.
    /// </summary>
    private (int Exit, string Out, string Err) RunLean(params string[] args)
    {
        var app = _dir.PathOf("app");
        if (!Directory.Exists(app)) MakeLeanApp(app);
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(app, "assess.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.Root,
        };
        using var run = Process.Start(start)!;
        var output = run.StandardOutput.ReadToEndAsync();
        var error = run.StandardError.ReadToEnd();
        run.WaitForExit();
        return (run.ExitCode, output.Result, error);
    }

    private static void MakeLeanApp(string app)
    {
        Directory.CreateDirectory(app);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory))
            if (!file.EndsWith("assess.runtimeconfig.json", StringComparison.Ordinal))
                LinkOrCopy(file, Path.Combine(app, Path.GetFileName(file)));
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "assess.runtimeconfig.json")))!;
        var options = config["runtimeOptions"]!.AsObject();
        var properties = options["configProperties"] as JsonObject ?? [];
        options["configProperties"] = properties;
        properties[ProgramParts.LeanSwitch] = true;
        File.WriteAllText(Path.Combine(app, "assess.runtimeconfig.json"), config.ToJsonString());
        var companion = Path.Combine(app, Companion.ProgramName);
        File.WriteAllText(companion, "#!/bin/sh\nprintf '<%s>' \"$@\"\nexit 7\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(companion, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>A hard link where the temporary folder is on the build's file system, a copy where it is not.</summary>
    private static void LinkOrCopy(string file, string to)
    {
        try
        {
            Posix.HardLink(file, to);
        }
        catch (IOException)
        {
            File.Copy(file, to);
        }
    }
}
