using Assessment.Domain.Model;

namespace Assessment.Rules.Audit;

/// <summary>Derived against published ratings at one level: agreement and the confusion matrix (recorded × derived).</summary>
public sealed record LevelBacktest(GoalLevel Level, int Compared, int Agreeing, IReadOnlyDictionary<(Rating Recorded, Rating Derived), int> Matrix)
{
    public double Agreement => Compared == 0 ? 0 : (double)Agreeing / Compared;
}

/// <summary>How well the rules reproduce what districts published, over one or more datasets.</summary>
public sealed record BacktestReport(IReadOnlyList<LevelBacktest> Levels, IReadOnlyList<(string Dataset, GoalResult Goal)> Disagreements);

public static class Backtest
{
    public static BacktestReport Run(IReadOnlyList<(string Name, AssessmentResult Result)> results)
    {
        var compared = results
            .SelectMany(r => r.Result.AllGoals().Where(g => g.Recorded is not null).Select(g => (r.Name, Goal: g)))
            .ToList();
        var levels = Enum.GetValues<GoalLevel>().Select(level =>
        {
            var goals = compared.Where(c => c.Goal.Goal.Level == level).Select(c => c.Goal).ToList();
            var matrix = goals.GroupBy(g => (g.Recorded!.Value, g.Derived.Rating)).ToDictionary(g => g.Key, g => g.Count());
            return new LevelBacktest(level, goals.Count, goals.Count(g => g.Recorded == g.Derived.Rating), matrix);
        }).ToList();
        var disagreements = compared.Where(c => c.Goal.Recorded != c.Goal.Derived.Rating).ToList();
        return new BacktestReport(levels, disagreements);
    }
}
