using Assessment.Domain.Model;
using System.Text.RegularExpressions;

namespace Assessment.Import;

/// <summary>
/// Tables flattened to spaces (the layout of text extracted from the reports' PDFs): a row's cells run
/// together over wrapped lines and empty cells survive only as runs of spaces. Each table's own header
/// (which may itself wrap over several lines) says which columns it has; <see cref="FlatCells"/> reads
/// each indicator row against them. Activities are anchored by their two dates. Page footers and
/// repeated headers inside a row are skipped, and a name's tail after a page break joins the row above.
/// </summary>
internal sealed partial class FlatLayout : Layout
{
    /// <summary>A date as the activity tables write it.</summary>
    private const string Date = @"\d{4}-\d{2}-\d{2}";

    /// <summary>An activity row: its name, its two dates and what its Avvikelse cell says (<see cref="Layout.DeviationYes"/> and the others).</summary>
    [GeneratedRegex(@"^(?<before>.*?)\s*(?<start>" + Date + @")\s+(?<end>" + Date + @")\s*(?<flag>\S.*?)?\s*$")]
    private static partial Regex ActivityDates();

    /// <summary>A line that starts with an activity's two dates.</summary>
    [GeneratedRegex(@"^" + Date + @"\s+" + Date)]
    private static partial Regex DatesFirst();

    /// <summary>A line that starts with a date or the Avvikelse cell: the rest of an activity row, not a new one.</summary>
    [GeneratedRegex(@"^(?:" + Date + @"|Avvikelse\b)")]
    private static partial Regex RowRest();

    public override bool WrapsText => true;

    // The name column's heading first: it is asked of every line, and the header words of only a few.
    public override bool IsTableHeader(string clean, string raw) => NameHeading(clean) is ({ }, var rest) && (rest.Length == 0 || IsHeaderLine(rest, named: true));

    /// <summary>
    /// A table starts where a header line begins with the name column's heading ("Indikator", "KF:s aktiviteter":
    /// <see cref="NameHeading"/>), or, where that column has no heading, with another column's, and the header (over one or
    /// more lines) names another column; without a name heading its columns must say what the table holds
    /// (<see cref="ColumnHeaders.OfIndicators(IEnumerable{string?})"/>).
    /// </summary>
    public override bool IsTableStart(string[] lines, int i)
    {
        var clean = ReportImporter.Clean(lines[i]);
        if (!IsTableHeader(clean, lines[i]) && !StartsUnnamedHeader(clean)) return false;
        var header = Header(lines, i);
        return header.Columns.Count(c => !ColumnHeaders.IsOther(c)) > 1 && header.OfIndicators is not null;
    }

    /// <summary>A header line without the name column's heading: it starts with a column's heading in upper case, and all its words are a header's.</summary>
    private static bool StartsUnnamedHeader(string clean) =>
        clean.Length > 0 && char.IsUpper(clean[0]) && ColumnHeaders.IsHeaderWord(FirstWord(clean)) && IsHeaderLine(clean, named: false);

    /// <summary>
    /// The name column's heading at the start of a line ("Indikator", "KF:s indikatorer": what the table holds) and the
    /// rest of the line; (null, the line) where the line starts with none.
    /// </summary>
    private static (bool? OfIndicators, string After) NameHeading(string clean)
    {
        var end = -1;
        for (var words = 1; words <= 2; words++)
        {
            end = clean.IndexOf(' ', end + 1);
            if (ColumnHeaders.OfIndicators(end < 0 ? clean : clean[..end]) is { } kind) return (kind, end < 0 ? "" : clean[(end + 1)..].TrimStart());
            if (end < 0) break;
        }
        return (null, clean);
    }

    private static string FirstWord(string clean) => clean.Split(' ', 2)[0];

    /// <summary>A header's first line (after the name column's heading, if <paramref name="named"/>): see <see cref="AreHeaderWords"/>.</summary>
    private static bool IsHeaderLine(string clean, bool named)
    {
        var open = false;
        return AreHeaderWords(ColumnHeaders.OutsideBrackets(clean, ref open), named, first: true);
    }

