using System.Text.Json;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Import;
using Assessment.Rules.Audit;

namespace Assessment.Tests.Cli;

/// <summary><c>assess backtest</c> over a corpus: a folder or many files, per dataset and in total, uncertain cells apart.</summary>
public sealed class CorpusBacktestTests : IDisposable
{
    private readonly TempFolder _dir = new("assess-backtest-");

    public void Dispose() => _dir.Dispose();

    private static readonly string Imported = Repo.PathOf("examples/importerade");

    [Fact]
    public void A_folders_totals_are_the_sum_of_its_datasets()
    {
        var (exit, output, error) = Assess.Run("backtest", Imported, "--format", "json");
        exit.ShouldBe(0, error);

        using var json = JsonDocument.Parse(output);
        var datasets = json.RootElement.GetProperty("datasets").EnumerateArray().ToList();
        datasets.Select(d => d.GetProperty("file").GetString()).ShouldBe([
            $"{Imported}/hasselby-vallingby-t1-2026.yaml", $"{Imported}/hasselby-vallingby-vb-2023.yaml", $"{Imported}/hasselby-vallingby-vp-2025.yaml"]);
        var total = json.RootElement.GetProperty("total");
        foreach (var field in new[] { "compared", "agreeing", "disagreements_on_uncertain_cells", "other_disagreements" })
            total.GetProperty(field).GetInt32().ShouldBe(datasets.Sum(d => d.GetProperty(field).GetInt32()), field);
        for (var level = 0; level < 3; level++)
        {
            int Sum(string field) => datasets.Sum(d => d.GetProperty("levels")[level].GetProperty(field).GetInt32());
            var levelTotal = total.GetProperty("levels")[level];
            levelTotal.GetProperty("compared").GetInt32().ShouldBe(Sum("compared"));
            levelTotal.GetProperty("agreeing").GetInt32().ShouldBe(Sum("agreeing"));
        }
        foreach (var recorded in Codes.RatingCodes)
            foreach (var derived in Codes.RatingCodes)
                total.GetProperty("matrix").GetProperty(recorded).GetProperty(derived).GetInt32()
                    .ShouldBe(datasets.Sum(d => d.GetProperty("matrix").GetProperty(recorded).GetProperty(derived).GetInt32()));
        total.GetProperty("compared").GetInt32().ShouldBeGreaterThan(0);
        total.GetProperty("disagreements").GetArrayLength()
            .ShouldBe(total.GetProperty("compared").GetInt32() - total.GetProperty("agreeing").GetInt32());

        var text = Assess.Run("backtest", Imported);
        text.Exit.ShouldBe(0);
        text.Out.ShouldContain("Backtest mot publicerade betyg: 3 dataset");
        text.Out.ShouldContain("Totalt, alla 3 dataset:");
        text.Out.ShouldContain("Alla nivåer: ");
        text.Out.ShouldContain("redovisat \\ härlett");
    }

    /// <summary>
    /// Over the bundled datasets, text and JSON as golden files (the folder's path written as "examples"): the
    /// datasets are read and rated on every core, the output must not move for it.
    /// </summary>
    [Theory]
    [InlineData("text", "backtest-examples.txt")]
    [InlineData("json", "backtest-examples.json")]
    public void The_bundled_datasets_backtest_as_the_golden_file(string format, string golden)
    {
        var examples = Repo.PathOf("examples");
        var (exit, output, error) = Assess.Run("backtest", examples, "--format", format);
        exit.ShouldBe(0, error);
        error.ShouldBeEmpty();
        Reports.GoldenReportTests.Golden(golden, output.Replace(examples, "examples"));
    }

    /// <summary>
    /// The annual report 2023 with no uncertain cells but, given <paramref name="goalId"/>, one in the first
    /// indicator under that goal.
    /// </summary>
    private static Dataset WithUncertainCell(string? goalId, string key = "utfall")
    {
        var dataset = DatasetReader.ReadFile(Repo.PathOf("examples/importerade/hasselby-vallingby-vb-2023.yaml"));
        var target = goalId is null ? null : dataset.AllGoals().Single(g => g.Id == goalId).SelfAndDescendants().SelectMany(g => g.Indicators).First();
        Goal Mark(Goal g) => g with
        {
            Indicators = g.Indicators.Select(i => i with
            {
                Uncertain = ReferenceEquals(i, target) ? UncertainCells.None.Add(key, "rad 412: två värden utan säker kolumngräns") : UncertainCells.None,
            }).ToList(),
            Activities = g.Activities.Select(a => a with { Uncertain = UncertainCells.None }).ToList(),
            Children = g.Children.Select(Mark).ToList(),
        };
        return dataset with { Goals = dataset.Goals.Select(Mark).ToList() };
    }

