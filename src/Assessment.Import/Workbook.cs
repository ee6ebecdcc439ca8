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
/// results export adds "Mål" (every goal's ratings), "Bedömning" and "Regelverk". Every value is
/// written as text as the report writes it, so a workbook read back gives the same values.
/// </summary>
public static partial class Workbook
{
    public const string IndicatorSheet = "Indikatorer";
    public const string ActivitySheet = "Aktiviteter";
    public const string InfoSheet = "Uppgifter";

    public static readonly string[] IndicatorColumns =
        ["Mål", "Indikator", "Periodens utfall", "Utfall män/pojkar", "Utfall kvinnor/flickor", "Utfall VB föregående år",
         "Prognos helår", "Årsmål", "KF:s årsmål", "Periodicitet", "Analys"];

    public static readonly string[] ActivityColumns = ["Mål", "Aktivitet", "Startdatum", "Slutdatum", "Avvikelse", "Analys"];

    /// <summary>A workbook of a dataset's tables, plus extra sheets (e.g. assessment results) in order.</summary>
    public static byte[] Write(Dataset dataset, IReadOnlyList<(string Sheet, IReadOnlyList<IDictionary<string, object?>> Rows)> extra)
    {
        var sheets = new Dictionary<string, object>
        {
            [InfoSheet] = new List<IDictionary<string, object?>>
            {
                Row(("Uppgift", "Nämnd"), ("Värde", dataset.District)),
                Row(("Uppgift", "Period"), ("Värde", dataset.Period.ToString())),
            },
        };
        foreach (var (sheet, rows) in extra) sheets[sheet] = rows;
        sheets[IndicatorSheet] = dataset.AllGoals().SelectMany(g => g.Indicators.Select(i => Row(
            ("Mål", g.Id), ("Indikator", i.Name), ("Periodens utfall", i.Outcome?.Text), ("Utfall män/pojkar", i.OutcomeMen?.Text),
            ("Utfall kvinnor/flickor", i.OutcomeWomen?.Text), ("Utfall VB föregående år", i.LastYearOutcome?.Text),
            ("Prognos helår", i.Forecast?.Text), ("Årsmål", i.AnnualTarget?.Text), ("KF:s årsmål", i.CityTarget?.Text),
            ("Periodicitet", i.Periodicity == Periodicity.Tertial ? "Tertial" : "År"), ("Analys", i.Analysis)))).ToList();
        sheets[ActivitySheet] = dataset.AllGoals().SelectMany(g => g.Activities.Select(a => Row(
            ("Mål", g.Id), ("Aktivitet", a.Name), ("Startdatum", a.Start?.ToString("yyyy-MM-dd")), ("Slutdatum", a.End?.ToString("yyyy-MM-dd")),
            ("Avvikelse", a.Deviation ? "Avvikelse" : ""), ("Analys", a.Note)))).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return Deterministic(stream.ToArray());
    }

    /// <summary>
    /// The same workbook, byte for byte, every time: the library stamps zip entries with the clock and
    /// names relationships with random GUIDs; both are replaced by fixed values.
    /// </summary>
    [GeneratedRegex("^R[0-9a-f]{32}$")]
    private static partial Regex GeneratedId();