    /// <summary>
    /// The words of a header's line: each a header's word (<see cref="ColumnHeaders.IsHeaderWord"/>); in a table whose name
    /// column is headed (<paramref name="named"/>) also the heading of a column the importer does not know ("Trend":
    /// <see cref="ColumnHeaders.IsOtherHeading"/>), on the header's first line or beside a known word whole ("Period
    /// Trend", "2022 Källa") – a row's name below the header ("Sjukfrånvaro", "Indexvärde för") is no heading.
    /// </summary>
    private static bool AreHeaderWords(IReadOnlyList<string> words, bool named, bool first) =>
        words.Count > 0 && (words.All(ColumnHeaders.IsHeaderWord) || (named &&
            words.All(w => ColumnHeaders.IsHeaderWord(w) || ColumnHeaders.IsOtherHeading(w)) && (first || words.Any(ColumnHeaders.IsWholeHeaderWord))));

    /// <summary>
    /// The header starting at line <paramref name="start"/>: its columns in the order the header gives them (see
    /// <see cref="ColumnHeaders"/>), and the index of the line after it.
    /// </summary>
    internal static (List<string> Columns, int End, bool? OfIndicators) Header(string[] lines, int start)
    {
        var (named, first) = NameHeading(ReportImporter.Clean(lines[start]));
        var words = new List<IReadOnlyList<string>>();
        var i = start;
        var open = false; // a bracket opened on an earlier line of the header, not yet closed
        for (; i < lines.Length && i < start + 30; i++)
        {
            var clean = i == start ? first : ReportImporter.Clean(lines[i]);
            if (clean.Length == 0 || PageFooter().IsMatch(lines[i])) continue;
            var wasOpen = open;
            var line = ColumnHeaders.OutsideBrackets(clean, ref open);
            // A line of the header is its words (a unit or kind in brackets left out, "Utfall (antal)"); after the first,
            // a line may hold only such a bracket, below the heading it belongs to. A bracket closes on the next line at
            // the latest: one left open further (a lost ")") would take the table's rows for the header.
            var headerLine = !(wasOpen && open) &&
                             (line.Count == 0 ? i > start && (wasOpen || clean[0] is '(' or '[') : AreHeaderWords(line, named is not null, i == start));
            if (!headerLine || (i > start && NameHeading(clean).OfIndicators is not null)) break;
            if (line.Count > 0) words.Add(line);
        }
        // Each column where its cell stands, the cell joined from its lines (see ColumnHeaders.Read).
        var columns = new List<string> { "namn" };
        columns.AddRange(ColumnHeaders.Read(words).Where(k => k != "namn"));
        return (columns, i, named ?? ColumnHeaders.OfIndicators(columns));
    }

