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
    public static IReadOnlyList<string> IndicatorKeys => Rows.IndicatorKeys;

    /// <summary>The keys an activity's <c>osakert</c> may name: its cells.</summary>
    public static IReadOnlyList<string> ActivityKeys => Rows.ActivityKeys;

    /// <summary>
    /// The rows' cells, made the first time one is asked for: every dataset read gives each row <see cref="None"/>,
    /// and making these tables with it was about a hundredth of a cold `run` that names no uncertain cell.
    /// </summary>
    private static class Rows
    {
        /// <summary>An indicator's cells by dataset key: how each reads as text, and how it is emptied (namn and periodicitet cannot be).</summary>
        public static readonly IReadOnlyList<RowCell<Indicator>> IndicatorCells =
        [
            new("namn", i => i.Name, null),
            new("utfall", i => i.Outcome?.Text, i => i with { Outcome = null }),
            new("utfall_man", i => i.OutcomeMen?.Text, i => i with { OutcomeMen = null }),
            new("utfall_kvinnor", i => i.OutcomeWomen?.Text, i => i with { OutcomeWomen = null }),
            new("utfall_forra_aret", i => i.LastYearOutcome?.Text, i => i with { LastYearOutcome = null }),
            new("prognos", i => i.Forecast?.Text, i => i with { Forecast = null }),
            new("arsmal", i => i.AnnualTarget?.Text, i => i with { AnnualTarget = null }),
            new("kf_arsmal", i => i.CityTarget?.Text, i => i with { CityTarget = null }),
            new("periodicitet", i => Vocabularies.Periodicities[i.Periodicity].Label, null),
            new("riktning", i => i.Direction is { } d ? Vocabularies.Directions[d].Word : null, i => i with { Direction = null }),
            new("analys", i => i.Analysis, i => i with { Analysis = null }),
        ];

        /// <summary>An activity's cells by dataset key; its name cannot be emptied, and an emptied avvikelse is no deviation.</summary>
        public static readonly IReadOnlyList<RowCell<Activity>> ActivityCells =
        [
            new("namn", a => a.Name, null),
            new("start", a => a.Start?.ToString("yyyy-MM-dd"), a => a with { Start = null }),
            new("slut", a => a.End?.ToString("yyyy-MM-dd"), a => a with { End = null }),
            new("avvikelse", a => a.Deviation ? "true" : "false", a => a with { Deviation = false }),
            new("analys", a => a.Note, a => a with { Note = null }),
        ];

        public static readonly IReadOnlyList<string> IndicatorKeys = [.. IndicatorCells.Select(c => c.Key)];

        public static readonly IReadOnlyList<string> ActivityKeys = [.. ActivityCells.Select(c => c.Key)];
    }

    /// <summary>Cells no rule reads: an uncertain one of these cannot move a rating.</summary>
    public static readonly IReadOnlySet<string> NotRated = new HashSet<string>(StringComparer.Ordinal) { "utfall_man", "utfall_kvinnor", "analys" };

    /// <summary>An indicator's cell by its dataset key, as text (null when empty or not a cell).</summary>
    public static string? Cell(this Indicator i, string key) => RowCell<Indicator>.Find(Rows.IndicatorCells, key)?.Text(i);

    /// <summary>An activity's cell by its dataset key, as text (null when empty or not a cell).</summary>
    public static string? Cell(this Activity a, string key) => RowCell<Activity>.Find(Rows.ActivityCells, key)?.Text(a);

    /// <summary>The indicator with the cell emptied; a cell that cannot be empty (namn, periodicitet) stays.</summary>
    public static Indicator Emptied(this Indicator i, string key) => RowCell<Indicator>.Find(Rows.IndicatorCells, key)?.Empty?.Invoke(i) ?? i;

    /// <summary>The activity with the cell emptied; its name stays.</summary>
    public static Activity Emptied(this Activity a, string key) => RowCell<Activity>.Find(Rows.ActivityCells, key)?.Empty?.Invoke(a) ?? a;

    /// <summary>One cell of a row type: its dataset key, its text, and how the row is emptied of it (null: it cannot be).</summary>
    private sealed record RowCell<T>(string Key, Func<T, string?> Text, Func<T, T>? Empty)
    {
        public static RowCell<T>? Find(IReadOnlyList<RowCell<T>> cells, string key)
        {
            foreach (var cell in cells)
                if (cell.Key == key) return cell;
            return null;
        }
    }

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
