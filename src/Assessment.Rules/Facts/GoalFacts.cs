using Assessment.Domain.Model;

namespace Assessment.Rules.Facts;

/// <summary>
/// The facts a goal rule sees: counts and shares of indicator ratings, of sub-goal ratings, and of
/// activities. The same vocabulary at all three levels; a fact that does not apply at a level is 0.
/// </summary>
public static class GoalFacts
{
    /// <summary>Groups of rated things, each giving the same family of count and share facts.</summary>
    private static readonly (string Prefix, string What)[] Groups =
    [
        ("indikatorer", "målets egna indikatorer (KF-indikatorer för verksamhetsområdesmål, nämndindikatorer för nämndmål)"),
        ("kf_indikatorer", "kommunfullmäktiges indikatorer i målet och under det"),
        ("namnd_indikatorer", "nämndens indikatorer i målet och under det"),
        ("delmal", "närmast underliggande mål (nämndmål under verksamhetsområdesmål, verksamhetsområdesmål under inriktningsmål)"),
    ];

    /// <summary>What each group gives, after the group's own name (its count): "_bedomda", "_helt" …</summary>
    private static readonly string[] Suffixes = ["", "_bedomda", "_helt", "_delvis", "_inte", "_ej_bedomda", "_andel_helt", "_andel_delvis", "_andel_inte"];

    public static readonly FactSchema Schema = new("mål", BuildDefinitions());

    /// <summary>Per group, the place in <see cref="Schema"/> of each of its facts, in <see cref="Suffixes"/> order.</summary>
    private static readonly int[][] GroupFacts = Groups.Select(g => Suffixes.Select(s => Schema.IndexOf(g.Prefix + s)).ToArray()).ToArray();

    private static readonly int[] ActivityFacts = new[]
    {
        "period", "aktiviteter", "aktiviteter_avvikelse", "aktiviteter_andel_avvikelse", "aktiviteter_slutdatum_passerat", "aktiviteter_ej_startade",
    }.Select(Schema.IndexOf).ToArray();

    private static List<FactDefinition> BuildDefinitions()
    {
        var facts = new List<FactDefinition>
        {
            new("period", FactType.Text, "Perioden som bedöms: \"T1\", \"T2\", \"VB\" eller \"VP\" (verksamhetsplan, utan utfall)."),
        };
        foreach (var (prefix, what) in Groups)
        {
            facts.Add(new(prefix, FactType.Number, $"Antal {what}."));
            facts.Add(new($"{prefix}_bedomda", FactType.Number, $"Antal {what} med betyg helt, delvis eller inte."));
            facts.Add(new($"{prefix}_helt", FactType.Number, $"Antal {what} som uppfylls helt."));
            facts.Add(new($"{prefix}_delvis", FactType.Number, $"Antal {what} som uppfylls delvis."));
            facts.Add(new($"{prefix}_inte", FactType.Number, $"Antal {what} som inte uppfylls."));
            facts.Add(new($"{prefix}_ej_bedomda", FactType.Number, $"Antal {what} som inte kan bedömas."));
            facts.Add(new($"{prefix}_andel_helt", FactType.Number, $"Andel av de bedömda {what} som uppfylls helt (0–1; 0 om inga är bedömda)."));
            facts.Add(new($"{prefix}_andel_delvis", FactType.Number, $"Andel av de bedömda {what} som uppfylls delvis (0–1)."));
            facts.Add(new($"{prefix}_andel_inte", FactType.Number, $"Andel av de bedömda {what} som inte uppfylls (0–1)."));
        }
        facts.AddRange(
        [
            new("aktiviteter", FactType.Number, "Antal aktiviteter direkt under målet."),
            new("aktiviteter_avvikelse", FactType.Number, "Antal av målets aktiviteter som har flaggats med avvikelse."),
            new("aktiviteter_andel_avvikelse", FactType.Number, "Andel av målets aktiviteter med avvikelse (0–1; 0 om inga aktiviteter)."),
            new("aktiviteter_slutdatum_passerat", FactType.Number, "Antal av målets aktiviteter vars slutdatum infaller senast periodens sista dag."),
            new("aktiviteter_ej_startade", FactType.Number, "Antal av målets aktiviteter som startar efter periodens sista dag."),
        ]);
        return facts;
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
        AddCounts(values, GroupFacts[0], ownIndicators);
        AddCounts(values, GroupFacts[1], kfIndicators);
        AddCounts(values, GroupFacts[2], boardIndicators);
        AddCounts(values, GroupFacts[3], subGoals);
        values[ActivityFacts[0]] = period.Code();
        values[ActivityFacts[1]] = Boxed.Count(activities.All);
        values[ActivityFacts[2]] = Boxed.Count(activities.Deviating);
        values[ActivityFacts[3]] = Share(activities.Deviating, activities.All);
        values[ActivityFacts[4]] = Boxed.Count(activities.EndPassed);
        values[ActivityFacts[5]] = Boxed.Count(activities.NotStarted);
        return FactValues.Of(Schema, values);
    }

    private static void AddCounts(object[] values, int[] facts, RatingCounts ratings)
    {
        var assessed = ratings.Fully + ratings.Partly + ratings.NotMet;
        values[facts[0]] = Boxed.Count(ratings.All);
        values[facts[1]] = Boxed.Count(assessed);
        values[facts[2]] = Boxed.Count(ratings.Fully);
        values[facts[3]] = Boxed.Count(ratings.Partly);
        values[facts[4]] = Boxed.Count(ratings.NotMet);
        values[facts[5]] = Boxed.Count(ratings.All - assessed);
        values[facts[6]] = Share(ratings.Fully, assessed);
        values[facts[7]] = Share(ratings.Partly, assessed);
        values[facts[8]] = Share(ratings.NotMet, assessed);
    }

    /// <summary>A share as a fact: none and all are the counts 0 and 1 (boxed once), any other a box of its own.</summary>
    private static object Share(int part, int whole) =>
        whole == 0 || part == 0 ? Boxed.Count(0) : part == whole ? Boxed.Count(1) : (double)part / whole;
}

/// <summary>A list of ratings counted: all a goal's facts read of the ratings beneath it.</summary>
public readonly record struct RatingCounts(int All, int Fully, int Partly, int NotMet)
{
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