    public override int ReadTable(string[] lines, int start, ReportImporter.State state)
    {
        var (columns, i, ofIndicators) = Header(lines, start);
        var indicator = ofIndicators == true;
        if (NameHeading(ReportImporter.Clean(lines[start])).OfIndicators is null) state.Note(start + 1, UnnamedNameColumn(indicator));
        var valueColumns = columns.Skip(1).ToList();
        var statusColumn = valueColumns.Contains(ColumnHeaders.Status);
        // A column not known after an activity's Avvikelse ("Kommentar"): its words follow the flag on the dates' line.
        var otherAfterFlag = !indicator && valueColumns.SkipWhile(c => c != "avvikelse").Skip(1).Any(ColumnHeaders.IsOther);
        foreach (var left in valueColumns.Where(ColumnHeaders.IsLeft))
            state.Note(start + 1, ColumnLeft(left, ColumnTitle(left), indicator));
        // Columns not known after the row's last cell: a cell of theirs, where there is one, follows the Period cell on its line.
        var otherLast = false;
        for (; valueColumns.Count > 1 && ColumnHeaders.IsOther(valueColumns[^1]); otherLast = true)
            valueColumns.RemoveAt(valueColumns.Count - 1);
        // A Status column after the row's last cell: its cell, where there is one, follows the Period cell that ends the row.
        var statusLast = valueColumns.Count > 1 && valueColumns[^1] == ColumnHeaders.Status;
        if (statusLast) valueColumns.RemoveAt(valueColumns.Count - 1);
        var pending = new List<(string Text, int Line)>();
        var noteOpen = false;
        var pageBreak = false;
        var blankAfterPending = false;
        // The activity placed last whose Avvikelse cell was empty on its dates' line: its cell may stand on a line below.
        RawRow? cellBelow = null;
        // The pending activity's Avvikelse cell, read before its dates (on their line or a line of its own above them).
        string? cellAbove = null;
        // The row placed last, while only blank lines or its name's tail have followed its values or dates: an extraction
        // that reads a row from top to bottom puts them beside the middle of a wrapped name, the rest of it below.
        RawRow? nameGoesOn = null;
        var tailLine = -1; // the index of the last line that went on with a name below its values
        // The indicator placed right before the pending lines began (only blank lines between): their first block may be the
        // rest of its name in upper case ("(I-SIP) inom …"), which shows only when a second block starts a name of its own.
        RawRow? pendingAfter = null;
        for (; i < lines.Length; i++)
        {
            var raw = lines[i];
            var clean = ReportImporter.Clean(raw);
            if (IsPageLine(raw, clean, state) || (pending.Count == 0 && Regex.IsMatch(clean, @"^\d{1,3}$")))
            {
                // A page's footer or running header; a bare number between rows, where no row can start, is the page's number.
                (pageBreak, noteOpen, blankAfterPending) = (true, false, false);
                continue;
            }
            if (clean.Length == 0)
            {
                noteOpen = false; // a note is one run of lines: a blank line ends it
                blankAfterPending = pending.Count > 0 && !pageBreak;
                continue;
            }
            if (EndsTable(clean)) break;
            var below = cellBelow;
            cellBelow = null;
            var tailOf = nameGoesOn;
            nameGoesOn = null;
            if (IsTableStart(lines, i))
            {
                var repeated = Header(lines, i);
                if (repeated.OfIndicators != indicator) break;
                i = repeated.End - 1; // the header repeated at a page break
                (pageBreak, noteOpen, blankAfterPending) = (true, false, false);
                continue;
            }
            if (pending.Count == 0 && ColumnHeaders.IsTableLabel(clean))
            {
                noteOpen = false; // "Indikatorer" above the next table: it ends a note, and is no row's name
                continue;
            }
            if (pending.Count == 0 && pageBreak && char.IsLower(clean[0]) && state.LastRow is { } above)
            {
                // After a page break, text that starts in lower case continues what the page cut: the
                // open note of the row above, or else the row's name.
                if (above.Notes.Count > 0 && !above.Notes[^1].EndsWith('.'))
                    above.Notes[^1] = $"{above.Notes[^1]} {clean}";
                else
                {
                    above.Name = $"{above.Name.TrimEnd()} {clean}";
                    state.Note(i + 1, $"namnet på raden {above.Line} fortsätter efter sidbrytningen: \"{Short(above.Name)}\"");
                }
                continue;
            }
            pageBreak = false;
            if (clean.TrimEnd(':') is "Analys" or "Kommentar")
            {
                if (!indicator && pending.Count > 0 && PlaceDateless(pending, state)) pending.Clear();
                state.AwaitingNote = true;
                noteOpen = false;
                continue;
            }
            if (pending.Count == 0 && state.LastRow is not null && NoteLabel().Match(clean) is { Success: true } label)
            {
                state.LastRow.Notes.Add(label.Groups["text"].Value);
                noteOpen = true;
                continue;
            }
            if (!indicator && pending.Count > 0 && blankAfterPending && CellApart(raw, clean, lines, i) is { } apart)
            {
                // The Avvikelse cell apart from the name above it and before the dates: on their line, or on a line of its own.
                cellAbove = apart.Cell;
                if (apart.Dates is null) continue; // blankAfterPending stays: the dates' line follows
                pending.Add((apart.Dates, i + 1));
                blankAfterPending = false;
                if (TryPlaceActivity(pending, state, cellAbove, statusColumn, otherAfterFlag, out _))
                {
                    pending.Clear();
                    cellAbove = null;
                }
                continue;
            }
            if (!indicator && blankAfterPending && !RowRest().IsMatch(clean) && PlaceDateless(pending, state))
                pending.Clear(); // an activity without dates: its name ended at the blank line, and a new row starts
            if (indicator && blankAfterPending && pendingAfter is not null && StartsName(clean) && !FlatCells.CanBeInCell(FirstWord(ReportImporter.Clean(pending[0].Text))))
            {
                // Words that are no values, a blank line, then a name: a name has no blank line in it, so the first block is
                // the rest of the name of the indicator above, below its values.
                NameBelowValues(pendingAfter, pending, state);
                pending.Clear();
            }
            blankAfterPending = false;
            if (state.AwaitingNote || noteOpen)
            {
                if (state.LastRow is null) state.Note(i + 1, $"analysen \"{Short(clean)}\" hör inte till någon rad");
                else if (noteOpen) state.LastRow.Notes[^1] = $"{state.LastRow.Notes[^1]} {clean}";
                else state.LastRow.Notes.Add(clean);
                state.AwaitingNote = false;
                noteOpen = true;
                continue;
            }
            if (pending.Count == 0 && tailOf is null && char.IsLower(clean[0]) && clean.EndsWith('.'))
            {
                // The tail of the paragraph above the table, moved below the header by a page break.
                state.Note(i + 1, state.ContinueParagraph(clean)
                    ? $"texten \"{Short(clean)}\" efter tabellhuvudet är slutet på stycket ovanför tabellen och lästes in där"
                    : $"texten \"{Short(clean)}\" efter tabellhuvudet är slutet på ett stycke ovanför tabellen och lämnades");
                continue;
            }
            if (pending.Count == 0 && state.LastRow is { } previous && Continues(previous, clean))
            {
                nameGoesOn = tailOf; // the wrapped rest of a cell ("av" / "nämnd"): the name may still go on below it
                continue;
            }
            if (pending.Count == 0 && tailOf is not null && (ReportImporter.StartsInLowerCase(clean) || tailLine == i - 1) && (indicator || Deviation(clean) is null))
            {
                // The rest of the name below its values or dates ("… av totalt" / values / "antal anställda (årsarbetare)"):
                // a row's name starts in upper case, so a line in lower case right after them goes on with it, and so does
                // the line right below that one (a name's lines stand together). An activity's mark below its dates ("x") is its cell.
                NameBelowValues(tailOf, [(raw, i + 1)], state, noted: tailLine == i - 1);
                (nameGoesOn, tailLine) = (tailOf, i);
                continue;
            }
            if (!indicator && pending.Count == 0 && below is not null && IsCellApart(raw, clean))
            {
                // The Avvikelse cell of the row above on a line below its dates: read as on the dates' line.
                SetDeviation(below, clean, i + 1, state);
                continue;
            }
            if (pending.Count >= 30)
                return AsText(pending, state); // no row ends here: the table is over and this is running text
            if (pending.Count > 0 && Regex.IsMatch(clean, @"^\p{Ll}$") && clean is not ("i" or "å" or "ö"))
            {
                // A word broken in a narrow column ("livsmede" / "l"): glue the tail back on (not a word of its own, "i").
                pending[^1] = (pending[^1].Text.TrimEnd() + clean, pending[^1].Line);
                continue;
            }
            if (pending.Count == 0) pendingAfter = tailOf;
            pending.Add((raw, i + 1));
            if (indicator)
            {
                if (!TryPlaceIndicator(pending, valueColumns, statusLast, otherLast, state, NextTexts(lines, i))) continue;
                pending.Clear();
                nameGoesOn = state.LastRow;
            }
            else if (TryPlaceActivity(pending, state, cellAbove, statusColumn, otherAfterFlag, out var emptyCell))
            {
                pending.Clear();
                cellAbove = null;
                if (emptyCell) cellBelow = state.LastRow;
                nameGoesOn = state.LastRow;
            }
        }
        // Lines after the last row that end no row are the running text after the table: read them as text.
        return pending.Count > 0 ? AsText(pending, state) : i;
    }

