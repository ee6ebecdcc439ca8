using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Parsing;
using Assessment.Rules.Model;

namespace Assessment.Rules.Audit;

/// <summary>A goal whose published rating differs from the one the rules derive.</summary>
public sealed record RatingGap(GoalResult Goal, Rating Recorded, int Distance);

/// <summary>Something a careful auditor would question, with where it is and the figures behind it.</summary>
public sealed record Warning(string Kind, string GoalId, string Subject, string Message, SourcePosition Position);

/// <summary>What <c>assess check</c> finds in one assessment.</summary>
public sealed record CheckReport(IReadOnlyList<RatingGap> Gaps, IReadOnlyList<Warning> Warnings)
{
    public bool Clean => Gaps.Count == 0 && Warnings.Count == 0;
}

/// <summary>
/// The auditor's check: recorded ratings the data does not support (worst gap first), and plausibility
/// warnings. Pure: a function of the assessment and the rule set's limits.
/// </summary>
public static class Check
{
    public static CheckReport Run(AssessmentResult result, PlausibilityLimits limits)
    {
        var gaps = result.AllGoals()
            .Where(g => g.DiffersFromRecorded)
            .Select(g => new RatingGap(g, g.Recorded!.Value, Distance(g.Recorded!.Value, g.Derived.Rating)))
            .OrderByDescending(g => g.Distance)
            .ThenBy(g => g.Goal.Goal.Position.Line)
            .ToList();
        var period = result.Dataset.Period;
        var warnings = new List<Warning>();
        // Mid-year only: an activity that should have ended before the tertial closed, with no deviation
        // reported. At year end (VB) every activity has ended, and "ended without deviation" means done.
        var midYear = period.Kind is PeriodKind.T1 or PeriodKind.T2;
        foreach (var goal in result.AllGoals())
        {
            foreach (var indicator in goal.Indicators)
                warnings.AddRange(IndicatorWarnings(indicator, period, limits));
            foreach (var activity in goal.Goal.Activities.Where(a => midYear && !a.Deviation && a.End is { } end && end < period.EndDate))
                warnings.Add(new Warning("aktivitet-slutdatum-passerat", goal.Goal.Id, activity.Name,
                    $"slutdatumet {activity.End:yyyy-MM-dd} passerades före periodens slut ({period.EndDate:yyyy-MM-dd}) och aktiviteten saknar avvikelse: är den genomförd?",
                    activity.Position));
            if (goal.Goal.Indicators.Count == 0 && goal.Goal.Activities.Count == 0 && goal.Goal.Children.Count == 0)
                warnings.Add(new Warning("mal-utan-underlag", goal.Goal.Id, goal.Goal.Title,
                    "målet har varken indikatorer, aktiviteter eller underliggande mål: betyget vilar inte på något underlag",
                    goal.Goal.Position));
        }
        return new CheckReport(gaps, warnings);
    }

    private static IEnumerable<Warning> IndicatorWarnings(IndicatorResult result, ReportingPeriod period, PlausibilityLimits limits)
    {
        var i = result.Indicator;
        Warning Warn(string kind, string message) => new(kind, result.GoalId, i.Name, message, i.Position);

        if (i.Forecast is { } forecast && i.AnnualTarget is Target.Level level && forecast.Value == level.Value.Value
            && i.Outcome is { } outcome && level.Value.Value != 0
            && Math.Abs((double)outcome.Value / (double)level.Value.Value - 1) > limits.ForecastOutcomeGap)
            yield return Warn("prognos-lika-med-mal",
                $"prognosen {forecast.Text} är lika med årsmålet medan periodens utfall är {outcome.Text} " +
                $"({SwedishFormat.Percent(Math.Abs((double)outcome.Value / (double)level.Value.Value - 1), 0)} från målet): är prognosen bedömd eller bara målet upprepat?");

        if (period.Kind == PeriodKind.VB && i.Periodicity == Periodicity.Year && i.Outcome is null)
            yield return Warn("arsindikator-utan-utfall", "årsindikatorn saknar utfall i verksamhetsberättelsen");

        var districtFigure = i.Outcome ?? i.LastYearOutcome;
        if (i.CityTarget is Target.Level city && districtFigure is { Value: > 0 } figure
            && (double)city.Value.Value >= limits.CityTargetFactor * (double)figure.Value)
            yield return Warn("kf-mal-stadsovergripande",
                $"KF:s årsmål {city.Text} är {SwedishFormat.Number((double)city.Value.Value / (double)figure.Value, 0)} gånger nämndens {figure.Text}: troligen en stadsövergripande summa som inte kan jämföras");

        if (i.AnnualTarget is null)
            yield return Warn("indikator-utan-mal", "indikatorn saknar årsmål");

        // The dataset's own riktning wins over the target's word; where they disagree, one of them is wrong.
        if (i.Direction is { } stated && result.Evidence.Target?.Implies is { } implied && stated != implied)
            yield return Warn("riktning-motsager-malet",
                $"datasetets riktning \"{stated.Label()}\" motsäger målet \"{result.Evidence.Target.Text}\", som betyder {implied.Label()}: riktningen används");
    }

    /// <summary>How far apart two ratings are: helt–delvis 1, helt–inte 2; to or from ej bedömd 1.</summary>
    private static int Distance(Rating a, Rating b)
    {
        if (a == Rating.NotAssessed || b == Rating.NotAssessed) return 1;
        return Math.Abs(Rank(a) - Rank(b));

        static int Rank(Rating r) => r switch { Rating.Fully => 0, Rating.Partly => 1, _ => 2 };
    }
}
