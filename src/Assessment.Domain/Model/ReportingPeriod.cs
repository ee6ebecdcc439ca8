namespace Assessment.Domain.Model;

/// <summary>T1 (data to 30 April), T2 (to 31 August) or VB (the year, after year end).</summary>
public enum PeriodKind { T1, T2, VB }

/// <summary>The period a dataset reports on, e.g. "T1 2026".</summary>
public sealed record ReportingPeriod(PeriodKind Kind, int Year)
{
    /// <summary>The last day the period's data covers.</summary>
    public DateOnly EndDate => Kind switch
    {
        PeriodKind.T1 => new DateOnly(Year, 4, 30),
        PeriodKind.T2 => new DateOnly(Year, 8, 31),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>True for the tertial reports, where ratings are forecasts for the year.</summary>
    public bool IsForecast => Kind != PeriodKind.VB;

    public override string ToString() => $"{Kind} {Year}";
}
