using Assessment.Domain.Model;
using System.Text;
using System.Text.RegularExpressions;
using Assessment.Import;

namespace Assessment.Tests.Import;

/// <summary>
/// Writes a dataset back as the text a PDF extraction gives of a district report, with tables flattened to
/// spaces: the layout of the seed annual report, generalised to any period's columns. Each table's header
/// wraps over several lines; a row's name wraps at <see cref="NameWidth"/>; its values stand on one line with
/// one space between neighbouring cells and one more per empty cell; wrapped cells ("Tas fram" / "av" /
/// "nämnd", "Tertial" / "1 2026") continue below. Options add the habits other districts' reports show.
/// </summary>
public sealed record FlatReportWriter
{
    /// <summary>Width at which a row's name wraps.</summary>
    public int NameWidth { get; init; } = 26;

    /// <summary>Width at which prose wraps.</summary>
    public int TextWidth { get; init; } = 90;

    /// <summary>Every n-th indicator row's name is cut by a page break: footer and repeated header inside the name (0: never).</summary>
    public int PageBreakEvery { get; init; }

    /// <summary>Every n-th activity name is cut by a page break (0: never).</summary>
    public int ActivityPageBreakEvery { get; init; }

    /// <summary>A unit of a cell in the middle of a row goes to its own line, and the row's other values follow it.</summary>
    public bool WrapUnits { get; init; }

    /// <summary>A name that fits on one line stands on the values line, before the first value ("Sjukfrånvaro 7,6 % 5,7 % …").</summary>
    public bool NameOnValueLine { get; init; }

    /// <summary>
    /// The values (an activity's dates) stand beside the middle of a name wrapped over several lines, as an extraction that
    /// reads a row from top to bottom gives them: the name's first lines (half of them, at least one), the values, then the rest of the name.
    /// Not in a table's last row where the rest starts in upper case ("… kompetens inom" / values / "HR-området …"): text
    /// between a table and the next is read as the goal's, so that row keeps its values after the name; nor in an activity
    /// whose rest starts in upper case (a sentence of its own): a name without dates is an activity without dates.
    /// </summary>
    public bool ValuesMidName { get; init; }

    /// <summary>"Nämndmål: 1.2.1 Titel" loses its number ("Nämndmål: Titel") or, with <see cref="DropBoardPrefix"/>, its label too.</summary>
    public bool DropBoardNumbers { get; init; }

    public bool DropBoardPrefix { get; init; }

    /// <summary>The activity table's header wraps after "Startdatum".</summary>
    public bool SplitActivityHeader { get; init; }

    /// <summary>A line above each table that labels it, as some reports set one: whether it holds indicators and the table's number (from 1) in, the label out ("Indikatorer"; null: none).</summary>
    public Func<bool, int, string?>? TableLabel { get; init; }

    private int _tables;

    /// <summary>A column "Status" between the dates and Avvikelse, as other districts' activity tables have it: the activity's number (from 1) in, the cell's text out (null: empty).</summary>
    public Func<int, string?>? ActivityStatus { get; init; }

    /// <summary>A goal's heading as another district or year writes it ("Inriktningsmål 2: Titel"); null: the seed's form.</summary>
    public Func<RawGoal, string>? Heading { get; init; }

    /// <summary>The indicator table's value columns in the report's order (dataset keys); null: the city's template for the period.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>The gender columns' headers as one word each ("Män", "Kvinnor") instead of "Utfall män/ pojkar".</summary>
    public bool ShortGenderHeaders { get; init; }

    /// <summary>A value cell as the report writes it (decimal point, footnote marker …): column key and text in, text out.</summary>
    public Func<string, string, string>? CellText { get; init; }

    /// <summary>A word written in every empty value cell ("–", "Ej mätt"), where the seed leaves spaces.</summary>
    public string? EmptyCell { get; init; }

