using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Rules.Facts;

namespace Assessment.Rules.Model;

/// <summary>What a rule set's rules rate: indicators, or goals at one of the three levels.</summary>
public enum RuleScope { Indicator, BoardGoal, ServiceAreaGoal, DirectionGoal }

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
public sealed record DirectionKeyword(string Text, SourcePosition Position)
{
    private readonly string _text = Text;

    public string Text
    {
        get => _text;
        init => (_text, Folded) = (value, UpperCase.Of(value));
    }

    /// <summary>The text in upper case (invariant), as names are compared with it; follows <see cref="Text"/>, also in a <c>with</c>.</summary>
    internal string Folded { get; private init; } = UpperCase.Of(Text);
}

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
    string Sha256)
{
    /// <summary>
    /// What a sub-goal gives its parent's rules: its override where the rule set rolls up final ratings, else its
    /// derived rating. The rule set's choice, never the display's: <c>--final recorded</c> shows published ratings
    /// but does not feed them to the rules, so derived ratings are the same in both modes.
    /// </summary>
    public Rating RollsUp(Goal goal, Rating derived) => RollUp == RollUpSource.Final ? goal.Override?.Rating ?? derived : derived;
}

public static class RuleScopes
{
    public static readonly IReadOnlyList<RuleScope> All =
        [RuleScope.Indicator, RuleScope.BoardGoal, RuleScope.ServiceAreaGoal, RuleScope.DirectionGoal];

    /// <summary>The section of the rule file that holds the scope's rules.</summary>
    public static string Key(this RuleScope scope) => scope switch
    {
        RuleScope.Indicator => "indikatorer",
        RuleScope.BoardGoal => GoalLevel.BoardGoal.Code(),
        RuleScope.ServiceAreaGoal => GoalLevel.ServiceAreaGoal.Code(),
        _ => GoalLevel.DirectionGoal.Code(),
    };

    public static RuleScope ForLevel(GoalLevel level) => level switch
    {
        GoalLevel.BoardGoal => RuleScope.BoardGoal,
        GoalLevel.ServiceAreaGoal => RuleScope.ServiceAreaGoal,
        _ => RuleScope.DirectionGoal,
    };
}
