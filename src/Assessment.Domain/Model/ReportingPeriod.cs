namespace Assessment.Domain.Model;

/// <summary>
/// T1 (data to 30 April), T2 (to 31 August), VB (the year, after year end), or VP: the plan, set before
/// the year, with targets and no outcomes.
/// </summary>
public enum PeriodKind { T1, T2, VB, VP }

/// <summary>The period a dataset reports on, e.g. "T1 2026".</summary>
public sealed record ReportingPeriod(PeriodKind Kind, int Year)
{
    /// <summary>The last day the period's data covers.</summary>
    public DateOnly EndDate => Kind switch
    {
        PeriodKind.T1 => new DateOnly(Year, 4, 30),
        PeriodKind.T2 => new DateOnly(Year, 8, 31),
        PeriodKind.VP => new DateOnly(Year, 1, 1),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>True for the tertial reports (and the plan), where ratings look ahead to the year's end.</summary>
    public bool IsForecast => Kind != PeriodKind.VB;

    /// <summary>True for the plan (VP): targets set before the year, no outcomes, nothing yet to assess.</summary>
    public bool IsPlan => Kind == PeriodKind.VP;

    /// <summary>"T1 2026": the kind's code from its vocabulary (an enum's own ToString looks the name up by reflection).</summary>
    public override string ToString() => $"{Kind.Code()} {Year}";
}
