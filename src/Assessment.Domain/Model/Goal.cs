namespace Assessment.Domain.Model;

/// <summary>Tertial (measured each tertial) or År (measured once a year).</summary>
public enum Periodicity { Tertial, Year }

/// <summary>
/// An indicator row as the reports show it. KF indicators sit under a verksamhetsområdesmål,
/// nämnd indicators under a nämndmål; <see cref="Goal.IndicatorKind"/> tells which.
/// </summary>
public sealed record Indicator(
    string Name,
    Quantity? Outcome,
    Quantity? OutcomeMen,
    Quantity? OutcomeWomen,
    Quantity? LastYearOutcome,
    Quantity? Forecast,
    Target? AnnualTarget,
    Target? CityTarget,
    Periodicity Periodicity,
    Direction? Direction,
    string? Analysis,
    SourcePosition Position);

/// <summary>An activity row: <c>Aktivitet | Startdatum | Slutdatum | Avvikelse</c>, plus its note.</summary>
public sealed record Activity(
    string Name,
    DateOnly? Start,
    DateOnly? End,
    bool Deviation,
    string? Note,
    SourcePosition Position);

/// <summary>A controller's own rating, which must carry a reason.</summary>
public sealed record RatingOverride(Rating Rating, string Reason, string? By, SourcePosition Position);

public enum IndicatorKind { Kf, Board }

/// <summary>A goal at one of the three levels, with its evidence and its sub-goals.</summary>
public sealed record Goal(
    string Id,
    GoalLevel Level,
    string Title,
    string? Description,
    IReadOnlyList<string> ExpectedResults,
    string? Analysis,
    Rating? Recorded,
    RatingOverride? Override,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<Activity> Activities,
    IReadOnlyList<Goal> Children,
    SourcePosition Position)
{
    /// <summary>KF indicators sit under verksamhetsområdesmål, nämnd indicators under nämndmål.</summary>
    public IndicatorKind IndicatorKind => Level == GoalLevel.BoardGoal ? IndicatorKind.Board : IndicatorKind.Kf;

    /// <summary>This goal and every goal beneath it, parents before children.</summary>
    public IEnumerable<Goal> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Children)
            foreach (var goal in child.SelfAndDescendants())
                yield return goal;
    }
}

/// <summary>One district's goal tree and evidence for one period.</summary>
public sealed record Dataset(
    string District,
    ReportingPeriod Period,
    string? Source,
    IReadOnlyList<Goal> Goals,
    SourcePosition Position)
{
    public IEnumerable<Goal> AllGoals() => Goals.SelectMany(g => g.SelfAndDescendants());
}
