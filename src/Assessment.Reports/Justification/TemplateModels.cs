using Assessment.Domain.Parsing;
using Assessment.Domain.Model;
using Assessment.Rules;
using Scriban.Runtime;

namespace Assessment.Reports.Justification;

/// <summary>
/// The variables a justification template sees, built from a goal's result. Names are Swedish and
/// listed in the README ("Motiveringsmallar"); figures arrive formatted the Swedish way.
/// </summary>
public static class TemplateModels
{
    /// <summary>A level's template is named by the level's code (templates/verksamhetsomradesmal.sbn).</summary>
    public static string TemplateFor(GoalLevel level) => level.Code();

    public static ScriptObject Goal(GoalResult goal, ReportingPeriod period)
    {
        var g = goal.Goal;
        var indicators = goal.Indicators;
        return Goal(
            level: g.Level, id: g.Id, title: g.Title, period: period,
            final: goal.Final, derived: goal.Derived.Rating, recorded: goal.Recorded,
            ruleId: goal.Derived.Rule.Id, ruleDescription: goal.Derived.Rule.Description,
            ratingOverride: g.Override,
            kf: Count(indicators.Where(i => i.Kind == IndicatorKind.Kf).ToList()),
            board: Count(indicators.Where(i => i.Kind == IndicatorKind.Board).ToList()),
            subGoals: goal.Children.Select(c => c.Final).ToList(),
            activities: g.Activities.Count, deviations: g.Activities.Count(a => a.Deviation),
            missed: indicators.Where(i => i.Rating is Rating.Partly or Rating.NotMet).Select(Missed).ToList());
    }

    public static ScriptObject Summary(AssessmentResult result)
    {
        var levels = new ScriptArray();
        foreach (var level in new[] { GoalLevel.DirectionGoal, GoalLevel.ServiceAreaGoal })
        {
            var finals = result.AllGoals().Where(g => g.Goal.Level == level).Select(g => g.Final).ToList();
            levels.Add(SummaryLevel(level, finals));
        }
        return new ScriptObject { ["period"] = Period(result.Dataset.Period), ["nivaer"] = levels };
    }

    /// <summary>The period of the first model each template is run with at load: a forecast.</summary>
    private static readonly ReportingPeriod ProbePeriod = new(PeriodKind.T2, 2026);

    /// <summary>
    /// The models each template is run with at load, after the static check: for a level's template a
    /// second-period (forecast) goal rated higher than its rule, with the override's sentence and every kind of
    /// missed indicator, and a year-end goal not rated, with no override (null), evidence or missed indicators.
    /// </summary>
    internal static IEnumerable<ScriptObject> LoadProbes(string template)
    {
        if (template == TemplateSet.Summary)
        {
            yield return SummaryProbe(ProbePeriod);
            yield break;
        }
        var level = Vocabularies.Levels.Parse(template);
        yield return GoalProbe(level, ProbePeriod, Rating.Fully, withEvidence: true);
        yield return GoalProbe(level, new ReportingPeriod(PeriodKind.VB, 2026), Rating.NotAssessed, withEvidence: false);
    }

    private static ScriptObject GoalProbe(GoalLevel level, ReportingPeriod period, Rating final, bool withEvidence)
    {
        var ratingOverride = withEvidence ? new RatingOverride(final, "Resultatet är nära årsmålet.", null, Domain.SourcePosition.InFile("prov")) : null;
        var count = withEvidence ? new IndicatorCounts(2, 1, 1) : new IndicatorCounts(0, 0, 0);
        IEnumerable<ScriptObject> missed = withEvidence
            ? [MissedProbe("prognos", "niva"), MissedProbe("utfall", "riktning"), MissedProbe("utfall", "max"), MissedProbe("utfall", "intervall")]
            : [];
        return Goal(level, "1", "Prov", period, final, Rating.Partly, final, "prov", null,
            ratingOverride, count, count, withEvidence ? [Rating.Fully, Rating.Partly] : [],
            withEvidence ? 3 : 0, withEvidence ? 1 : 0, missed);
    }

    private static ScriptObject SummaryProbe(ReportingPeriod period) => new()
    {
        ["period"] = Period(period),
        ["nivaer"] = new ScriptArray { SummaryLevel(GoalLevel.ServiceAreaGoal, Enum.GetValues<Rating>()) },
    };

    /// <summary>
    /// The variables template <paramref name="template"/> sees: what the static check resolves names and members
    /// against, read off a model like the first it is run with at load (a goal's or the summary's), which has every
    /// object and array filled.
    /// </summary>
    internal static ObjectShape ShapeOf(string template) => template == TemplateSet.Summary ? SummaryShape : GoalShape;

    private static readonly ObjectShape GoalShape = ObjectShape.Of(GoalProbe(GoalLevel.BoardGoal, ProbePeriod, Rating.Fully, withEvidence: true));

