using System.Diagnostics;
using System.Text;

namespace Assessment.Tests.Cli;

/// <summary>
/// The program's standard output and error on Unix are written straight to file descriptors 1 and 2
/// (StandardStreams.cs), not through System.Console: what a shell does with them must come out as it did.
/// Each test runs the built <c>assess</c> under <c>bash</c> with the redirection it is about.
/// </summary>
public sealed class StandardStreamsTests : IDisposable
{
    private readonly TempFolder _dir = new("assess-standardstrommar-");

    public void Dispose() => _dir.Dispose();

    private static readonly string Assess = $"dotnet exec '{Path.Combine(AppContext.BaseDirectory, "assess.dll")}'";

    [SkippableFact]
    public void Output_goes_where_the_descriptor_stands_after_what_others_wrote_there()
    {
        Skip.IfNot(Posix.Available, "bash and file descriptors: Linux");
        var file = _dir.PathOf("ut.txt");

        var (exit, _) = Bash($"{{ printf 'före\\n'; {Assess} --version; {Assess} run nosuch.yaml 2>&1; printf 'efter\\n'; }} > '{file}'");

        exit.ShouldBe(0);
        File.ReadAllText(file).ShouldBe("före\n1.0.0\nfel A101: nosuch.yaml: filen finns inte\nefter\n");
    }

    [SkippableFact]
    public void A_reader_that_goes_away_or_a_closed_stream_ends_the_output_quietly()
    {
        Skip.IfNot(Posix.Available, "bash and file descriptors: Linux");

        Bash($"{Assess} run --format json | head -c 1 >/dev/null; exit ${{PIPESTATUS[0]}}").ShouldBe((0, ""));
        Bash($"{Assess} run >&-").ShouldBe((0, ""));
    }

    [SkippableFact]
    public void Output_that_cannot_be_written_is_a_clear_error_not_an_internal_one()
    {
        Skip.IfNot(Posix.Available && File.Exists("/dev/full"), "a full device: Linux");

        var (exit, error) = Bash($"{Assess} run > /dev/full");

        (exit, error.Trim()).ShouldBe((2, "fel A107: standard ut: kan inte skriva: disken är full"));
    }

    [SkippableFact]
    public void The_text_is_utf8_whatever_the_locale_says()
    {
        Skip.IfNot(Posix.Available, "bash and file descriptors: Linux");
        var file = _dir.PathOf("ut.txt");

        Bash($"LANG=C LC_ALL=C {Assess} run > '{file}'").ShouldBe((0, ""));

        var bytes = File.ReadAllBytes(file);
        Encoding.UTF8.GetString(bytes).ShouldStartWith("Hässelby-Vällingby stadsdelsnämnd · T1 2026");
        bytes.AsSpan(0, 3).SequenceEqual("\uFEFF"u8).ShouldBeFalse("no byte order mark");
    }

    private static (int Exit, string Err) Bash(string line)
    {
        var start = new ProcessStartInfo("bash", ["-c", line]) { RedirectStandardError = true, WorkingDirectory = Repo.Root };
        using var run = Process.Start(start)!;
        var error = run.StandardError.ReadToEnd();
        run.WaitForExit();
        return (run.ExitCode, error);
    }
}
