using System.Collections.Immutable;

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
    SourcePosition Position)
{
    /// <summary>Cells whose placement the import could not settle (<c>osakert</c>): dataset key → reason.</summary>
    public ImmutableSortedDictionary<string, string> Uncertain { get; init; } = UncertainCells.None;
}

/// <summary>An activity row: <c>Aktivitet | Startdatum | Slutdatum | Avvikelse</c>, plus its note.</summary>
public sealed record Activity(
    string Name,
    DateOnly? Start,
    DateOnly? End,
    bool Deviation,
    string? Note,
    SourcePosition Position)
{
    /// <summary>Cells whose placement the import could not settle (<c>osakert</c>): dataset key → reason.</summary>
    public ImmutableSortedDictionary<string, string> Uncertain { get; init; } = UncertainCells.None;
}

/// <summary>
/// An imported row's cells that the report's spacing could not settle (<c>osakert</c> in the dataset): the
/// cell's dataset key to the reason, "rad 412: två värden utan säker kolumngräns".
/// </summary>
public static class UncertainCells
{
    public static readonly ImmutableSortedDictionary<string, string> None = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>The keys an indicator's <c>osakert</c> may name: its cells.</summary>
    public static readonly IReadOnlyList<string> IndicatorKeys =
        ["namn", "utfall", "utfall_man", "utfall_kvinnor", "utfall_forra_aret", "prognos", "arsmal", "kf_arsmal", "periodicitet", "riktning", "analys"];

    /// <summary>The keys an activity's <c>osakert</c> may name: its cells.</summary>
    public static readonly IReadOnlyList<string> ActivityKeys = ["namn", "start", "slut", "avvikelse", "analys"];

    /// <summary>Cells no rule reads: an uncertain one of these cannot move a rating.</summary>
    public static readonly IReadOnlySet<string> NotRated = new HashSet<string>(StringComparer.Ordinal) { "utfall_man", "utfall_kvinnor", "analys" };

    /// <summary>An indicator's cell by its dataset key, as text (null when empty).</summary>
    public static string? Cell(this Indicator i, string key) => key switch
    {
        "namn" => i.Name,
        "utfall" => i.Outcome?.Text,
        "utfall_man" => i.OutcomeMen?.Text,
        "utfall_kvinnor" => i.OutcomeWomen?.Text,
        "utfall_forra_aret" => i.LastYearOutcome?.Text,
        "prognos" => i.Forecast?.Text,
        "arsmal" => i.AnnualTarget?.Text,
        "kf_arsmal" => i.CityTarget?.Text,
        "periodicitet" => Vocabularies.Periodicities[i.Periodicity].Label,
        "riktning" => i.Direction is { } d ? Vocabularies.Directions[d].Word : null,
        "analys" => i.Analysis,
        _ => null,
    };

    /// <summary>An activity's cell by its dataset key, as text (null when empty).</summary>
    public static string? Cell(this Activity a, string key) => key switch
    {
        "namn" => a.Name,
        "start" => a.Start?.ToString("yyyy-MM-dd"),
        "slut" => a.End?.ToString("yyyy-MM-dd"),
        "avvikelse" => a.Deviation ? "true" : "false",
        "analys" => a.Note,
        _ => null,
    };

    /// <summary>The indicator with the cell emptied; a cell that cannot be empty (namn, periodicitet) stays.</summary>
    public static Indicator Emptied(this Indicator i, string key) => key switch
    {
        "utfall" => i with { Outcome = null },
        "utfall_man" => i with { OutcomeMen = null },
        "utfall_kvinnor" => i with { OutcomeWomen = null },
        "utfall_forra_aret" => i with { LastYearOutcome = null },
        "prognos" => i with { Forecast = null },
        "arsmal" => i with { AnnualTarget = null },
        "kf_arsmal" => i with { CityTarget = null },
        "riktning" => i with { Direction = null },
        "analys" => i with { Analysis = null },
        _ => i,
    };

    /// <summary>The activity with the cell emptied; its name stays.</summary>
    public static Activity Emptied(this Activity a, string key) => key switch
    {
        "start" => a with { Start = null },
        "slut" => a with { End = null },
        "avvikelse" => a with { Deviation = false },
        "analys" => a with { Note = null },
        _ => a,
    };

    /// <summary>
    /// The uncertain cells left after a correction: those in <paramref name="marked"/> whose value the
    /// correction did not change (a cell the controller changed is settled).
    /// </summary>
    public static ImmutableSortedDictionary<string, string> Settled(ImmutableSortedDictionary<string, string> marked, Func<string, string?> before, Func<string, string?> after) =>
        marked.RemoveRange(marked.Keys.Where(key => before(key) != after(key)).ToList());
}

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
