using System.Text.RegularExpressions;

namespace Assessment.Import;

/// <summary>
/// Tables flattened to spaces (the annual report's layout): cells run together on wrapped lines and
/// empty cells survive only as runs of spaces. Activities are anchored by their two dates; indicators by
/// the Period cell that ends each row. Values are read from the right (period, KF:s årsmål, årsmål, …);
/// where the row's own spacing cannot tell which cells are empty, the row is placed by judgement and noted.
/// </summary>
internal sealed partial class FlatLayout : Layout
{
    [GeneratedRegex(@"^(?<before>.*?)\s*(?<start>\d{4}-\d{2}-\d{2})\s+(?<end>\d{4}-\d{2}-\d{2})\s*(?<flag>Avvikelse)?\s*$")]
    private static partial Regex ActivityDates();

    [GeneratedRegex(@"^(?<before>.*?)\s*(?<period>VB (?<year>\d{4})|Tertial \d (?<year>\d{4})|(?<year>\d{4}))\s*$")]
    private static partial Regex PeriodAtEnd();

    /// <summary>The Period cell ending a row: a year of the report's period (not any four digits, like 1945 GWh).</summary>
    private static Match RowEndMatch(string text, ReportImporter.State state)
    {
        var m = PeriodAtEnd().Match(text);
        return m.Success && state.Year is { } year && m.Groups["year"].Value != year.ToString() ? Match.Empty : m;
    }

    [GeneratedRegex(@",\s*Verksamhetsberättelse\s+\d+\(\d+\)|^\s*\d+\(\d+\)\s*$")]
    private static partial Regex PageFooter();

    // One value cell: a figure with an optional unit, a direction word, an upper bound, a band, or a deferral.
    [GeneratedRegex(@"(Tas fram av nämnd(/styrelse)?|Fastställs \d{4}|Ökning|Minskning|öka|minska|Max \d[\d ]*(,\d+)? \p{L}+|\+/-\s?\d+(,\d+)? ?%?|[-−]?(?<![\d,\p{L}])(?:\d{1,3}(?: \d{3})+|\d+)(?:,\d+)?(?:\s{0,2}%| ?(?:st|kr|ton|GWh|kWh|barn/avd\.|kg CO2 per kg livsmedel|personer|dagar|timmar|år))?)$")]
    private static partial Regex TrailingValue();

    [GeneratedRegex(@"^(?<rest>\d{1,3}(?: \d{3})*) (?<last>\d{3})(?<unit>\s{0,2}%)?$")]
    private static partial Regex GroupedShare();

    private static readonly string[] IndicatorValueKeys = ["utfall", "utfall_man", "utfall_kvinnor", "utfall_forra_aret", "arsmal", "kf_arsmal"];

    public override bool WrapsText => true;


    public override bool IsTableHeader(string clean, string raw) =>
        clean.StartsWith("Indikator Periodens", StringComparison.Ordinal) ||
        clean.StartsWith("Aktivitet Startdatum Slutdatum", StringComparison.Ordinal);

