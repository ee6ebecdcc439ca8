using Assessment.Domain.Model;
using System.Text;
using System.Text.RegularExpressions;

namespace Assessment.Import;

/// <summary>Writes an imported dataset in the dataset format, each goal and row marked with its source line.</summary>
public static partial class DatasetYamlWriter
{
    private static readonly string[] IndicatorKeys =
        ["utfall", "utfall_man", "utfall_kvinnor", "utfall_forra_aret", "prognos", "arsmal", "kf_arsmal", "periodicitet", "riktning"];

    private static readonly string[] ActivityKeys = ["start", "slut", "avvikelse"];

    /// <summary>Ends the line of each goal and row: where it stood in the source ("  # rad 42").</summary>
    private const string SourceLineMark = "  # rad ";

    /// <summary>
    /// The source line behind line <paramref name="line"/> of a written dataset: the nearest mark at or above
    /// it (1 when there is none).
    /// </summary>
    public static int SourceLine(IReadOnlyList<string> yamlLines, int line)
    {
        for (var i = Math.Min(line, yamlLines.Count) - 1; i >= 0; i--)
        {
            var mark = yamlLines[i].LastIndexOf(SourceLineMark, StringComparison.Ordinal);
            if (mark >= 0 && int.TryParse(yamlLines[i].AsSpan(mark + SourceLineMark.Length), out var sourceLine)) return sourceLine;
        }
        return 1;
    }

    /// <summary>The header of a dataset made by <c>assess merge</c> from a plan and the period's outcomes.</summary>
    public static IReadOnlyList<string> MergedFrom(string plan, string outcomes) =>
    [
        $"Sammanfogad med `assess merge` av planen {plan} och utfallen i {outcomes}",
        "(rad N = radnummer i planen). Värden är kopierade som planen och utfallen skriver dem.",
    ];

    /// <summary>The header of a dataset made by <c>assess import</c> from <paramref name="source"/>.</summary>
    public static IReadOnlyList<string> ImportedFrom(string source) =>
    [
        $"Importerad med `assess import` från {source} (rad N = radnummer i källan).",
        "Värden är kopierade som rapporten skriver dem.",
    ];

    /// <summary>The dataset in YAML, headed by <paramref name="origin"/>: comment lines saying how it was made.</summary>
    public static string Write(RawDataset dataset, string schemaPath, IEnumerable<string> origin)
    {
        var y = new StringBuilder();
        y.Append("# yaml-language-server: $schema=").AppendLine(schemaPath);
        foreach (var line in origin) y.Append("# ").AppendLine(line);
        y.Append("namnd: ").AppendLine(Quote(dataset.District));
        y.Append("period: ").AppendLine(Quote(dataset.Period));
        y.Append("kalla: ").AppendLine(Quote(dataset.Source));
        y.Append(GoalLevel.DirectionGoal.Code()).AppendLine(":");
        foreach (var goal in dataset.Goals) Goal(y, goal, 2);
        return y.ToString();
    }

    private static void Goal(StringBuilder y, RawGoal goal, int indent)
    {
        var pad = new string(' ', indent);
        var inner = pad + "  ";
        y.Append(pad).Append("- id: ").Append(Quote(goal.Id)).Append(SourceLineMark).Append(goal.Line).AppendLine();
        y.Append(inner).Append("titel: ").AppendLine(Quote(goal.Title));
        if (goal.Recorded is not null) y.Append(inner).Append("redovisat: ").AppendLine(goal.Recorded);
        if (goal.Override is { } ov)
        {
            y.Append(inner).AppendLine("overstyrning:");
            y.Append(inner).Append("  betyg: ").AppendLine(ov.Rating.Code());
            y.Append(inner).Append("  motivering: ").AppendLine(Quote(ov.Reason));
            if (ov.By is not null) y.Append(inner).Append("  av: ").AppendLine(Quote(ov.By));
        }
        Block(y, inner, "analys", goal.Analysis);
        if (goal.Level == GoalLevel.BoardGoal)
        {
            Block(y, inner, "beskrivning", goal.Description);
            if (goal.ExpectedResults.Count > 0)
            {
                y.Append(inner).AppendLine("forvantat_resultat:");
                foreach (var expected in goal.ExpectedResults) y.Append(inner).Append("  - ").AppendLine(Quote(expected));
            }
        }
        Rows(y, inner, "indikatorer", goal.Indicators, IndicatorKeys);
        Rows(y, inner, "aktiviteter", goal.Activities, ActivityKeys);
        if (goal.Children.Count == 0) return;
        y.Append(inner).Append((goal.Level == GoalLevel.DirectionGoal ? GoalLevel.ServiceAreaGoal : GoalLevel.BoardGoal).Code()).AppendLine(":");
        foreach (var child in goal.Children) Goal(y, child, indent + 4);
    }

