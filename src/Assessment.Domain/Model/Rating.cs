namespace Assessment.Domain.Model;

/// <summary>The city's scale, plus the practical "not assessable" (ej bedömd).</summary>
public enum Rating
{
    /// <summary>Uppfylls helt.</summary>
    Fully,
    /// <summary>Uppfylls delvis.</summary>
    Partly,
    /// <summary>Uppfylls inte.</summary>
    NotMet,
    /// <summary>Ej bedömd: value or target missing, or no evidence at all.</summary>
    NotAssessed,
}

/// <summary>The three rated levels of the goal tree.</summary>
public enum GoalLevel
{
    /// <summary>KF:s inriktningsmål.</summary>
    DirectionGoal,
    /// <summary>KF:s mål för verksamhetsområdet (verksamhetsområdesmål).</summary>
    ServiceAreaGoal,
    /// <summary>Nämndmål.</summary>
    BoardGoal,
}

/// <summary>The vocabularies' columns by value (<see cref="Vocabularies"/>): what readers, writers and reports call.</summary>
public static class Codes
{
    public static string Code(this Rating rating) => Vocabularies.Ratings[rating].Code;

    /// <summary>How the rating is written in running Swedish text.</summary>
    public static string Label(this Rating rating) => Vocabularies.Ratings[rating].Label;

    /// <summary>"Uppfylls helt", "Uppfylls delvis", "Uppfylls inte", "Ej bedömd".</summary>
    public static string Phrase(this Rating rating) => Vocabularies.Ratings[rating].Phrase;

    /// <summary>The city's symbol for a rating (coloured in HTML).</summary>
    public static string Symbol(this Rating rating) => Vocabularies.Ratings[rating].Symbol;

    public static IReadOnlyList<string> RatingCodes => Vocabularies.Ratings.Codes;

    /// <summary>A rating code as written in a file (surrounding blanks ignored); an unknown one is a <see cref="FormatException"/>.</summary>
    public static Rating ParseRatingText(string text) => Vocabularies.Ratings.Parse(text, _ratingExpectation ??= string.Join(", ", RatingCodes));

    // Said once, not per goal read.
    private static string? _ratingExpectation;

    public static string Code(this GoalLevel level) => Vocabularies.Levels[level].Code;

    public static string Label(this GoalLevel level) => Vocabularies.Levels[level].Label;

    public static string Code(this Direction direction) => Vocabularies.Directions[direction].Code;

    public static string Label(this Direction direction) => Vocabularies.Directions[direction].Label;

    public static string Code(this IndicatorKind kind) => Vocabularies.IndicatorKinds[kind].Code;

    public static string Code(this Periodicity periodicity) => Vocabularies.Periodicities[periodicity].Code;

    public static string Code(this PeriodKind kind) => Vocabularies.PeriodKinds[kind].Code;

    public static string Code(this FinalSource source) => Vocabularies.FinalSources[source].Code;

    public static string Code(this ValueSource source) => Vocabularies.ValueSources[source].Code;

    public static string Code(this TargetSource source) => Vocabularies.TargetSources[source].Code;
}