    public override int ReadTable(string[] lines, int start, ReportImporter.State state)
    {
        var indicator = ReportImporter.Clean(lines[start]).StartsWith("Indikator", StringComparison.Ordinal);
        var i = start + 1;
        if (indicator)
        {
            // The header runs over several lines and ends with "Period".
            while (i < lines.Length && !Regex.IsMatch(lines[i], @"\bPeriod\s*$")) i++;
            i++;
        }
        var pending = new List<(string Text, int Line)>();
        var noteOpen = false;
        for (; i < lines.Length; i++)
        {
            var raw = lines[i];
            var clean = ReportImporter.Clean(raw);
            if (PageFooter().IsMatch(raw)) continue;
            if (clean.Length == 0)
            {
                noteOpen = false; // a note is one run of lines: a blank line ends it
                continue;
            }
            if (EndsTable(clean)) break;
            if (IsTableHeader(clean, raw))
            {
                if (clean.StartsWith("Indikator", StringComparison.Ordinal) != indicator) break;
                while (indicator && i < lines.Length && !Regex.IsMatch(lines[i], @"\bPeriod\s*$")) i++;
                continue;
            }
            if (clean == "Analys")
            {
                state.AwaitingNote = true;
                noteOpen = false;
                continue;
            }
            if (state.AwaitingNote || noteOpen)
            {
                if (state.LastRow is null) state.Note(i + 1, $"analysen \"{Short(clean)}\" hör inte till någon rad");
                else if (noteOpen) state.LastRow.Notes[^1] = $"{state.LastRow.Notes[^1]} {clean}";
                else state.LastRow.Notes.Add(clean);
                state.AwaitingNote = false;
                noteOpen = true;
                continue;
            }
            if (pending.Count == 0 && char.IsLower(clean[0]) && clean.EndsWith('.'))
            {
                // The tail of the paragraph above the table, moved below the header by a page break.
                state.Note(i + 1, $"texten \"{Short(clean)}\" efter tabellhuvudet är slutet på ett stycke ovanför tabellen och lämnades");
                continue;
            }
            if (pending.Count >= (indicator ? 30 : 8))
                return AsText(pending, state); // no row ends here: the table is over and this is running text
            if (pending.Count > 0 && Regex.IsMatch(clean, @"^\p{Ll}$"))
            {
                // A word broken in a narrow column ("livsmede" / "l"): glue the tail back on.
                pending[^1] = (pending[^1].Text.TrimEnd() + clean, pending[^1].Line);
                continue;
            }
            pending.Add((raw, i + 1));
            var joined = string.Join(' ', pending.Select(p => p.Text.Trim()));
            if (indicator ? RowEndMatch(joined, state).Success && EndsWithPeriod(pending, state) : ActivityDates().IsMatch(joined))
            {
                if (indicator) PlaceIndicator(pending, state);
                else PlaceActivity(joined, pending[0].Line, state);
                pending.Clear();
            }
        }
        // Lines after the last row that end no row are the running text after the table: read them as text.
        return pending.Count > 0 ? AsText(pending, state) : i;
    }

    /// <summary>Hands lines that ended no row back to be read as running text, and says so.</summary>
    private static int AsText(List<(string Text, int Line)> pending, ReportImporter.State state)
    {
        if (pending.Any(p => Regex.IsMatch(p.Text, @"\d")))
            state.Note(pending[0].Line, $"raderna {pending[0].Line}–{pending[^1].Line} slutade inte som en tabellrad och lästes som löptext: \"{Short(pending[0].Text.Trim())}\"");
        return pending[0].Line - 1;
    }

    private static bool EndsTable(string clean) =>
        clean.StartsWith("KF:s ", StringComparison.Ordinal) || clean.StartsWith("Nämndmål:", StringComparison.Ordinal)
        || ReportImporter.EndsGoalTree(clean)
        || Regex.IsMatch(clean, @"^Uppfylls (helt|delvis|inte)$");

    /// <summary>An indicator row ends on its own line with the Period cell (not a year inside a name).</summary>
    private static bool EndsWithPeriod(List<(string Text, int Line)> pending, ReportImporter.State state) =>
        RowEndMatch(pending[^1].Text.Trim(), state) is { Success: true } m
        && (m.Groups["before"].Value.Length == 0 || TrailingValue().IsMatch(m.Groups["before"].Value.Trim()));

    private static void PlaceActivity(string joined, int line, ReportImporter.State state)
    {
        var m = ActivityDates().Match(joined);
        var row = new RawRow(line);
        row.Name = Regex.Replace(m.Groups["before"].Value, @"\s+", " ").Trim();
        row.Cells["start"] = m.Groups["start"].Value;
        row.Cells["slut"] = m.Groups["end"].Value;
        if (m.Groups["flag"].Success) row.Cells["avvikelse"] = "true";
        if (row.Name.Length == 0) state.Note(line, "aktivitetsraden saknar namn");
        else Place(row, indicator: false, state);
    }

