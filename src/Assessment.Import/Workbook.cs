using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Parsing;
using MiniExcelLibs;

namespace Assessment.Import;

/// <summary>
/// Spreadsheets laid out like the report tables, one sheet per table kind: "Indikatorer" and
/// "Aktiviteter", each with a "Mål" column for the goal id, and "Uppgifter" (district, period). The
/// results export adds "Mål" (every goal's ratings; it opens on it), "Bedömning" and "Regelverk". Figures and
/// dates are numbers in a number format that shows them as the report writes them (<see cref="CellNumber"/>),
/// other values text, so a workbook read back gives the same values.
/// </summary>
public static partial class Workbook
{
    public const string IndicatorSheet = "Indikatorer";
    public const string ActivitySheet = "Aktiviteter";
    public const string InfoSheet = "Uppgifter";

    /// <summary>The review workbook's extra columns: the row's line in the report, and its uncertain cells with the reasons.</summary>
    public const string ReportLineColumn = "Rad i rapporten";
    public const string UncertainColumn = "Osäkert";

    /// <summary>The report's columns and the dataset keys they hold (the first column, "Mål", is the goal id).</summary>
    public static readonly IReadOnlyList<(string Column, string Key)> IndicatorCells =
    [
        ("Indikator", "namn"), ("Periodens utfall", "utfall"), ("Utfall män/pojkar", "utfall_man"), ("Utfall kvinnor/flickor", "utfall_kvinnor"),
        ("Utfall VB föregående år", "utfall_forra_aret"), ("Prognos helår", "prognos"), ("Årsmål", "arsmal"), ("KF:s årsmål", "kf_arsmal"),
        ("Periodicitet", "periodicitet"), ("Analys", "analys"),
    ];

    public static readonly IReadOnlyList<(string Column, string Key)> ActivityCells =
        [("Aktivitet", "namn"), ("Startdatum", "start"), ("Slutdatum", "slut"), ("Avvikelse", "avvikelse"), ("Analys", "analys")];

    /// <summary>The sheets' columns: the goal id, then the report's columns.</summary>
    public static readonly string[] IndicatorColumns = ["Mål", .. IndicatorCells.Select(c => c.Column)];

    public static readonly string[] ActivityColumns = ["Mål", .. ActivityCells.Select(c => c.Column)];

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

    /// <summary>
    /// The same workbook, byte for byte, every time: the library stamps zip entries with the clock and
    /// names relationships with random GUIDs; both are replaced by fixed values.
    /// </summary>
    [GeneratedRegex("^R[0-9a-f]{32}$")]
    private static partial Regex GeneratedId();

