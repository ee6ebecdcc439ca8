using Assessment.Domain.Model;

namespace Assessment.Rules.Facts;

/// <summary>
/// The facts a goal rule sees: counts and shares of indicator ratings, of sub-goal ratings, and of
/// activities. The same vocabulary at all three levels; a fact that does not apply at a level is 0.
/// </summary>
public static class GoalFacts
{
    /// <summary>All a goal's facts read: the period's kind, its activities counted and the ratings beneath it counted.</summary>
    private readonly record struct Inputs(PeriodKind Period, ActivityCounts Activities, RatingCounts Own, RatingCounts Kf, RatingCounts Board, RatingCounts SubGoals);

    /// <summary>How a fact's value is read from the inputs.</summary>
    private delegate object Read(in Inputs inputs);

    /// <summary>How a count fact's value is read from one group's counts.</summary>
    private delegate object ReadCounts(in RatingCounts counts);

    /// <summary>Which counts a group reads.</summary>
    private delegate RatingCounts CountsOf(in Inputs inputs);

    /// <summary>Groups of rated things, each giving the same family of count and share facts, and which counts each reads.</summary>
    private static readonly (string Prefix, string What, CountsOf Counts)[] Groups =
    [
        ("indikatorer", "målets egna indikatorer (KF-indikatorer för verksamhetsområdesmål, nämndindikatorer för nämndmål)", (in Inputs x) => x.Own),
        ("kf_indikatorer", "kommunfullmäktiges indikatorer i målet och under det", (in Inputs x) => x.Kf),
        ("namnd_indikatorer", "nämndens indikatorer i målet och under det", (in Inputs x) => x.Board),
        ("delmal", "närmast underliggande mål (nämndmål under verksamhetsområdesmål, verksamhetsområdesmål under inriktningsmål)", (in Inputs x) => x.SubGoals),
    ];

    /// <summary>What each group gives: the name after the group's own (its count is the group's name), the meaning, the value.</summary>
    private static readonly (string Suffix, Func<string, string> Describe, ReadCounts Value)[] CountFacts =
    [
        ("", what => $"Antal {what}.", (in RatingCounts r) => Boxed.Count(r.All)),
        ("_bedomda", what => $"Antal {what} med betyg helt, delvis eller inte.", (in RatingCounts r) => Boxed.Count(r.Assessed)),
        ("_helt", what => $"Antal {what} som uppfylls helt.", (in RatingCounts r) => Boxed.Count(r.Fully)),
        ("_delvis", what => $"Antal {what} som uppfylls delvis.", (in RatingCounts r) => Boxed.Count(r.Partly)),
        ("_inte", what => $"Antal {what} som inte uppfylls.", (in RatingCounts r) => Boxed.Count(r.NotMet)),
        ("_ej_bedomda", what => $"Antal {what} som inte kan bedömas.", (in RatingCounts r) => Boxed.Count(r.All - r.Assessed)),
        ("_andel_helt", what => $"Andel av de bedömda {what} som uppfylls helt (0–1; 0 om inga är bedömda).", (in RatingCounts r) => Share(r.Fully, r.Assessed)),
        ("_andel_delvis", what => $"Andel av de bedömda {what} som uppfylls delvis (0–1).", (in RatingCounts r) => Share(r.Partly, r.Assessed)),
        ("_andel_inte", what => $"Andel av de bedömda {what} som inte uppfylls (0–1).", (in RatingCounts r) => Share(r.NotMet, r.Assessed)),
    ];