    /// <summary>
    /// Reads an indicator row from the right: the Period cell, then value cells. When all values stand on
    /// one line, runs of spaces mark the empty cells; otherwise the values fill from the right
    /// (KF:s årsmål, årsmål) and from the left (utfall), and the row is noted as placed by judgement.
    /// </summary>
    private static void PlaceIndicator(List<(string Text, int Line)> pending, ReportImporter.State state)
    {
        var line = pending[0].Line;
        var last = pending[^1].Text.TrimEnd();
        var period = RowEndMatch(last.Trim(), state).Groups["period"].Value;
        var valueLine = last[..^period.Length]; // keeps the spaces before the period: they count empty cells too
        var joined = Regex.Replace(string.Join(' ', pending.Select(p => p.Text.Trim())), @"\s+", " ").Trim();
        var body = joined[..^period.Length].Trim();

        var values = new List<string>();
        var shares = false;
        while (TrailingValue().Match(body) is { Success: true, Length: > 0 } v && values.Count < IndicatorValueKeys.Length)
        {
            // "100 100 %" is two cells, not a thousands-grouped share: no share in the reports reaches 1 000 %.
            // Once a row is seen to hold shares, "100 100" before it is two cells as well.
            if (GroupedShare().Match(v.Value.Trim()) is { Success: true } share && (share.Groups["unit"].Success || shares))
            {
                shares = true;
                values.Insert(0, share.Groups["last"].Value + share.Groups["unit"].Value);
                body = $"{body[..v.Index].TrimEnd()} {share.Groups["rest"].Value}".Trim();
                continue;
            }
            shares |= v.Value.TrimEnd().EndsWith('%');
            values.Insert(0, v.Value.Trim());
            body = body[..v.Index].TrimEnd();
        }
        var row = new RawRow(line);
        row.Name = body;
        if (body.Length == 0)
        {
            state.Note(line, $"indikatorraden \"{Short(joined)}\" saknar namn");
            return;
        }
        if (Layout.PeriodicityOf(period) is { } periodicity) row.Cells["periodicitet"] = periodicity;

        var spaced = SpacedCells(valueLine, values.Count);
        var keys = spaced ?? Judged(values.Count);
        if (spaced is null && values.Count is > 0 and < 6)
            state.Note(line, $"indikatorn \"{Short(body)}\": {values.Count} värden utan säkra kolumngränser lästes som {string.Join(", ", keys)} – kontrollera mot rapporten");
        for (var k = 0; k < values.Count; k++) row.Cells[keys[k]] = values[k];
        Place(row, indicator: true, state);
    }

    /// <summary>When the values stand on one line, a run of n spaces between two values marks n−1 empty cells.</summary>
    private static string[]? SpacedCells(string valueLine, int count)
    {
        if (count == 0) return [];
        var gaps = new List<int>();
        var trailing = valueLine.Length - valueLine.TrimEnd().Length; // spaces between the last value and the period
        var cells = new List<string>();
        var rest = valueLine.TrimEnd();
        for (var k = 0; k < count; k++)
        {
            var m = TrailingValue().Match(rest.TrimEnd());
            if (!m.Success) return null;
            var trimmed = rest.TrimEnd();
            var before = trimmed[..m.Index];
            var spaces = before.Length - before.TrimEnd().Length;
            gaps.Insert(0, spaces);
            cells.Insert(0, m.Value);
            rest = before;
        }
        // The first gap is the one between the name (or line start) and the first value: not a cell boundary.
        // n spaces between two cells (or before the period) stand for n−1 empty cells.
        var slots = 1 + gaps.Skip(1).Sum(g => Math.Max(1, g)) + Math.Max(0, trailing - 1);
        if (slots != IndicatorValueKeys.Length) return null;
        var keys = new string[count];
        var position = 0;
        for (var k = 0; k < count; k++)
        {
            if (k > 0) position += Math.Max(1, gaps[k]);
            keys[k] = IndicatorValueKeys[position];
        }
        return keys;
    }

    /// <summary>Values without reliable spacing: targets from the right, outcome from the left.</summary>
    private static string[] Judged(int count) => count switch
    {
        6 => IndicatorValueKeys,
        5 => ["utfall", "utfall_man", "utfall_kvinnor", "arsmal", "kf_arsmal"],
        4 => ["utfall", "utfall_forra_aret", "arsmal", "kf_arsmal"],
        3 => ["utfall", "arsmal", "kf_arsmal"],
        2 => ["arsmal", "kf_arsmal"],
        1 => ["arsmal"],
        _ => [],
    };
}