    /// <summary>A row's name as the report writes it (a footnote marker after it): row number and name in, name out.</summary>
    public Func<int, string, string>? NameText { get; init; }

    /// <summary>The Period cell as the report writes it ("T1 2026", "År"): the seed's form in ("Tertial 1 2026", "2026").</summary>
    public Func<string, string>? PeriodCell { get; init; }

    /// <summary>Every n-th indicator row starts a new page: the page's footer and the next page's running header stand between two rows (0: never).</summary>
    public int PageBetweenRowsEvery { get; init; }

    /// <summary>
    /// The lines a page break between rows leaves (footer, running header); {0} is the page number, {district} the
    /// district, {title} the report's title ("Tertialrapport 1 2026") and {period} its short name ("T1 2026").
    /// </summary>
    public string PageBetweenRows { get; init; } = "{district}, {title} {0}(90) \n\n";

    /// <summary>
    /// A column "Status" the dataset does not hold, as other districts' reports have it: the row's number (from 1) in, the
    /// cell's text out ("Grön", "Delvis uppfyllt"; null: empty). Written where <see cref="Columns"/> has "status".
    /// </summary>
    public Func<int, string?>? Status { get; init; }

    /// <summary>
    /// Columns the importer does not know, written where <see cref="Columns"/> has their heading after a "?" ("?Trend"):
    /// the heading and the row's number (from 1) in, the cell's text out (null: empty). The heading, one short word, stands
    /// on the line of the heading before it, as a short heading on the header's top line does.
    /// </summary>
    public Func<string, int, string?>? Other { get; init; }

    /// <summary>A column "Enhet" the dataset does not hold, as some reports give each indicator's unit: the row in, the cell's text out ("%", "antal"; null: empty). Written where <see cref="Columns"/> has "enhet".</summary>
    public Func<RawRow, string?>? Unit { get; init; }

    /// <summary>The word an Avvikelse cell holds for a flagged activity ("Avvikelse", "X", "✔").</summary>
    public string DeviationFlag { get; init; } = "Avvikelse";

    /// <summary>The word an Avvikelse cell holds for an activity without deviation ("Nej", "–"); null: the seed's empty cell.</summary>
    public string? DeviationNone { get; init; }

    /// <summary>A word of one letter in a wrapped name ("i", "å") stands on a line of its own, as a narrow column can set it.</summary>
    public bool LoneLetterLines { get; init; }

    /// <summary>A column "Kommentar" after Avvikelse, as some districts' activity tables have it: the activity's number (from 1) in, the cell's text out (null: empty).</summary>
    public Func<int, string?>? ActivityComment { get; init; }

    /// <summary>Each table's header as the report spells it ("Arsmål" for "Årsmål", "KF:s indikator"): the header's text in, text out.</summary>
    public Func<string, string>? HeaderText { get; init; }

    /// <summary>A column's header as the report wraps it, one entry per line (column key and the year before the report's in; null: the seed's).</summary>
    public Func<string, string, string[]?>? HeaderCell { get; init; }

    /// <summary>The header's wrapped cells written line by line across the row, as another extraction gives them: every cell's first line, then every second line.</summary>
    public bool HeaderAcross { get; init; }

    /// <summary>Where the extraction puts an activity's Avvikelse cell: after the dates on their line (the seed), on the next line, before the dates on their line, or on a line of its own above the dates.</summary>
    public DeviationPlace DeviationAt { get; init; }

    /// <summary>An activity's name starts at the line's start, as the Avvikelse cell does, not indented as in the seed.</summary>
    public bool UnindentedActivities { get; init; }

    public enum DeviationPlace { AfterDates, NextLine, BeforeDates, LineAbove }

    /// <summary>A goal's rating line as the report writes it ("Målet uppfylls delvis"): the rating word in, the line out; null: "Uppfylls delvis".</summary>
    public Func<string, string>? RatingLine { get; init; }

    private int _rows;
    private int _activities;

