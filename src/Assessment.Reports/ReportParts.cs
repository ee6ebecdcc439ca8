using Assessment.Domain.Parsing;
using Assessment.Domain.Model;
using Assessment.Rules;

namespace Assessment.Reports;

/// <summary>The pieces Markdown and HTML reports share: headings, rating lines and table rows in the report's own words.</summary>
public static class ReportParts
{
    /// <summary>"KF:s inriktningsmål: 1. …", "KF:s mål för verksamhetsområdet: 1.1 …", "Nämndmål: 1.1.1 …".</summary>
    public static string Heading(Goal goal) =>
        $"{Vocabularies.Levels[goal.Level].Heading}: {goal.Id}{(goal.Level == GoalLevel.DirectionGoal ? "." : "")} {goal.Title}";

    /// <summary>
    /// Each rating's colour (hex, without '#'), the same in every output: the HTML report, the Word document, the
    /// sweep's chart and the workbench.
    /// </summary>
    public static string Colour(Rating rating) => rating switch
    {
        Rating.Fully => "1a7f37",
        Rating.Partly => "b7791f",
        Rating.NotMet => "c53030",
        _ => "777777",
    };

    /// <summary>CSS colouring the text of each rating's class (its code: .helt, .delvis …), with an optional selector prefix.</summary>
    public static string RatingCss(string prefix = "") =>
        string.Join(" ", Enum.GetValues<Rating>().Select(r => $"{prefix}.{r.Code()} {{ color: #{Colour(r)}; }}"));

    public static IReadOnlyList<string> LevelCountColumns { get; } =
        ["Nivå", "", .. Vocabularies.Ratings.Terms.Select(t => t.Phrase), "Härlett ≠ redovisat"];

    /// <summary>Per level two rows: the derived ratings counted and the recorded ones, and how many goals differ.</summary>
    public static IEnumerable<IReadOnlyList<string>> LevelCounts(AssessmentResult result) =>
        Enum.GetValues<GoalLevel>().SelectMany(level =>
        {
            var goals = result.AllGoals().Where(g => g.Goal.Level == level).ToList();
            var differing = goals.Count(g => g.DiffersFromRecorded).ToString();
            return new IReadOnlyList<string>[]
            {
                [level.Label(), "härlett", .. Enum.GetValues<Rating>().Select(r => goals.Count(g => g.Derived.Rating == r).ToString()), differing],
                ["", "redovisat", .. Enum.GetValues<Rating>().Select(r => goals.Count(g => g.Recorded == r).ToString()), ""],
            };
        });

    /// <summary>
    /// "≠ Härlett betyg (regelverket): delvis, regel ovrigt-delvis · Redovisat betyg: helt" – marked ≠ where the rules
    /// and the published rating differ.
    /// </summary>
    public static string DerivedLine(GoalResult goal) =>
        (goal.DiffersFromRecorded ? "≠ " : "") + $"Härlett betyg (regelverket): {goal.Derived.Rating.Label()}, regel {goal.Derived.Rule.Id} · " +
        $"Redovisat betyg: {goal.Recorded?.Label() ?? "saknas"}";

    public static IReadOnlyList<string> IndicatorColumns(ReportingPeriod period) =>
    [
        "Indikator", "Periodens utfall", "Utfall män/pojkar", "Utfall kvinnor/flickor", $"Utfall VB {period.Year - 1}",
        "Prognos helår", "Årsmål", "KF:s årsmål", "Period", "Bedömning",
    ];

    /// <summary>An indicator row with every value as the report wrote it, plus our rating.</summary>
    public static IReadOnlyList<string> IndicatorCells(IndicatorResult result, ReportingPeriod period)
    {
        var i = result.Indicator;
        return
        [
            i.Name, i.Outcome?.Text ?? "", i.OutcomeMen?.Text ?? "", i.OutcomeWomen?.Text ?? "", i.LastYearOutcome?.Text ?? "",
            i.Forecast?.Text ?? "", i.AnnualTarget?.Text ?? "", i.CityTarget?.Text ?? "", PeriodLabel(i.Periodicity, period),
            result.Rating.Label(),
        ];
    }

    public static IReadOnlyList<string> ActivityColumns { get; } = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"];

    public static IReadOnlyList<string> ActivityCells(Activity a) =>
        [a.Name, a.Start?.ToString("yyyy-MM-dd") ?? "", a.End?.ToString("yyyy-MM-dd") ?? "", a.Deviation ? "Avvikelse" : ""];

    /// <summary>The report's Period column: "Tertial 1 2026" for tertial indicators, "2026" for yearly ones.</summary>
    public static string PeriodLabel(Periodicity periodicity, ReportingPeriod period) => periodicity switch
    {
        Periodicity.Year => period.Year.ToString(),
        _ => $"{Vocabularies.Periodicities[Periodicity.Tertial].Label} {period.Kind switch { PeriodKind.T1 => 1, PeriodKind.T2 => 2, _ => 3 }} {period.Year}",
    };

    /// <summary>"81 mot 82 (98,8 % av målet)" – the figures behind an indicator's rating, for "Varför?".</summary>
    public static string Figures(IndicatorResult result)
    {
        var e = result.Evidence;
        if (e.Target is null or Target.Deferred) return $"inget mål att jämföra med ({e.Target?.Text ?? "tomt"})";
        if (e.Value is null) return "inget värde för perioden";
        if (e.ComparisonPoint is null) return $"{e.ValueSourceCode} {SwedishFormat.Quantity(e.Value)}, inget föregående år att jämföra med";
        // A level is written like the value it is compared with ("12 500 mot 12 000", same spacing); the other
        // forms keep the report's words ("Max 10 personer", "+/-2 %").
        var against = e.Target switch
        {
            Target.Trend => $"föregående år {SwedishFormat.Quantity(e.ComparisonPoint)} ({e.Target.Text})",
            Target.Level => SwedishFormat.Quantity(e.ComparisonPoint),
            _ => e.Target.Text,
        };
        return $"{e.ValueSourceCode} {SwedishFormat.Quantity(e.Value)} mot {against}, {e.Direction.Label()}, " +
               $"uppfyllelse {SwedishFormat.Percent(e.Attainment)}";
    }
}
