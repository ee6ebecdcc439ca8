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
    Quantity? LastYearOutcome, Quantity? Forecast, string? Analysis, SourcePosition Position)
{
    public Target? AnnualTarget { get; init; }
    public Target? CityTarget { get; init; }
    public Periodicity? Periodicity { get; init; }
    public ImmutableSortedDictionary<string, string>? Uncertain { get; init; }
    public ReviewedRow? Reviewed { get; init; }
}

/// <summary>One activity's deviation flag and note for a period; from a workbook also its dates and uncertain cells.</summary>
public sealed record ActivityOutcome(string GoalId, string Name, bool Deviation, string? Note, SourcePosition Position)
{
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
    public ImmutableSortedDictionary<string, string>? Uncertain { get; init; }
    public ReviewedRow? Reviewed { get; init; }
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

    /// <summary>
    /// The plan row an outcome is for: the one with its name; failing that, in a review workbook, the row at
    /// the same place under the goal if that row's name was uncertain and no other outcome names it – the
    /// controller corrected the name.
    /// </summary>
    private static int Find<T>(List<T> rows, string name, ReviewedRow? review, IEnumerable<string> named, Func<T, string> nameOf,
        Func<T, ImmutableSortedDictionary<string, string>> uncertain)
    {
        var at = rows.FindIndex(r => nameOf(r) == name);
        if (at >= 0 || review is not { Ordinal: var k } || k >= rows.Count) return at;
        return uncertain(rows[k]).ContainsKey("namn") && !named.Contains(nameOf(rows[k])) ? k : -1;
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
            var rows = goal.Indicators.ToList();
            var given = indicators.GetValueOrDefault(goal.Id) ?? [];
            foreach (var o in given)
            {
                var at = Find(rows, o.Name, o.Reviewed, given.Select(g => g.Name), i => i.Name, i => i.Uncertain);
                if (at < 0)
                {
                    var hint = Suggest.Closest(o.Name, rows.Select(i => i.Name)) is { } close ? $" – menade du \"{close}\"?" : "";
                    errors.Add(new InputError(ErrorKinds.UnknownName, o.Position, $"indikatorn \"{o.Name}\" finns inte under mål {goal.Id} i planen{hint}"));
                    continue;
                }
                var i = rows[at];
                var corrected = i with
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
                };
                foreach (var key in o.Reviewed?.EmptyCells.Where(i.Uncertain.ContainsKey) ?? []) corrected = corrected.Emptied(key);
                rows[at] = corrected with { Uncertain = UncertainCells.Settled(o.Uncertain ?? i.Uncertain, i.Cell, corrected.Cell) };
            }
            var acts = goal.Activities.ToList();
            var givenActivities = activities.GetValueOrDefault(goal.Id) ?? [];
            foreach (var o in givenActivities)
            {
                var at = Find(acts, o.Name, o.Reviewed, givenActivities.Select(g => g.Name), a => a.Name, a => a.Uncertain);
                if (at < 0)
                {
                    var hint = Suggest.Closest(o.Name, acts.Select(a => a.Name)) is { } close ? $" – menade du \"{close}\"?" : "";
                    errors.Add(new InputError(ErrorKinds.UnknownName, o.Position, $"aktiviteten \"{o.Name}\" finns inte under mål {goal.Id} i planen{hint}"));
                    continue;
                }
                var a = acts[at];
                var corrected = a with { Name = o.Name, Deviation = o.Deviation, Note = o.Note ?? a.Note, Start = o.Start ?? a.Start, End = o.End ?? a.End };
                foreach (var key in o.Reviewed?.EmptyCells.Where(a.Uncertain.ContainsKey) ?? []) corrected = corrected.Emptied(key);
                acts[at] = corrected with { Uncertain = UncertainCells.Settled(o.Uncertain ?? a.Uncertain, a.Cell, corrected.Cell) };
            }
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
