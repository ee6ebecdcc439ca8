using System.Collections.Immutable;
using Assessment.Domain.Parsing;

namespace Assessment.Domain.Model;

/// <summary>
/// One indicator's figures for a period, keyed by goal id and indicator name as in the plan. A workbook
/// (the report's columns) may also correct the targets and periodicity, and say which cells are still
/// uncertain (<see cref="Uncertain"/>; null where it does not say, and the plan's marks stay).
/// </summary>
public sealed record IndicatorOutcome(
    string GoalId, string Name, Quantity? Outcome, Quantity? OutcomeMen, Quantity? OutcomeWomen,
    Quantity? LastYearOutcome, Quantity? Forecast, string? Analysis, SourcePosition Position) : IRowOutcome
{
    public Target? AnnualTarget { get; init; }
    public Target? CityTarget { get; init; }
    public Periodicity? Periodicity { get; init; }
    public ImmutableSortedDictionary<string, string>? Uncertain { get; init; }
    public ReviewedRow? Reviewed { get; init; }
}

/// <summary>One activity's deviation flag and note for a period; from a workbook also its dates and uncertain cells.</summary>
public sealed record ActivityOutcome(string GoalId, string Name, bool Deviation, string? Note, SourcePosition Position) : IRowOutcome
{
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
    public ImmutableSortedDictionary<string, string>? Uncertain { get; init; }
    public ReviewedRow? Reviewed { get; init; }
}

/// <summary>What an outcome for a plan row (an indicator, an activity) says beyond its values: which row, and what a review says of it.</summary>
internal interface IRowOutcome
{
    string Name { get; }
    ImmutableSortedDictionary<string, string>? Uncertain { get; }
    ReviewedRow? Reviewed { get; }
    SourcePosition Position { get; }
}

/// <summary>
/// What a review workbook (<c>assess import --granska</c>) says of a row beyond its values: its place among
/// its goal's rows (0-based), by which a row whose uncertain name the controller corrected is still found,
/// and the cells it leaves empty, which empty an uncertain cell (elsewhere an empty cell keeps the plan's value).
/// </summary>
public sealed record ReviewedRow(int Ordinal, IReadOnlySet<string> EmptyCells);

/// <summary>A goal's published rating, override or analysis for a period.</summary>
public sealed record GoalOutcome(string GoalId, Rating? Recorded, RatingOverride? Override, string? Analysis, SourcePosition Position);