    private static byte[] Deterministic(byte[] xlsx)
    {
        using var input = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                // Only attribute values that are a whole GUID id are renamed: text in cells is never touched.
                var document = XDocument.Load(entry.Open(), LoadOptions.PreserveWhitespace);
                foreach (var attribute in document.Descendants().Attributes().Where(a => GeneratedId().IsMatch(a.Value)))
                    attribute.Value = ids.TryGetValue(attribute.Value, out var id) ? id : ids[attribute.Value] = $"rId{ids.Count + 1}";
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var writer = XmlWriter.Create(copy.Open(), new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = true });
                document.Save(writer);
            }
        }
        return output.ToArray();
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
                throw new InputException(SourcePosition.StartOf(display), $"bladet \"{name}\" kunde inte läsas: {e.Message}");
            }
            if (rows.Count > MaxRows)
                throw new InputException(new SourcePosition($"{display}[{name}]", MaxRows + 2, 1),
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
            throw new InputException(SourcePosition.StartOf(display),
                $"arbetsboken har varken bladet {IndicatorSheet} eller {ActivitySheet}: väntade en arbetsbok från assess run --format xlsx eller med de bladen");
        if (period is null && SheetNamed(InfoSheet) is { } infoSheet)
        {
            var info = Sheet(infoSheet).FirstOrDefault(r => Text(r, "Uppgift") == "Period");
            if (info is not null)
            {
                try { period = SwedishValues.ParsePeriod(Text(info, "Värde") ?? ""); }
                catch (FormatException e) { errors.Add(new InputError(Cell(display, InfoSheet, 3, 2), e.Message)); }
            }
        }
        if (period is null && errors.Count == 0)
            errors.Add(new InputError(SourcePosition.StartOf(display), "perioden saknas: ange --period eller en rad \"Period\" i bladet Uppgifter"));

        var indicators = new List<IndicatorOutcome>();
        if (SheetNamed(IndicatorSheet) is { } indicatorSheet)
        {
            var rows = Sheet(indicatorSheet);
            CheckColumns(rows, IndicatorSheet, IndicatorColumns, display, errors);
            foreach (var (row, number) in Filled(rows))
            {
                Quantity? Q(string column)
                {
                    var text = Text(row, column);
                    if (text is null) return null;
                    try { return SwedishValues.ParseQuantity(text); }
                    catch (FormatException e)
                    {
                        errors.Add(new InputError(Cell(display, IndicatorSheet, number, Array.IndexOf(IndicatorColumns, column) + 1), $"\"{column}\": {e.Message}"));
                        return null;
                    }
                }
                indicators.Add(new IndicatorOutcome(Text(row, "Mål") ?? "", Text(row, "Indikator") ?? "", Q("Periodens utfall"),
                    Q("Utfall män/pojkar"), Q("Utfall kvinnor/flickor"), Q("Utfall VB föregående år"), Q("Prognos helår"),
                    Text(row, "Analys"), Cell(display, IndicatorSheet, number, 2)));
            }
        }
        var activities = new List<ActivityOutcome>();
        if (SheetNamed(ActivitySheet) is { } activitySheet)
        {
            var rows = Sheet(activitySheet);
            CheckColumns(rows, ActivitySheet, ActivityColumns, display, errors);
            foreach (var (row, number) in Filled(rows))
            {
                var flag = Text(row, "Avvikelse");
                if (flag is not (null or "Avvikelse"))
                    errors.Add(new InputError(Cell(display, ActivitySheet, number, 5), $"\"Avvikelse\": väntade tomt eller \"Avvikelse\", fick \"{flag}\""));
                activities.Add(new ActivityOutcome(Text(row, "Mål") ?? "", Text(row, "Aktivitet") ?? "", flag == "Avvikelse",
                    Text(row, "Analys"), Cell(display, ActivitySheet, number, 2)));
            }
        }
        if (errors.Count > 0) throw new InputException(errors);
        var outcomes = new Outcomes(period!, indicators, activities, []);
        if (outcomes.Repeated().ToList() is { Count: > 0 } repeated) throw new InputException(repeated);
        return outcomes;
    }

    /// <summary>More rows than any board's indicators or activities come near (a district has about a hundred).</summary>
    public const int MaxRows = 100_000;

    private static IReadOnlyCollection<string> Names(byte[] bytes, string display)
    {
        try { return MiniExcel.GetSheetNames(new MemoryStream(bytes, writable: false)); }
        catch (Exception e) when (e is not InputException)
        {
            throw new InputException(SourcePosition.StartOf(display), $"filen kan inte läsas som en .xlsx-arbetsbok: {e.Message}");
        }
    }

    private static void CheckColumns(List<IDictionary<string, object>> rows, string sheet, string[] expected, string display, List<InputError> errors)
    {
        if (rows.Count == 0) return;
        foreach (var column in rows[0].Keys.Where(k => !expected.Contains(k)))
        {
            var hint = Suggest.Closest(column, expected) is { } close ? $" – menade du \"{close}\"?" : "";
            errors.Add(new InputError(Cell(display, sheet, 1, rows[0].Keys.ToList().IndexOf(column) + 1), $"okänd kolumn \"{column}\"{hint}"));
        }
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
