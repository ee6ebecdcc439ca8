using System.Text.RegularExpressions;

namespace Assessment.Import;

/// <summary>
/// Tables whose columns are aligned by spaces, as an extraction that keeps the page's layout writes them ("pdftotext
/// -layout"): a cell is words one space apart, cells stand two or more spaces apart, and each stands under its column's
/// heading. A header's cells may wrap onto lines below it ("Utfall män/" / "pojkar"); a row's name, a value ("Tas fram
/// av" / "nämnd") and its analysis wrap onto the lines below the row's first line, each in its column. A cell belongs to
/// the column its text overlaps most (values may be right-aligned or centred under a left-aligned heading), so an empty
/// cell is simply a column with nothing under it.
/// </summary>
internal sealed partial class ColumnLayout : Layout
{
    public override bool WrapsText => true;

    /// <summary>Words one space apart (a no-break space is part of a cell: "14 762 st"): one cell, with where it starts.</summary>
    [GeneratedRegex(@"\S+(?:[ \u00A0\u202F]\S+)*")]
    private static partial Regex Cell();

    private static List<(int Start, int End, string Text)> Cells(string raw) =>
        [.. Cell().Matches(raw).Select(m => (m.Index, m.Index + m.Length, ReportImporter.Clean(m.Value))).Where(c => c.Item3.Length > 0)];

    /// <summary>
    /// A header: a name column's heading, then cells two or more spaces apart of which two at least, and half at least,
    /// are columns the importer knows (the rest may wrap onto the lines below: "Utfall män/"), so that a line of justified
    /// prose ("aktiviteter  under  året.  Totalt …") is none.
    /// </summary>
    public override bool IsTableHeader(string clean, string raw) => HeaderOf(raw) is not null;

    /// <summary>What a header line's table holds (<see cref="IsTableHeader"/>); null where the line is no header.</summary>
    private static bool? HeaderOf(string raw)
    {
        if (raw.Contains('\t') || raw.Contains('|') || Cells(raw) is not { Count: >= 3 } cells || TabLayout.Header(cells.Select(c => c.Text)) is not { } header) return null;
        var known = ColumnHeaders.KeysOf([.. cells.Skip(1).Select(c => c.Text)]).Count(k => k is not null and not "namn");
        return known >= 2 && 2 * known >= cells.Count - 1 ? header.OfIndicators : null;
    }

    /// <summary>
    /// A line below a header that only continues its value columns' headings: every cell a header's words ("pojkar", "helår",
    /// "2025"), none under the name column's (whose heading does not wrap: a line there is a row's).
    /// </summary>
    private static bool ContinuesHeader(string raw, int[] starts) =>
        Cells(raw) is { Count: > 0 } cells && cells.All(c => ColumnOf(c, starts) > 0 && c.Text.Split(' ').All(ColumnHeaders.IsWholeHeaderWord));

    /// <summary>A line's cells, each with the column it stands in (<see cref="ColumnOf"/>).</summary>
    private static List<(int Column, int Start, int End, string Text)> Placed(string raw, int[] starts) =>
        [.. Cells(raw).Select(c => (ColumnOf(c, starts), c.Start, c.End, c.Text))];

    /// <summary>The column a cell stands in: the one its text overlaps most, or the nearest on its left.</summary>
    private static int ColumnOf((int Start, int End, string Text) cell, int[] starts)
    {
        var (best, most) = (0, -1);
        for (var c = 0; c < starts.Length; c++)
        {
            var end = c + 1 < starts.Length ? starts[c + 1] : int.MaxValue;
            var overlap = Math.Min(cell.End, end) - Math.Max(cell.Start, starts[c]);
            if (overlap > most) (best, most) = (c, overlap);
        }
        return best;
    }

