using Assessment.Domain.Model;

namespace Assessment.Rules.Facts;

/// <summary>
/// The facts a goal rule sees: counts and shares of indicator ratings, of sub-goal ratings, and of
/// activities. The same vocabulary at all three levels; a fact that does not apply at a level is 0.
/// </summary>
public static class GoalFacts
{
    /// <summary>Groups of rated things, each giving the same family of count and share facts (<see cref="CountFacts"/>).</summary>
    private static readonly (string Prefix, string What)[] Groups =
    [
        ("indikatorer", "målets egna indikatorer (KF-indikatorer för verksamhetsområdesmål, nämndindikatorer för nämndmål)"),
        ("kf_indikatorer", "kommunfullmäktiges indikatorer i målet och under det"),
        ("namnd_indikatorer", "nämndens indikatorer i målet och under det"),
        ("delmal", "närmast underliggande mål (nämndmål under verksamhetsområdesmål, verksamhetsområdesmål under inriktningsmål)"),
    ];

    /// <summary>What each group gives: the name after the group's own (its count is the group's name alone), and the meaning.</summary>
    private static readonly (string Suffix, Func<string, string> Describe)[] CountFacts =
    [
        ("", what => $"Antal {what}."),
        ("_bedomda", what => $"Antal {what} med betyg helt, delvis eller inte."),
        ("_helt", what => $"Antal {what} som uppfylls helt."),
        ("_delvis", what => $"Antal {what} som uppfylls delvis."),
        ("_inte", what => $"Antal {what} som inte uppfylls."),
        ("_ej_bedomda", what => $"Antal {what} som inte kan bedömas."),
        ("_andel_helt", what => $"Andel av de bedömda {what} som uppfylls helt (0–1; 0 om inga är bedömda)."),
        ("_andel_delvis", what => $"Andel av de bedömda {what} som uppfylls delvis (0–1)."),
        ("_andel_inte", what => $"Andel av de bedömda {what} som inte uppfylls (0–1)."),
    ];

    /// <summary>The vocabulary, declared once: every fact's name, type and meaning, in the order documented.</summary>
    public static readonly FactSchema Schema = new("mål",
    [
        new("period", FactType.Text, "Perioden som bedöms: \"T1\", \"T2\", \"VB\" eller \"VP\" (verksamhetsplan, utan utfall)."),
        .. Groups.SelectMany(g => CountFacts.Select(c => new FactDefinition(g.Prefix + c.Suffix, FactType.Number, c.Describe(g.What)))),
        new("aktiviteter", FactType.Number, "Antal aktiviteter direkt under målet."),
        new("aktiviteter_avvikelse", FactType.Number, "Antal av målets aktiviteter som har flaggats med avvikelse."),
        new("aktiviteter_andel_avvikelse", FactType.Number, "Andel av målets aktiviteter med avvikelse (0–1; 0 om inga aktiviteter)."),
        new("aktiviteter_slutdatum_passerat", FactType.Number, "Antal av målets aktiviteter vars slutdatum infaller senast periodens sista dag."),
        new("aktiviteter_ej_startade", FactType.Number, "Antal av målets aktiviteter som startar efter periodens sista dag."),
    ]);

    /// <summary>
    /// Each fact's place in <see cref="Schema"/>, looked up by name: the facts are filled by place for every goal rated,
    /// and a reordered declaration moves the places with it (a renamed fact fails here, on first use).
    /// </summary>
    private static readonly int Period = Schema.IndexOf("period"), Activities = Schema.IndexOf("aktiviteter"),
        Deviating = Schema.IndexOf("aktiviteter_avvikelse"), ShareDeviating = Schema.IndexOf("aktiviteter_andel_avvikelse"),
        EndPassed = Schema.IndexOf("aktiviteter_slutdatum_passerat"), NotStarted = Schema.IndexOf("aktiviteter_ej_startade");

    private static readonly CountPlaces Own = CountPlaces.Of("indikatorer"), Kf = CountPlaces.Of("kf_indikatorer"),
        Board = CountPlaces.Of("namnd_indikatorer"), SubGoals = CountPlaces.Of("delmal");

    /// <summary>The places of one group's count and share facts, by name.</summary>
    private readonly record struct CountPlaces(int All, int Assessed, int Fully, int Partly, int NotMet, int NotAssessed,
        int ShareFully, int SharePartly, int ShareNotMet)
    {
        public static CountPlaces Of(string group) => new(Schema.IndexOf(group), Schema.IndexOf($"{group}_bedomda"),
            Schema.IndexOf($"{group}_helt"), Schema.IndexOf($"{group}_delvis"), Schema.IndexOf($"{group}_inte"), Schema.IndexOf($"{group}_ej_bedomda"),
            Schema.IndexOf($"{group}_andel_helt"), Schema.IndexOf($"{group}_andel_delvis"), Schema.IndexOf($"{group}_andel_inte"));
    }

    /// <summary>
    /// Facts for a goal from all they read: the period's kind, the goal's activities counted and the ratings beneath
    /// it counted. Two goals with the same arguments have the same facts.
    /// </summary>
    public static FactValues Evaluate(PeriodKind period, ActivityCounts activities, RatingCounts ownIndicators,
        RatingCounts kfIndicators, RatingCounts boardIndicators, RatingCounts subGoals)
    {
        // Filled by place (every fact is set): a goal's facts are made for every goal of every dataset rated.
        var values = new object[Schema.Facts.Count];
        AddCounts(values, Own, ownIndicators);
        AddCounts(values, Kf, kfIndicators);
        AddCounts(values, Board, boardIndicators);
        AddCounts(values, SubGoals, subGoals);
        values[Period] = period.Code();
        values[Activities] = Boxed.Count(activities.All);
        values[Deviating] = Boxed.Count(activities.Deviating);
        values[ShareDeviating] = Share(activities.Deviating, activities.All);
        values[EndPassed] = Boxed.Count(activities.EndPassed);
        values[NotStarted] = Boxed.Count(activities.NotStarted);
        return FactValues.Of(Schema, values);
    }

    private static void AddCounts(object[] values, in CountPlaces at, RatingCounts ratings)
    {
        var assessed = ratings.Assessed;
        values[at.All] = Boxed.Count(ratings.All);
        values[at.Assessed] = Boxed.Count(assessed);
        values[at.Fully] = Boxed.Count(ratings.Fully);
        values[at.Partly] = Boxed.Count(ratings.Partly);
        values[at.NotMet] = Boxed.Count(ratings.NotMet);
        values[at.NotAssessed] = Boxed.Count(ratings.All - assessed);
        values[at.ShareFully] = Share(ratings.Fully, assessed);
        values[at.SharePartly] = Share(ratings.Partly, assessed);
        values[at.ShareNotMet] = Share(ratings.NotMet, assessed);
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
