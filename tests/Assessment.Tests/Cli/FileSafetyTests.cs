using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Assessment.Tests.Cli;

/// <summary>
/// Inputs that are not plain files and outputs that are not plain files: endless devices, devices and
/// links as outputs, a log that fails, a workbook that claims millions of rows.
/// </summary>
public sealed class FileSafetyTests : IDisposable
{
    private readonly TempFolder _dir = new("assess-filer-");

    public void Dispose() => _dir.Dispose();

    private static (int Exit, string Out, string Err) Run(params string[] args) => Assess.Run(args);

    [SkippableTheory]
    [InlineData("run", "/dev/zero")]
    [InlineData("run", "--rules", "/dev/zero")]
    [InlineData("validate", "/dev/zero")]
    [InlineData("import", "/dev/zero")]
    public void An_endless_input_is_refused_at_the_size_limit(params string[] args)
    {
        Skip.IfNot(File.Exists("/dev/zero"), "needs /dev/zero");
        var (exit, _, error) = Run(args);
        exit.ShouldBe(2);
        error.ShouldContain("fel A103: /dev/zero: filen är större än de 64 MiB som läses");
    }

    [SkippableFact]
    public void A_device_given_as_output_is_written_to_not_replaced()
    {
        Skip.IfNot(File.Exists("/dev/null"), "needs /dev/null");
        Run("run", "-o", "/dev/null").Exit.ShouldBe(0);
        new FileInfo("/dev/null").Length.ShouldBe(0); // still the device: a file would hold the report
    }

    [Fact]
    public void A_link_given_as_output_stays_a_link_and_its_target_gets_the_output()
    {
        var target = _dir.PathOf("rapport.txt");
        var link = _dir.PathOf("senaste.txt");
        File.CreateSymbolicLink(link, target);

        Run("run", "-o", link).Exit.ShouldBe(0);

        new FileInfo(link).LinkTarget.ShouldBe(target);
        File.ReadAllText(target).ShouldStartWith("Hässelby-Vällingby stadsdelsnämnd");
    }

    [SkippableFact]
    public void A_log_that_fails_while_writing_leaves_no_output_and_no_temporary_file()
    {
        Skip.IfNot(File.Exists("/dev/full"), "needs /dev/full");
        var output = _dir.PathOf("rapport.txt");
        var (exit, _, error) = Run("run", "-o", output, "--log", "/dev/full");
        exit.ShouldBe(2);
        error.ShouldContain("kan inte skriva beslutsloggen");
        Directory.GetFiles(_dir.FullName).ShouldBeEmpty();
    }

    [Fact]
    public void A_folder_given_as_the_log_is_named_as_a_folder()
    {
        var (exit, _, error) = Run("run", "--log", _dir.FullName);
        exit.ShouldBe(2);
        error.ShouldContain("det är en mapp: ange en fil för beslutsloggen");
    }

