using Assessment.Domain.Parsing;
using Assessment.Reports;

namespace Assessment.Tests.Reports;

public class SwedishFormatTests
{
    [Theory]
    [InlineData(double.NaN, "inget tal")]
    [InlineData(double.PositiveInfinity, "∞")]
    [InlineData(-1e300, "\u2212∞")]
    [InlineData(0.5, "0,5")]
    public void Computed_doubles_out_of_range_or_not_numbers_say_so(double value, string expected) =>
        SwedishFormat.Number(value).ShouldBe(expected);

    [Theory]
    [InlineData(0, "0")]
    [InlineData(81, "81")]
    [InlineData(4.8, "4,8")]
    [InlineData(1315, "1\u00A0315")]
    [InlineData(1234567.891, "1\u00A0234\u00A0567,89")]
    [InlineData(-1.5, "\u22121,5")]
    [InlineData(-12345, "\u221212\u00A0345")]
    [InlineData(-0.001, "0")]
    public void Numbers_use_decimal_comma_nbsp_thousands_and_the_real_minus_sign(double value, string expected) =>
        SwedishFormat.Number((decimal)value).ShouldBe(expected);

    [Theory]
    [InlineData(0.9878, "98,8\u00A0%")]
    [InlineData(1, "100\u00A0%")]
    [InlineData(12.5, "1\u00A0250\u00A0%")]
    [InlineData(-0.05, "\u22125\u00A0%")]
    public void Shares_as_percent(double share, string expected) => SwedishFormat.Percent(share).ShouldBe(expected);

    [Theory]
    [InlineData("2,8 %", "2,8\u00A0%")]
    [InlineData("1 283 st", "1\u00A0283\u00A0st")]
    [InlineData("14,8 barn/avd.", "14,8\u00A0barn/avd.")]
    [InlineData("-0 %", "0\u00A0%")]
    [InlineData("−1,25 %", "\u22121,25\u00A0%")]
    [InlineData("81", "81")]
    public void Quantities_keep_the_reports_unit(string text, string expected) =>
        SwedishFormat.Quantity(SwedishValues.ParseQuantity(text)).ShouldBe(expected);
}
