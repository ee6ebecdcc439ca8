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

    public static readonly FactSchema Schema = new("mål", BuildDefinitions());

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

    /// <summary>Facts for a goal from the ratings beneath it and its own activities.</summary>
    public static FactValues Evaluate(
        Goal goal,
        ReportingPeriod period,
        IReadOnlyList<Rating> ownIndicators,
        IReadOnlyList<Rating> kfIndicators,
        IReadOnlyList<Rating> boardIndicators,
        IReadOnlyList<Rating> subGoals)
    {
        var builder = FactValues.For(Schema).Set("period", period.Kind.ToString());
        AddCounts(builder, "indikatorer", ownIndicators);
        AddCounts(builder, "kf_indikatorer", kfIndicators);
        AddCounts(builder, "namnd_indikatorer", boardIndicators);
        AddCounts(builder, "delmal", subGoals);

        var activities = goal.Activities;
        var flagged = activities.Count(a => a.Deviation);
        return builder
            .Set("aktiviteter", activities.Count)
            .Set("aktiviteter_avvikelse", flagged)
            .Set("aktiviteter_andel_avvikelse", Share(flagged, activities.Count))
            .Set("aktiviteter_slutdatum_passerat", activities.Count(a => a.End is { } end && end <= period.EndDate))
            .Set("aktiviteter_ej_startade", activities.Count(a => a.Start is { } start && start > period.EndDate))
            .Build();
    }

    private static void AddCounts(FactValues.Builder builder, string prefix, IReadOnlyList<Rating> ratings)
    {
        var fully = ratings.Count(r => r == Rating.Fully);
        var partly = ratings.Count(r => r == Rating.Partly);
        var notMet = ratings.Count(r => r == Rating.NotMet);
        var assessed = fully + partly + notMet;
        builder
            .Set(prefix, ratings.Count)
            .Set($"{prefix}_bedomda", assessed)
            .Set($"{prefix}_helt", fully)
            .Set($"{prefix}_delvis", partly)
            .Set($"{prefix}_inte", notMet)
            .Set($"{prefix}_ej_bedomda", ratings.Count - assessed)
            .Set($"{prefix}_andel_helt", Share(fully, assessed))
            .Set($"{prefix}_andel_delvis", Share(partly, assessed))
            .Set($"{prefix}_andel_inte", Share(notMet, assessed));
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
