using System.Collections.Immutable;
using Assessment.Domain.Model;
using Assessment.Rules.Facts;
using Assessment.Rules.Model;

namespace Assessment.Rules.Audit;

/// <summary>
/// Derived against published ratings at one level: the confusion matrix (recorded × derived; a cell no goal is in may
/// be left out), and what it adds up to – the goals compared and those that agree.
/// </summary>
public sealed class LevelBacktest
{
    private LevelBacktest(GoalLevel level, IReadOnlyDictionary<(Rating Recorded, Rating Derived), int> matrix)
    {
        Level = level;
        Matrix = matrix;
        foreach (var ((recorded, derived), count) in matrix)
        {
            Compared += count;
            if (recorded == derived) Agreeing += count;
        }
    }

    public GoalLevel Level { get; }

    public IReadOnlyDictionary<(Rating Recorded, Rating Derived), int> Matrix { get; }

    /// <summary>The goals compared: the whole matrix.</summary>
    public int Compared { get; }

    /// <summary>The goals whose derived rating is the published one: the matrix's diagonal.</summary>
    public int Agreeing { get; }

    public double Agreement => Compared == 0 ? 0 : (double)Agreeing / Compared;

    /// <summary>A level's backtest from its confusion matrix: the one way one is made, so the counts are always the matrix's.</summary>
    public static LevelBacktest Of(GoalLevel level, IReadOnlyDictionary<(Rating Recorded, Rating Derived), int> matrix) => new(level, matrix);

    /// <summary>Every level's agreement and confusion matrix from the goals that have a published rating.</summary>
    public static IReadOnlyList<LevelBacktest> All(IReadOnlyCollection<(GoalLevel Level, Rating Recorded, Rating Derived)> compared) =>
        Enum.GetValues<GoalLevel>().Select(level => Of(level,
            compared.Where(c => c.Level == level).GroupBy(g => (g.Recorded, g.Derived)).ToDictionary(g => g.Key, g => g.Count()))).ToList();

    /// <summary>Confusion matrices added up, cell by cell.</summary>
    public static IReadOnlyDictionary<(Rating Recorded, Rating Derived), int> Added(IEnumerable<IReadOnlyDictionary<(Rating Recorded, Rating Derived), int>> matrices)
    {
        var sum = new Dictionary<(Rating Recorded, Rating Derived), int>();
        foreach (var matrix in matrices)
            foreach (var (cell, count) in matrix) sum[cell] = sum.GetValueOrDefault(cell) + count;
        return sum;
    }
}

/// <summary>An imported cell the import could not place with certainty (<c>osakert</c>), under a goal: which row, which cell, why.</summary>
public sealed record UncertainCell(string GoalId, string Row, string Key, string Reason);

/// <summary>
/// A goal whose derived rating differs from the published one, with the rule that gave it, the facts it saw and the
/// uncertain cells its rating rests on: cells a rule reads, of the indicators and activities of the goal and every
/// goal under it. Holds no more of the rating than that, so a backtest over many datasets keeps no goal trees.
/// </summary>
public sealed record Disagreement(string Dataset, string GoalId, GoalLevel Level, Rating Recorded, Rating Derived, RuleDefinition Rule,
    FactValues Facts, IReadOnlyList<UncertainCell> UncertainCells)
{
    public bool RestsOnUncertainCells => UncertainCells.Count > 0;
}

/// <summary>How well the rules reproduce what districts published, over one or more datasets; <see cref="Levels"/> in level order.</summary>
public sealed record BacktestReport(IReadOnlyList<LevelBacktest> Levels, IReadOnlyList<Disagreement> Disagreements)
{
    public int Compared => Levels.Sum(l => l.Compared);

    public int Agreeing => Levels.Sum(l => l.Agreeing);

    /// <summary>Agreement over all levels together.</summary>
    public double Agreement => Compared == 0 ? 0 : (double)Agreeing / Compared;

    /// <summary>The confusion matrix over all levels together.</summary>
    public IReadOnlyDictionary<(Rating Recorded, Rating Derived), int> Matrix => LevelBacktest.Added(Levels.Select(l => l.Matrix));

    public IReadOnlyList<Disagreement> OnUncertainCells => Disagreements.Where(d => d.RestsOnUncertainCells).ToList();