    /// <summary>
    /// Every fact, declared once with how its value is read, in schema order: the schema and the values are both made
    /// from this list, so reordering it reorders both and no fact is read in another's place.
    /// </summary>
    private static readonly (FactDefinition Definition, Read Value)[] Declared =
    [
        (new("period", FactType.Text, "Perioden som bedöms: \"T1\", \"T2\", \"VB\" eller \"VP\" (verksamhetsplan, utan utfall)."),
            (in Inputs x) => x.Period.Code()),
        .. Groups.SelectMany(g => CountFacts.Select(c => (new FactDefinition(g.Prefix + c.Suffix, FactType.Number, c.Describe(g.What)),
            (Read)((in Inputs x) => c.Value(g.Counts(in x)))))),
        (new("aktiviteter", FactType.Number, "Antal aktiviteter direkt under målet."),
            (in Inputs x) => Boxed.Count(x.Activities.All)),
        (new("aktiviteter_avvikelse", FactType.Number, "Antal av målets aktiviteter som har flaggats med avvikelse."),
            (in Inputs x) => Boxed.Count(x.Activities.Deviating)),
        (new("aktiviteter_andel_avvikelse", FactType.Number, "Andel av målets aktiviteter med avvikelse (0–1; 0 om inga aktiviteter)."),
            (in Inputs x) => Share(x.Activities.Deviating, x.Activities.All)),
        (new("aktiviteter_slutdatum_passerat", FactType.Number, "Antal av målets aktiviteter vars slutdatum infaller senast periodens sista dag."),
            (in Inputs x) => Boxed.Count(x.Activities.EndPassed)),
        (new("aktiviteter_ej_startade", FactType.Number, "Antal av målets aktiviteter som startar efter periodens sista dag."),
            (in Inputs x) => Boxed.Count(x.Activities.NotStarted)),
    ];

    public static readonly FactSchema Schema = new("mål", [.. Declared.Select(f => f.Definition)]);

    /// <summary>
    /// Facts for a goal from all they read: the period's kind, the goal's activities counted and the ratings beneath
    /// it counted. Two goals with the same arguments have the same facts.
    /// </summary>
    public static FactValues Evaluate(PeriodKind period, ActivityCounts activities, RatingCounts ownIndicators,
        RatingCounts kfIndicators, RatingCounts boardIndicators, RatingCounts subGoals)
    {
        // Filled in schema order (every fact is set): a goal's facts are made for every goal of every dataset rated.
        var inputs = new Inputs(period, activities, ownIndicators, kfIndicators, boardIndicators, subGoals);
        var values = new object[Declared.Length];
        for (var i = 0; i < Declared.Length; i++) values[i] = Declared[i].Value(in inputs);
        return FactValues.Of(Schema, values);
    }

    /// <summary>A share as a fact: none and all are the counts 0 and 1 (boxed once), any other a box of its own.</summary>
    private static object Share(int part, int whole) =>
        whole == 0 || part == 0 ? Boxed.Count(0) : part == whole ? Boxed.Count(1) : (double)part / whole;
}

/// <summary>A list of ratings counted: all a goal's facts read of the ratings beneath it.</summary>
public readonly record struct RatingCounts(int All, int Fully, int Partly, int NotMet)
{
    /// <summary>Rated helt, delvis or inte: all but those that cannot be assessed.</summary>
    public int Assessed => Fully + Partly + NotMet;

    /// <summary>These counts and one rating more.</summary>
    public RatingCounts With(Rating rating) => new(All + 1,
        Fully + (rating == Rating.Fully ? 1 : 0), Partly + (rating == Rating.Partly ? 1 : 0), NotMet + (rating == Rating.NotMet ? 1 : 0));

    public static RatingCounts operator +(RatingCounts a, RatingCounts b) =>
        new(a.All + b.All, a.Fully + b.Fully, a.Partly + b.Partly, a.NotMet + b.NotMet);
}

/// <summary>A goal's activities counted as its facts read them: in all, with deviation, ended by the period's end, not started by then.</summary>
public readonly record struct ActivityCounts(int All, int Deviating, int EndPassed, int NotStarted)
{
    public static ActivityCounts Of(Goal goal, ReportingPeriod period)
    {
        int deviating = 0, endPassed = 0, notStarted = 0;
        foreach (var activity in goal.Activities)
        {
            if (activity.Deviation) deviating++;
            if (activity.End is { } end && end <= period.EndDate) endPassed++;
            if (activity.Start is { } start && start > period.EndDate) notStarted++;
        }
        return new(goal.Activities.Count, deviating, endPassed, notStarted);
    }
}