    /// <summary>The report's title as the report spells it ("Verksamhetsberättelse för 2023", in capitals): the city template's title in, text out.</summary>
    public Func<string, string>? TitleText { get; init; }

    /// <summary>
    /// Tables with their columns aligned by spaces, as an extraction that keeps the page's layout writes them ("pdftotext
    /// -layout"), instead of flattened: each cell wrapped in its column's width, a row's lines side by side, two spaces at
    /// least between columns. The header's cells wrap as <see cref="HeaderLines"/> gives them.
    /// </summary>
    public bool AlignedColumns { get; init; }

    /// <summary>With <see cref="AlignedColumns"/>, values right-aligned in their columns (the headings stay left-aligned).</summary>
    public bool RightAlignedValues { get; init; }

    /// <summary>
    /// Prose set justified, as a layout-keeping extraction gives it: each line of a paragraph or a row's analysis but the last
    /// widened to <see cref="TextWidth"/> by spaces between its words (headings are not).
    /// </summary>
    public bool JustifiedText { get; init; }

    /// <summary>With <see cref="AlignedColumns"/>, a blank line between two rows.</summary>
    public bool BlankBetweenRows { get; init; }

    public string Write(RawDataset dataset)
    {
        var kind = dataset.Period.Split(' ')[0];
        var year = dataset.Period.Split(' ')[1];
        var title = kind switch
        {
            "T1" or "T2" => $"Tertialrapport {kind[1]} {year}",
            "VB" => $"Verksamhetsberättelse {year}",
            _ => $"Verksamhetsplan {year}",
        };
        title = TitleText?.Invoke(title) ?? title;
        var text = new StringBuilder();
        text.Append(dataset.District).Append(", ").Append(title).AppendLine(" ").AppendLine();
        foreach (var direction in dataset.Goals) Goal(text, direction, kind, year, title, dataset.District);
        text.AppendLine("Uppföljning av ekonomi ");
        return text.ToString();
    }

    private void Goal(StringBuilder text, RawGoal goal, string kind, string year, string title, string district)
    {
        var heading = Heading is { } written ? written(goal) : goal.Level switch
        {
            GoalLevel.DirectionGoal => $"KF:s inriktningsmål: {goal.Id}. {goal.Title}",
            GoalLevel.ServiceAreaGoal => $"KF:s mål för verksamhetsområdet: {goal.Id} {goal.Title}",
            _ when DropBoardPrefix => goal.Title,
            _ when DropBoardNumbers => $"Nämndmål: {goal.Title}",
            _ => $"Nämndmål: {goal.Id} {goal.Title}",
        };
        Wrap(text, heading, TextWidth);
        text.AppendLine();
        if (goal.Recorded is { } rating) text.Append(' ').Append(RatingLine?.Invoke(rating) ?? $"Uppfylls {rating}").AppendLine(" ").AppendLine();
        if (goal.Description.Count > 0)
        {
            text.AppendLine("Beskrivning ").AppendLine();
            Paragraphs(text, goal.Description);
        }
        if (goal.ExpectedResults.Count > 0)
        {
            text.AppendLine("Förväntat resultat ").AppendLine();
            foreach (var expected in goal.ExpectedResults) Wrap(text, "• " + expected, TextWidth);
            text.AppendLine();
        }
        if (goal.Analysis.Count > 0)
        {
            text.AppendLine(" Analys ").AppendLine();
            Paragraphs(text, goal.Analysis);
        }
        var footer = $"{district}, {title} 7(90) ";
        var pageBreak = PageBetweenRows.Replace("{district}", district).Replace("{title}", title).Replace("{period}", $"{kind} {year}");
        if (goal.Indicators.Count > 0) Indicators(text, goal.Indicators, kind, year, footer, pageBreak);
        if (goal.Activities.Count > 0) Activities(text, goal.Activities, footer);
        foreach (var child in goal.Children) Goal(text, child, kind, year, title, district);
    }