    /// <summary>
    /// A line that only continues the row above: the wrapped rest of its last cell ("av", "nämnd/s", "tyrelse"),
    /// or an activity's deviation flag on a line of its own.
    /// </summary>
    private static bool Continues(RawRow row, string clean)
    {
        if (clean == "Avvikelse" && row.Cells.ContainsKey("slut") && !row.Cells.ContainsKey("avvikelse"))
        {
            row.Cells["avvikelse"] = "true";
            return true;
        }
        foreach (var key in new[] { "kf_arsmal", "arsmal" })
        {
            if (row.Cells.GetValueOrDefault(key) is not { } cell || !cell.StartsWith("Tas fram", StringComparison.Ordinal)) continue;
            var joined = Regex.Replace($"{cell} {clean}", @"nämnd/s tyrelse", "nämnd/styrelse");
            if (!Regex.IsMatch(joined, @"^Tas fram(?: av(?: nämnd(?:/s|/styrelse)?)?)?$")) return false;
            row.Cells[key] = joined;
            return true;
        }
        return false;
    }

    /// <summary>Lines below a row's values or dates that carry on its name: added to it, and noted (once: not when the line above was <paramref name="noted"/>).</summary>
    private static void NameBelowValues(RawRow row, List<(string Text, int Line)> lines, ReportImporter.State state, bool noted = false)
    {
        row.Name = $"{row.Name.TrimEnd()} {Regex.Replace(string.Join(' ', lines.Select(l => ReportImporter.Clean(l.Text))), @"\s+", " ")}";
        if (!noted) state.Note(lines[0].Line, $"namnet på raden {row.Line} fortsätter under värdena: \"{Short(row.Name)}\"");
    }

