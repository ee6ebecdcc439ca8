using Assessment.Domain;
using Assessment.Domain.Model;

namespace Assessment.Rules.Model;

/// <summary>What a rule set's rules rate: indicators, or goals at one of the three levels.</summary>
public enum RuleScope { Indicator, BoardGoal, ServiceAreaGoal, DirectionGoal }

/// <summary>Which of an indicator's figures is compared with its target.</summary>
public enum ValueSource
{
    /// <summary>prognos: the full-year forecast (Prognos helår).</summary>
    Forecast,
    /// <summary>utfall: the period outcome (Periodens utfall), whatever the periodicity.</summary>
    Outcome,
    /// <summary>utfall_tertial: the period outcome, only for indicators measured per tertial.</summary>
    TertialOutcome,
}

/// <summary>Which target column is rated against.</summary>
public enum TargetSource
{
    /// <summary>arsmal: the district's own target (Årsmål).</summary>
    AnnualTarget,
    /// <summary>kf_arsmal: the city council's target (KF:s årsmål), sometimes a city-wide total.</summary>
    CityTarget,
}

/// <summary>Which rating of a sub-goal a parent rolls up: the final one (with overrides) or the derived one.</summary>
public enum RollUpSource { Final, Derived }

/// <summary>A named threshold at the top of the rule file, usable by name in every expression.</summary>
public sealed record Threshold(string Name, double Value, SourcePosition Position);

/// <summary>
/// One ordered rule: if <see cref="Condition"/> holds (and no rule above did), the rating is <see cref="Rating"/>.
/// <see cref="InlineStart"/> is where the condition's text starts when it is on one line, so a problem at
/// an offset in it has an exact column.
/// </summary>
public sealed record RuleDefinition(string Id, string? Description, string Condition, Rating Rating, SourcePosition Position,
    SourcePosition? InlineStart = null)
{
    /// <summary>The position of character <paramref name="offset"/> of the condition, as exact as the file allows.</summary>
    public SourcePosition PositionAt(int offset) => InlineStart is { } start ? start with { Column = start.Column + offset } : Position;
}

/// <summary>Keyword that sets an indicator's direction when its name contains it.</summary>
public sealed record DirectionKeyword(string Text, SourcePosition Position);

/// <summary>How an indicator's compared value, target and direction are chosen.</summary>
public sealed record IndicatorPolicy(
    IReadOnlyDictionary<PeriodKind, IReadOnlyList<ValueSource>> ValueSources,
    IReadOnlyList<TargetSource> TargetSources,
    Direction DefaultDirection,
    IReadOnlyList<DirectionKeyword> HigherIsBetterKeywords,
    IReadOnlyList<DirectionKeyword> LowerIsBetterKeywords);

/// <summary>Limits for the plausibility warnings of <c>assess check</c> (section <c>kontroller</c>).</summary>
public sealed record PlausibilityLimits(double ForecastOutcomeGap, double CityTargetFactor)
{
    public static readonly PlausibilityLimits Default = new(0.05, 10);
}

/// <summary>A loaded rule set: policy as data, identified by id, version and the SHA-256 of its file.</summary>
public sealed record RuleSet(
    string Id,
    string Version,
    DateOnly ValidFrom,
    string? Description,
    IReadOnlyList<Threshold> Thresholds,
    IndicatorPolicy Indicators,
    RollUpSource RollUp,
    PlausibilityLimits Checks,
    IReadOnlyDictionary<RuleScope, IReadOnlyList<RuleDefinition>> Rules,
    string File,
    string Sha256);

public static class RuleScopes
{
    public static readonly IReadOnlyList<RuleScope> All =
        [RuleScope.Indicator, RuleScope.BoardGoal, RuleScope.ServiceAreaGoal, RuleScope.DirectionGoal];

    /// <summary>The section of the rule file that holds the scope's rules.</summary>
    public static string Key(this RuleScope scope) => scope switch
    {
        RuleScope.Indicator => "indikatorer",
        RuleScope.BoardGoal => "namndmal",
        RuleScope.ServiceAreaGoal => "verksamhetsomradesmal",
        _ => "inriktningsmal",
    };

    public static RuleScope ForLevel(GoalLevel level) => level switch
    {
        GoalLevel.BoardGoal => RuleScope.BoardGoal,
        GoalLevel.ServiceAreaGoal => RuleScope.ServiceAreaGoal,
        _ => RuleScope.DirectionGoal,
    };
}