    private void Paragraphs(StringBuilder text, List<string> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            Prose(text, paragraph);
            text.AppendLine();
        }
    }

    /// <summary>A paragraph wrapped at <see cref="TextWidth"/>, with <see cref="JustifiedText"/> each line but the last widened to it by spaces between its words.</summary>
    private void Prose(StringBuilder text, string paragraph)
    {
        var lines = Lines(paragraph, TextWidth);
        for (var k = 0; k < lines.Count; k++)
        {
            var words = lines[k].Split(' ');
            var (spaces, gaps) = (TextWidth - words.Sum(w => w.Length), words.Length - 1);
            text.Append(JustifiedText && k < lines.Count - 1 && gaps > 0
                ? string.Concat(words.Select((w, n) => n == 0 ? w : new string(' ', spaces / gaps + (n <= spaces % gaps ? 1 : 0)) + w))
                : lines[k]).AppendLine(" ");
        }
    }

    /// <summary>Words of a line as the extraction writes them: each line ends with a space.</summary>
    private static void Wrap(StringBuilder text, string line, int width, string indent = "")
    {
        foreach (var part in Lines(line, width)) text.Append(indent).Append(part).AppendLine(" ");
    }

    private static List<string> Lines(string line, int width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current);
                current = word;
            }
            else current = current.Length == 0 ? word : $"{current} {word}";
        }
        if (current.Length > 0) lines.Add(current);
        return lines;
    }

    /// <summary>A row's name wrapped at <paramref name="width"/>, with <see cref="LoneLetterLines"/> a one-letter word on a line of its own.</summary>
    private List<string> NameLines(string name, int width) =>
        !LoneLetterLines ? Lines(name, width)
            : [.. Lines(name, width).SelectMany(line => System.Text.RegularExpressions.Regex.Split(line, @"(?:^| )(\p{L})(?= |$) ?").Where(part => part.Length > 0))];

    private static List<string> IndicatorColumns(string kind) => kind switch
    {
        "T1" or "T2" => ["utfall", "utfall_man", "utfall_kvinnor", "utfall_forra_aret", "prognos", "arsmal", "kf_arsmal", "period"],
        "VB" => ["utfall", "utfall_man", "utfall_kvinnor", "utfall_forra_aret", "arsmal", "kf_arsmal", "period"],
        _ => ["arsmal", "kf_arsmal", "periodicitet"],
    };

    /// <summary>The header as the extraction flattens its wrapped cells: the first line of each, then the rest.</summary>
    private static string IndicatorHeader(string kind, string year) => kind switch
    {
        "T1" or "T2" => $"   Indikator Periodens \nutfall \n\nUtfall \nmän/ \npojkar \n\nUtfall \nkvinnor/ \nflickor \n\nUtfall VB \n{int.Parse(year) - 1} Prognos \n\nhelår Årsmål KF:s \n\nårsmål Period \n\n",
        "VB" => $"   Indikator Periodens \nutfall \n\nUtfall \nmän/ \npojkar \n\nUtfall \nkvinnor/ \nflickor \n\nUtfall VB \n{int.Parse(year) - 1} Årsmål KF:s \n\nårsmål Period \n\n",
        _ => $"   Indikator Årsmål KF:s årsmål \når {year} Periodicitet \n\n",
    };

    /// <summary>A column's header as the report wraps it, one entry per line.</summary>
    private string[] HeaderLines(string column, string year) => HeaderCell?.Invoke(column, $"{int.Parse(year) - 1}") ?? column switch
    {
        "utfall" => ["Periodens", "utfall"],
        "utfall_man" => ShortGenderHeaders ? ["Män"] : ["Utfall", "män/", "pojkar"],
        "utfall_kvinnor" => ShortGenderHeaders ? ["Kvinnor"] : ["Utfall", "kvinnor/", "flickor"],
        "utfall_forra_aret" => ["Utfall VB", $"{int.Parse(year) - 1}"],
        "prognos" => ["Prognos", "helår"],
        "arsmal" => ["Årsmål"],
        "kf_arsmal" => ["KF:s", "årsmål"],
        "period" => ["Period"],
        "periodicitet" => ["Periodicitet"],
        "status" => ["Status"],
        "enhet" => ["Enhet"],
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    private void Indicators(StringBuilder text, List<RawRow> rows, string kind, string year, string footer, string pageBreak)
    {
        // The seed's header (its header cells interleaved as the extraction wrote them), or the given columns' headers in turn.
        var (first, cellLines) = ("   Indikator", new List<string[]>());
        foreach (var column in Columns ?? IndicatorColumns(kind))
        {
            if (column[0] != '?') cellLines.Add(HeaderLines(column, year));
            else if (cellLines.Count == 0) first += " " + column[1..];
            else cellLines[^1] = [.. cellLines[^1][..^1], $"{cellLines[^1][^1]} {column[1..]}"];
        }
        var header = Columns is null && !ShortGenderHeaders && HeaderCell is null && !HeaderAcross
            ? IndicatorHeader(kind, year)
            : HeaderAcross
                ? first + " " + string.Join(" \n", Enumerable.Range(0, cellLines.Max(l => l.Length))
                    .Select(k => string.Join(' ', cellLines.Where(l => l.Length > k).Select(l => l[k])))) + " \n\n"
                : first + " " + string.Join(" \n", cellLines.Select(l => string.Join(" \n", l))) + " \n\n";
        header = HeaderText?.Invoke(header) ?? header;
        if (TableLabel?.Invoke(true, ++_tables) is { } label) text.Append(label).Append(" \n\n");
        var columns = Columns ?? IndicatorColumns(kind);
        if (AlignedColumns)
        {
            Aligned(text, [["Indikator"], .. columns.Select(c => HeaderLines(c, year))], rows.Select(row =>
                (row, (List<string?>)[row.Name, .. columns.Select(c => c == "period" ? Period(row, kind, year) : row.Cells.GetValueOrDefault(c))])), pageBreak);
            return;
        }
        text.Append(header);
        foreach (var row in rows)
        {
            _rows++;
            var lastRow = row == rows[^1];
            if (PageBetweenRowsEvery > 0 && _rows % PageBetweenRowsEvery == 0)
                text.AppendLine().Append(pageBreak.Replace("{0}", $"{_rows / PageBetweenRowsEvery + 4}")).AppendLine().Append(header);
            text.AppendLine("  ").AppendLine(" ").AppendLine();
            var name = NameLines(NameText?.Invoke(_rows, row.Name) ?? row.Name, NameWidth);
            var cells = columns.Select(c => c switch
            {
                ['?', ..] => Other?.Invoke(c[1..], _rows) ?? EmptyCell, // columns the importer does not know
                "status" => Status?.Invoke(_rows) ?? EmptyCell, // columns the dataset does not hold
                "enhet" => Unit?.Invoke(row) ?? EmptyCell,
                "period" => Period(row, kind, year) is { } period ? PeriodCell?.Invoke(period) ?? period : null,
                _ when row.Cells.GetValueOrDefault(c) is { } cell => CellText?.Invoke(c, cell) ?? cell,
                "periodicitet" => null,
                _ => EmptyCell,
            }).ToList();
            if (NameOnValueLine && name.Count == 1)
            {
                ValueLines(text, cells, "  " + name[0]);
                Notes(text, row);
                continue;
            }
            var before = ValuesMidName && name.Count > 1 ? Math.Max(1, name.Count / 2) : name.Count;
            if (lastRow && before < name.Count && !char.IsLower(name[before].TrimStart()[0])) before = name.Count;
            for (var n = 0; n < before; n++)
            {
                if (n == 1 && PageBreakEvery > 0 && _rows % PageBreakEvery == 0)
                    text.AppendLine().AppendLine(footer).AppendLine().AppendLine().Append(header);
                text.Append(name[n]).AppendLine(" ");
            }
            text.AppendLine();
            ValueLines(text, cells);
            if (before < name.Count)
            {
                foreach (var line in name.Skip(before)) text.Append(line).AppendLine(" ");
                text.AppendLine();
            }
            Notes(text, row);
        }
    }

    /// <summary>
    /// A table with its columns aligned (<see cref="AlignedColumns"/>): the name column 44 wide, the others as wide as their
    /// heading's longest line or their longest word (10 at least), and two spaces.
    /// </summary>
    private void Aligned(StringBuilder text, string[][] header, IEnumerable<(RawRow Row, List<string?> Cells)> table, string? pageBreak = null)
    {
        var rows = table.ToList();
        var widths = header.Select((h, c) => c == 0 ? 44 : new[] { 10 }.Concat(h.Select(l => l.Length))
            .Concat(rows.SelectMany(r => (r.Cells[c] ?? "").Split(' ')).Select(w => w.Length)).Max() + 2).ToArray();
        void SideBySide(IReadOnlyList<List<string>> cells, bool values, string indent = "")
        {
            for (var k = 0; k < cells.Max(c => c.Count); k++)
            {
                var line = new StringBuilder(k == 0 ? indent : "");
                for (var c = 0; c < cells.Count; c++)
                {
                    var part = k < cells[c].Count ? cells[c][k] : "";
                    var width = widths[c] - (c == 0 && k == 0 ? indent.Length : 0);
                    line.Append(values && c > 0 && RightAlignedValues ? part.PadLeft(width - 2) + "  " : part.PadRight(width));
                }
                text.Append(line.ToString().TrimEnd()).AppendLine();
            }
        }
        SideBySide([.. header.Select(h => h.ToList())], values: false);
        foreach (var (row, cells) in rows)
        {
            if (pageBreak is not null && PageBetweenRowsEvery > 0 && ++_rows % PageBetweenRowsEvery == 0)
            {
                // The page's footer and the next page's running header, set across the page, then the header again.
                text.AppendLine().Append(Regex.Replace(pageBreak.Replace("{0}", $"{_rows / PageBetweenRowsEvery + 4}"), @"(?<=stadsdelsnämnd), ", "                    ")).AppendLine();
                SideBySide([.. header.Select(h => h.ToList())], values: false);
            }
            if (BlankBetweenRows) text.AppendLine();
            SideBySide([.. cells.Select((cell, c) => cell is null ? [] : Lines(cell, widths[c] - (c == 0 ? 4 : 2)))], values: true, indent: "  ");
            Notes(text, row);
        }
        text.AppendLine();
    }

    private void Notes(StringBuilder text, RawRow row)
    {
        if (row.Notes.Count == 0) return;
        text.AppendLine("Analys ");
        Prose(text, string.Join(' ', row.Notes));
        text.AppendLine();
    }

    private static string? Period(RawRow row, string kind, string year) => row.Cells.GetValueOrDefault("periodicitet") switch
    {
        "Tertial" when kind is "T1" or "T2" => $"Tertial {kind[1]} {year}",
        "Tertial" => $"VB {year}",
        "År" => year,
        _ => null,
    };

    /// <summary>
    /// The values line: cells one space apart, one more space per empty cell. A cell that wraps ("Tas fram av
    /// nämnd", "Tertial 1 2026") keeps its first words on the line and continues below; with
    /// <see cref="WrapUnits"/> the unit of a middle cell goes to a line of its own and the rest of the row follows.
    /// </summary>
    private void ValueLines(StringBuilder text, List<string?> cells, string name = "")
    {
        var line = new StringBuilder(name);
        var tails = new List<string>();
        var gap = 0;
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = cells[c];
            if (cell is null)
            {
                gap++;
                continue;
            }
            line.Append(' ', line.Length == 0 ? gap : gap + 1);
            gap = 0;
            var wrapped = WrapCell(cell);
            line.Append(wrapped[0]);
            tails.AddRange(wrapped.Skip(1));
            if (WrapUnits && c < cells.Count - 2 && cell.EndsWith(" %", StringComparison.Ordinal) && tails.Count == 0)
            {
                line.Length -= 2;
                text.Append(line).AppendLine(" ").AppendLine("%").AppendLine();
                line.Clear();
            }
        }
        text.Append(line).AppendLine(" ");
        foreach (var tail in tails) text.Append(tail).AppendLine(" ");
        text.AppendLine();
    }

    private static List<string> WrapCell(string cell) => cell switch
    {
        "Tas fram av nämnd" => ["Tas fram", "av", "nämnd"],
        "Tas fram av nämnd/styrelse" => ["Tas fram", "av", "nämnd/s\ntyrelse"],
        _ when cell.StartsWith("Tertial ", StringComparison.Ordinal) => ["Tertial", cell["Tertial ".Length..]],
        _ => [cell],
    };

    private void Activities(StringBuilder text, List<RawRow> rows, string footer)
    {
        var header = SplitActivityHeader ? "   Aktivitet Startdatum \nSlutdatum Avvikelse \n\n" : "   Aktivitet Startdatum Slutdatum Avvikelse \n\n";
        if (ActivityStatus is not null) header = header.Replace("Slutdatum ", "Slutdatum Status ");
        if (ActivityComment is not null) header = header.Replace("Avvikelse ", "Avvikelse Kommentar ");
        header = HeaderText?.Invoke(header) ?? header;
        if (TableLabel?.Invoke(false, ++_tables) is { } label) text.Append(label).Append(" \n\n");
        if (AlignedColumns)
        {
            Aligned(text, [["Aktivitet"], ["Startdatum"], ["Slutdatum"], ["Avvikelse"]], rows.Select(row => (row, (List<string?>)
                [row.Name, row.Cells.GetValueOrDefault("start"), row.Cells.GetValueOrDefault("slut"), row.Cells.ContainsKey("avvikelse") ? DeviationFlag : null])));
            return;
        }
        text.Append(header);
        foreach (var row in rows)
        {
            _activities++;
            var name = NameLines(row.Name, 64);
            var before = ValuesMidName && name.Count > 1 ? Math.Max(1, name.Count / 2) : name.Count;
            if (before < name.Count && !char.IsLower(name[before].TrimStart()[0])) before = name.Count;
            for (var n = 0; n < before; n++)
            {
                if (n == 1 && ActivityPageBreakEvery > 0 && _activities % ActivityPageBreakEvery == 0)
                    text.AppendLine().AppendLine(footer).AppendLine().Append(header);
                text.Append(n == 0 && !UnindentedActivities ? "  " : "").Append(name[n]).AppendLine(" ");
            }
            text.AppendLine();
            var dates = $"{row.Cells.GetValueOrDefault("start")} {row.Cells.GetValueOrDefault("slut")}";
            if (ActivityStatus?.Invoke(_activities) is { } status) dates = $"{dates} {status}";
            var cell = row.Cells.ContainsKey("avvikelse") ? DeviationFlag : DeviationNone;
            var cells = cell is null ? dates : DeviationAt switch
            {
                DeviationPlace.NextLine => $"{dates} \n{cell}",
                DeviationPlace.BeforeDates => $"{cell} {dates}",
                DeviationPlace.LineAbove => $"{cell} \n{dates}",
                _ => $"{dates} {cell}",
            };
            if (ActivityComment?.Invoke(_activities) is { } comment) cells = $"{cells} {comment}";
            text.Append(cells).AppendLine(" ").AppendLine();
            if (before < name.Count)
            {
                foreach (var line in name.Skip(before)) text.Append(line).AppendLine(" ");
                text.AppendLine();
            }
            Notes(text, row);
        }
    }
}
