using Assessment.Domain.Model;
using Assessment.Domain.Parsing;
using System.Text.RegularExpressions;

namespace Assessment.Import;

/// <summary>How a report's tables were flattened to text, and how to read them back.</summary>
internal abstract partial class Layout
{
    /// <summary>Text is wrapped over several lines (headings, paragraphs, bullets continue on the next line).</summary>
    public abstract bool WrapsText { get; }

    public abstract bool IsTableHeader(string clean, string raw);

    /// <summary>A table's header starts at line index <paramref name="i"/> (a header may run over several lines).</summary>
    public virtual bool IsTableStart(string[] lines, int i) => IsTableHeader(ReportImporter.Clean(lines[i]), lines[i]);

    /// <summary>Reads a table starting at line index <paramref name="start"/>; returns the index after it.</summary>
    public abstract int ReadTable(string[] lines, int start, ReportImporter.State state);

    /// <summary>The report's own title of a column, for messages and the review workbook.</summary>
    internal static string ColumnTitle(string key) => key switch
    {
        "namn" => "namn",
        "utfall" => "Periodens utfall",
        "utfall_man" => "Utfall män/pojkar",
        "utfall_kvinnor" => "Utfall kvinnor/flickor",
        "utfall_forra_aret" => "Utfall VB föregående år",
        "prognos" => "Prognos helår",
        "arsmal" => "Årsmål",
        "kf_arsmal" => "KF:s årsmål",
        "period" => "Period",
        "periodicitet" => "Periodicitet",
        "start" => "Startdatum",
        "slut" => "Slutdatum",
        "avvikelse" => "Avvikelse",
        ColumnHeaders.Status => "Status",
        ColumnHeaders.Unit => "Enhet",
        _ when ColumnHeaders.IsOther(key) => key[1..],
        _ => key,
    };

    /// <summary>
    /// An Avvikelse cell that flags the row ("Avvikelse", "Ja", or a mark: a tick or a cross, "X", "✓", "✔", "✗", "✘", "☒", "☑"
    /// – a mark in the column says the row has a deviation, whichever glyph the report's font gives it), and one that
    /// says there is none ("Nej").
    /// </summary>
    [GeneratedRegex(@"^(?:Avvikelse|Ja|X|✓|✔|✗|✘|☒|☑)$", RegexOptions.IgnoreCase)]
    internal static partial Regex DeviationYes();

    [GeneratedRegex(@"^(?:Nej|Ingen|Ingen avvikelse)$", RegexOptions.IgnoreCase)]
    internal static partial Regex DeviationNo();

    /// <summary>What an Avvikelse cell says, in every layout: a deviation, none (a no, a dash, empty words), or null for neither.</summary>
    internal static bool? Deviation(string cell) =>
        DeviationYes().IsMatch(cell) ? true : DeviationNo().IsMatch(cell) || NoValue().IsMatch(cell) ? false : null;

    /// <summary>
    /// The words a report rates with, declared once for a goal's rating line (<see cref="ReportImporter.IsRatingLine"/>)
    /// and a Status cell: the degree ("helt", "ej"), the state of a goal met ("uppfyllt", "uppnådd"), the verb
    /// ("Uppfylls"), the colours of the city's system and the words of one not assessed ("Ej bedömd").
    /// </summary>
    internal const string RatingDegrees = "helt|delvis|inte|ej", MetStates = "uppfyllt|uppfylld|uppnått|uppnådd",
        RatingVerbs = "Uppfylls|Uppnås", StatusColours = "Grön|Gul|Röd|Grå", NotAssessed = "bedömd|bedömt";

