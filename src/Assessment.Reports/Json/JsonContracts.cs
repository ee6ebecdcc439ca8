using System.Text.Json.Serialization;

namespace Assessment.Reports.Json;

// The JSON that other tools read, as types: run (JsonReport), explain, backtest, sweep and the decision log.
// Property names come from the C# names in snake_case (JsonOutput); fields are added, never renamed. A property
// is written as null when it has no value, except those marked to be left out (they appear only when they apply).

public sealed record RunJson(
    string District, PeriodJson Period, RuleSetJson Ruleset, string Summary, IReadOnlyList<GoalJson> Goals,
    IReadOnlyList<IndicatorJson> Indicators);

public sealed record PeriodJson(string Kind, int Year, string End);

public sealed record RuleSetJson(
    string Id, string Version, [property: JsonPropertyName("sha256")] string Sha256, string ValidFrom,
    // Only on a history run: a file named explicitly, used for a period before its giltig_fran.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note);

public sealed record GoalJson(
    string Id, string Level, string? Parent, string Title, string Derived, string? Recorded, string Final, string Rule,
    string? RuleDescription, IReadOnlyList<RuleNotMatchedJson> RulesNotMatched, OverrideJson? Override, string Justification,
    Dictionary<string, object> Facts);

public sealed record RuleNotMatchedJson(string Rule, IReadOnlyList<FailingPartJson> Failing);

/// <summary>A part of a rule's condition that did not hold, and the values it read.</summary>
public sealed record FailingPartJson(string Condition, Dictionary<string, object> Values);

/// <summary>A part of a rule's condition: whether it held (null: not evaluated) and the values it read.</summary>
public sealed record ExplainPartJson(string Condition, bool? Holds, Dictionary<string, object> Values);

public sealed record OverrideJson(string Rating, string Reason, string? By);

public sealed record IndicatorJson(
    string Goal, string Kind, string Name, string Rating, decimal? Value, string? ValueText, string? ValueSource,
    decimal? Target, string? TargetText, string TargetKind, string? TargetSource, string Direction, string DirectionSource,
    double? Attainment, string Rule);

public sealed record ExplainJson(
    string Goal, string Level, string Title, string Final, string? Recorded, string Derived, string Rule, RuleSetJson Ruleset,
    OverrideJson? Override, IReadOnlyList<ExplainRuleJson> Rules, Dictionary<string, object> Facts,
    Dictionary<string, double> Thresholds, IReadOnlyList<IndicatorJson> Indicators, IReadOnlyList<ActivityJson> Activities,
    IReadOnlyList<ChildJson> Children);

public sealed record ExplainRuleJson(string Id, string Condition, string Rating, bool Matched, IReadOnlyList<ExplainPartJson> Parts);

public sealed record ActivityJson(string Name, string? Start, string? End, bool Deviation, string? Note);

public sealed record ChildJson(string Id, string Final, string Derived);

public sealed record BacktestJsonDocument(IReadOnlyList<BacktestReportJson> Datasets, BacktestReportJson Total, IReadOnlyList<FailedJson> Failed);

/// <summary>One dataset's backtest (with its file, district, period and rule set) or the total (with the disagreements).</summary>
public sealed record BacktestReportJson(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? File,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? District,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Period,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RuleSetJson? Ruleset,
    IReadOnlyList<LevelAgreementJson> Levels, int Compared, int Agreeing, double Agreement,
    Dictionary<string, Dictionary<string, int>> Matrix, int DisagreementsOnUncertainCells, int OtherDisagreements,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DisagreementJson>? Disagreements);

public sealed record LevelAgreementJson(string Level, int Compared, int Agreeing, double Agreement, Dictionary<string, Dictionary<string, int>> Matrix);

public sealed record DisagreementJson(string File, string Goal, string Level, string? Recorded, string Derived, string Rule, IReadOnlyList<UncertainCellJson> UncertainCells);

public sealed record UncertainCellJson(string Goal, string Row, string Cell, string Reason);

public sealed record FailedJson(string File, IReadOnlyList<string> Errors);

/// <summary>"compared", "agreeing" and "agreement" (rounded to four places): as backtest and sweep write them.</summary>
public sealed record CountsJson(int Compared, int Agreeing, double Agreement);

public sealed record SweepJson(
    string Rules, int Datasets, IReadOnlyList<SweepAxisJson> Axes, int Best, string Warning, SweepVariantJson AsWritten,
    IReadOnlyList<SweepVariantJson> Variants);

public sealed record SweepAxisJson(string Name, decimal From, decimal To, decimal Step);

public sealed record SweepVariantJson(
    Dictionary<string, decimal> Thresholds, Dictionary<string, Dictionary<string, int>> Counts, Dictionary<string, CountsJson> Agreement,
    int Changed, bool Best);

/// <summary>The sweep page's chart data (inside a script element, so escaped for HTML).</summary>
public sealed record SweepChartJson(string Axis, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeriesJson> Counts,
    IReadOnlyList<string> Colours, IReadOnlyList<ChartSeriesJson> Agreement);

public sealed record ChartSeriesJson(string Label, IReadOnlyList<double> Data);

/// <summary>One line of the decision log.</summary>
public sealed record DecisionLogJson(string Time, string Command, LoggedDatasetJson Dataset, LoggedRuleSetJson Ruleset, string FinalSource,
    IReadOnlyList<LoggedGoalJson> Goals);

public sealed record LoggedDatasetJson(string File, [property: JsonPropertyName("sha256")] string Sha256, string District, string Period);

public sealed record LoggedRuleSetJson(string Id, string Version, string File, [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note);

public sealed record LoggedGoalJson(string Id, string Derived, string Rule, string? Recorded, string Final,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OverrideReason);

/// <summary>
/// One decision-log line of an override saved from the workbench: the decision log's head (time, command, dataset,
/// rule set) with the dataset's hash before the save, the goal, the ratings the controller saw, and the override
/// before and after (null for none).
/// </summary>
public sealed record OverrideLogJson(string Time, string Command, LoggedOverrideDatasetJson Dataset,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LoggedRuleSetVersionJson? Ruleset,
    string? DerivedRating, string? RecordedRating, string Goal, LoggedOverrideJson? Previous, LoggedOverrideJson? Override);

public sealed record LoggedOverrideDatasetJson(string File, [property: JsonPropertyName("sha256_before")] string Sha256Before,
    [property: JsonPropertyName("sha256")] string Sha256, string District, string Period);

public sealed record LoggedRuleSetVersionJson(string Id, string Version, [property: JsonPropertyName("sha256")] string Sha256);

public sealed record LoggedOverrideJson(string Rating, string Reason, string? By);