    [Fact]
    public void Output_and_log_cannot_be_the_same_file()
    {
        var path = _dir.PathOf("samma.txt");
        var (exit, _, error) = Run("run", "-o", path, "--log", path);
        exit.ShouldBe(2);
        error.ShouldContain("pekar på samma fil");
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public void A_workbook_claiming_millions_of_rows_is_refused_quickly()
    {
        var workbook = _dir.PathOf("resultat.xlsx");
        Run("run", "--format", "xlsx", "-o", workbook).Exit.ShouldBe(0);
        var edited = _dir.PathOf("redigerad.xlsx");
        using (var source = ZipFile.OpenRead(workbook))
        using (var target = ZipFile.Open(edited, ZipArchiveMode.Create))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd();
                // The last row of every sheet renumbered to row 30 000 000, cells with it.
                if (entry.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal))
                {
                    var last = Regex.Matches(text, @"<(?:x:)?row r=""(\d+)""").Last().Groups[1].Value;
                    text = Regex.Replace(text, $@"(<(?:x:)?row r=""|<(?:x:)?c r=""[A-Z]+){last}""", "${1}30000000\"");
                }
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open());
                writer.Write(text);
            }
        }

        var (exit, _, error) = Run("merge", Repo.SampleDataset, edited, "-o", _dir.PathOf("ut.yaml"));

        exit.ShouldBe(2);
        error.ShouldContain("fler än 100000 rader");
    }

    [Fact]
    public void An_output_through_a_link_to_an_input_is_refused()
    {
        var dataset = _dir.PathOf("data.yaml");
        File.Copy(Repo.SampleDataset, dataset);
        var link = _dir.PathOf("genväg.yaml");
        File.CreateSymbolicLink(link, dataset);
        var before = File.ReadAllBytes(dataset);

        Run("run", dataset, "-o", link).Exit.ShouldBe(2);
        Run("run", link, "-o", dataset).Exit.ShouldBe(2);
        Run("run", dataset, "-o", _dir.PathOf("ut.txt"), "--log", link).Exit.ShouldBe(2);

        File.ReadAllBytes(dataset).ShouldBe(before);
    }

    [SkippableTheory]
    [InlineData("-o")]
    [InlineData("--log")]
    public void A_named_pipe_as_output_is_refused_up_front_not_waited_on(string flag)
    {
        Skip.IfNot(Posix.Available, "mkfifo needs Linux");
        var pipe = _dir.PathOf("rör");
        Posix.MakeFifo(pipe);

        var (exit, output, error) = Posix.RunWithin(60, "run", flag, pipe);

        exit.ShouldBe(2);
        error.ShouldContain($"fel A106: {pipe}: {flag} är en namngiven pipe (FIFO): utdata skrivs bara till en vanlig fil, terminalen eller en enhet som /dev/null");
        output.ShouldBeEmpty();
        Directory.GetFiles(_dir.FullName).ShouldBe([pipe]); // no temporary file left beside it
    }

    [SkippableTheory]
    [InlineData("run")]
    [InlineData("run", "--rules")]
    [InlineData("validate")]
    [InlineData("import")]
    [InlineData("merge", "PLAN")]
    public void A_named_pipe_as_input_is_refused_without_opening_it(params string[] command)
    {
        Skip.IfNot(Posix.Available, "mkfifo needs Linux");
        var pipe = _dir.PathOf("utfall.xlsx");
        Posix.MakeFifo(pipe);
        string[] args = [.. command.Select(a => a == "PLAN" ? Repo.SampleDataset : a), pipe];

        var (exit, _, error) = Posix.RunWithin(60, args);

        exit.ShouldBe(2);
        error.ShouldContain($"fel A102: {pipe}: det är en namngiven pipe (FIFO), inte en vanlig fil");
    }

    [SkippableTheory]
    [InlineData("--log")]
    [InlineData("-o")]
    public void An_output_that_is_a_hard_link_of_the_dataset_is_refused(string flag)
    {
        Skip.IfNot(Posix.Available, "hard links through libc need Linux");
        var dataset = _dir.PathOf("data.yaml");
        File.Copy(Repo.SampleDataset, dataset);
        var link = _dir.PathOf("logg.jsonl");
        Posix.HardLink(dataset, link);
        var before = File.ReadAllBytes(dataset);

        var (exit, _, error) = Run("run", dataset, flag, link);

        exit.ShouldBe(2);
        error.ShouldContain($"{flag} är samma fil som indatafilen {dataset} (en hård länk till den)");
        File.ReadAllBytes(dataset).ShouldBe(before);
    }

    [SkippableFact]
    public void An_output_that_is_a_hard_link_of_a_file_in_the_rules_folder_is_refused()
    {
        Skip.IfNot(Posix.Available, "hard links through libc need Linux");
        var rules = Directory.CreateDirectory(_dir.PathOf("regler")).FullName;
        File.Copy(Repo.DefaultRules, Path.Combine(rules, "stockholm.yaml"));
        var link = _dir.PathOf("rapport.txt");
        Posix.HardLink(Path.Combine(rules, "stockholm.yaml"), link);
        var before = File.ReadAllBytes(link);

        var (exit, _, error) = Run("run", "--rules", rules, "-o", link);

        exit.ShouldBe(2);
        error.ShouldContain("en hård länk till den");
        File.ReadAllBytes(link).ShouldBe(before);
    }

    [SkippableFact]
    public void Output_and_log_that_are_hard_links_of_one_file_are_refused()
    {
        Skip.IfNot(Posix.Available, "hard links through libc need Linux");
        var output = _dir.PathOf("rapport.txt");
        File.WriteAllText(output, "");
        Posix.HardLink(output, _dir.PathOf("logg.jsonl"));

        var (exit, _, error) = Run("run", "-o", output, "--log", _dir.PathOf("logg.jsonl"));

        exit.ShouldBe(2);
        error.ShouldContain("pekar på samma fil");
        File.ReadAllText(output).ShouldBeEmpty();
    }

    [Fact]
    public async Task Processes_that_log_at_the_same_time_each_get_their_line()
    {
        var log = _dir.PathOf("beslut.jsonl");
        var assess = Path.Combine(AppContext.BaseDirectory, "assess.dll");
        var runs = Enumerable.Range(0, 12).Select(_ => System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(
            "dotnet", ["exec", assess, "run", "--log", log]) { RedirectStandardOutput = true, RedirectStandardError = true })!).ToList();
        foreach (var run in runs)
        {
            var error = run.StandardError.ReadToEndAsync();
            await run.StandardOutput.ReadToEndAsync();
            await run.WaitForExitAsync();
            run.ExitCode.ShouldBe(0, $"a run failed (it has failed once, under a load average above 30): {await error}");
        }
        File.ReadAllLines(log).Length.ShouldBe(12);
    }
}
