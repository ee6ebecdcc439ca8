using System.Text.RegularExpressions;

namespace Assessment.Import;

/// <summary>
/// The column headers of the indicator and activity tables as the districts' reports spell them, by dataset key: the
/// one vocabulary of headers for every layout. A tab or Markdown header cell is one spelling; a flattened header runs
/// the spellings together over several lines, and is read as the spellings its words make in turn. Case, spaces (a
/// header cell wraps after "män/") and the ring a PDF's font may lose ("Arsmål") do not count; "#" is a year.
/// </summary>
internal static partial class ColumnHeaders
{
    private static readonly (string Key, string[] Spellings)[] Columns =
    [
        ("namn", ["Indikator", "Aktivitet"]),
        ("utfall", ["Periodens utfall"]),
        ("utfall_man", ["Utfall män/pojkar", "Utfall män", "Utfall pojkar/män", "Män/pojkar", "Pojkar/män", "Män"]),
        ("utfall_kvinnor", ["Utfall kvinnor/flickor", "Utfall kvinnor", "Utfall flickor/kvinnor", "Kvinnor/flickor", "Flickor/kvinnor", "Kvinnor"]),
        ("utfall_forra_aret", ["Utfall VB #", "Utfall föregående år", "Föregående års utfall"]),
        ("prognos", ["Prognos helår", "Helårsprognos", "Prognos"]),
        // The district's own target: "Årsmål", with the year ("Årsmål 2026") or as the reports' prose calls it ("målvärdet").
        ("arsmal", ["Årsmål", "Årsmål #", "Målvärde"]),
        ("kf_arsmal", ["KF:s årsmål", "KF:s årsmål #", "KF:s årsmål år #"]),
        ("period", ["Period"]),
        ("periodicitet", ["Periodicitet"]),
        ("start", ["Startdatum"]),
        ("slut", ["Slutdatum"]),
        ("avvikelse", ["Avvikelse"]),
    ];

    /// <summary>Words of a flattened header that are no spelling's: a report code or year on a line of its own, a column the importer leaves.</summary>
    private static readonly string[] OtherWords = ["/", "T1", "T2", "T3", "Kommentar", "Status"];

    /// <summary>Each spelling's words run together, normalised, to its key.</summary>
    private static readonly Dictionary<string, string> Keys = Columns
        .SelectMany(c => c.Spellings.Select(s => (Spelling: Normal(s.Split(' ')), c.Key)))
        .ToDictionary(s => s.Spelling, s => s.Key, StringComparer.Ordinal);

    /// <summary>The most words a spelling has.</summary>
    private static readonly int Longest = Columns.SelectMany(c => c.Spellings).Max(s => s.Split(' ').Length);

    /// <summary>Every word a header line can hold: the spellings' words (also split after a "/", as a cell wraps there), a year, <see cref="OtherWords"/>.</summary>
    private static readonly HashSet<string> Words = new(
        Columns.SelectMany(c => c.Spellings).SelectMany(s => s.Split(' ')).SelectMany(w => new[] { w }.Concat(SlashParts().Split(w)))
            .Where(w => w.Length > 0).Select(w => Normal([w])).Concat(OtherWords.Select(w => Normal([w]))),
        StringComparer.Ordinal);

    [GeneratedRegex(@"(?<=/)(?=\p{L})")]
    private static partial Regex SlashParts();

    /// <summary>A year, alone or right after a report code ("2023", "VB2023").</summary>
    [GeneratedRegex(@"^(?<code>\p{L}*)\d{4}$")]
    private static partial Regex Year();

    /// <summary>Words run together for comparing: lower case, "arsmål" as "årsmål", a year as "#" ("VB2023" as "vb#").</summary>
    private static string Normal(IEnumerable<string> words) =>
        string.Concat(words.Select(w => Year().Match(w) is { Success: true } year
            ? year.Groups["code"].Value.ToLowerInvariant() + "#"
            : w.ToLowerInvariant().Replace("arsmål", "årsmål")));

    /// <summary>A word of a flattened table's header line (a report code with its year, "VB2023", when the code is one).</summary>
    public static bool IsHeaderWord(string word) =>
        Normal([word]) is var normal && (Words.Contains(normal) || (normal.Length > 1 && normal[^1] == '#' && Words.Contains(normal[..^1])));

    /// <summary>The key of the longest spelling that the words from <paramref name="at"/> make, and how many words it takes.</summary>
    private static (string Key, int Length)? At(IReadOnlyList<string> words, int at)
    {
        for (var length = Math.Min(Longest + 1, words.Count - at); length >= 1; length--)
        {
            // One word more than the longest spelling has: a word with a "/" may stand as two ("män/ pojkar").
            if (Keys.TryGetValue(Normal(words.Skip(at).Take(length)), out var key)) return (key, length);
        }
        return null;
    }

    /// <summary>
    /// The dataset key of a tab or Markdown header cell ("Arsmål", "Utfall män/ pojkar", "KF:s årsmål år 2025"): the
    /// spelling the cell starts with, whatever follows it; null for a column the importer does not know.
    /// </summary>
    public static string? Key(string cell) => At(cell.Split(' ', StringSplitOptions.RemoveEmptyEntries), 0)?.Key;

    /// <summary>A flattened header's columns (its words in reading order), in the order their spellings stand, each column once.</summary>
    public static List<string> Read(IReadOnlyList<string> words)
    {
        var columns = new List<string>();
        for (var k = 0; k < words.Count;)
        {
            if (At(words, k) is not { } column)
            {
                k++;
                continue;
            }
            if (!columns.Contains(column.Key)) columns.Add(column.Key);
            k += column.Length;
        }
        return columns;
    }
}