    /// <summary>
    /// A Status cell (<see cref="ColumnHeaders.Status"/>): the colour the city's system gives an indicator ("Grön", "Gul",
    /// "Röd", "Grå" for one not assessed) or its rating in words ("Delvis uppfyllt", "Ej uppnått", "Uppfylls helt", "Ej bedömd").
    /// </summary>
    [GeneratedRegex(@"^(?:" + StatusColours + @"|(?:(?:" + RatingDegrees + @")\s+)?(?:" + MetStates + @")|(?:" + RatingVerbs + @")\s+(?:" + RatingDegrees +
                    @")|Ej\s+(?:" + NotAssessed + @"))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusCell();

    internal static bool IsStatus(string cell) => StatusCell().IsMatch(cell);

    /// <summary>An activity's Status cell: where the activity stands in its work ("Pågående", "Avslutad", "Ej påbörjad", "Försenad") or a colour.</summary>
    private const string ActivityStatus =
        StatusColours + @"|Pågående|Pågår|Påbörjad|Påbörjat|Avslutad|Avslutat|Klar|Genomförd|Genomfört|Planerad|Försenad|Stoppad|Avbruten|(?:Ej|Inte)\s+(?:påbörjad|påbörjat|startad|startat|genomförd|genomfört|klar|avslutad)";

    [GeneratedRegex(@"^(?:" + ActivityStatus + @")(?:\s+|$)|(?:^|\s+)(?:" + ActivityStatus + @")$", RegexOptions.IgnoreCase)]
    private static partial Regex ActivityStatusAtEdge();

    /// <summary>
    /// The text after an activity's dates without the Status cell before or after its Avvikelse cell ("Pågående
    /// Avvikelse": "Avvikelse"), where the table has a Status column.
    /// </summary>
    internal static string WithoutActivityStatus(string cells) => ActivityStatusAtEdge().Replace(cells, "", 1);

    /// <summary>Every word of a Status cell (<see cref="IsStatus"/>), for telling where a row's name ends.</summary>
    internal static readonly HashSet<string> StatusWords =
        new(string.Join('|', StatusColours, RatingDegrees, MetStates, RatingVerbs, NotAssessed).Split('|'), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A footnote marker after a name or a figure ("fritidsgårdar¹", "59 %*"); not the power of a unit of area or
    /// volume ("m²", "km²", "m³"), which is part of the figure.
    /// </summary>
    [GeneratedRegex(@"(?<=\S)(?<!(?:^|[\s\d])[ckd]?m)\s?[*¹²³⁴⁵⁶⁷⁸⁹⁰]+$")]
    internal static partial Regex FootnoteMarker();

    /// <summary>
    /// A page's footer or running header: "Farsta stadsdelsnämnd, Tertialrapport 1 2024 12(80)", "12 (80)", "Sida 12 av 80",
    /// "12/80", "- 12 -".
    /// </summary>
    [GeneratedRegex(@"^.{0,120},[^,]*\s\d+\s?\(\d+\)\s*$|^\s*\d+\s?\(\d+\)\s*$|^\s*Sida \d+( av \d+)?\s*$|^\s*\d+\s?/\s?\d+\s*$|^\s*[-–]\s?\d+\s?[-–]\s*$")]
    internal static partial Regex PageFooter();

    /// <summary>
    /// A line a page break leaves: a footer, or a running header that names the district or the report and nothing else
    /// (<paramref name="clean"/> is the line as <see cref="ReportImporter.Clean"/> gives it, which the caller has).
    /// </summary>
    internal static bool IsPageLine(string raw, string clean, ReportImporter.State state) => PageFooter().IsMatch(raw) || state.IsRunningHeader(clean);

    /// <summary>
    /// The row's periodicity from its Period cell ("Tertial 1 2026": Tertial; another text is noted) or its Periodicitet
    /// cell, in the vocabulary's word ("Tertialvis" is Tertial, "Årsvis" År; another text is kept for the reader to refuse).
    /// </summary>
    internal static void SetPeriodicity(RawRow row, string key, string cell, int line, ReportImporter.State state)
    {
        if (key == "periodicitet") row.Cells["periodicitet"] = PeriodCell.IsPeriodicity(cell) ? PeriodCell.LabelOf(cell)! : cell;
        else if (PeriodCell.LabelOf(cell) is { } periodicity) row.Cells["periodicitet"] = periodicity;
        else state.Note(line, $"perioden \"{cell}\" är varken ett år eller en tertial");
    }

    /// <summary>The note that a table's column read only to be left (<see cref="ColumnHeaders.IsLeft"/>) was left.</summary>
    internal static string ColumnLeft(string key, string heading, bool indicator) => ColumnHeaders.IsOther(key)
        ? $"okänd kolumn \"{heading}\" lämnades"
        : key == ColumnHeaders.Unit
        ? $"kolumnen \"{heading}\" (indikatorns enhet) lämnades: datasetet har ingen cell för den, enheten står vid varje värde"
        : indicator
            ? $"kolumnen \"{heading}\" (indikatorns status i stadens system) lämnades: datasetet har ingen cell för den, regelverket bedömer indikatorn"
            : $"kolumnen \"{heading}\" (aktivitetens status) lämnades: datasetet har ingen cell för den, bara för avvikelsen";

    /// <summary>Stores a row's cells under their keys, turning Period into periodicitet and the deviation word into a flag.</summary>
    internal static RawRow Row(int line, IReadOnlyList<string?> keys, IReadOnlyList<string> cells, ReportImporter.State state)
    {
        var row = new RawRow(line);
        for (var c = 0; c < Math.Min(keys.Count, cells.Count); c++)
        {
            var (key, cell) = (keys[c], cells[c].Trim());
            if (key is null || cell.Length == 0) continue;
            switch (key)
            {
                case "period" or "periodicitet":
                    SetPeriodicity(row, key, cell, line, state);
                    break;
                case "avvikelse":
                    SetDeviation(row, cell, line, state);
                    break;
                default:
                    row.Cells[key] = NoBreakSpace().Replace(cell, " "); // "14 762 st" with the typesetter's (narrow) no-break spaces
                    break;
            }
        }
        return row;
    }

    /// <summary>An Avvikelse cell (standing on <paramref name="line"/>) read into its row: a flag, nothing, or a note for neither.</summary>
    internal static void SetDeviation(RawRow row, string cell, int line, ReportImporter.State state)
    {
        var deviation = Deviation(cell);
        if (deviation == true) row.Cells["avvikelse"] = "true";
        else if (deviation is null)
            state.Note(line, $"avvikelsecellen \"{cell}\" är varken \"Avvikelse\"/\"Ja\"/\"X\" eller \"Nej\" och lästes som ingen avvikelse");
    }

    /// <summary>Adds a row to the open goal's indicators or activities, or notes why it cannot be placed.</summary>
    internal static void Place(RawRow row, bool indicator, ReportImporter.State state)
    {
        if (state.Current is null)
        {
            state.Note(row.Line, $"raden \"{row.Name}\" står före första målet och kunde inte placeras");
            return;
        }
        if (state.Current.Level == GoalLevel.DirectionGoal)
        {
            state.Note(row.Line, $"raden \"{row.Name}\" står direkt under inriktningsmål {state.Current.Id}, som inte har egna indikatorer eller aktiviteter");
            return;
        }
        if (indicator) CheckValues(row, state);
        (indicator ? state.Current.Indicators : state.Current.Activities).Add(row);
        state.LastRow = row;
        state.AwaitingNote = false;
    }

    /// <summary>A cell that says there is no value: a dash, or words such as "Mäts ej".</summary>
    [GeneratedRegex(@"^(?:[-–—]|Mäts ej|Ej mätt|Saknas|Uppgift saknas|Inget utfall|Ej aktuellt|Resultat inväntas|Inväntar resultat|Redovisas ej|N/A)$", RegexOptions.IgnoreCase)]
    internal static partial Regex NoValue();

    /// <summary>
    /// Every value cell must read as the dataset reads it (a figure, or for a target also a word target). A cell
    /// that says there is no value is left empty; a cell that cannot be read is left out and marked uncertain
    /// with the reason, so one odd cell never stops the import.
    /// </summary>
    private static void CheckValues(RawRow row, ReportImporter.State state)
    {
        foreach (var (key, text) in row.Cells.Where(c => c.Key is not ("namn" or "periodicitet" or "riktning")).ToList())
        {
            var cell = text;
            if (NoValue().IsMatch(cell.Trim()))
            {
                row.Cells.Remove(key);
                if (cell.Trim().Length > 1) state.Note(row.Line, $"cellen {ColumnTitle(key)} för \"{Short(row.Name)}\" säger \"{cell}\": lästes som tom");
                continue;
            }
            if (DecimalPoint().IsMatch(cell))
            {
                // "2.5 %": a decimal point where the dataset has a comma. Three digits after the point ("1.250") could be
                // a thousands group and are left to be refused below.
                var comma = DecimalPoint().Replace(cell, "$1,$2");
                state.Note(row.Line, $"cellen {ColumnTitle(key)} för \"{Short(row.Name)}\" har decimalpunkt: \"{cell}\" lästes som \"{comma}\"");
                row.Cells[key] = cell = comma;
            }
            try
            {
                if (key is "arsmal" or "kf_arsmal") SwedishValues.ParseTarget(cell);
                else SwedishValues.ParseQuantity(cell);
            }
            catch (FormatException e)
            {
                row.Cells.Remove(key);
                row.Uncertain[key] = $"rad {row.Line}: \"{cell}\" i kolumnen {ColumnTitle(key)} kunde inte läsas ({e.Message}) och lämnades tom";
                state.Note(row.Line, $"indikatorn \"{Short(row.Name)}\": {row.Uncertain[key]}");
            }
        }
    }

    [GeneratedRegex(@"[\u00A0\u2007\u202F]")]
    private static partial Regex NoBreakSpace();

    [GeneratedRegex(@"(?<![\d.,])(\d+)\.(\d{1,2}|\d{4,})(?![\d.,])")]
    private static partial Regex DecimalPoint();

    /// <summary>A text-only row inside a table: an analysis note, or the tail of a name split by a page break.</summary>
    internal static void TextRow(string text, int line, ReportImporter.State state, ref bool noteOpen)
    {
        if (state.LastRow is null)
        {
            state.Note(line, $"texten \"{Short(text)}\" i tabellen hör inte till någon rad");
            return;
        }
        if (state.AwaitingNote)
        {
            state.LastRow.Notes.Add(text);
            state.AwaitingNote = false;
            noteOpen = true;
        }
        else if (noteOpen)
        {
            state.LastRow.Notes.Add(text);
        }
        else if (char.IsLower(text[0]) || state.LastRow.Name.EndsWith(" i", StringComparison.Ordinal))
        {
            state.LastRow.Name = $"{state.LastRow.Name.TrimEnd()} {text}";
            state.Note(line, $"namnet på raden {state.LastRow.Line} fortsätter efter sidbrytningen: \"{state.LastRow.Name}\"");
        }
        else
        {
            state.Note(line, $"texten \"{Short(text)}\" kunde inte placeras i tabellen");
        }
    }

    /// <summary>The note on a table whose name column has no heading: what its other columns made of its rows.</summary>
    protected static string UnnamedNameColumn(bool indicators) =>
        $"tabellens första kolumn har ingen rubrik: raderna lästes som {(indicators ? "indikatorer" : "aktiviteter")} efter de andra kolumnerna";

    internal static string Short(string text) => text.Length > 60 ? text[..57] + "…" : text;

    /// <summary>The layout whose tables the text has most of (a tab, Markdown, column-aligned or flattened header: <see cref="IsTableStart"/>); on a tie the first in this order.</summary>
    public static Layout Detect(string[] lines)
    {
        Layout[] layouts = [new TabLayout(), new MarkdownLayout(), new ColumnLayout(), new FlatLayout()];
        return layouts.MaxBy(layout => Enumerable.Range(0, lines.Length).Count(i => layout.IsTableStart(lines, i)))!;
    }
}

/// <summary>Tables as tab-separated lines (the tertial report's layout).</summary>
internal sealed class TabLayout : Layout
{
    public override bool WrapsText => false;


    public override bool IsTableHeader(string clean, string raw) => raw.Contains('\t') && clean.Contains('\t') && Header(raw.Split('\t')) is not null;

    /// <summary>A header's cells, cleaned, as <see cref="ColumnHeaders.TableHeader"/> reads them.</summary>
    internal static (List<string> Cells, bool OfIndicators)? Header(IEnumerable<string> cells) =>
        ColumnHeaders.TableHeader(cells.Select(c => ReportImporter.Clean(c)));

    public override int ReadTable(string[] lines, int start, ReportImporter.State state) =>
        ReadCells(lines, start, state, raw => raw.Split('\t'), raw => raw.Contains('\t') || ReportImporter.Clean(raw).Length > 0,
            separator: _ => false, acrossPages: true);

    /// <summary>Shared by the tab and Markdown layouts: both keep one row per line with its cells.</summary>
    internal int ReadCells(string[] lines, int start, ReportImporter.State state, Func<string, string[]> split,
        Func<string, bool> inTable, Func<string, bool> separator, bool acrossPages = false)
    {
        var (header, indicator) = Header(split(lines[start])) ?? throw new InvalidOperationException("no table header");
        var keys = Keys(header, indicator, start + 1, state);
        var noteOpen = false;
        var i = start + 1;
        for (; i < lines.Length; i++)
        {
            var raw = lines[i];
            var clean = ReportImporter.Clean(raw);
            if (acrossPages && (clean.Length == 0 || IsPageLine(raw, clean, state)) && NextRow(lines, i, state) is { } next)
            {
                i = next - 1; // blank lines and a page's footer and header between two rows of the table
                continue;
            }
            if (!inTable(raw) || clean.Length == 0) break;
            if (separator(raw)) continue;
            if (IsTableHeader(clean, raw))
            {
                if (Header(split(raw))?.OfIndicators != indicator) break; // another kind of table
                noteOpen = false; // the header repeated at a page break: what follows is a new row or a name's tail
                continue;
            }
            var cells = split(raw).Select(c => c.Trim()).ToList();
            if (cells.Any(c => FootnoteMarker().IsMatch(c)))
            {
                state.Note(i + 1, $"fotnotstecken på raden \"{Short(ReportImporter.Clean(cells[0]))}\" lämnades");
                cells = cells.Select(c => FootnoteMarker().Replace(c, "")).ToList();
            }
            while (cells.Count > 0 && ReportImporter.Clean(cells[0]).Length == 0 && cells.Skip(1).Any(c => c.Length > 0))
                cells.RemoveAt(0); // a leading empty cell: the row is shifted one step right
            while (cells.Count > 0 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
            cells[0] = ReportImporter.Clean(cells[0]);
            if (NoteLabel(cells[0]) is { } label)
            {
                var text = string.Join(' ', new[] { cells[0][label.Length..].Trim() }.Concat(cells.Skip(1))).Trim();
                if (text.Length == 0) state.AwaitingNote = true;
                else if (state.LastRow is null) state.Note(i + 1, $"analysen \"{Short(text)}\" hör inte till någon rad");
                else { state.LastRow.Notes.Add(text); noteOpen = true; state.AwaitingNote = false; }
                continue;
            }
            if (cells.Count == 1)
            {
                TextRow(cells[0], i + 1, state, ref noteOpen);
                continue;
            }
            noteOpen = false;
            var aligned = Align(cells, keys, i + 1, state);
            var row = Row(i + 1, keys, aligned, state);
            if (aligned.Count != cells.Count)
            {
                // The row still ends with its Period cell, so the cells after the lost ones stand where they belong;
                // which of the cells before them were the empty ones is the guess: each of those says so.
                var at = keys.ToList().IndexOf("utfall_man");
                var lost = aligned.Count - cells.Count;
                foreach (var key in keys.Skip(1).Take(at - 1 + lost).OfType<string>())
                    row.Uncertain[key] = $"rad {i + 1}: raden har {lost} cell(er) för lite; de tomma cellerna lästes som utfall män/kvinnor" +
                                         (row.Cells.TryGetValue(key, out var value) ? $" och \"{value}\" som {ColumnTitle(key)}" : $", så {ColumnTitle(key)} är tom");
            }
            Place(row, indicator, state);
        }
        return i;
    }

    /// <summary>
    /// The dataset key of each of a header's cells (the name column's "namn"), null for a column that is left – one the
    /// importer does not know, or one the dataset holds no cell for (Status, Enhet) – each noted at the header's line.
    /// </summary>
    internal static List<string?> Keys(List<string> header, bool indicator, int line, ReportImporter.State state)
    {
        var keys = ColumnHeaders.KeysOf(header);
        if (header[0].Length == 0) state.Note(line, UnnamedNameColumn(indicator));
        keys[0] = "namn";
        foreach (var (cell, key) in header.Zip(keys).Where(p => p.Second is null && p.First.Length > 0))
            state.Note(line, ColumnLeft(ColumnHeaders.Other(cell), cell, indicator));
        for (var c = 0; c < keys.Count; c++)
        {
            if (!ColumnHeaders.IsLeft(keys[c])) continue;
            state.Note(line, ColumnLeft(keys[c]!, header[c], indicator));
            keys[c] = null;
        }
        return keys;
    }

    /// <summary>
    /// The index of the next row when only blank lines and the lines of a page break (footer, running header) stand
    /// between line <paramref name="i"/> and a line of cells; null when the table ends here.
    /// </summary>
    private static int? NextRow(string[] lines, int i, ReportImporter.State state)
    {
        var k = i;
        while (k < lines.Length && ReportImporter.Clean(lines[k]) is var clean && (clean.Length == 0 || IsPageLine(lines[k], clean, state))) k++;
        if (k >= lines.Length || !lines[k].Contains('\t')) return null;
        return ReportImporter.IsHeading(ReportImporter.Clean(lines[k])) ? null : k;
    }

    /// <summary>"Analys …" or "Kommentar …" (also with a colon: "Analys: …"): a note on the row above; the label with its colon.</summary>
    internal static string? NoteLabel(string cell) =>
        new[] { "Analys", "Kommentar" }.Where(l => cell.StartsWith(l, StringComparison.Ordinal))
            .Select(l => cell.Length > l.Length && cell[l.Length] == ':' ? l + ":" : l)
            .FirstOrDefault(l => cell.Length == l.Length || cell[l.Length] == ' ');

    /// <summary>
    /// Where empty cells were lost in extraction the row is shorter than the header. When the row still
    /// ends with its Period cell, the lost cells are inside it: they are the gender split's (empty for
    /// most indicators), empties are put back there, and the row is noted. Otherwise the row simply ends
    /// early and its last columns are empty.
    /// </summary>
    private static List<string> Align(List<string> cells, IReadOnlyList<string?> keys, int line, ReportImporter.State state)
    {
        // Columns the importer does not know may follow Period ("Kommentar"): the row is measured up to Period.
        var width = keys.ToList().FindLastIndex(k => k is not null) + 1;
        var missing = width - cells.Count;
        var at = keys.ToList().IndexOf("utfall_man");
        if (missing <= 0 || at < 0 || at > cells.Count || keys[width - 1] != "period" || PeriodCell.Of(cells[^1]) is null) return cells;
        var aligned = new List<string>(cells);
        aligned.InsertRange(at, Enumerable.Repeat("", missing));
        state.Note(line, $"raden \"{Short(cells[0])}\" har {missing} cell(er) för lite: tomma celler lästes som utfall män/kvinnor (kolumner lästa efter innehåll)");
        return aligned;
    }
}

/// <summary>
/// Tables as Markdown (the plan's layout): "| Indikator | Årsmål | … |", or as a pipe table without the outer bars
/// ("Indikator | Årsmål | …"), as other converters write them.
/// </summary>
internal sealed class MarkdownLayout : Layout
{
    private readonly TabLayout _cells = new();

    public override bool WrapsText => false;


    public override bool IsTableHeader(string clean, string raw)
    {
        if (!raw.Contains('|')) return false;
        return TabLayout.Header(Split(raw)) is not null;
    }

    public override int ReadTable(string[] lines, int start, ReportImporter.State state)
    {
        // Reuse the cell reader with Markdown's cell split; the header check inside works on the tab layout's
        // own test, so wrap it: a repeated Markdown header has "Indikator"/"Aktivitet" as its first cell. A row is a
        // line that starts with a bar, or – in a table whose header has no outer bars – any line with one.
        var outer = lines[start].TrimStart().StartsWith('|');
        var converted = lines.Select(l => (outer ? l.TrimStart().StartsWith('|') : l.Contains('|')) ? string.Join('\t', Split(l)) : l).ToArray();
        return _cells.ReadCells(converted, start, state, raw => raw.Split('\t'),
            raw => raw.Contains('\t'), raw => Regex.IsMatch(raw, @"^[\s\t:-]+$"));
    }

    private static IEnumerable<string> Split(string raw)
    {
        var line = raw.Trim();
        if (line.StartsWith('|')) line = line[1..];
        if (line.EndsWith('|')) line = line[..^1];
        return line.Split('|').Select(c => c.Trim());
    }
}
