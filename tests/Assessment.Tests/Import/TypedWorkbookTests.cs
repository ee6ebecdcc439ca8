using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using Assessment.Import;
using Assessment.Reports;

namespace Assessment.Tests.Import;

/// <summary>The results workbook holds figures as numbers and dates as dates, shown as the report writes them, and opens on Mål.</summary>
public sealed class TypedWorkbookTests
{
    private static readonly XNamespace X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    [Theory]
    [InlineData("82 %", "0.82", "0\" \"%")]
    [InlineData("2,8 %", "0.028", "0.0\" \"%")]
    [InlineData("2,50 %", "0.025", "0.00\" \"%")]
    [InlineData("82%", "0.82", "0%")]
    [InlineData("17 500", "17500", "#,##0")]
    [InlineData("1 234 567,5", "1234567.5", "#,##0.0")]
    [InlineData("81", "81", "0")]
    [InlineData("-3", "-3", "0")]
    [InlineData("14,8 barn/avd.", "14.8", "0.0\" barn/avd.\"")]
    [InlineData("15 000 st", "15000", "#,##0\" st\"")]
    [InlineData("4,5\u00A0st", "4.5", "0.0\"\u00A0st\"")]
    public void A_plain_figure_is_a_number_in_a_format_that_shows_its_text(string text, string value, string format)
    {
        var (number, code) = CellNumber.Parse(text).ShouldNotBeNull();
        (CellNumber.Invariant(number), code).ShouldBe((value, format));
        CellNumber.Format(number, code).ShouldBe(text);
    }

    [Theory]
    [InlineData("Ökning")]
    [InlineData("Tas fram av nämnd")]
    [InlineData("Max 10 personer")]
    [InlineData("+/- 1 %")]
    [InlineData("-0 %")]
    [InlineData("1 5")]
    [InlineData("05")]
    [InlineData("17\u00A0500")]
    [InlineData("1,5 kg CO2 per kg livsmedel")]
    public void Text_that_is_no_plain_figure_stays_text(string text) => CellNumber.Parse(text).ShouldBeNull();