    [Fact]
    public void A_disagreement_resting_on_an_uncertain_cell_is_counted_apart()
    {
        var unmarked = WithUncertainCell(null);
        var plain = Backtest.Run([("vb", Repo.StockholmRules.Assess(unmarked))]);
        plain.OnUncertainCells.ShouldBeEmpty();
        var goal = plain.Disagreements.Select(d => unmarked.AllGoals().Single(g => g.Id == d.GoalId))
            .First(g => g.SelfAndDescendants().Any(d => d.Indicators.Count > 0));

        var marked = Backtest.Run([("vb", Repo.StockholmRules.Assess(WithUncertainCell(goal.Id, "utfall")))]);
        // Every disagreeing goal over the cell (the goal, and any disagreeing goal above or below it on the way) rests on it.
        marked.OnUncertainCells.Select(d => d.GoalId).ShouldContain(goal.Id);
        marked.OnUncertainCells.ShouldAllBe(d => d.UncertainCells.Count == 1 && d.UncertainCells[0].Key == "utfall");
        marked.NotOnUncertainCells.Count.ShouldBe(plain.Disagreements.Count - marked.OnUncertainCells.Count);

        // A cell no rule reads does not make the rating uncertain.
        Backtest.Run([("vb", Repo.StockholmRules.Assess(WithUncertainCell(goal.Id, "utfall_man")))]).OnUncertainCells.ShouldBeEmpty();

        var file = _dir.PathOf("vb.yaml");
        File.WriteAllText(file, DatasetText.Write(WithUncertainCell(goal.Id, "utfall"), "x", []));
        var (exit, output, _) = Assess.Run("backtest", file);
        exit.ShouldBe(0);
        output.ShouldContain($"vilar på osäkra celler ({marked.OnUncertainCells.Count}):");
        output.ShouldContain("osäker cell: ");
        output.ShouldContain("utfall: rad 412: två värden utan säker kolumngräns");
    }

    [Fact]
    public void In_a_folder_a_broken_dataset_is_reported_the_others_counted_and_other_files_skipped()
    {
        var folder = Directory.CreateDirectory(_dir.PathOf("korpus")).FullName;
        var nested = Directory.CreateDirectory(Path.Combine(folder, "2023")).FullName;
        File.Copy(Repo.PathOf("examples/importerade/hasselby-vallingby-vb-2023.yaml"), Path.Combine(nested, "vb.yaml"));
        File.Copy(Repo.PathOf("examples/hasselby-vallingby-t1-2026.yaml"), Path.Combine(folder, "t1.yaml"));
        File.WriteAllText(Path.Combine(folder, "trasig.yaml"), "namnd: X\nperiod: T7 2026\ninriktningsmal: []\n");
        File.Copy(Repo.DefaultRules, Path.Combine(folder, "regler.yaml"));
        var report = _dir.PathOf("backtest.txt");

        var (exit, _, error) = Assess.Run("backtest", folder, "-o", report);

        exit.ShouldBe(2);
        error.ShouldContain($"hoppar över {folder}/regler.yaml: inte ett dataset");
        error.Split('\n').ShouldContain(line => line.StartsWith($"fel A206: {folder}/trasig.yaml:2:9: ", StringComparison.Ordinal)); // once "fel:", not "fel: fel"
        var text = File.ReadAllText(report);
        text.ShouldStartWith("Backtest mot publicerade betyg: 2 dataset, 1 kunde inte läsas");
        text.ShouldContain($"{folder}/2023/vb.yaml: ");
        text.ShouldContain($"Kunde inte läsas och räknas inte (1):\n  fel A206: {folder}/trasig.yaml:2:9: ");
    }

    [Fact]
    public void Files_named_one_by_one_are_each_read_as_a_dataset()
    {
        var notDataset = _dir.PathOf("regler.yaml");
        File.Copy(Repo.DefaultRules, notDataset);
        var (exit, output, error) = Assess.Run("backtest", Repo.PathOf("examples/importerade/hasselby-vallingby-vb-2023.yaml"), notDataset);
        exit.ShouldBe(2);
        output.ShouldContain("1 dataset, 1 kunde inte läsas");
        error.ShouldContain($"fel A204: {notDataset}:");

        Assess.Run("backtest", _dir.PathOf("tom")).Exit.ShouldBe(2);
        Directory.CreateDirectory(_dir.PathOf("tom"));
        Assess.Run("backtest", _dir.PathOf("tom")).Err.ShouldContain("inga dataset att jämföra");
    }
}
