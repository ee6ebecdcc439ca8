using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Import;
using MiniExcelLibs;
using static Assessment.Import.Workbook;

namespace Assessment.Reports;

/// <summary>
/// Writes workbooks in the layout <see cref="Workbook"/> declares and reads back (<c>assess merge</c>): the dataset's
/// tables, after any extra sheets (the results export, <see cref="ResultWorkbook"/>), and the review workbook of
/// an import. Figures and dates are numbers in a number format that shows them as the report writes them
/// (<see cref="CellNumber"/>, shared with the reader), other values text, so a workbook read back gives the same values.
/// </summary>
public static partial class WorkbookWriter
{
    /// <summary>A workbook of extra sheets first (e.g. assessment results, in order; it opens on the first), then the dataset's tables.</summary>
    public static byte[] Write(Dataset dataset, IReadOnlyList<(string Sheet, IReadOnlyList<IDictionary<string, object?>> Rows)> extra)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var (sheet, rows) in extra) sheets[sheet] = rows;
        sheets[IndicatorSheet] = dataset.AllGoals().SelectMany(g => g.Indicators.Select(i => IndicatorRow(g.Id, i))).ToList();
        sheets[ActivitySheet] = dataset.AllGoals().SelectMany(g => g.Activities.Select(a => ActivityRow(g.Id, a))).ToList();
        sheets[InfoSheet] = Info(dataset);
        return Save(sheets, null);
    }

    /// <summary>
    /// The review workbook of an imported dataset (<c>assess import --granska</c>): the tables in the
    /// report's columns, each row with its line in the report (<paramref name="reportLine"/> of the row's
    /// position) and its uncertain cells in the column "Osäkert", one "Kolumn: skäl" a line. Each uncertain
    /// cell is filled yellow and shows its reason when selected. <c>assess merge</c> reads it back.
    /// </summary>
    public static byte[] WriteReview(Dataset dataset, Func<SourcePosition, int> reportLine)
    {
        var marks = new Dictionary<string, List<(string Cell, string Reason)>> { [IndicatorSheet] = [], [ActivitySheet] = [] };
        List<IDictionary<string, object?>> Table<T>(string sheet, IEnumerable<(string GoalId, T Row)> rows, IReadOnlyList<(string Column, string Key)> cells,
            Func<string, T, IDictionary<string, object?>> row, Func<T, SourcePosition> position, Func<T, IReadOnlyDictionary<string, string>> uncertain)
        {
            var columns = new[] { "Mål" }.Concat(cells.Select(c => c.Column)).Append(ReportLineColumn).Append(UncertainColumn).ToList();
            return rows.Select((r, n) =>
            {
                var values = row(r.GoalId, r.Row);
                values[ReportLineColumn] = reportLine(position(r.Row));
                var reasons = uncertain(r.Row).Select(u => (Column: cells.FirstOrDefault(c => c.Key == u.Key).Column, u.Key, Reason: u.Value)).ToList();
                values[UncertainColumn] = string.Join("\n", reasons.Select(u => $"{u.Column ?? u.Key}: {u.Reason}"));
                foreach (var (column, key, reason) in reasons)
                    marks[sheet].Add(($"{ColumnName(columns.IndexOf(column ?? UncertainColumn))}{n + 2}", $"{column ?? key}: {reason}"));
                return values;
            }).ToList();
        }
        var sheets = new Dictionary<string, object>
        {
            [InfoSheet] = Info(dataset),
            [IndicatorSheet] = Table(IndicatorSheet, dataset.AllGoals().SelectMany(g => g.Indicators.Select(i => (g.Id, i))), IndicatorCells,
                IndicatorRow, i => i.Position, i => i.Uncertain),
            [ActivitySheet] = Table(ActivitySheet, dataset.AllGoals().SelectMany(g => g.Activities.Select(a => (g.Id, a))), ActivityCells,
                ActivityRow, a => a.Position, a => a.Uncertain),
        };
        return Save(sheets, marks);
    }

    private static List<IDictionary<string, object?>> Info(Dataset dataset) =>
        [Row(("Uppgift", "Nämnd"), ("Värde", dataset.District)), Row(("Uppgift", "Period"), ("Värde", dataset.Period.ToString()))];

    private static IDictionary<string, object?> IndicatorRow(string goalId, Indicator i) => Row(
        [("Mål", goalId), .. IndicatorCells.Select(c => (c.Column, (object?)i.Cell(c.Key)))]);

    private static IDictionary<string, object?> ActivityRow(string goalId, Activity a) => Row(
        ("Mål", goalId), ("Aktivitet", a.Name), ("Startdatum", a.Start?.ToString("yyyy-MM-dd")), ("Slutdatum", a.End?.ToString("yyyy-MM-dd")),
        ("Avvikelse", a.Deviation ? "Avvikelse" : ""), ("Analys", a.Note));

    /// <summary>A cell the library left out (it writes no element for an empty value), put in its row in column order.</summary>
    private static XElement EmptyCell(XElement data, string reference)
    {
        var rowNumber = new string(reference.SkipWhile(char.IsAsciiLetterUpper).ToArray());
        var row = data.Elements(Main + "row").Single(r => (string?)r.Attribute("r") == rowNumber);
        // In one row a longer reference is a later column (Z5 before AA5), else the letters order them.
        static bool After(string a, string b) => a.Length != b.Length ? a.Length > b.Length : string.CompareOrdinal(a, b) > 0;
        var cell = new XElement(Main + "c", new XAttribute("r", reference));
        var next = row.Elements(Main + "c").FirstOrDefault(c => After((string)c.Attribute("r")!, reference));
        if (next is null) row.Add(cell);
        else next.AddBeforeSelf(cell);
        return cell;
    }

    /// <summary>Excel's name for a 0-based column: A, B, …, Z, AA, ….</summary>
    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    private static byte[] Save(Dictionary<string, object> sheets, IReadOnlyDictionary<string, List<(string Cell, string Reason)>>? marks)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return Deterministic(stream.ToArray(), marks);
    }

    /// <summary>The workbook typed and marked, the same bytes every time (see <see cref="StablePackage"/>).</summary>
    private static byte[] Deterministic(byte[] xlsx, IReadOnlyDictionary<string, List<(string Cell, string Reason)>>? marks) =>
        StablePackage.Rewrite(xlsx, parts =>
        {
            Typed(parts);
            if (marks is not null && marks.Values.Any(m => m.Count > 0)) Mark(parts, marks);
        });

    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>The sheets' parts by sheet name, in the workbook's order.</summary>
    private static List<(string Name, XElement Sheet)> Sheets(Dictionary<string, XDocument> parts)
    {
        var targets = parts["xl/_rels/workbook.xml.rels"].Root!.Elements(PackageRelationships + "Relationship")
            .ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")! is var target && target.StartsWith('/') ? target[1..] : "xl/" + target);
        return parts["xl/workbook.xml"].Root!.Descendants(Main + "sheet")
            .Select(e => ((string)e.Attribute("name")!, parts[targets[(string)e.Attribute(Relationships + "id")!]].Root!)).ToList();
    }

    /// <summary>The columns whose figures are written as numbers, and those whose dates are written as dates.</summary>
    private static readonly HashSet<string> FigureColumns =
        [.. IndicatorCells.Where(c => c.Key is "utfall" or "utfall_man" or "utfall_kvinnor" or "utfall_forra_aret" or "prognos" or "arsmal" or "kf_arsmal").Select(c => c.Column),
            ResultWorkbook.ComparedValueColumn, ResultWorkbook.ComparedTargetColumn];

    private static readonly HashSet<string> DateColumns = ["Startdatum", "Slutdatum"];

    /// <summary>
    /// Figures and dates as numbers in a number format that shows the report's text (see <see cref="CellNumber"/>),
    /// and the first sheet the one the workbook opens on. Text that is no plain figure stays text.
    /// </summary>
    private static void Typed(Dictionary<string, XDocument> parts)
    {
        var styles = parts["xl/styles.xml"].Root!;
        var numFmts = styles.Element(Main + "numFmts")!;
        var formats = styles.Element(Main + "cellXfs")!;
        var styled = new Dictionary<(string Style, string Format), int>();
        int Style(string style, string format)
        {
            if (styled.TryGetValue((style, format), out var id)) return id;
            var formatId = 164 + numFmts.Elements(Main + "numFmt").Count();
            numFmts.Add(new XElement(Main + "numFmt", new XAttribute("numFmtId", formatId), new XAttribute("formatCode", format)));
            numFmts.SetAttributeValue("count", numFmts.Elements(Main + "numFmt").Count());
            var copy = new XElement(formats.Elements(Main + "xf").ElementAt(int.Parse(style, CultureInfo.InvariantCulture)));
            copy.SetAttributeValue("numFmtId", formatId);
            copy.SetAttributeValue("applyNumberFormat", "1");
            formats.Add(copy);
            formats.SetAttributeValue("count", formats.Elements(Main + "xf").Count());
            return styled[(style, format)] = formats.Elements(Main + "xf").Count() - 1;
        }

        var sheets = Sheets(parts);
        foreach (var (_, sheet) in sheets)
        {
            var rows = sheet.Element(Main + "sheetData")!.Elements(Main + "row").ToList();
            if (rows.Count == 0) continue;
            static string Column(XElement cell) => new(((string)cell.Attribute("r")!).TakeWhile(char.IsAsciiLetterUpper).ToArray());
            var headers = rows[0].Elements(Main + "c").ToDictionary(Column, c => (string?)c.Element(Main + "v") ?? "");
            foreach (var cell in rows.Skip(1).SelectMany(r => r.Elements(Main + "c")))
            {
                if ((string?)cell.Attribute("t") != "str" || cell.Element(Main + "v") is not { } v || !headers.TryGetValue(Column(cell), out var header)) continue;
                (decimal Value, string Format)? typed = FigureColumns.Contains(header) ? CellNumber.Parse(v.Value)
                    : DateColumns.Contains(header) && CellNumber.Date(v.Value) is { } day ? (day, CellNumber.DateFormat) : null;
                if (typed is not { } number) continue;
                cell.SetAttributeValue("t", null);
                cell.SetAttributeValue("s", Style((string?)cell.Attribute("s") ?? "0", number.Format));
                v.Value = CellNumber.Invariant(number.Value);
            }
        }
        // MiniExcel marks no sheet selected; the first is the one shown when the workbook opens.
        if (sheets.Count > 0 && sheets[0].Sheet.Descendants(Main + "sheetView").FirstOrDefault() is { } view) view.SetAttributeValue("tabSelected", "1");
    }

    /// <summary>Longest input message Excel shows for a cell (its limit is 255 characters).</summary>
    private const int PromptLength = 255;

    /// <summary>
    /// Highlights the marked cells: a yellow fill (a copy of each cell's style with the fill added), and the
    /// reason as the cell's input message, which Excel and LibreOffice show when the cell is selected.
    /// </summary>
    private static void Mark(Dictionary<string, XDocument> parts, IReadOnlyDictionary<string, List<(string Cell, string Reason)>> marks)
    {
        var styles = parts["xl/styles.xml"].Root!;
        var fills = styles.Element(Main + "fills")!;
        fills.Add(new XElement(Main + "fill", new XElement(Main + "patternFill", new XAttribute("patternType", "solid"),
            new XElement(Main + "fgColor", new XAttribute("rgb", "FFFFFF00")), new XElement(Main + "bgColor", new XAttribute("indexed", "64")))));
        fills.SetAttributeValue("count", fills.Elements(Main + "fill").Count());
        var fillId = fills.Elements(Main + "fill").Count() - 1;
        var formats = styles.Element(Main + "cellXfs")!;
        var highlighted = new Dictionary<string, int>(StringComparer.Ordinal);
        int Highlighted(string style)
        {
            if (highlighted.TryGetValue(style, out var id)) return id;
            var copy = new XElement(formats.Elements(Main + "xf").ElementAt(int.Parse(style, CultureInfo.InvariantCulture)));
            copy.SetAttributeValue("fillId", fillId);
            copy.SetAttributeValue("applyFill", "1");
            formats.Add(copy);
            formats.SetAttributeValue("count", formats.Elements(Main + "xf").Count());
            return highlighted[style] = formats.Elements(Main + "xf").Count() - 1;
        }

        var sheets = Sheets(parts);
        foreach (var (sheetName, cells) in marks.Where(m => m.Value.Count > 0))
        {
            var sheet = sheets.Single(s => s.Name == sheetName).Sheet;
            var data = sheet.Element(Main + "sheetData")!;
            var validations = new XElement(Main + "dataValidations", new XAttribute("count", cells.Count));
            foreach (var (reference, reason) in cells)
            {
                var cell = data.Descendants(Main + "c").FirstOrDefault(c => (string?)c.Attribute("r") == reference) ?? EmptyCell(data, reference);
                cell.SetAttributeValue("s", Highlighted((string?)cell.Attribute("s") ?? "0"));
                validations.Add(new XElement(Main + "dataValidation", new XAttribute("type", "none"), new XAttribute("allowBlank", "1"),
                    new XAttribute("showInputMessage", "1"), new XAttribute("promptTitle", UncertainColumn),
                    new XAttribute("prompt", reason.Length <= PromptLength ? reason : reason[..(PromptLength - 1)] + "…"), new XAttribute("sqref", reference)));
            }
            // The schema orders a worksheet's parts: input messages come after the filter, before the drawing.
            var after = sheet.Elements().Last(e => e.Name.LocalName is "sheetData" or "sheetCalcPr" or "sheetProtection" or "protectedRanges"
                or "scenarios" or "autoFilter" or "sortState" or "dataConsolidate" or "customSheetViews" or "mergeCells" or "phoneticPr" or "conditionalFormatting");
            after.AddAfterSelf(validations);
        }
    }

    public static IDictionary<string, object?> Row(params (string Column, object? Value)[] cells)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (column, value) in cells) row[column] = value ?? "";
        return row;
    }
}
