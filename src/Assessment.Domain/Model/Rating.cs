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

/// <summary>The Swedish codes used in YAML, JSON and output.</summary>
public static class Codes
{
    public static string Code(this Rating rating) => rating switch
    {
        Rating.Fully => "helt",
        Rating.Partly => "delvis",
        Rating.NotMet => "inte",
        _ => "ej_bedomd",
    };

    /// <summary>How the rating is written in running Swedish text.</summary>
    public static string Label(this Rating rating) => rating switch
    {
        Rating.Fully => "helt",
        Rating.Partly => "delvis",
        Rating.NotMet => "inte",
        _ => "ej bedömd",
    };

    public static readonly IReadOnlyList<string> RatingCodes = ["helt", "delvis", "inte", "ej_bedomd"];

    /// <summary>A rating code as written in a file (surrounding blanks ignored); an unknown one is a <see cref="FormatException"/>.</summary>
    public static Rating ParseRatingText(string text) =>
        ParseRating(text.Trim()) ?? throw new FormatException($"okänt betyg \"{text}\": väntade {string.Join(", ", RatingCodes)}");

    public static Rating? ParseRating(string code) => code switch
    {
        "helt" => Rating.Fully,
        "delvis" => Rating.Partly,
        "inte" => Rating.NotMet,
        "ej_bedomd" => Rating.NotAssessed,
        _ => null,
    };

    public static string Code(this GoalLevel level) => level switch
    {
        GoalLevel.DirectionGoal => "inriktningsmal",
        GoalLevel.ServiceAreaGoal => "verksamhetsomradesmal",
        _ => "namndmal",
    };

    public static string Label(this GoalLevel level) => level switch
    {
        GoalLevel.DirectionGoal => "inriktningsmål",
        GoalLevel.ServiceAreaGoal => "verksamhetsområdesmål",
        _ => "nämndmål",
    };

    public static string Code(this Direction direction) => direction == Direction.HigherIsBetter ? "hogre" : "lagre";

    public static string Label(this Direction direction) =>
        direction == Direction.HigherIsBetter ? "högre är bättre" : "lägre är bättre";

    public static string Code(this IndicatorKind kind) => kind == IndicatorKind.Kf ? "kf" : "namnd";

    public static string Code(this Periodicity periodicity) => periodicity == Periodicity.Tertial ? "tertial" : "ar";
}
