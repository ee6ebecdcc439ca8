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
/// "Aktiviteter", each with a "Mål" column for the goal id, and "Uppgifter" (district, period). This is the
/// layout and the reading side (<c>assess merge</c>); the writer is Assessment.Reports' WorkbookWriter, and
/// figures and dates are numbers in a number format that shows them as the report writes them (<see cref="CellNumber"/>).
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

    /// <summary>The spreadsheet namespace of a workbook's parts (reader and writer).</summary>
    public static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";


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
