namespace Assessment.Domain.Model;

/// <summary>Is a higher value better, or a lower one?</summary>
public enum Direction { HigherIsBetter, LowerIsBetter }

/// <summary>An indicator's target in one of the forms the reports use. <see cref="Text"/> is as written.</summary>
public abstract record Target(string Text)
{
    /// <summary>A level to reach: "2,4 %", "17 500", "13 st", "Minst 80 %".</summary>
    public sealed record Level(string Text, Quantity Value, Direction? ImpliedDirection = null) : Target(Text);

    /// <summary>Direction only, compared with last year's outcome: "Ökning", "Minskning".</summary>
    public sealed record Trend(string Text, Direction Direction) : Target(Text);

    /// <summary>An upper bound: "Max 10 personer".</summary>
    public sealed record UpperBound(string Text, Quantity Limit) : Target(Text);

    /// <summary>A two-sided band around zero: "+/-1 %" (forecast accuracy).</summary>
    public sealed record Band(string Text, Quantity HalfWidth) : Target(Text);

    /// <summary>No target yet: "Tas fram av nämnd", "Fastställs 2025".</summary>
    public sealed record Deferred(string Text) : Target(Text);

    /// <summary>The direction the target form itself implies, if any.</summary>
    public Direction? Implies => this switch
    {
        Level l => l.ImpliedDirection,
        Trend t => t.Direction,
        UpperBound => Direction.LowerIsBetter,
        _ => null,
    };

    /// <summary>The form's code, used as a fact ("maltyp") in rules.</summary>
    public string Kind => this switch
    {
        Level => "niva",
        Trend => "riktning",
        UpperBound => "max",
        Band => "intervall",
        _ => "ej_faststallt",
    };

    public override string ToString() => Text;
}