/// <summary>
/// What a controller adds to the plan during the year: the period's outcomes, forecasts, deviation
/// flags and ratings. Applied to a plan, it gives a full dataset for the period.
/// </summary>
public sealed record Outcomes(
    ReportingPeriod Period,
    IReadOnlyList<IndicatorOutcome> Indicators,
    IReadOnlyList<ActivityOutcome> Activities,
    IReadOnlyList<GoalOutcome> Goals)
{
    /// <summary>
    /// Entries given twice (the same indicator or activity under the same goal, the same goal): applied, the
    /// second would silently replace the first, so each is an error at the second, naming the first's line.
    /// </summary>
    public IEnumerable<InputError> Repeated() =>
        Once(Indicators.Select(o => ((o.GoalId, o.Name), o.Position)), k => $"indikatorn \"{k.Name}\" under mål {k.GoalId} har redan ett utfall")
            .Concat(Once(Activities.Select(o => ((o.GoalId, o.Name), o.Position)), k => $"aktiviteten \"{k.Name}\" under mål {k.GoalId} finns redan"))
            .Concat(Once(Goals.Select(o => ((o.GoalId, ""), o.Position)), k => $"målet \"{k.GoalId}\" finns redan under \"mal\""));

    private static IEnumerable<InputError> Once(IEnumerable<((string GoalId, string Name) Key, SourcePosition Position)> entries,
        Func<(string GoalId, string Name), string> message)
    {
        var first = new Dictionary<(string, string), SourcePosition>();
        foreach (var (key, position) in entries.Where(e => e.Key.GoalId.Length > 0))
        {
            if (first.TryGetValue(key, out var earlier)) yield return new InputError(ErrorKinds.Duplicate, position, $"{message(key)} (rad {earlier.Line})");
            else first[key] = position;
        }
    }

    /// <summary>What laying outcomes on a plan's rows needs of a row type (<see cref="Indicator"/>, <see cref="Activity"/>).</summary>
    /// <param name="Noun">The row in a message: "indikatorn".</param>
    /// <param name="Cell">A cell's text by its dataset key (<see cref="UncertainCells.Cell(Indicator, string)"/>).</param>
    /// <param name="Emptied">The row with a cell emptied (<see cref="UncertainCells.Emptied(Indicator, string)"/>).</param>
    private sealed record RowType<TRow>(string Noun, Func<TRow, string> Name, Func<TRow, ImmutableSortedDictionary<string, string>> Uncertain,
        Func<TRow, string, string?> Cell, Func<TRow, string, TRow> Emptied, Func<TRow, ImmutableSortedDictionary<string, string>, TRow> WithUncertain);

    private static readonly RowType<Indicator> IndicatorRows =
        new("indikatorn", i => i.Name, i => i.Uncertain, UncertainCells.Cell, UncertainCells.Emptied, (i, u) => i with { Uncertain = u });

    private static readonly RowType<Activity> ActivityRows =
        new("aktiviteten", a => a.Name, a => a.Uncertain, UncertainCells.Cell, UncertainCells.Emptied, (a, u) => a with { Uncertain = u });

    /// <summary>
    /// The plan row an outcome is for: the one with its name; failing that, in a review workbook, the row at
    /// the same place under the goal if that row's name was uncertain and no other outcome names it – the
    /// controller corrected the name.
    /// </summary>
    private static int Find<T>(RowType<T> type, List<T> rows, IRowOutcome outcome, IEnumerable<string> named)
    {
        var at = rows.FindIndex(r => type.Name(r) == outcome.Name);
        if (at >= 0 || outcome.Reviewed is not { Ordinal: var k } || k >= rows.Count) return at;
        return type.Uncertain(rows[k]).ContainsKey("namn") && !named.Contains(type.Name(rows[k])) ? k : -1;
    }

    /// <summary>
    /// A goal's <paramref name="rows"/> of one type with the <paramref name="given"/> outcomes laid on them: each
    /// row <paramref name="corrected"/> by its outcome, emptied of the uncertain cells a review left empty, and
    /// still uncertain in the cells the correction did not change. An outcome for no row is an error, with a suggestion.
    /// </summary>
    private static List<TRow> Laid<TRow, TOutcome>(RowType<TRow> type, IReadOnlyList<TRow> rows, List<TOutcome>? given, string goalId,
        Func<TRow, TOutcome, TRow> corrected, List<InputError> errors) where TOutcome : IRowOutcome
    {
        var laid = rows.ToList();
        given ??= [];
        foreach (var o in given)
        {
            var at = Find(type, laid, o, given.Select(g => g.Name));
            if (at < 0)
            {
                var hint = Suggest.Closest(o.Name, laid.Select(type.Name)) is { } close ? $" – menade du \"{close}\"?" : "";
                errors.Add(new InputError(ErrorKinds.UnknownName, o.Position, $"{type.Noun} \"{o.Name}\" finns inte under mål {goalId} i planen{hint}"));
                continue;
            }
            var row = laid[at];
            var correction = corrected(row, o);
            foreach (var key in o.Reviewed?.EmptyCells.Where(type.Uncertain(row).ContainsKey) ?? []) correction = type.Emptied(correction, key);
            laid[at] = type.WithUncertain(correction,
                UncertainCells.Settled(o.Uncertain ?? type.Uncertain(row), k => type.Cell(row, k), k => type.Cell(correction, k)));
        }
        return laid;
    }

    /// <summary>
    /// The plan with these outcomes laid on it. Every outcome must name a goal and row the plan has:
    /// one that does not is an <see cref="InputException"/> at the outcome's position, with a suggestion.
    /// </summary>
    public Dataset ApplyTo(Dataset plan)
    {
        var errors = new List<InputError>();
        var goals = plan.AllGoals().ToDictionary(g => g.Id);
        var indicators = Indicators.GroupBy(o => o.GoalId).ToDictionary(g => g.Key, g => g.ToList());
        var activities = Activities.GroupBy(o => o.GoalId).ToDictionary(g => g.Key, g => g.ToList());
        var goalOutcomes = Goals.ToDictionary(o => o.GoalId, o => o);

        foreach (var id in indicators.Keys.Concat(activities.Keys).Concat(goalOutcomes.Keys).Distinct().Where(id => !goals.ContainsKey(id)))
        {
            var position = Indicators.Select(o => (o.GoalId, o.Position)).Concat(Activities.Select(o => (o.GoalId, o.Position)))
                .Concat(Goals.Select(o => (o.GoalId, o.Position))).First(p => p.GoalId == id).Position;
            var hint = Suggest.Closest(id, goals.Keys) is { } close ? $" – menade du {close}?" : "";
            errors.Add(new InputError(ErrorKinds.UnknownName, position, $"målet \"{id}\" finns inte i planen{hint}"));
        }

        Goal Apply(Goal goal)
        {
            var rows = Laid(IndicatorRows, goal.Indicators, indicators.GetValueOrDefault(goal.Id), goal.Id, (i, o) => i with
            {
                Name = o.Name,
                Outcome = o.Outcome ?? i.Outcome,
                OutcomeMen = o.OutcomeMen ?? i.OutcomeMen,
                OutcomeWomen = o.OutcomeWomen ?? i.OutcomeWomen,
                LastYearOutcome = o.LastYearOutcome ?? i.LastYearOutcome,
                Forecast = o.Forecast ?? i.Forecast,
                AnnualTarget = o.AnnualTarget ?? i.AnnualTarget,
                CityTarget = o.CityTarget ?? i.CityTarget,
                Periodicity = o.Periodicity ?? i.Periodicity,
                Analysis = o.Analysis ?? i.Analysis,
            }, errors);
            var acts = Laid(ActivityRows, goal.Activities, activities.GetValueOrDefault(goal.Id), goal.Id, (a, o) =>
                a with { Name = o.Name, Deviation = o.Deviation, Note = o.Note ?? a.Note, Start = o.Start ?? a.Start, End = o.End ?? a.End }, errors);
            var rating = goalOutcomes.GetValueOrDefault(goal.Id);
            return goal with
            {
                Indicators = rows,
                Activities = acts,
                Children = goal.Children.Select(Apply).ToList(),
                Recorded = rating?.Recorded ?? goal.Recorded,
                Override = rating?.Override ?? goal.Override,
                Analysis = rating?.Analysis ?? goal.Analysis,
            };
        }

        var applied = plan with { Period = Period, Goals = plan.Goals.Select(Apply).ToList() };
        if (errors.Count > 0) throw new InputException(errors);
        return applied;
    }
}
