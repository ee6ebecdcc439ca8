using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Assessment.Import;

/// <summary>
/// A report's figure as a number cell with a number format that shows the figure as the report wrote it:
/// "82 %" is 0.82 in <c>0" "%</c>, "17 500" is 17500 in <c>#,##0</c>, "14,8 barn/avd." is 14.8 in
/// <c>0.0" barn/avd."</c>, a date is a date in <c>yyyy-mm-dd</c>. The workbook reader formats such a cell
/// back to its text with <see cref="Format"/>; a figure is written as a number only when that gives its text
/// back exactly (thousands apart by a plain space, "-" for minus), anything else stays text.
/// </summary>
public static partial class CellNumber
{
    public const string DateFormat = "yyyy-mm-dd";

    private static readonly DateOnly Epoch = new(1899, 12, 30);

    [GeneratedRegex(@"^(?<minus>-)?(?<int>\d{1,3}(?: \d{3})+|\d+)(?:,(?<dec>\d+))?(?<rest>[^0-9""\\]*)$")]
    private static partial Regex Figure();

    [GeneratedRegex(@"^(?<int>#,##0|0)(?:\.(?<dec>0+))?(?<before>(?:""[^""]*""|\\.)*)(?<pct>%)?(?<after>(?:""[^""]*""|\\.)*)$")]
    private static partial Regex NumberCode();

    [GeneratedRegex(@"""([^""]*)""|\\(.)")]
    private static partial Regex Literal();

    /// <summary>The figure's number and format, or null when the text is no plain figure ("Ökning", "Max 10 personer").</summary>
    public static (decimal Value, string Format)? Parse(string text)
    {
        var match = Figure().Match(text);
        if (!match.Success) return null;
        var (integer, decimals, rest) = (match.Groups["int"].Value, match.Groups["dec"].Value, match.Groups["rest"].Value);
        var value = decimal.Parse($"{match.Groups["minus"].Value}{integer.Replace(" ", "")}.{(decimals.Length > 0 ? decimals : "0")}", CultureInfo.InvariantCulture);
        var percent = rest.EndsWith('%');
        var literal = percent ? rest[..^1] : rest;
        if (literal.Contains('%') || (!percent && rest.Length > 0 && !char.IsWhiteSpace(rest[0]))) return null;
        var format = (integer.Contains(' ') ? "#,##0" : "0") + (decimals.Length > 0 ? "." + new string('0', decimals.Length) : "")
            + (literal.Length > 0 ? $"\"{literal}\"" : "") + (percent ? "%" : "");
        if (percent) value /= 100;
        return Format(value, format) == text ? (value, format) : null;
    }

    /// <summary>An activity date (yyyy-mm-dd) as Excel's day number.</summary>
    public static int? Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date.DayNumber - Epoch.DayNumber : null;

    /// <summary>A cell's value as text: Excel's number written as <c>&lt;v&gt;</c>.</summary>
    public static string Invariant(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>Whether <see cref="Format"/> reads a number format.</summary>
    public static bool Knows(string format) => IsDate(format) || NumberCode().IsMatch(format);

    /// <summary>
    /// A number cell's value shown in its number format: the forms <see cref="Parse"/> writes, Excel's
    /// built-in 0, 0.00, #,##0, 0 % and the like, and dates as yyyy-mm-dd; null for any other format.
    /// </summary>
    public static string? Format(decimal value, string format)
    {
        if (IsDate(format))
            return value is >= 1 and < 2_958_466 ? Epoch.AddDays((int)Math.Floor(value)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        var match = NumberCode().Match(format);
        if (!match.Success) return null;
        var percent = match.Groups["pct"].Success;
        var decimals = match.Groups["dec"].Value.Length;
        var shown = Math.Round(percent ? value * 100 : value, decimals, MidpointRounding.AwayFromZero);
        var digits = Math.Abs(shown).ToString("F" + decimals, CultureInfo.InvariantCulture).Split('.');
        var integer = digits[0];
        if (match.Groups["int"].Value == "#,##0")
        {
            var grouped = new StringBuilder();
            for (var i = 0; i < integer.Length; i++)
            {
                if (i > 0 && (integer.Length - i) % 3 == 0) grouped.Append(' ');
                grouped.Append(integer[i]);
            }
            integer = grouped.ToString();
        }
        static string Text(string literal) => Literal().Replace(literal, m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        return $"{(shown < 0 ? "-" : "")}{integer}{(decimals > 0 ? "," + digits[1] : "")}{Text(match.Groups["before"].Value)}{(percent ? "%" : "")}{Text(match.Groups["after"].Value)}";
    }

    private static bool IsDate(string format) => format is DateFormat or "yyyy\\-mm\\-dd" or "m/d/yyyy" or "yyyy/mm/dd";

    /// <summary>The built-in number formats the reader knows, by id (Excel writes no code for them).</summary>
    public static string? BuiltIn(int id) => id switch
    {
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        9 => "0%",
        10 => "0.00%",
        14 => "m/d/yyyy",
        _ => null,
    };
}