    /// <summary>Whether a line starts an indicator's name: its first word is in upper case and can stand in no cell ("Antal", not "Tertial").</summary>
    private static bool StartsName(string clean) =>
        clean.Length > 0 && char.IsUpper(clean[0]) && !FlatCells.CanBeInCell(FirstWord(clean));

    /// <summary>Hands lines that ended no row back to be read as running text, and says so.</summary>
    private static int AsText(List<(string Text, int Line)> pending, ReportImporter.State state)
    {
        if (pending.Any(p => Regex.IsMatch(p.Text, @"\d")))
            state.Note(pending[0].Line, $"raderna {pending[0].Line}–{pending[^1].Line} slutade inte som en tabellrad och lästes som löptext: \"{Short(pending[0].Text.Trim())}\"");
        return pending[0].Line - 1;
    }

    private static bool EndsTable(string clean) =>
        ReportImporter.IsHeading(clean) || ReportImporter.EndsGoalTree(clean) || ReportImporter.IsRatingLine(clean);

    [GeneratedRegex(@"^(?:Analys|Kommentar)\s*:?\s+(?<text>\S.*)$")]
    private static partial Regex NoteLabel();

    /// <summary>An activity row whose date cells are empty: the name, and the deviation flag if the name ends with it.</summary>
    private static bool PlaceDateless(List<(string Text, int Line)> pending, ReportImporter.State state)
    {
        var name = Regex.Replace(string.Join(' ', pending.Select(p => p.Text.Trim())), @"\s+", " ").Trim();
        if (name.Length == 0 || !char.IsUpper(name[0])) return false;
        var row = new RawRow(pending[0].Line);
        if (Regex.Match(name, @"^(?<name>.+?)\s+Avvikelse$") is { Success: true } flagged)
        {
            name = flagged.Groups["name"].Value;
            row.Cells["avvikelse"] = "true";
        }
        row.Name = name;
        state.Note(row.Line, $"aktiviteten \"{Short(name)}\" har inga datum i rapporten");
        Place(row, indicator: false, state);
        return true;
    }

    private static readonly string[] ActivityKeys = ["namn", "start", "slut", "avvikelse"];

    /// <summary>Whether <paramref name="line"/> ends with <paramref name="date"/>, a space and <paramref name="text"/>: the cell stands on the dates' line.</summary>
    private static bool EndsLine(string line, string date, string text)
    {
        var rest = line.TrimEnd();
        if (!rest.EndsWith(text, StringComparison.Ordinal)) return false;
        rest = rest[..^text.Length];
        return rest.Length > rest.TrimEnd().Length && rest.TrimEnd().EndsWith(date, StringComparison.Ordinal);
    }

    /// <summary>
    /// A line that can only be an activity's Avvikelse cell standing apart from its row: it is not indented as a row's
    /// first line is, and it is a mark or a word the cell holds, or a short text ("Se analys": three words at most, no
    /// figure, no sentence).
    /// </summary>
    private static bool IsCellApart(string raw, string clean) =>
        raw.Length > 0 && !char.IsWhiteSpace(raw[0]) && IsCellText(clean);

    private static bool IsCellText(string text) =>
        Deviation(text) is not null ||
        (text.Length <= 30 && char.IsLetter(text[0]) && !text.Any(char.IsDigit) && !text.EndsWith('.') && text.Split(' ').Length <= 3);

    [GeneratedRegex(@"^(?<cell>\S.*?)\s+(?<dates>" + Date + @"\s+" + Date + @"\s*)$")]
    private static partial Regex CellThenDates();

