using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Rules.Audit;

namespace Assessment.Tests.Rules;

/// <summary>A level's backtest is made one way, from its confusion matrix: the counts are always what the matrix adds up to.</summary>
public class LevelBacktestTests
{
    [Fact]
    public void Compared_is_the_matrix_and_agreeing_its_diagonal()
    {
        var level = LevelBacktest.Of(GoalLevel.ServiceAreaGoal, new Dictionary<(Rating, Rating), int>
        {
            [(Rating.Fully, Rating.Fully)] = 5,
            [(Rating.Fully, Rating.Partly)] = 2,
            [(Rating.Partly, Rating.Partly)] = 3,
            [(Rating.NotMet, Rating.NotAssessed)] = 1,
        });
        level.Compared.ShouldBe(11);
        level.Agreeing.ShouldBe(8);
        level.Agreement.ShouldBe(8.0 / 11);
        LevelBacktest.Of(GoalLevel.BoardGoal, new Dictionary<(Rating, Rating), int>()).Agreement.ShouldBe(0);
    }

    [Fact]
    public void A_corpus_is_each_level_of_its_datasets_added_up_in_level_order()
    {
        var datasets = Directory.GetFiles(Repo.PathOf("examples/importerade"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => Backtest.Of(f, Repo.StockholmRules.Assess(DatasetReader.ReadFile(f, Path.GetFileName(f))))).ToList();
        datasets.Count.ShouldBeGreaterThan(1);
        var total = Backtest.Corpus(datasets).Total;

        total.Levels.Select(l => l.Level).ShouldBe(Enum.GetValues<GoalLevel>());
        foreach (var level in total.Levels)
        {
            var at = datasets.Select(d => d.Report.Levels.Single(l => l.Level == level.Level)).ToList();
            level.Compared.ShouldBe(at.Sum(l => l.Compared));
            level.Agreeing.ShouldBe(at.Sum(l => l.Agreeing));
            foreach (var recorded in Enum.GetValues<Rating>())
                foreach (var derived in Enum.GetValues<Rating>())
                    level.Matrix.GetValueOrDefault((recorded, derived)).ShouldBe(at.Sum(l => l.Matrix.GetValueOrDefault((recorded, derived))));
        }
        total.Compared.ShouldBeGreaterThan(total.Agreeing);
        total.Matrix.Values.Sum().ShouldBe(total.Compared);
        total.Disagreements.Count.ShouldBe(total.Compared - total.Agreeing);
    }
}