    private static byte[] Deterministic(byte[] xlsx, IReadOnlyDictionary<string, List<(string Cell, string Reason)>>? marks)
    {
        using var input = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var documents = input.Entries.Select(e => (e.FullName, Document: XDocument.Load(e.Open(), LoadOptions.PreserveWhitespace))).ToList();
        var parts = documents.ToDictionary(d => d.FullName, d => d.Document);
        Typed(parts);
        if (marks is not null && marks.Values.Any(m => m.Count > 0)) Mark(parts, marks);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, document) in documents)
            {
                // Only attribute values that are a whole GUID id are renamed: text in cells is never touched.
                foreach (var attribute in document.Descendants().Attributes().Where(a => GeneratedId().IsMatch(a.Value)))
                    attribute.Value = ids.TryGetValue(attribute.Value, out var id) ? id : ids[attribute.Value] = $"rId{ids.Count + 1}";
                var copy = zip.CreateEntry(name, CompressionLevel.Optimal);
                copy.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var writer = XmlWriter.Create(copy.Open(), new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = true });
                document.Save(writer);
            }
        }
        return output.ToArray();
    }

    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
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
            "Jämfört värde", "Mål att jämföra med"];

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

    /// <summary>
    /// Reads a workbook's "Indikatorer" and "Aktiviteter" sheets as outcomes for a period (the period from
    /// <paramref name="period"/>, else from the "Uppgifter" sheet). Problems carry the sheet, row and column.
    /// </summary>
    public static Outcomes ReadOutcomes(string path, string display, ReportingPeriod? period)
    {
        var bytes = InputText.ReadBytes(path, display);
        CheckParts(bytes, display);
        bytes = FiguresAsText(bytes, display);
        List<IDictionary<string, object>> Sheet(string name)
        {
            List<IDictionary<string, object>> rows;
            try
            {
                // A sheet's rows are numbered in the file: one row numbered in the millions would make the
                // reader produce every empty row before it, so reading stops past the limit.
                rows = MiniExcel.Query(new MemoryStream(bytes, writable: false), useHeaderRow: true, sheetName: name)
                    .Cast<IDictionary<string, object>>().Take(MaxRows + 1).ToList();
            }
            catch (Exception e) when (e is not InputException)
            {
                throw new InputException(ErrorKinds.Workbook, display, $"bladet \"{name}\" kunde inte läsas: {Why(e)}");
            }
            if (rows.Count > MaxRows)
                throw new InputException(ErrorKinds.Workbook, new SourcePosition($"{display}[{name}]", MaxRows + 2, 1),
                    $"bladet har fler än {MaxRows} rader (räknat till sista numrerade raden): väntade en tertials utfall");
            return rows;
        }

        var sheetNames = Names(bytes, display);
        // Sheets by name as a user might retype it ("indikatorer"); rows left empty (an emptied row in Excel) skipped.
        string? SheetNamed(string name) => sheetNames.FirstOrDefault(n => string.Equals(n.Trim(), name, StringComparison.OrdinalIgnoreCase));
        static IEnumerable<(IDictionary<string, object> Row, int Number)> Filled(List<IDictionary<string, object>> rows) =>
            rows.Select((row, r) => (row, r + 2)).Where(x => x.row.Values.Any(v => v is not null && v.ToString()!.Trim().Length > 0));
        var errors = new List<InputError>();
        if (SheetNamed(IndicatorSheet) is null && SheetNamed(ActivitySheet) is null)
            throw new InputException(ErrorKinds.Workbook, display,
                $"arbetsboken har varken bladet {IndicatorSheet} eller {ActivitySheet}: väntade en arbetsbok från assess run --format xlsx eller med de bladen");
        if (period is null && SheetNamed(InfoSheet) is { } infoSheet)
        {
            var info = Sheet(infoSheet).FirstOrDefault(r => Text(r, "Uppgift") == "Period");
            if (info is not null)
            {
                try { period = SwedishValues.ParsePeriod(Text(info, "Värde") ?? ""); }
                catch (FormatException e) { errors.Add(new InputError(ErrorKinds.BadValue, Cell(display, InfoSheet, 3, 2), e.Message)); }
            }
        }
        if (period is null && errors.Count == 0)
            errors.Add(new InputError(ErrorKinds.MissingValue, SourcePosition.InFile(display), "perioden saknas: ange --period eller en rad \"Period\" i bladet Uppgifter"));

        var indicators = new List<IndicatorOutcome>();
        if (SheetNamed(IndicatorSheet) is { } indicatorSheet)
        {
            var rows = Sheet(indicatorSheet);
            var columns = CheckColumns(rows, IndicatorSheet, IndicatorColumns, display, errors);
            var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (row, number) in Filled(rows))
            {
                T? Parse<T>(string column, Func<string, T> parse) => Parsed(row, column, parse, Cell(display, IndicatorSheet, number, columns.IndexOf(column) + 1), errors);
                indicators.Add(new IndicatorOutcome(Text(row, "Mål") ?? "", Text(row, "Indikator") ?? "", Parse("Periodens utfall", SwedishValues.ParseQuantity),
                    Parse("Utfall män/pojkar", SwedishValues.ParseQuantity), Parse("Utfall kvinnor/flickor", SwedishValues.ParseQuantity),
                    Parse("Utfall VB föregående år", SwedishValues.ParseQuantity), Parse("Prognos helår", SwedishValues.ParseQuantity),
                    Text(row, "Analys"), Cell(display, IndicatorSheet, number, 2))
                {
                    AnnualTarget = Parse("Årsmål", SwedishValues.ParseTarget),
                    CityTarget = Parse("KF:s årsmål", SwedishValues.ParseTarget),
                    Periodicity = Parse("Periodicitet", t => (Periodicity?)SwedishValues.ParsePeriodicity(t)),
                    Uncertain = columns.Contains(UncertainColumn)
                        ? Uncertain(row, IndicatorCells, UncertainCells.IndicatorKeys, Cell(display, IndicatorSheet, number, columns.IndexOf(UncertainColumn) + 1), errors)
                        : null,
                    Reviewed = Reviewed(row, columns, IndicatorCells, ordinals),
                });
            }
        }
        var activities = new List<ActivityOutcome>();
        if (SheetNamed(ActivitySheet) is { } activitySheet)
        {
            var rows = Sheet(activitySheet);
            var columns = CheckColumns(rows, ActivitySheet, ActivityColumns, display, errors);
            var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (row, number) in Filled(rows))
            {
                T? Parse<T>(string column, Func<string, T> parse) => Parsed(row, column, parse, Cell(display, ActivitySheet, number, columns.IndexOf(column) + 1), errors);
                var flag = Text(row, "Avvikelse");
                if (flag is not (null or "Avvikelse"))
                    errors.Add(new InputError(ErrorKinds.BadValue, Cell(display, ActivitySheet, number, columns.IndexOf("Avvikelse") + 1), $"\"Avvikelse\": väntade tomt eller \"Avvikelse\", fick \"{flag}\""));
                activities.Add(new ActivityOutcome(Text(row, "Mål") ?? "", Text(row, "Aktivitet") ?? "", flag == "Avvikelse",
                    Text(row, "Analys"), Cell(display, ActivitySheet, number, 2))
                {
                    Start = Parse("Startdatum", t => (DateOnly?)SwedishValues.ParseDate(t)),
                    End = Parse("Slutdatum", t => (DateOnly?)SwedishValues.ParseDate(t)),
                    Uncertain = columns.Contains(UncertainColumn)
                        ? Uncertain(row, ActivityCells, UncertainCells.ActivityKeys, Cell(display, ActivitySheet, number, columns.IndexOf(UncertainColumn) + 1), errors)
                        : null,
                    Reviewed = Reviewed(row, columns, ActivityCells, ordinals),
                });
            }
        }
        if (errors.Count > 0) throw new InputException(errors);
        var outcomes = new Outcomes(period!, indicators, activities, []);
        if (outcomes.Repeated().ToList() is { Count: > 0 } repeated) throw new InputException(repeated);
        return outcomes;
    }

    /// <summary>More rows than any board's indicators or activities come near (a district has about a hundred).</summary>
    public const int MaxRows = 100_000;

    /// <summary>
    /// Each part of a workbook (a file in its zip) unpacked is at most this many bytes: a district's workbook
    /// is well under a megabyte unpacked, and a zip can pack hundreds of megabytes of one letter into one.
    /// </summary>
    public const long MaxPartBytes = 16L * 1024 * 1024;

    /// <summary>All parts together, unpacked: the limit on every input file.</summary>
    public const long MaxUnpackedBytes = InputText.MaxBytes;

    /// <summary>Text per cell and per shared string: Excel's own limit on a cell.</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>
    /// Checks the workbook as it is unpacked, before the spreadsheet reader builds anything from it: each part
    /// and all together within <see cref="MaxPartBytes"/> and <see cref="MaxUnpackedBytes"/> (counted while
    /// unpacking, not taken from the zip's own claim), and each shared string and cell text within
    /// <see cref="MaxCellChars"/>. So a small file that unpacks to hundreds of megabytes costs a few megabytes.
    /// </summary>
    private static void CheckParts(byte[] bytes, string display)
    {
        string? part = null;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                part = entry.FullName;
                if (entry.Length > MaxPartBytes) throw PartTooLarge(display, part);
                using var unpacked = new CountingStream(entry.Open(), MaxPartBytes, () => PartTooLarge(display, entry.FullName));
                if (IsTextPart(part)) CheckTexts(unpacked, display, part);
                else unpacked.CopyTo(Stream.Null);
                total += unpacked.Count;
                if (total > MaxUnpackedBytes)
                    throw new InputException(ErrorKinds.Workbook, display,
                        $"arbetsboken packas upp till mer än {MaxUnpackedBytes / (1024 * 1024)} MiB: mer än de {MaxUnpackedBytes / (1024 * 1024)} MiB som läses");
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or NotSupportedException)
        {
            throw new InputException(ErrorKinds.Workbook, display,
                $"filen kan inte läsas som en .xlsx-arbetsbok{(part is null ? "" : $" (delen {part})")}: {Why(e)}");
        }
    }

    private static readonly XmlReaderSettings Secure = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };

    /// <summary>
    /// The workbook with each number cell whose number format <see cref="CellNumber.Format"/> reads turned into
    /// the text that format shows ("82 %", "17 500", "2026-01-15"), so it reads as the report's text; numbers in
    /// other formats are left to the spreadsheet reader. Called after <see cref="CheckParts"/>: the parts are bounded.
    /// </summary>
    internal static byte[] FiguresAsText(byte[] bytes, string display)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.FirstOrDefault(e => e.FullName.Equals("xl/styles.xml", StringComparison.OrdinalIgnoreCase)) is not { } stylesEntry) return bytes;
            // The styles streamed too: the custom number formats by id, and each cell style's format in order.
            var codes = new Dictionary<string, string>(StringComparer.Ordinal);
            var styleFormats = new List<string>();
            using (var xml = XmlReader.Create(stylesEntry.Open(), Secure))
            {
                var inCellStyles = false;
                while (xml.Read())
                {
                    if (xml.NamespaceURI != Main.NamespaceName) continue;
                    if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs") inCellStyles = false;
                    if (xml.NodeType != XmlNodeType.Element) continue;
                    if (xml.LocalName == "cellXfs") inCellStyles = !xml.IsEmptyElement;
                    else if (xml.LocalName == "numFmt" && xml.GetAttribute("numFmtId") is { } id && xml.GetAttribute("formatCode") is { } code) codes.TryAdd(id, code);
                    else if (xml.LocalName == "xf" && inCellStyles) styleFormats.Add(xml.GetAttribute("numFmtId") ?? "0");
                }
            }
            var known = styleFormats.Select((id, n) =>
            {
                var code = codes.TryGetValue(id, out var c) ? c : int.TryParse(id, CultureInfo.InvariantCulture, out var builtIn) ? CellNumber.BuiltIn(builtIn) : null;
                return (Style: n.ToString(CultureInfo.InvariantCulture), Code: code);
            }).Where(x => x.Code is not null && CellNumber.Knows(x.Code)).ToDictionary(x => x.Style, x => x.Code!);
            if (known.Count == 0) return bytes;

            using var output = new MemoryStream();
            using (var copy = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var entry in zip.Entries)
                {
                    var target = copy.CreateEntry(entry.FullName, CompressionLevel.Fastest);
                    using var stream = target.Open();
                    if (!(entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
                    {
                        using var source = entry.Open();
                        source.CopyTo(stream);
                        continue;
                    }
                    // Streamed, a cell at a time: a sheet may be megabytes of XML, a cell is at most a cell's text.
                    using var sheet = XmlReader.Create(entry.Open(), Secure);
                    using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
                    sheet.Read();
                    while (!sheet.EOF)
                    {
                        if (sheet.NodeType == XmlNodeType.Element && sheet.LocalName == "c" && sheet.NamespaceURI == Main.NamespaceName)
                        {
                            var cell = (XElement)XNode.ReadFrom(sheet);
                            if ((string?)cell.Attribute("t") is null or "n" && known.TryGetValue((string?)cell.Attribute("s") ?? "0", out var code)
                                && cell.Element(Main + "v") is { } v && decimal.TryParse(v.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                                && CellNumber.Format(number, code) is { } text)
                            {
                                cell.SetAttributeValue("t", "str");
                                v.Value = text;
                            }
                            cell.WriteTo(writer);
                            continue;
                        }
                        switch (sheet.NodeType)
                        {
                            case XmlNodeType.Element:
                                writer.WriteStartElement(sheet.Prefix, sheet.LocalName, sheet.NamespaceURI);
                                writer.WriteAttributes(sheet, true);
                                if (sheet.IsEmptyElement) writer.WriteEndElement();
                                break;
                            case XmlNodeType.EndElement: writer.WriteFullEndElement(); break;
                            case XmlNodeType.Text: writer.WriteString(sheet.Value); break;
                            case XmlNodeType.CDATA: writer.WriteCData(sheet.Value); break;
                            case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace: writer.WriteWhitespace(sheet.Value); break;
                        }
                        sheet.Read();
                    }
                }
            }
            return output.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or NotSupportedException)
        {
            throw new InputException(ErrorKinds.Workbook, display, $"filen kan inte läsas som en .xlsx-arbetsbok: {Why(e)}");
        }
    }

    /// <summary>Why a workbook could not be read, in Swedish: the zip, XML and file exceptions' own texts are never shown.</summary>
    private static string Why(Exception e) => e switch
    {
        InvalidDataException => "den är inget giltigt zip-arkiv, vilket en .xlsx-fil är",
        XmlException xml => $"trasig XML (rad {xml.LineNumber}, kolumn {xml.LinePosition})",
        IOException or UnauthorizedAccessException => SystemMessages.Describe(e),
        _ => "innehållet har inte en arbetsboks form",
    };

    private static InputException PartTooLarge(string display, string part) =>
        new(ErrorKinds.Workbook, display,
            $"delen {part} i arbetsboken packas upp till mer än {MaxPartBytes / (1024 * 1024)} MiB: ingen arbetsbok med en tertials utfall är så stor");

    /// <summary>The parts that hold cell text: the shared strings and the sheets (whose cells may hold text inline).</summary>
    private static bool IsTextPart(string part) =>
        part.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase)
        || (part.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && part.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));

    /// <summary>Each shared string (si) and each cell (c) holds at most <see cref="MaxCellChars"/> characters of text, however it is split in runs.</summary>
    private static void CheckTexts(Stream part, string display, string name)
    {
        using var xml = XmlReader.Create(part, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
        var (chars, index, cell) = (0L, -1, (string?)null);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName is "si" or "c")
            {
                (chars, cell) = (0, xml.LocalName == "c" ? xml.GetAttribute("r") : null);
                if (xml.LocalName == "si") index++;
            }
            else if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace
                     && (chars += xml.Value.Length) > MaxCellChars)
            {
                var which = cell is not null ? $"cellen {cell} i {name}" : $"text nr {index + 1} i {name}";
                throw new InputException(ErrorKinds.Workbook, display,
                    $"{which} har mer än {MaxCellChars} tecken (Excels gräns för en cell): väntade ett utfall, ett namn eller en analys");
            }
        }
    }

    /// <summary>A read-only stream that counts what it passes on and stops past a limit.</summary>
    private sealed class CountingStream(Stream inner, long limit, Func<Exception> tooLarge) : Stream
    {
        public long Count { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            if ((Count += read) > limit) throw tooLarge();
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private static IReadOnlyCollection<string> Names(byte[] bytes, string display)
    {
        try { return MiniExcel.GetSheetNames(new MemoryStream(bytes, writable: false)); }
        catch (Exception e) when (e is not InputException)
        {
            throw new InputException(ErrorKinds.Workbook, display, $"filen kan inte läsas som en .xlsx-arbetsbok: {Why(e)}");
        }
    }

    /// <summary>
    /// The sheet's columns in order, each one checked: the report's columns, and the review workbook's
    /// "Rad i rapporten" (not read back: the row is found by goal and name) and "Osäkert".
    /// </summary>
    private static List<string> CheckColumns(List<IDictionary<string, object>> rows, string sheet, string[] expected, string display, List<InputError> errors)
    {
        if (rows.Count == 0) return [];
        string[] known = [.. expected, ReportLineColumn, UncertainColumn];
        var columns = rows[0].Keys.ToList();
        foreach (var column in columns.Where(k => !known.Contains(k)))
        {
            var hint = Suggest.Closest(column, known) is { } close ? $" – menade du \"{close}\"?" : "";
            errors.Add(new InputError(ErrorKinds.UnknownName, Cell(display, sheet, 1, columns.IndexOf(column) + 1), $"okänd kolumn \"{column}\"{hint}"));
        }
        return columns;
    }

    /// <summary>A cell's value parsed; one that does not parse is an error at the cell, and the value is left out.</summary>
    private static T? Parsed<T>(IDictionary<string, object> row, string column, Func<string, T> parse, SourcePosition at, List<InputError> errors)
    {
        var text = Text(row, column);
        if (text is null) return default;
        try { return parse(text); }
        catch (FormatException e)
        {
            errors.Add(new InputError(ErrorKinds.BadValue, at, $"\"{column}\": {e.Message}"));
            return default;
        }
    }

    /// <summary>
    /// In a review workbook (one with the column "Osäkert"), the row's place among its goal's rows in the sheet
    /// (counted in <paramref name="ordinals"/>) and the cells it leaves empty; null in other workbooks.
    /// </summary>
    private static ReviewedRow? Reviewed(IDictionary<string, object> row, List<string> columns, IReadOnlyList<(string Column, string Key)> cells, Dictionary<string, int> ordinals)
    {
        if (!columns.Contains(UncertainColumn)) return null;
        var goal = Text(row, "Mål") ?? "";
        var ordinal = ordinals[goal] = ordinals.GetValueOrDefault(goal, -1) + 1;
        return new ReviewedRow(ordinal, cells.Where(c => columns.Contains(c.Column) && Text(row, c.Column) is null).Select(c => c.Key).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// The "Osäkert" cell: one "Kolumn: skäl" a line (the column as the sheet names it, or the dataset key);
    /// an empty cell says that none of the row's cells is uncertain any more.
    /// </summary>
    private static ImmutableSortedDictionary<string, string> Uncertain(IDictionary<string, object> row, IReadOnlyList<(string Column, string Key)> cells,
        IReadOnlyList<string> keys, SourcePosition at, List<InputError> errors)
    {
        var marked = UncertainCells.None.ToBuilder();
        foreach (var line in (Text(row, UncertainColumn) ?? "").ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var name = colon < 0 ? line : line[..colon];
            var key = cells.FirstOrDefault(c => string.Equals(c.Column, name, StringComparison.OrdinalIgnoreCase)).Key ?? keys.FirstOrDefault(k => k == name);
            if (key is null || colon < 0 || line[(colon + 2)..].Trim().Length == 0)
            {
                var names = cells.Select(c => c.Column).Concat(keys.Where(k => cells.All(c => c.Key != k))).ToList();
                var hint = key is null && Suggest.Closest(name, names) is { } close ? $" – menade du \"{close}\"?" : "";
                errors.Add(new InputError(ErrorKinds.BadValue, at, $"\"{UncertainColumn}\": väntade en rad \"Kolumn: skäl\" per osäker cell, fick \"{line}\"{hint}"));
                continue;
            }
            marked[key] = line[(colon + 2)..].Trim();
        }
        return marked.ToImmutable();
    }

    /// <summary>A cell as a position: the file with the sheet, then row and column (1-based, as Excel counts).</summary>
    private static SourcePosition Cell(string display, string sheet, int row, int column) => new($"{display}[{sheet}]", row, column);

    private static string? Text(IDictionary<string, object> row, string column)
    {
        if (!row.TryGetValue(column, out var value) || value is null) return null;
        var text = value switch
        {
            double d => SwedishFormat.Number(d, 6),
            decimal m => SwedishFormat.Number(m, 6),
            DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
