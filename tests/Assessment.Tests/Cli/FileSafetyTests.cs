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
        error.ShouldContain("/dev/zero:1:1: filen är större än de 64 MiB som läses");
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

    [Fact]
    public void Processes_that_log_at_the_same_time_each_get_their_line()
    {
        var log = _dir.PathOf("beslut.jsonl");
        var assess = Path.Combine(AppContext.BaseDirectory, "assess.dll");
        var runs = Enumerable.Range(0, 12).Select(_ => System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(
            "dotnet", ["exec", assess, "run", "--log", log]) { RedirectStandardOutput = true, RedirectStandardError = true })!).ToList();
        foreach (var run in runs)
        {
            run.StandardOutput.ReadToEnd();
            run.WaitForExit();
            run.ExitCode.ShouldBe(0);
        }
        File.ReadAllLines(log).Length.ShouldBe(12);
    }
}