    private static readonly ObjectShape SummaryShape = ObjectShape.Of(SummaryProbe(ProbePeriod));

    /// <summary>The root is a plain object (Scriban's strict mode checks variables); nested objects check their members.</summary>
    private static ScriptObject Goal(GoalLevel level, string id, string title, ReportingPeriod period,
        Rating final, Rating derived, Rating? recorded, string ruleId, string? ruleDescription,
        RatingOverride? ratingOverride, IndicatorCounts kf, IndicatorCounts board,
        IReadOnlyList<Rating> subGoals, int activities, int deviations, IEnumerable<ScriptObject> missed)
    {
        var subGoalCounts = new StrictObject { ["antal"] = subGoals.Count };
        foreach (var rating in Enum.GetValues<Rating>()) subGoalCounts[rating.Code()] = subGoals.Count(r => r == rating);
        return new ScriptObject
        {
            ["niva"] = level.Code(),
            ["id"] = id,
            ["titel"] = title,
            ["period"] = Period(period),
            ["betyg"] = final.Code(),
            ["harlett"] = derived.Code(),
            ["redovisat"] = recorded?.Code(),
            ["avviker"] = final != derived,
            ["overstyrning"] = ratingOverride is null ? null : new StrictObject
            {
                ["betyg"] = ratingOverride.Rating.Code(),
                ["motivering"] = ratingOverride.Reason,
                ["av"] = ratingOverride.By,
            },
            ["regel"] = new StrictObject { ["id"] = ruleId, ["beskrivning"] = ruleDescription },
            ["kf"] = kf.ToObject(),
            ["namnd"] = board.ToObject(),
            ["delmal"] = subGoalCounts,
            ["aktiviteter"] = new StrictObject { ["antal"] = activities, ["avvikelse"] = deviations },
            ["missade"] = new ScriptArray(missed),
        };
    }

    private static IndicatorCounts Count(IReadOnlyList<IndicatorResult> indicators) =>
        new(indicators.Count, indicators.Count(i => i.Indicator.Outcome is not null), indicators.Count(i => i.Rating != Rating.NotAssessed));

    /// <summary>A group of indicators as templates see it: how many, how many with a period outcome, how many rated.</summary>
    private sealed record IndicatorCounts(int Count, int WithOutcome, int Assessed)
    {
        public StrictObject ToObject() => new() { ["antal"] = Count, ["med_utfall"] = WithOutcome, ["bedomda"] = Assessed };
    }

    private static StrictObject Period(ReportingPeriod period) => new()
    {
        ["typ"] = period.Kind.ToString(),
        ["ar"] = period.Year,
        ["prognos"] = period.IsForecast,
        ["plan"] = period.IsPlan,
    };

    private static StrictObject SummaryLevel(GoalLevel level, IReadOnlyCollection<Rating> finals)
    {
        var model = new StrictObject { ["niva"] = level.Code(), ["namn"] = level.Label(), ["antal"] = finals.Count };
        foreach (var rating in Enum.GetValues<Rating>()) model[rating.Code()] = finals.Count(r => r == rating);
        return model;
    }

    private static StrictObject Missed(IndicatorResult indicator)
    {
        var e = indicator.Evidence;
        return new StrictObject
        {
            ["namn"] = indicator.Indicator.Name,
            ["namn_i_mening"] = InSentence(indicator.Indicator.Name),
            ["betyg"] = indicator.Rating.Code(),
            ["kalla"] = e.ValueSourceCode,
            ["varde"] = e.Value is null ? "" : SwedishFormat.Quantity(e.Value),
            ["mal"] = e.ComparisonPoint is null ? "" : SwedishFormat.Quantity(e.ComparisonPoint),
            ["mal_text"] = e.Target?.Text ?? "",
            ["maltyp"] = e.Target?.Kind ?? "saknas",
            ["forra_aret"] = indicator.Indicator.LastYearOutcome is { } last ? SwedishFormat.Quantity(last) : "",
            ["uppfyllelse"] = SwedishFormat.Percent(e.Attainment),
        };
    }

    private static StrictObject MissedProbe(string source, string targetKind) => new()
    {
        ["namn"] = "Andel", ["namn_i_mening"] = "andel", ["betyg"] = Rating.Partly.Code(), ["kalla"] = source,
        ["varde"] = "1", ["mal"] = "2", ["mal_text"] = "2", ["maltyp"] = targetKind, ["forra_aret"] = "1",
        ["uppfyllelse"] = "50 %",
    };

    /// <summary>
    /// "Sjukfrånvaro" → "sjukfrånvaro" inside a sentence; an acronym ("ANDT…") keeps its case, and a name
    /// that ends a sentence of its own ("… för barn och äldre.") loses the full stop.
    /// </summary>
    internal static string InSentence(string name)
    {
        name = name.Trim().TrimEnd('.').TrimEnd();
        return name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1])
            ? char.ToLowerInvariant(name[0]) + name[1..]
            : name;
    }
}
