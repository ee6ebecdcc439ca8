using System.Globalization;
using Assessment.Domain.Model;

namespace Assessment.Domain.Parsing;

/// <summary>
/// Figures as the city writes them: decimal comma, a non-breaking space between thousands, the
/// minus sign U+2212 for negatives (as .NET's sv-SE culture writes it), and the unit as the report
/// wrote it, after a non-breaking space.
/// </summary>
public static class SwedishFormat
{
    public const char NoBreakSpace = '\u00A0';

    private static readonly CultureInfo Swedish = CreateCulture();

    /// <summary>The number format behind these figures, for a format string of its own ("0.0 %").</summary>
    public static IFormatProvider Culture => Swedish;

    private static CultureInfo CreateCulture()
    {
        // Spelled out rather than taken from the OS, so output is the same on every machine
        // (with or without ICU data).
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = NoBreakSpace.ToString();
        culture.NumberFormat.NegativeSign = "\u2212";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        culture.NumberFormat.PercentGroupSeparator = NoBreakSpace.ToString();
        return culture;
    }

    /// <summary>1234.5 → "1 234,5"; −0,5; at most <paramref name="decimals"/> decimals, trailing zeros dropped.</summary>
    public static string Number(decimal value, int decimals = 2)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0) rounded = 0m; // no "−0"
        return rounded.ToString("#,##0." + new string('#', decimals), Swedish);
    }

    /// <summary>
    /// A computed double (a fact, a threshold): as <see cref="Number(decimal, int)"/>, "∞" when out of range,
    /// "inget tal" for NaN (a cell that holds no number).
    /// </summary>
    public static string Number(double value, int decimals = 2) =>
        double.IsNaN(value) ? "inget tal"
        : double.IsFinite(value) && Math.Abs(value) < 1e15 ? Number((decimal)value, decimals)
        : value < 0 ? "\u2212∞" : "∞";

    /// <summary>A figure with its unit: "2,8 %", "1 315 st", "14,8 barn/avd.", "81".</summary>
    public static string Quantity(Quantity quantity) =>
        quantity.Unit.Length == 0 ? Number(quantity.Value) : $"{Number(quantity.Value)}{NoBreakSpace}{quantity.Unit}";

    /// <summary>A share 0–1 as percent: 0.9878 → "98,8 %".</summary>
    public static string Percent(double share, int decimals = 1) =>
        double.IsNaN(share) ? "inget tal"
        : double.IsFinite(share) && Math.Abs(share) < 1e15
            ? $"{Number(share * 100, decimals)}{NoBreakSpace}%"
            : $"{(share < 0 ? "\u2212" : "")}∞{NoBreakSpace}%";
}
