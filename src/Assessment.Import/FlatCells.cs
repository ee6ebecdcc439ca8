using System.Text.RegularExpressions;

namespace Assessment.Import;

/// <summary>
/// The cells of one flattened table row, read by the rules of the format rather than by one report's habits.
/// <para>
/// Text extracted from the reports' PDFs keeps a row's cells in reading order with runs of spaces between
/// them: one space separates two neighbouring cells, and every further space stands for an empty cell
/// between them. A line break separates two cells as one space does, and the spaces that start the next
/// line are empty cells too. A cell may itself wrap ("Tas fram" / "av" / "nämnd/s" / "tyrelse", a unit on
/// its own line below its figure, "Tertial" / "1 2026"); a wrap joins the line's words to the cell above.
/// </para>
/// <para>
/// The row's own header says how many cells follow the name. Every way to cut the row into a name and
/// that many cells is tried; the cut that fits exactly and reads most naturally wins. Where two cuts fit
/// equally well, or none fits, the cells concerned are marked uncertain with the reason.
/// </para>
/// </summary>
internal static partial class FlatCells
{
    /// <summary>
    /// A word of a row with what stood before it: spaces on its line, a line break, or a word broken mid-way; and
    /// whether a footnote marker after it was left (<see cref="Atoms"/>).
    /// </summary>
    internal sealed record Atom(string Text, int Line, int Spaces, bool Break, bool Glued, bool Marked = false);

    /// <summary>A cell read from atoms [From, To) and the column it stands in.</summary>
    internal sealed record Cell(int From, int To, string Text, string Column, int Penalty);

    /// <summary>A reading of a row: where its name ends, its cells, and how natural it is (lower is better).</summary>
    internal sealed record Reading(int NameEnd, IReadOnlyList<Cell> Cells, int Penalty, bool Exact);

    [GeneratedRegex(@"^[-−+]?(?:\d{1,3}(?: \d{3})+|\d+)(?:[,.]\d+)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?:%|%-enheter|procent|procentenheter|st|kr|tkr|mnkr|kronor|ton|GWh|MWh|kWh|barn/avd\.|barn|personer|dagar|timmar|tim|år|besök|elever|platser|ärenden|hushåll|kg|[kdc]?m[23²³]|kvm|h|min|poäng|index|kg CO2 per kg livsmedel|kg CO2e per kg livsmedel)$")]
    private static partial Regex KnownUnit();

    [GeneratedRegex(@"^\p{Ll}[\p{L}/.\-]{0,15}$")]
    private static partial Regex OtherUnit();

    /// <summary>What a unit column names besides a unit: the kind of figure ("Antal", "Andel", "Procent", "Index", "Kronor").</summary>
    [GeneratedRegex(@"^(?:antal|andel|procent|index|kronor|värde)$", RegexOptions.IgnoreCase)]
    private static partial Regex UnitWord();

    // Targets that are words: deferred, direction only, bounds and bands.
    [GeneratedRegex(@"^(?:Tas fram(?: av(?: nämnd(?:/s(?:tyrelse)?|/styrelse)?)?)?|Fastställs(?: \d{4})?|Ökning|Minskning|Öka|öka|Minska|minska|Oförändrat|Bibehålla|(?:Max|Minst|Högst|Lägst|Under|Över) [-−]?\d[\d ]*(?:,\d+)?(?: ?%| \p{L}[\p{L}/.]*)*|\+/-\s?\d+(?:,\d+)? ?%?|[-–])$")]
    private static partial Regex WordTarget();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[*¹²³⁴⁵⁶⁷⁸⁹⁰]+$")]
    private static partial Regex LoneMarker();

    /// <summary>Words that can stand in a value cell; a row's name ends at the last word that cannot.</summary>
    private static readonly HashSet<string> ValueWords = new(
    [
        "Tas", "fram", "av", "nämnd", "nämnd/s", "tyrelse", "styrelse", "nämnd/styrelse", "Fastställs", "Ökning", "Minskning",
        "Öka", "öka", "Minska", "minska", "Oförändrat", "Bibehålla", "Max", "Minst", "Högst", "Lägst", "Under", "Över",
        "%", "CO2", "CO2e", "per", "livsmedel",
        // Words of a cell that says there is no value ("Ej mätt", "Mäts ej", "Saknas", "N/A").
        "Ej", "ej", "mätt", "Mäts", "Saknas", "saknas", "N/A",
        .. PeriodCell.Words, .. PeriodCell.Words.Select(w => w + ","), // "T1, 2026"
    ], StringComparer.Ordinal);

