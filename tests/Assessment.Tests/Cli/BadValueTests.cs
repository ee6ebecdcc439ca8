using Assessment.Domain;
using Assessment.Domain.Yaml;

namespace Assessment.Tests.Cli;

/// <summary>Values found by adversarial testing that once ended in an internal error (exit 70).</summary>
public sealed class BadValueTests : IDisposable
{
    private readonly TempFolder _dir = new("assess-varden-");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("period:", 8)]
    [InlineData("period: \"\"", 9)]
    [InlineData("period: null", 9)]
    [InlineData("period: ~", 9)]
    public void An_empty_period_in_an_outcomes_file_is_an_error_at_the_key(string line, int column)
    {
        var outcomes = _dir.PathOf("utfall.yaml");
        File.WriteAllText(outcomes, $"{line}\nmal:\n  - id: \"1\"\n    redovisat: helt\n");

        var error = Should.Throw<InputException>(() => OutcomesReader.ReadFile(outcomes, "utfall.yaml")).Errors.ShouldHaveSingleItem();
        error.ToString().ShouldBe($"fel A205: utfall.yaml:1:{column}: \"period\" är tom: väntade t.ex. \"T1 2026\", \"T2 2026\" eller \"VB 2025\"");

        var (exit, _, stderr) = Assess.Run("merge", Repo.SampleDataset, outcomes);
        exit.ShouldBe(2);
        stderr.ShouldContain("\"period\" är tom");
    }

    [Theory]
    [InlineData("\\x01")]
    [InlineData("\\x01Analysen\\nfortsätter")]
    [InlineData("Första stycket\\n\\n\\x0c\\n\\nAndra stycket")]
    [InlineData("\\x07 \\x1b\\t")]
    public void A_merged_analysis_of_control_characters_is_written_so_it_reads_back(string analysis)
    {
        var outcomes = _dir.PathOf("utfall.yaml");
        File.WriteAllText(outcomes, $"""
            period: T1 2026
            mal:
              - id: "1"
                analys: "{analysis}"
            indikatorer:
              - mal: "1.1"
                namn: "Andel barn och ungdomar som är nöjda med tillgången till fritidsaktiviteter"
                analys: "{analysis}"

            """);
        var merged = _dir.PathOf("sammanfogat.yaml");

        var (exit, _, error) = Assess.Run("merge", Repo.SampleDataset, outcomes, "-o", merged);

        error.ShouldNotContain("internt fel");
        exit.ShouldBe(0);
        var dataset = DatasetReader.ReadFile(merged);
        string?[] analyses = [dataset.Goals[0].Analysis, dataset.Goals[0].Children[0].Indicators[0].Analysis];
        analyses.ShouldAllBe(a => a == null || (a.Trim().Length > 0 && !a.Any(c => char.IsControl(c) && c != '\n')));
    }
}
