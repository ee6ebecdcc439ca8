using System.Text.Json;

namespace Assessment.Tests.Cli;

/// <summary>
/// History runs: a rules file named with --rules applies to any period, with a note when the period ends
/// before its giltig_fran; a rules folder picks by date and says which versions it has when none applies.
/// </summary>
public sealed class HistoryRunTests : IDisposable
{
    private const string Note =
        "not: regelverket stockholm 1.0 gäller från 2023-01-01 men perioden VB 2021 slutar 2021-12-31; det används ändå eftersom filen angavs med --rules";

    private readonly TempFolder _dir = new("assess-history-");
    private readonly string _dataset;
    private readonly string _folder;

    public HistoryRunTests()
    {
        _dataset = _dir.PathOf("vb-2021.yaml");
        var sample = File.ReadAllText(Repo.SampleDataset);
        sample.ShouldContain("period: \"T1 2026\"");
        File.WriteAllText(_dataset, sample.Replace("period: \"T1 2026\"", "period: \"VB 2021\""));
        _folder = _dir.PathOf("regelverk");
        Directory.CreateDirectory(_folder);
        File.Copy(Repo.DefaultRules, Path.Combine(_folder, "stockholm.yaml"));
    }

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string[]> Commands => new()
    {
        new[] { "run" },
        new[] { "run", "--format", "json" },
        new[] { "explain", "3.4" },
        new[] { "check" },
        new[] { "backtest" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_file_named_with_rules_applies_to_a_period_before_it_is_valid_with_a_note(string[] command)
    {
        var (exit, output, error) = Assess.Run([.. command, _dataset, "--rules", Repo.DefaultRules]);

        exit.ShouldBeOneOf([0, 1], error); // check exits 1 on findings
        error.Trim().ShouldBe(Note);
        output.ShouldNotBeEmpty();
    }

    [Fact]
    public void Diff_notes_each_file_once_however_many_datasets()
    {
        var (exit, _, error) = Assess.Run("diff", "--rules", Repo.DefaultRules, "--rules", Repo.DefaultRules, _dataset, _dataset);

        exit.ShouldBe(0, error);
        error.Trim().ShouldBe(Note);
    }

    [Fact]
    public void The_note_is_recorded_in_the_json_and_the_decision_log()
    {
        var log = _dir.PathOf("beslut.jsonl");
        var (exit, output, error) = Assess.Run("run", _dataset, "--rules", Repo.DefaultRules, "--format", "json", "--log", log);

        exit.ShouldBe(0, error);
        var note = Note["not: ".Length..];
        JsonDocument.Parse(output).RootElement.GetProperty("ruleset").GetProperty("note").GetString().ShouldBe(note);
        JsonDocument.Parse(File.ReadAllText(log)).RootElement.GetProperty("ruleset").GetProperty("note").GetString().ShouldBe(note);
    }

    [Theory]
    [InlineData("text", "           not: regelverket stockholm 1.0 gäller från 2023-01-01 men perioden VB 2021")]
    [InlineData("md", "*Not: regelverket stockholm 1.0 gäller från 2023-01-01 men perioden VB 2021")]
    [InlineData("html", "<p class=\"meta\">Not: regelverket stockholm 1.0 g")]
    [InlineData("explain", "           not: regelverket stockholm 1.0 gäller från 2023-01-01 men perioden VB 2021")]
    public void Reports_that_may_be_kept_carry_the_note_too(string format, string expected)
    {
        var (exit, output, error) = format == "explain"
            ? Assess.Run("explain", "3.4", _dataset, "--rules", Repo.DefaultRules)
            : Assess.Run("run", _dataset, "--rules", Repo.DefaultRules, "--format", format);

        exit.ShouldBe(0, error);
        output.ShouldContain(expected);
    }

    [Fact]
    public void The_workbook_carries_the_note_on_its_rule_set_sheet()
    {
        var workbook = _dir.PathOf("resultat.xlsx");
        var (exit, _, error) = Assess.Run("run", _dataset, "--rules", Repo.DefaultRules, "--format", "xlsx", "-o", workbook);

        exit.ShouldBe(0, error);
        var rows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Regelverk")
            .Cast<IDictionary<string, object?>>().ToList();
        var note = Note["not: ".Length..];
        rows.ShouldContain(r => (string?)r["Uppgift"] == "Not" && (string?)r["Värde"] == note);
    }

    [Fact]
    public void A_file_in_force_for_the_period_gives_no_note()
    {
        var (exit, output, error) = Assess.Run("run", "--rules", Repo.DefaultRules, "--format", "json");

        exit.ShouldBe(0, error);
        error.ShouldBeEmpty();
        JsonDocument.Parse(output).RootElement.GetProperty("ruleset").TryGetProperty("note", out _).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_folder_with_no_version_in_force_is_an_error_naming_its_versions(string[] command)
    {
        var (exit, output, error) = Assess.Run([.. command, _dataset, "--rules", _folder]);

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("inget regelverk i ");
        error.ShouldContain("gäller för VB 2021 (periodens slut 2021-12-31): stockholm 1.0 gäller från 2023-01-01 (");
        error.ShouldContain("regelverk/stockholm.yaml); ange en av filerna med --rules FIL");
    }
}