    /// <summary>The words of a row's lines, each with what separated it from the word before.</summary>
    public static List<Atom> Atoms(IReadOnlyList<(string Text, int Line)> lines)
    {
        var atoms = new List<Atom>();
        var previousEndedInSpace = true;
        foreach (var (text, line) in lines)
        {
            var first = true;
            var end = 0;
            foreach (Match m in Word().Matches(text))
            {
                var spaces = m.Index - end;
                if (!first && spaces == 1 && LoneMarker().IsMatch(m.Value))
                {
                    // A footnote marker one space after a figure or its unit ("5 km² *") marks the word before it.
                    atoms[^1] = atoms[^1] with { Marked = true };
                    end = m.Index + m.Length;
                    continue;
                }
                // A footnote marker after a name or a figure ("fritidsgårdar¹", "59 %*", "12 m²¹") is no part of it.
                var word = m.Length > 1 ? Layout.FootnoteMarker().Replace(m.Value, "") : m.Value;
                atoms.Add(new Atom(word, line, spaces, first && atoms.Count > 0, first && atoms.Count > 0 && !previousEndedInSpace && spaces == 0, word.Length < m.Length));
                end = m.Index + m.Length;
                first = false;
            }
            if (!first) previousEndedInSpace = text.Length > text.TrimEnd().Length;
        }
        return atoms;
    }

    private static readonly HashSet<string> DeferralTail = new(StringComparer.Ordinal) { "av", "nämnd", "nämnd/s", "tyrelse", "styrelse", "nämnd/styrelse" };

    /// <summary>
    /// Puts the wrapped rest of a cell back beside its start. Where two cells of a row wrap ("Tas fram" / "av" /
    /// "nämnd" and "Tertial" / "1 2026"), the extraction writes both rests below the row, in either order; a
    /// rest is moved to follow the words it continues, so every cell's words stand together.
    /// </summary>
    public static List<Atom> Fold(List<Atom> atoms)
    {
        var folded = atoms.ToList();
        // "Tertial" (or "Tertial 1") whose year stands further down: the row's last words.
        var tertial = folded.FindLastIndex(a => a.Text == PeriodCell.TertialWord);
        if (tertial >= 0 && tertial < folded.Count - 1 && !Regex.IsMatch(folded[tertial + 1].Text, @"^(?:[123],?|\d{4})$"))
        {
            var tail = Regex.IsMatch(folded[^1].Text, @"^\d{4}$") ? (folded.Count >= 2 && Regex.IsMatch(folded[^2].Text, "^[123],?$") && folded[^2].Break ? 2 : folded[^1].Break ? 1 : 0) : 0;
            if (tail > 0 && folded.Count - tail > tertial + 1) Move(folded, folded.Count - tail, tail, tertial + 1);
        }
        // "Tas fram" whose "av" / "nämnd" stands on lines of their own further down.
        var fram = folded.FindIndex(a => a.Text == "fram");
        if (fram > 0 && folded[fram - 1].Text == "Tas" && (fram == folded.Count - 1 || !DeferralTail.Contains(folded[fram + 1].Text)))
        {
            var insert = fram + 1;
            for (var k = fram + 1; k < folded.Count; k++)
            {
                if (!folded[k].Break || !DeferralTail.Contains(folded[k].Text)) continue;
                var line = folded[k].Line;
                var count = folded.Skip(k).TakeWhile(a => a.Line == line).Count();
                if (!folded.Skip(k).Take(count).All(a => DeferralTail.Contains(a.Text))) continue;
                Move(folded, k, count, insert);
                insert += count;
                k += count - 1;
            }
        }
        return folded;
    }

    private static void Move(List<Atom> atoms, int from, int count, int to)
    {
        var moved = atoms.GetRange(from, count);
        atoms.RemoveRange(from, count);
        if (to > from) to -= count;
        moved[0] = moved[0] with { Break = true, Spaces = 0 };
        atoms.InsertRange(to, moved);
    }