    public IReadOnlyList<Disagreement> NotOnUncertainCells => Disagreements.Where(d => !d.RestsOnUncertainCells).ToList();
}

/// <summary>One dataset's backtest, under the rule set in force for its period: what is shown of the dataset, and its report.</summary>
public sealed record DatasetBacktest(string Dataset, string District, ReportingPeriod Period, RuleSetInfo RuleSet, BacktestReport Report);

/// <summary>A backtest over a corpus: each dataset's, and all of them together.</summary>
public sealed record CorpusBacktest(IReadOnlyList<DatasetBacktest> Datasets, BacktestReport Total);

public static class Backtest
{
    /// <summary>The levels in report order, looked up once (not per dataset).</summary>
    private static readonly GoalLevel[] Levels = Enum.GetValues<GoalLevel>();

    public static BacktestReport Run(IReadOnlyList<(string Name, AssessmentResult Result)> results) =>
        Sum(results.Select(r => Of(r.Name, r.Result).Report).ToList());

    /// <summary>
    /// One dataset's backtest, keeping nothing of its rating but the counts and the disagreements: for a corpus
    /// read and rated a dataset at a time (<see cref="Corpus"/> adds them up).
    /// </summary>
    public static DatasetBacktest Of(string name, AssessmentResult result)
    {
        var matrices = new Dictionary<(Rating Recorded, Rating Derived), int>?[Levels.Length];
        var disagreements = new List<Disagreement>();
        foreach (var goal in result.AllGoals())
        {
            if (goal.Recorded is not { } recorded) continue;
            var derived = goal.Derived.Rating;
            var matrix = matrices[(int)goal.Goal.Level] ??= [];
            matrix[(recorded, derived)] = matrix.GetValueOrDefault((recorded, derived)) + 1;
            if (recorded != derived)
                disagreements.Add(new Disagreement(name, goal.Goal.Id, goal.Goal.Level, recorded, derived, goal.Derived.Rule, goal.Derived.Facts,
                    UncertainCellsUnder(goal.Goal)));
        }
        var report = new BacktestReport(
            Levels.Select(level => LevelBacktest.Of(level, matrices[(int)level] ?? [])).ToList(), disagreements);
        return new DatasetBacktest(name, result.Dataset.District, result.Dataset.Period, result.RuleSet, report);
    }

    /// <summary>Each dataset on its own, and the corpus as a whole: the total is the sum of the datasets.</summary>
    public static CorpusBacktest Corpus(IReadOnlyList<DatasetBacktest> datasets) => new(datasets, Sum(datasets.Select(d => d.Report).ToList()));

    /// <summary>Reports added up: per level the matrices (each report's levels are in level order), the disagreements one after the other.</summary>
    private static BacktestReport Sum(IReadOnlyList<BacktestReport> reports) => new(
        Levels.Select(level => LevelBacktest.Of(level, LevelBacktest.Added(reports.Select(r => r.Levels[(int)level].Matrix)))).ToList(),
        reports.SelectMany(r => r.Disagreements).ToList());

    /// <summary>
    /// The uncertain cells a goal's rating rests on: those of the indicators and activities of the goal and of
    /// every goal under it (their ratings roll up into it), leaving out cells no rule reads (the outcome for
    /// men and for women, the analysis).
    /// </summary>
    public static IReadOnlyList<UncertainCell> UncertainCellsUnder(Goal goal)
    {
        // Asked for every disagreeing goal, over its whole subtree, where nearly every row has no uncertain cell.
        List<UncertainCell>? cells = null;
        Collect(goal);
        return cells ?? [];

        void Collect(Goal g)
        {
            for (var i = 0; i < g.Indicators.Count; i++) Add(g.Id, g.Indicators[i].Name, g.Indicators[i].Uncertain);
            for (var i = 0; i < g.Activities.Count; i++) Add(g.Id, g.Activities[i].Name, g.Activities[i].Uncertain);
            for (var i = 0; i < g.Children.Count; i++) Collect(g.Children[i]);
        }

        void Add(string goalId, string row, ImmutableSortedDictionary<string, string> uncertain)
        {
            if (uncertain.IsEmpty) return;
            foreach (var (key, reason) in uncertain)
                if (!UncertainCells.NotRated.Contains(key)) (cells ??= []).Add(new UncertainCell(goalId, row, key, reason));
        }
    }
}