    /// <summary>
    /// After an activity's name and a blank line, the Avvikelse cell before the dates: on their line ("Se analys
    /// 2023-01-01 2023-06-30", the dates then read on their own), or on a line of its own when the dates' line comes next.
    /// </summary>
    private static (string Cell, string? Dates)? CellApart(string raw, string clean, string[] lines, int i)
    {
        if (raw.Length == 0 || char.IsWhiteSpace(raw[0])) return null;
        if (CellThenDates().Match(clean) is { Success: true } m)
            return IsCellText(m.Groups["cell"].Value) ? (m.Groups["cell"].Value, m.Groups["dates"].Value) : null;
        if (!IsCellApart(raw, clean)) return null;
        var next = lines.Skip(i + 1).Select(ReportImporter.Clean).FirstOrDefault(l => l.Length > 0);
        return next is not null && DatesFirst().IsMatch(next) ? (clean, null) : null;
    }

    /// <summary>
    /// Places the activity when its dates have come. The Avvikelse cell is what follows the dates on their line or, when
    /// nothing does, <paramref name="cellAbove"/>; <paramref name="emptyCell"/> says it was empty, so that it may stand below.
    /// In a table with a Status column (<paramref name="statusColumn"/>) that cell stands beside it and is left; so is the cell
    /// of a column not known after Avvikelse (<paramref name="otherAfterFlag"/>: <see cref="FlagBeforeOther"/>).
    /// </summary>
    private static bool TryPlaceActivity(List<(string Text, int Line)> pending, ReportImporter.State state, string? cellAbove, bool statusColumn, bool otherAfterFlag, out bool emptyCell)
    {
        emptyCell = false;
        var joined = string.Join(' ', pending.Select(p => p.Text.Trim()));
        var m = ActivityDates().Match(joined);
        if (!m.Success) return false;
        // The Avvikelse cell is what follows the dates on their line, read as the tab layout reads it: a flag, a no, a
        // dash or empty words, or other text, which is noted and flags nothing. Text after the dates that runs onto a
        // later line is not this row's.
        var flag = m.Groups["flag"].Value;
        if (flag.Length > 0 && Deviation(flag) is null && !EndsLine(pending[^1].Text, m.Groups["end"].Value, flag)) return false;
        if (statusColumn) flag = WithoutActivityStatus(flag);
        if (otherAfterFlag) flag = FlagBeforeOther(flag);
        if (flag.Length == 0) flag = cellAbove ?? "";
        emptyCell = flag.Length == 0;
        var line = pending[0].Line;
        var name = Regex.Replace(m.Groups["before"].Value, @"\s+", " ").Trim();
        var row = Row(line, ActivityKeys, [name, m.Groups["start"].Value, m.Groups["end"].Value, flag], state);
        if (row.Name.Length == 0) state.Note(line, "aktivitetsraden saknar namn");
        else Place(row, indicator: false, state);
        return true;
    }