    /// <summary>The row's atoms without the Status cell that ends it, if one does (<see cref="Layout.IsStatus"/>: "Gul", "Delvis uppfyllt").</summary>
    public static List<Atom> WithoutStatus(List<Atom> atoms)
    {
        for (var n = Math.Min(3, atoms.Count - 1); n >= 1; n--)
        {
            var start = atoms.Count - n;
            if ((atoms[start].Break || atoms[start].Spaces > 0) && Layout.IsStatus(Join(atoms, start, atoms.Count))) return atoms[..start];
        }
        return atoms;
    }

    /// <summary>
    /// The row's atoms without the words after its Period cell on Period's last line: the cell of a column not known after
    /// Period ("Kommentar": "Se analys"), which is left. Period's cell ends with its year ("VB 2023", "Tertial 1 2026");
    /// the words after it start with a letter and are no unit ("1 945 GWh"). A row that ends with a year has no such cell.
    /// </summary>
    public static List<Atom> WithoutTail(List<Atom> atoms)
    {
        if (atoms.Count == 0 || IsYear(atoms[^1].Text)) return atoms;
        var lastLine = Math.Max(0, atoms.FindLastIndex(a => a.Break));
        for (var k = atoms.Count - 2; k >= lastLine; k--)
        {
            if (!IsYear(atoms[k].Text) || !char.IsLetter(atoms[k + 1].Text[0])) continue;
            var tail = Join(atoms, k + 1, atoms.Count);
            return KnownUnit().IsMatch(tail) || OtherUnit().IsMatch(tail) ? atoms : atoms[..(k + 1)];
        }
        return atoms;
    }

    private static bool IsYear(string text) => text.Length == 4 && text.All(char.IsAsciiDigit);

    /// <summary>Atoms [from, to) as text: words of one line joined by one space, a word broken over two lines joined whole.</summary>
    public static string Join(IReadOnlyList<Atom> atoms, int from, int to)
    {
        var text = new System.Text.StringBuilder();
        for (var k = from; k < to; k++)
        {
            if (k > from && !atoms[k].Glued) text.Append(' ');
            text.Append(atoms[k].Text);
        }
        return text.ToString().Replace("nämnd/s tyrelse", "nämnd/styrelse", StringComparison.Ordinal);
    }

    /// <summary>The empty cells a separator stands for: n spaces on a line are n−1, a line break and k spaces are k.</summary>
    private static int Empties(Atom atom) => atom.Break ? atom.Spaces : Math.Max(0, atom.Spaces - 1);

    /// <summary>The text of a cell if atoms [from, to) can be one cell of <paramref name="column"/>, with its penalty.</summary>
    private static (string Text, int Penalty)? AsCell(IReadOnlyList<Atom> atoms, int from, int to, string column)
    {
        for (var k = from + 1; k < to; k++)
        {
            // Inside a cell words are one space apart; a wider gap is a cell boundary. A break is a wrap.
            if (!atoms[k].Break && atoms[k].Spaces > (atoms[k].Text == "%" ? 2 : 1)) return null;
        }
        var text = Join(atoms, from, to);
        if (ColumnHeaders.IsOther(column)) return Layout.NoValue().IsMatch(text) ? (text, 1) : null; // a column not known: empty, or "–"
        switch (column)
        {
            case "period":
                return PeriodCell.IsComplete(text) || PeriodCell.IsPeriodicity(text) ? (text, 0) : PeriodCell.IsOpen(text) ? (text, 5) : null;
            case "periodicitet":
                return PeriodCell.IsPeriodicity(text) ? (text, 0) : null;
            case ColumnHeaders.Status:
                return Layout.IsStatus(text) ? (text, 0) : Layout.NoValue().IsMatch(text) ? (text, 1) : null;
            case ColumnHeaders.Unit:
                return KnownUnit().IsMatch(text) || UnitWord().IsMatch(text) ? (text, 0) : Layout.NoValue().IsMatch(text) ? (text, 1) : null;
        }
        if (AsNumber(atoms, from, to) is { } number) return number;
        if (Layout.NoValue().IsMatch(text)) return (text, 1);
        // Words stand only where a target does ("Tas fram av nämnd", "Ökning", "+/-1 %", "Max 10 personer").
        return column is "arsmal" or "kf_arsmal" && WordTarget().IsMatch(text) ? (text, 0) : null;
    }