    public override int ReadTable(string[] lines, int start, ReportImporter.State state)
    {
        var head = Cells(lines[start]);
        var starts = head.Select(c => c.Start).ToArray();
        var texts = head.Select(c => c.Text).ToList();
        var i = start + 1;
        for (; i < lines.Length && ContinuesHeader(lines[i], starts); i++)
            foreach (var cell in Cells(lines[i])) texts[ColumnOf(cell, starts)] += " " + cell.Text;
        var (header, indicator) = TabLayout.Header(texts) ?? throw new InvalidOperationException("no table header");
        var keys = TabLayout.Keys(header, indicator, start + 1, state);
        Pending? row = null;
        var noteOpen = false;
        void Flush()
        {
            if (row is null) return;
            var read = Row(row.Line, keys, [.. row.Cells.Select(c => string.Join(' ', c))], state);
            read.Notes.AddRange(row.Notes.Where(n => n.Length > 0));
            Place(read, indicator, state);
            row = null;
        }
        for (; i < lines.Length; i++)
        {
            var raw = lines[i];
            var clean = ReportImporter.Clean(raw);
            if (clean.Length == 0)
            {
                if (!GoesOn(lines, i + 1, state, starts)) break;
                continue;
            }
            if (IsPageLine(raw, clean, state)) continue;
            if (HeaderOf(raw) is { } kind)
            {
                if (kind != indicator) break; // another kind of table
                while (i + 1 < lines.Length && ContinuesHeader(lines[i + 1], starts)) i++; // the header repeated at a page break
                continue;
            }
            if (ReportImporter.IsHeading(clean) || ReportImporter.IsRatingLine(clean) || ReportImporter.EndsGoalTree(clean)) break;
            var cellsOnLine = Placed(raw, starts);
            if (TabLayout.NoteLabel(clean) is { } label)
            {
                if (row is null) state.Note(i + 1, $"analysen \"{Short(clean)}\" hör inte till någon rad");
                else row.Notes.Add(OneSpaced(clean[label.Length..]));
                noteOpen = row is not null;
                continue;
            }
            if (noteOpen && IsProse(cellsOnLine, starts))
            {
                row!.Notes[^1] = $"{row.Notes[^1]} {OneSpaced(clean)}".Trim(); // the analysis wraps as prose, over the row's columns
                continue;
            }
            noteOpen = false;
            if (cellsOnLine.Any(c => c.Column > 0) && IsProse(cellsOnLine, starts)) break; // the goal's text after the table
            // A name with values starts a row (rows are set from their top line). A name alone continues the row's name, and
            // so does one beside values that all carry on a cell in lower case ("Stockholmsjobb" beside "nämnd/styrelse", the
            // tail of "Tas fram av"); values alone continue their cells.
            var named = cellsOnLine.Any(c => c.Column == 0);
            var tails = row is not null && cellsOnLine.Where(c => c.Column > 0).All(c => CarriesOn(c.Text, row.Cells[c.Column]));
            if (named && (row is null || !tails))
            {
                Flush();
                row = new Pending(i + 1, starts.Length);
            }
            if (row is null)
            {
                state.Note(i + 1, $"texten \"{Short(clean)}\" i tabellen hör inte till någon rad");
                continue;
            }
            foreach (var cell in cellsOnLine) row.Cells[cell.Column].Add(cell.Text);
        }
        Flush();
        return i;
    }

    /// <summary>
    /// A line of prose, not a row's: a row's cells each stand inside their column and its values at the column's edge –
    /// starting where its heading starts or, right-aligned, ending where the next column begins – where the words of text
    /// set justified stand wherever the spaces that widen the line put them.
    /// </summary>
    private static bool IsProse(List<(int Column, int Start, int End, string Text)> cells, int[] starts)
    {
        if (cells.All(c => c.Column == 0)) return true; // after an analysis, text under the names is its last line
        return !cells.All(c => c.Column is var k && (k + 1 == starts.Length || c.End < starts[k + 1]) && (k == 0 || Math.Abs(c.Start - starts[k]) <= 1
            || (k + 1 < starts.Length ? starts[k + 1] - c.End is >= 1 and <= 3 : c.Start >= starts[k])));
    }

    private static string OneSpaced(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>
    /// Whether a value on a line below a row's first carries on the row's cell in its column: it starts in lower case ("av
    /// nämnd"), or it is the year that a cell without one wraps to ("Tertial 1" / "2026").
    /// </summary>
    private static bool CarriesOn(string text, List<string> above) =>
        ReportImporter.StartsInLowerCase(text) || (above.Count > 0 && WrappedYear().IsMatch(text) && !above.Any(a => Year().IsMatch(a)));

    [GeneratedRegex(@"^(?:[12] )?\d{4}$")]
    private static partial Regex WrappedYear();

    [GeneratedRegex(@"\b\d{4}\b")]
    private static partial Regex Year();

    /// <summary>Whether the table goes on after blank lines: the next line is a row's, a note's, a page's or the header again.</summary>
    private static bool GoesOn(string[] lines, int i, ReportImporter.State state, int[] starts)
    {
        while (i < lines.Length && ReportImporter.Clean(lines[i]).Length == 0) i++;
        if (i >= lines.Length) return false;
        var (raw, clean) = (lines[i], ReportImporter.Clean(lines[i]));
        if (IsPageLine(raw, clean, state) || HeaderOf(raw) is not null || TabLayout.NoteLabel(clean) is not null) return true;
        var cells = Placed(raw, starts);
        return cells.Any(c => c.Column > 0) && !IsProse(cells, starts) && !ReportImporter.IsHeading(clean);
    }

    /// <summary>A row being read: its first line, each column's text line by line, its analysis.</summary>
    private sealed class Pending(int line, int columns)
    {
        public int Line { get; } = line;
        public List<string>[] Cells { get; } = [.. Enumerable.Range(0, columns).Select(_ => new List<string>())];
        public List<string> Notes { get; } = [];
    }
}