    private static void Rows(StringBuilder y, string pad, string key, List<RawRow> rows, string[] keys)
    {
        if (rows.Count == 0) return;
        y.Append(pad).Append(key).AppendLine(":");
        foreach (var row in rows)
        {
            y.Append(pad).Append("  - namn: ").Append(Quote(row.Name)).Append(SourceLineMark).Append(row.Line).AppendLine();
            foreach (var k in keys.Where(row.Cells.ContainsKey))
                y.Append(pad).Append("    ").Append(k).Append(": ").AppendLine(k is "avvikelse" or "periodicitet" or "start" or "slut" ? row.Cells[k] : Quote(row.Cells[k]));
            if (row.Notes.Count > 0) Block(y, pad + "    ", "analys", row.Notes);
            Uncertain(y, pad + "    ", row, keys);
        }
    }

    /// <summary>
    /// The row's uncertain cells as <c>osakert</c>, in the order of the row's keys, each reason starting with
    /// the report line ("rad 412: …") unless it already does (a dataset written back keeps its reasons).
    /// </summary>
    private static void Uncertain(StringBuilder y, string pad, RawRow row, string[] keys)
    {
        if (row.Uncertain.Count == 0) return;
        y.Append(pad).AppendLine("osakert:");
        var order = new[] { "namn" }.Concat(keys).Append("analys").ToList();
        // The table's "Period" column holds the row's periodicity: its uncertainty is the periodicity's.
        var cells = row.Uncertain.GroupBy(u => u.Key == "period" ? "periodicitet" : u.Key, u => u.Value).Select(g => (Key: g.Key, Reason: g.First()));
        foreach (var (key, reason) in cells.OrderBy(u => order.IndexOf(u.Key) is var i and >= 0 ? i : order.Count).ThenBy(u => u.Key, StringComparer.Ordinal))
            y.Append(pad).Append("  ").Append(key).Append(": ").AppendLine(Quote(LineReason().IsMatch(reason) ? reason : $"rad {row.Line}: {reason}"));
    }

    /// <summary>A reason that already names its report line or lines: "rad 412: …", "rad 412–413: …".</summary>
    [GeneratedRegex(@"^rad \d+(?:[–-]\d+)?: ")]
    private static partial Regex LineReason();

    /// <summary>
    /// Paragraphs as a literal block, blank line between; every line of a paragraph is indented, and control
    /// characters (a tab, stray bytes from a PDF) become spaces, which a literal block cannot hold. A line is
    /// trimmed after that, so no line starts the block more indented than the rest; a paragraph left empty
    /// (nothing but control characters) is dropped, and the key with it when none is left.
    /// </summary>
    private static void Block(StringBuilder y, string pad, string key, List<string> paragraphs)
    {
        var kept = paragraphs
            .Select(p => new string(p.ReplaceLineEndings("\n").Select(c => c != '\n' && char.IsControl(c) ? ' ' : c).ToArray()).Trim())
            .Where(p => p.Length > 0)
            .ToList();
        if (kept.Count == 0) return;
        y.Append(pad).Append(key).AppendLine(": |-");
        for (var p = 0; p < kept.Count; p++)
        {
            if (p > 0) y.AppendLine();
            foreach (var line in kept[p].Split('\n'))
            {
                if (line.Trim().Length == 0) y.AppendLine();
                else y.Append(pad).Append("  ").AppendLine(line.TrimEnd());
            }
        }
    }

    /// <summary>
    /// A double-quoted YAML scalar on one line: a line break of any kind (\n, \r, U+0085, U+2028, U+2029)
    /// and a tab become a space, other control characters are escaped, so any text reads back.
    /// </summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text.Replace("\r\n", "\n"))
        {
            if (c is '\\' or '"') quoted.Append('\\').Append(c);
            else if (c is '\n' or '\r' or '\t' or '\u0085' or '\u2028' or '\u2029') quoted.Append(' ');
            else if (char.IsControl(c)) quoted.Append($"\\u{(int)c:X4}");
            else quoted.Append(c);
        }
        return quoted.Append('"').ToString();
    }
}