    /// <summary>A figure with an optional unit; a thousands group only one space from its neighbour on the same line.</summary>
    private static (string Text, int Penalty)? AsNumber(IReadOnlyList<Atom> atoms, int from, int to)
    {
        var first = atoms[from].Text;
        var withPercent = Regex.Match(first, @"^(?<n>[-−+]?\d+(?:[,.]\d+)?)%$");
        if (withPercent.Success) return to == from + 1 ? (first, 0) : null;
        if (!Number().IsMatch(first) || Regex.IsMatch(first, @"^[-−+]?0\d")) return null;
        var k = from + 1;
        // Thousands groups: exactly three digits, one space after the group before, on the same line.
        while (k < to && !atoms[k].Break && atoms[k].Spaces == 1 && Regex.IsMatch(atoms[k].Text, @"^\d{3}(?:,\d+)?$")
               && !atoms[k - 1].Text.Contains(',') && !atoms[k - 1].Text.Contains('.'))
            k++;
        var grouped = k > from + 1;
        if (grouped && !Regex.IsMatch(first, @"^[-−+]?\d{1,3}$")) return null;
        var number = Join(atoms, from, k);
        if (k == to) return (number, 0);
        var unit = Join(atoms, k, to);
        if (KnownUnit().IsMatch(unit))
        {
            // No share in the reports reaches 1 000 %: "100 100 %" is two cells.
            if (grouped && unit.StartsWith('%')) return null;
            return ($"{number} {unit}", 0);
        }
        return to == k + 1 && OtherUnit().IsMatch(unit) && !ValueWords.Contains(unit) ? ($"{number} {unit}", 2) : null;
    }

    /// <summary>
    /// Every reading of the row in which the cells after the name fill <paramref name="columns"/> exactly, best
    /// first; when none does, the closest reading, not exact.
    /// </summary>
    public static List<Reading> Read(IReadOnlyList<Atom> atoms, IReadOnlyList<string> columns)
    {
        var m = atoms.Count;
        var exact = new List<Reading>();
        var inexact = new List<Reading>();
        var memo = new Dictionary<int, List<List<(int From, int To)>>>();
        for (var nameEnd = m - 1; nameEnd >= 1; nameEnd--)
        {
            var namePenalty = NamePenalty(atoms, nameEnd);
            foreach (var spans in Segmentations(atoms, nameEnd, m, columns.Count, memo))
            {
                // Place each cell: the separator before it says how many empty cells stand in between.
                var positions = new List<int>();
                var position = Empties(atoms[nameEnd]) - 1;
                foreach (var (from, _) in spans)
                {
                    position += 1 + (positions.Count == 0 ? 0 : Empties(atoms[from]));
                    positions.Add(position);
                }
                var fits = positions[^1] == columns.Count - 1;
                var cells = new List<Cell>();
                var penalty = namePenalty + SplitPenalty(atoms, spans);
                for (var c = 0; c < spans.Count && fits; c++)
                {
                    var cell = AsCell(atoms, spans[c].From, spans[c].To, columns[positions[c]]);
                    if (cell is null) fits = false;
                    else
                    {
                        cells.Add(new Cell(spans[c].From, spans[c].To, cell.Value.Text, columns[positions[c]], cell.Value.Penalty));
                        penalty += cell.Value.Penalty;
                    }
                }
                if (fits) exact.Add(new Reading(nameEnd, cells, penalty, true));
                else if (inexact.Count < 64) inexact.Add(new Reading(nameEnd, Judged(atoms, spans, columns), penalty + 10 * Math.Abs(positions[^1] + 1 - columns.Count), false));
            }
            if (!CanBeInCell(atoms[nameEnd].Text)) break; // a word no cell holds: the name reaches at least to here
        }
        if (exact.Count > 0) return exact.OrderBy(r => r.Penalty).ThenBy(r => r.NameEnd).ToList();
        return inexact.OrderBy(r => r.Penalty).ThenBy(r => r.NameEnd).Take(1).ToList();
    }

    /// <summary>A word that can stand in a value cell: a figure, a unit, a word of a target or a period, a status.</summary>
    internal static bool CanBeInCell(string word) =>
        ValueWords.Contains(word) || Layout.StatusWords.Contains(word) || KnownUnit().IsMatch(word) || Regex.IsMatch(word, @"^(?:[-−+]|\+/-)?\d") || OtherUnit().IsMatch(word) || word is "+/-" or "-" or "–" or "—";

