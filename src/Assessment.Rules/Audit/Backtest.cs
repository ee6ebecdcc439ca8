using Assessment.Domain.Model;

namespace Assessment.Rules.Audit;

/// <summary>Derived against published ratings at one level: agreement and the confusion matrix (recorded × derived).</summary>
public sealed record LevelBacktest(GoalLevel Level, int Compared, int Agreeing, IReadOnlyDictionary<(Rating Recorded, Rating Derived), int> Matrix)
{
    public double Agreement => Compared == 0 ? 0 : (double)Agreeing / Compared;

    /// <summary>Every level's agreement and confusion matrix from the goals that have a published rating.</summary>
    public static IReadOnlyList<LevelBacktest> All(IReadOnlyCollection<(GoalLevel Level, Rating Recorded, Rating Derived)> compared) =>
        Enum.GetValues<GoalLevel>().Select(level =>
        {
            var goals = compared.Where(c => c.Level == level).ToList();
            var matrix = goals.GroupBy(g => (g.Recorded, g.Derived)).ToDictionary(g => g.Key, g => g.Count());
            return new LevelBacktest(level, goals.Count, goals.Count(g => g.Recorded == g.Derived), matrix);
        }).ToList();
}

/// <summary>An imported cell the import could not place with certainty (<c>osakert</c>), under a goal: which row, which cell, why.</summary>
public sealed record UncertainCell(string GoalId, string Row, string Key, string Reason);

/// <summary>
/// A goal whose derived rating differs from the published one, with the uncertain cells its rating rests on:
/// cells a rule reads, of the indicators and activities of the goal and every goal under it.
/// </summary>
public sealed record Disagreement(string Dataset, GoalResult Goal, IReadOnlyList<UncertainCell> UncertainCells)
{
    public bool RestsOnUncertainCells => UncertainCells.Count > 0;
}

/// <summary>How well the rules reproduce what districts published, over one or more datasets.</summary>
public sealed record BacktestReport(IReadOnlyList<LevelBacktest> Levels, IReadOnlyList<Disagreement> Disagreements)
{
    public int Compared => Levels.Sum(l => l.Compared);

    public int Agreeing => Levels.Sum(l => l.Agreeing);

    /// <summary>Agreement over all levels together.</summary>
    public double Agreement => Compared == 0 ? 0 : (double)Agreeing / Compared;

    /// <summary>The confusion matrix over all levels together.</summary>
    public IReadOnlyDictionary<(Rating Recorded, Rating Derived), int> Matrix =>
        Levels.SelectMany(l => l.Matrix).GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));

    public IReadOnlyList<Disagreement> OnUncertainCells => Disagreements.Where(d => d.RestsOnUncertainCells).ToList();

    public IReadOnlyList<Disagreement> NotOnUncertainCells => Disagreements.Where(d => !d.RestsOnUncertainCells).ToList();
}

/// <summary>One dataset's backtest, under the rule set in force for its period.</summary>
public sealed record DatasetBacktest(string Dataset, AssessmentResult Result, BacktestReport Report);

/// <summary>A backtest over a corpus: each dataset's, and all of them together.</summary>
public sealed record CorpusBacktest(IReadOnlyList<DatasetBacktest> Datasets, BacktestReport Total);

public static class Backtest
{
    public static BacktestReport Run(IReadOnlyList<(string Name, AssessmentResult Result)> results)
    {
        var compared = results
            .SelectMany(r => r.Result.AllGoals().Where(g => g.Recorded is not null).Select(g => (r.Name, Goal: g)))
            .ToList();
        var levels = LevelBacktest.All(compared.Select(c => (c.Goal.Goal.Level, c.Goal.Recorded!.Value, c.Goal.Derived.Rating)).ToList());
        var disagreements = compared.Where(c => c.Goal.DiffersFromRecorded)
            .Select(c => new Disagreement(c.Name, c.Goal, UncertainCellsUnder(c.Goal.Goal))).ToList();
        return new BacktestReport(levels, disagreements);
    }

    /// <summary>Each dataset on its own, and the corpus as a whole: the total is the sum of the datasets.</summary>
    public static CorpusBacktest Corpus(IReadOnlyList<(string Name, AssessmentResult Result)> results) =>
        new(results.Select(r => new DatasetBacktest(r.Name, r.Result, Run([r]))).ToList(), Run(results));

    /// <summary>
    /// The uncertain cells a goal's rating rests on: those of the indicators and activities of the goal and of
    /// every goal under it (their ratings roll up into it), leaving out cells no rule reads (the outcome for
    /// men and for women, the analysis).
    /// </summary>
    public static IReadOnlyList<UncertainCell> UncertainCellsUnder(Goal goal) =>
        goal.SelfAndDescendants().SelectMany(g =>
                g.Indicators.SelectMany(i => i.Uncertain.Select(u => (g.Id, i.Name, u)))
                    .Concat(g.Activities.SelectMany(a => a.Uncertain.Select(u => (g.Id, a.Name, u)))))
            .Where(c => !UncertainCells.NotRated.Contains(c.u.Key))
            .Select(c => new UncertainCell(c.Id, c.Name, c.u.Key, c.u.Value))
            .ToList();
}