    /// <summary>
    /// The Avvikelse cell where a column not known follows it ("Avvikelse Se analys"): the first word or two when they are
    /// such a cell ("Avvikelse", "Ingen avvikelse", "–"), else none – the words are the other column's, which is left.
    /// </summary>
    private static string FlagBeforeOther(string cells)
    {
        var words = cells.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var n = Math.Min(2, words.Length); n >= 1; n--)
            if (Deviation(string.Join(' ', words[..n])) is not null) return string.Join(' ', words[..n]);
        return "";
    }

    /// <summary>
    /// Places the row when its last cell is complete: the Period cell with its year (or the last column's cell,
    /// in a table without Period). A reading that does not fit the columns exactly is placed only when the row
    /// holds a value besides the period, and its cells are marked uncertain. A Status or unit cell (<see cref="ColumnHeaders.IsLeft"/>)
    /// is left: a Status cell after the last cell (<paramref name="statusLast"/>) or among the others.
    /// </summary>
    private static bool TryPlaceIndicator(List<(string Text, int Line)> pending, List<string> columns, bool statusLast, bool otherLast, ReportImporter.State state, IEnumerable<string> next)
    {
        var atoms = FlatCells.Fold(FlatCells.Atoms(pending));
        if (otherLast) atoms = FlatCells.WithoutTail(atoms);
        if (statusLast) atoms = FlatCells.WithoutStatus(atoms);
        if (atoms.Count < 2) return false;
        var last = columns[^1];
        if (last == "period" && !EndsWithPeriod(atoms, state, next)) return false;
        var readings = FlatCells.Read(atoms, columns);
        if (readings.Count == 0) return false;
        var best = readings[0];
        if (!best.Exact && (last != "period" || best.Cells.Count(c => c.Column != "period") == 0)) return false;
        var firstCell = best.Cells.Count == 0 ? atoms.Count : best.Cells.Min(c => c.From);
        if (firstCell == 0) return false;

        var line = pending[0].Line;
        var row = new RawRow(line) { Name = FlatCells.Join(atoms, 0, firstCell) };
        foreach (var cell in best.Cells)
        {
            if (ColumnHeaders.IsLeft(cell.Column)) continue;
            if (cell.Column is "period" or "periodicitet") SetPeriodicity(row, cell.Column, cell.Text, line, state);
            else row.Cells[cell.Column] = cell.Text;
        }
        var where = pending.Count == 1 ? $"rad {line}" : $"rad {line}–{pending[^1].Line}";
        if (!best.Exact)
        {
            foreach (var cell in best.Cells.Where(c => c.Column != "period" && !ColumnHeaders.IsLeft(c.Column)))
                row.Uncertain[cell.Column] = $"{where}: mellanrummen räcker inte för att placera värdena i tabellens {columns.Count} kolumner; \"{cell.Text}\" lästes som {Layout.ColumnTitle(cell.Column)}";
            state.Note(line, $"indikatorn \"{Short(row.Name)}\": värdena kunde inte placeras säkert efter mellanrummen och lästes som {string.Join(", ", best.Cells.Select(c => c.Column))} – kontrollera mot rapporten");
        }
        else
        {
            // Readings as good as the best that put another text in a column: that column is uncertain.
            foreach (var rival in readings.Skip(1).TakeWhile(r => r.Penalty == best.Penalty))
            {
                foreach (var column in columns)
                {
                    var mine = best.Cells.FirstOrDefault(c => c.Column == column)?.Text;
                    var theirs = rival.Cells.FirstOrDefault(c => c.Column == column)?.Text;
                    if (mine != theirs && !row.Uncertain.ContainsKey(column))
                        row.Uncertain[column] = $"{where}: mellanrummen avgör inte cellen; lästes som \"{mine ?? "tom"}\", kan också vara \"{theirs ?? "tom"}\"";
                }
                var theirName = FlatCells.Join(atoms, 0, rival.Cells.Count == 0 ? atoms.Count : rival.Cells.Min(c => c.From));
                if (theirName != row.Name && !row.Uncertain.ContainsKey("namn"))
                    row.Uncertain["namn"] = $"{where}: var namnet slutar avgörs inte av mellanrummen; kan också vara \"{theirName}\"";
            }
            if (row.Uncertain.Count > 0)
                state.Note(line, $"indikatorn \"{Short(row.Name)}\": {row.Uncertain.Count} cell(er) kunde läsas på mer än ett sätt – kontrollera mot rapporten");
        }
        if (atoms.Any(a => a.Marked))
            state.Note(line, $"fotnotstecken på raden \"{Short(row.Name)}\" lämnades");
        Place(row, indicator: true, state);
        return true;
    }

    /// <summary>The lines with text after line index <paramref name="i"/>, read as they are needed.</summary>
    private static IEnumerable<string> NextTexts(string[] lines, int i) =>
        lines.Skip(i + 1).Select(ReportImporter.Clean).Where(l => l.Length > 0);

    /// <summary>
    /// The row's last words complete a Period cell: a year of the report's (not any four digits, like 1945 GWh), or a
    /// periodicity ("År", "Helår", or "Tertial" when its "1 2026" does not follow among the wrapped rests of the row's
    /// cells below it: "av", "nämnd/s", "tyrelse", a unit).
    /// </summary>
    private static bool EndsWithPeriod(List<FlatCells.Atom> atoms, ReportImporter.State state, IEnumerable<string> next)
    {
        var year = atoms[^1].Text;
        if (char.IsUpper(year[0]))
        {
            if (PeriodCell.Of(year) is not { } periodicity) return false;
            if (periodicity != Periodicity.Tertial) return true;
            foreach (var line in next.Take(6))
            {
                if (Regex.IsMatch(line, @"^(?:[123],? )?\d{4}$")) return false;
                if (line.Split(' ').Length > 2 || char.IsUpper(line[0])) break; // the next row
            }
            return true;
        }
        if (!Regex.IsMatch(year, @"^\d{4}$")) return false;
        return state.Year is not { } reportYear || Math.Abs(int.Parse(year) - reportYear) <= 1;
    }
}