    [Theory]
    [InlineData("0.82", "0\\ %", "82 %")]
    [InlineData("0.825", "0.0%", "82,5%")]
    [InlineData("1234.5", "#,##0.00", "1 234,50")]
    [InlineData("0.8149999999999999", "0\" \"%", "81 %")]
    [InlineData("46037", "yyyy-mm-dd", "2026-01-15")]
    [InlineData("46037", "m/d/yyyy", "2026-01-15")]
    public void A_number_in_a_format_Excel_may_write_reads_as_it_is_shown(string value, string format, string text) =>
        CellNumber.Format(decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture), format).ShouldBe(text);

    [Fact]
    public void Unknown_formats_are_not_read() =>
        (CellNumber.Knows("General"), CellNumber.Knows("0.0;[Red]-0.0"), CellNumber.Knows("0\" st\"")).ShouldBe((false, false, true));

    [Fact]
    public void The_results_workbook_has_numbers_dates_and_opens_on_Mal()
    {
        var sample = Repo.Sample();
        var parts = Parts(ResultWorkbook.Write(Repo.StockholmRules.Assess(sample)));
        var sheets = SheetsOf(parts);
        sheets.Select(s => s.Name).ShouldBe(["Mål", "Bedömning", "Regelverk", Workbook.IndicatorSheet, Workbook.ActivitySheet, Workbook.InfoSheet]);
        sheets.Select(s => (string?)s.Sheet.Descendants(X + "sheetView").Single().Attribute("tabSelected")).ShouldBe(["1", "0", "0", "0", "0", "0"]);

        var formats = Formats(parts);
        var indicators = Rows(sheets.Single(s => s.Name == Workbook.IndicatorSheet).Sheet);
        var first = sample.AllGoals().SelectMany(g => g.Indicators).First(i => i.AnnualTarget?.Text == "70 %");
        var row = indicators.First(r => r["Indikator"].Value == first.Name);
        (row["Årsmål"].Type, row["Årsmål"].Value, formats[row["Årsmål"].Style]).ShouldBe((null, "0.7", "0\" \"%"));
        var kept = indicators.Select(r => r["KF:s årsmål"]).First(c => c.Value == "Tas fram av nämnd");
        kept.Type.ShouldBe("str");
        indicators.Select(r => r["Periodens utfall"]).First(c => c.Value == "14.8" && c.Type is null).Style.ShouldBe(
            formats.Single(f => f.Value == "0.0\" barn/avd.\"").Key);

        var activities = Rows(sheets.Single(s => s.Name == Workbook.ActivitySheet).Sheet);
        var start = activities.First(r => r.ContainsKey("Startdatum") && r["Startdatum"].Value.Length > 0)["Startdatum"];
        (start.Type, formats[start.Style]).ShouldBe((null, CellNumber.DateFormat));
        var firstDated = sample.AllGoals().SelectMany(g => g.Activities).First(a => a.Start is not null);
        start.Value.ShouldBe((firstDated.Start!.Value.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture));

        var rating = Rows(sheets.Single(s => s.Name == "Bedömning").Sheet).Select(r => r["Jämfört värde"]).First(c => c.Value.Length > 0 && c.Type is null);
        formats.ShouldContainKey(rating.Style);
    }

    [Fact]
    public void The_results_workbook_reads_back_with_every_activity_date()
    {
        var sample = Repo.Sample();
        var path = Path.Combine(Path.GetTempPath(), $"assess-typed-{Guid.NewGuid():N}.xlsx");
        try
        {
            File.WriteAllBytes(path, ResultWorkbook.Write(Repo.StockholmRules.Assess(sample)));
            var read = Workbook.ReadOutcomes(path, "resultat.xlsx", null);
            read.Activities.Select(a => (a.Name, a.Start, a.End)).ShouldBe(sample.AllGoals().SelectMany(g => g.Activities).Select(a => (a.Name, a.Start, a.End)));
        }
        finally { File.Delete(path); }
    }

    private static Dictionary<string, XDocument> Parts(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        return zip.Entries.Where(e => e.FullName.EndsWith(".xml") || e.FullName.EndsWith(".rels")).ToDictionary(e => e.FullName, e => XDocument.Load(e.Open()));
    }

    private static List<(string Name, XElement Sheet)> SheetsOf(Dictionary<string, XDocument> parts)
    {
        var targets = parts["xl/_rels/workbook.xml.rels"].Root!.Elements().ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        return parts["xl/workbook.xml"].Descendants(X + "sheet")
            .Select(s => ((string)s.Attribute("name")!, parts["xl/" + targets[(string)s.Attribute(R + "id")!].TrimStart('/').Replace("xl/", "")].Root!)).ToList();
    }

    /// <summary>Cell style index → number format code, for the styles with a custom format.</summary>
    private static Dictionary<string, string> Formats(Dictionary<string, XDocument> parts)
    {
        var styles = parts["xl/styles.xml"].Root!;
        var codes = styles.Element(X + "numFmts")!.Elements().ToDictionary(f => (string)f.Attribute("numFmtId")!, f => (string)f.Attribute("formatCode")!);
        return styles.Element(X + "cellXfs")!.Elements().Select((xf, n) => (n, Id: (string)xf.Attribute("numFmtId")!))
            .Where(x => codes.ContainsKey(x.Id)).ToDictionary(x => x.n.ToString(CultureInfo.InvariantCulture), x => codes[x.Id]);
    }

    private static List<Dictionary<string, (string? Type, string Value, string Style)>> Rows(XElement sheet)
    {
        static string Column(XElement c) => new(((string)c.Attribute("r")!).TakeWhile(char.IsAsciiLetterUpper).ToArray());
        var rows = sheet.Descendants(X + "row").ToList();
        var headers = rows[0].Elements(X + "c").ToDictionary(Column, c => (string)c.Element(X + "v")!);
        return rows.Skip(1).Select(r => r.Elements(X + "c").ToDictionary(c => headers[Column(c)],
            c => ((string?)c.Attribute("t"), (string?)c.Element(X + "v") ?? "", (string?)c.Attribute("s") ?? "0"))).ToList();
    }
}
