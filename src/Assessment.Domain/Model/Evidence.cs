namespace Assessment.Domain.Model;

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

/// <summary>Where a goal's final rating comes from when the controller has not overridden it.</summary>
public enum FinalSource
{
    /// <summary>The rules' derived rating (the normal case).</summary>
    Derived,
    /// <summary>The published (recorded) rating where there is one: to reproduce a published report.</summary>
    Recorded,
}
