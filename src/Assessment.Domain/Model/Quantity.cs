namespace Assessment.Domain.Model;

/// <summary>
/// A figure as a report writes it ("2,8 %", "14,8 barn/avd.", "1 283 st"): the number, the unit
/// text after it (empty when none), and the original text for display.
/// </summary>
public sealed record Quantity(decimal Value, string Unit, string Text)
{
    /// <summary>A share ("2,8 %"), as opposed to a count or an amount.</summary>
    public bool IsPercent => Unit.Trim() == "%";

    public override string ToString() => Text;
}