    /// <summary>
    /// How unlikely it is that the name ends before atom <paramref name="nameEnd"/>. A name fills its column's lines
    /// and the values stand beside it or below it: where the values start a line, the name's last words are its own,
    /// whatever they are ("… kontraktet efter 12" / "månader" / "100 100 100 %" – not "12 månader" as an outcome). A
    /// cell that starts inside the last line of a name wrapped over several lines would have run into the name's
    /// column, so that name most likely goes on. A name on one line that ends in a figure (with or without its unit)
    /// before values on the same line most likely lost a cell to it ("Sjukfrånvaro 7,6 % 5,7 % …").
    /// </summary>
    private static int NamePenalty(IReadOnlyList<Atom> atoms, int nameEnd)
    {
        if (atoms[nameEnd].Break) return 0;
        if (Enumerable.Range(1, nameEnd - 1).Any(k => atoms[k].Break)) return 3;
        return Enumerable.Range(1, Math.Min(2, nameEnd)).Any(n => AsNumber(atoms, nameEnd - n, nameEnd) is not null) ? 3 : 0;
    }

    /// <summary>Two cells one space apart that read as one grouped figure ("1" "100 st") were more likely one cell.</summary>
    private static int SplitPenalty(IReadOnlyList<Atom> atoms, IReadOnlyList<(int From, int To)> spans)
    {
        var penalty = 0;
        for (var c = 1; c < spans.Count; c++)
        {
            var (before, after) = (atoms[spans[c - 1].To - 1], atoms[spans[c].From]);
            if (spans[c - 1].To - spans[c - 1].From == 1 && !after.Break && after.Spaces == 1
                && Regex.IsMatch(before.Text, @"^[-−+]?\d{1,3}$") && Regex.IsMatch(after.Text, @"^\d{3}(?:,\d+)?$"))
                penalty++;
        }
        return penalty;
    }

    /// <summary>All ways to cut atoms [from, to) into at most <paramref name="max"/> cells of any value column.</summary>
    private static List<List<(int From, int To)>> Segmentations(IReadOnlyList<Atom> atoms, int from, int to, int max,
        Dictionary<int, List<List<(int From, int To)>>> memo)
    {
        if (from == to) return [[]];
        if (memo.TryGetValue(from, out var known)) return known;
        var result = new List<List<(int From, int To)>>();
        for (var end = from + 1; end <= Math.Min(to, from + 8); end++)
        {
            if (!CouldBeCell(atoms, from, end)) continue;
            foreach (var rest in Segmentations(atoms, end, to, max, memo))
            {
                if (rest.Count + 1 > max) continue;
                result.Add([(from, end), .. rest]);
                if (result.Count > 256) break;
            }
        }
        memo[from] = result;
        return result;
    }

    private static bool CouldBeCell(IReadOnlyList<Atom> atoms, int from, int to) =>
        AsCell(atoms, from, to, "arsmal") is not null || AsCell(atoms, from, to, "period") is not null ||
        AsCell(atoms, from, to, ColumnHeaders.Status) is not null || AsCell(atoms, from, to, ColumnHeaders.Unit) is not null;

    /// <summary>
    /// Cells whose spacing does not fit the columns: the last cell that reads as a period goes to Period, the
    /// others keep their order and the columns most often empty (the gender split, the forecast, last year's
    /// outcome) are left empty first.
    /// </summary>
    private static List<Cell> Judged(IReadOnlyList<Atom> atoms, List<(int From, int To)> spans, IReadOnlyList<string> columns)
    {
        var free = columns.ToList();
        var cells = new List<Cell>();
        var values = spans.ToList();
        var last = columns[^1];
        if (last is "period" or "periodicitet" && values.Count > 0 && AsCell(atoms, values[^1].From, values[^1].To, last) is { } p)
        {
            cells.Add(new Cell(values[^1].From, values[^1].To, p.Text, last, 0));
            values.RemoveAt(values.Count - 1);
            free.Remove(last);
        }
        else if (last is "period" or "periodicitet") free.Remove(last);
        foreach (var skip in new[] { ColumnHeaders.Status, ColumnHeaders.Unit, "utfall_man", "utfall_kvinnor", "prognos", "utfall_forra_aret", "kf_arsmal", "utfall" })
            if (free.Count > values.Count) free.Remove(skip);
        while (values.Count > free.Count) values.RemoveAt(0); // more cells than columns: the first are part of the name
        for (var k = 0; k < values.Count; k++)
            cells.Insert(k, new Cell(values[k].From, values[k].To, Join(atoms, values[k].From, values[k].To), free[k], 0));
        return cells;
    }
}
