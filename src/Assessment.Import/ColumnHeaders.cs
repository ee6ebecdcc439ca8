using System.Text.RegularExpressions;

namespace Assessment.Import;

/// <summary>
/// The column headers of the indicator and activity tables as the districts' reports spell them, by dataset key: the
/// one vocabulary of headers for every layout. A tab or Markdown header cell is one spelling, maybe with a qualifier
/// after it ("Period (tertial)"); a flattened header runs its cells together over several lines, and each cell is
/// joined from its lines and read whole. Case, spaces (a header cell wraps after "män/"), a hyphen where a word is
/// broken ("Före-" / "gående") and the ring a PDF's font may lose ("Arsmål") do not count; "#" is a year.
/// </summary>
internal static partial class ColumnHeaders
{
    /// <summary>
    /// The name column's heading, which says what the table holds, in the singular or the plural, or with whose the rows
    /// are ("KF-indikator", "Nämndaktivitet").
    /// </summary>
    private static readonly string[] IndicatorNames = ["Indikator", "Indikatorer", "KF-indikator", "Nämndindikator"],
        ActivityNames = ["Aktivitet", "Aktiviteter", "KF-aktivitet", "Nämndaktivitet"];

    private static readonly (string Key, string[] Spellings)[] Columns =
    [
        ("namn", [.. IndicatorNames, .. ActivityNames]),
        // With the year where a report gives it ("Prognos helår 2026"); "Utfall 2025" may be the period's or last year's (ByYear).
        ("utfall", ["Periodens utfall", "Periodens utfall #", "Utfall", "Utfall helår", "Utfall helår #"]),
        (DatedOutcome, ["Utfall #", "Utfall år #"]),
        ("utfall_man", ["Utfall män/pojkar", "Utfall män", "Utfall pojkar/män", "Män/pojkar", "Pojkar/män", "Män"]),
        ("utfall_kvinnor", ["Utfall kvinnor/flickor", "Utfall kvinnor", "Utfall flickor/kvinnor", "Kvinnor/flickor", "Flickor/kvinnor", "Kvinnor"]),
        ("utfall_forra_aret", ["Utfall VB #", "Utfall föregående år", "Utfall föregående år #", "Föregående års utfall", "Föregående år"]),
        ("prognos", ["Prognos helår", "Prognos helår #", "Helårsprognos", "Helårsprognos #", "Prognos", "Prognos #"]),
        // The district's own target: "Årsmål", with the year ("Årsmål 2026") or as the reports' prose calls it ("målvärdet");
        // "Mål" only with its year ("Mål 2026"), as a word alone it is too common. Not "Nämndens årsmål": "Nämndens" starts
        // indicators' names ("Nämndens budgetföljsamhet"), and a flattened header's words must not.
        ("arsmal", ["Årsmål", "Årsmål #", "Målvärde", "Målvärde #", "Mål #"]),
        ("kf_arsmal", ["KF:s årsmål", "KF:s årsmål #", "KF:s årsmål år #", "Kommunfullmäktiges årsmål", "Kommunfullmäktiges årsmål #", "KF:s mål #"]),
        ("period", ["Period", "Mätperiod"]),
        ("periodicitet", ["Periodicitet", "Frekvens", "Mätfrekvens"]),
        ("start", ["Startdatum", "Start"]),
        ("slut", ["Slutdatum", "Slut"]),
        ("avvikelse", ["Avvikelse"]),
        (Status, ["Status", "Måluppfyllelse"]),
        (Unit, ["Enhet", "Måttenhet"]),
    ];

    /// <summary>
    /// The indicator's status in the city's system ("Grön", "Delvis uppfyllt"; <see cref="Layout.IsStatus"/>), a column
    /// some districts' reports have: the dataset holds no cell for it, so it is read only to keep its words out of the
    /// other cells, and left with a note.
    /// </summary>
    public const string Status = "status";

    /// <summary>
    /// The indicator's unit ("%", "st", "antal"), a column some reports have beside the name: the dataset holds no cell for
    /// it (the unit stands with each figure), so it is read only to keep its words out of the other cells, and left with a note.
    /// </summary>
    public const string Unit = "enhet";

    /// <summary>
    /// The key of a flattened header's column that the importer does not know ("Trend", "Källa"): its heading after a mark
    /// no spelling has. Its cells keep their place in the row (empty, or "–"; after Period, any words on Period's line) and are left.
    /// </summary>
    public static string Other(string heading) => OtherMark + heading;

    private const char OtherMark = '?';

    /// <summary>Whether a key is an unknown column's (<see cref="Other"/>).</summary>
    public static bool IsOther(string? key) => key is [OtherMark, ..];

    /// <summary>
    /// The word that heads a column the importer does not know ("Trend", "Kommentar"): a word in upper case, then lower
    /// case, that starts no spelling; a flattened header holds it beside known headings.
    /// </summary>
    public static bool IsOtherHeading(string word) =>
        word.Length >= 3 && char.IsUpper(word[0]) && !word.AsSpan(1).ContainsAnyExcept(LowerLetters) && !Starts.Contains(Normal([word]));

    private static readonly System.Buffers.SearchValues<char> LowerLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzåäöéü");

    /// <summary>Whether a column is one the importer reads only to leave it (<see cref="Status"/>, <see cref="Unit"/>, <see cref="Other"/>).</summary>
    public static bool IsLeft(string? key) => key is Status or Unit || IsOther(key);

    /// <summary>An outcome headed by its year ("Utfall 2025"): the period's or last year's, as the header's other columns say (<see cref="ByYear"/>).</summary>
    private const string DatedOutcome = "utfall #";

    /// <summary>
    /// Gives the outcomes headed by a year (<see cref="DatedOutcome"/>, at the same places in <paramref name="years"/>)
    /// their columns: the latest is the period's outcome unless another heading is, the year before that one last year's
    /// (the first, if the period's outcome has a heading without a year: "Utfall 2025" beside "Periodens utfall"); another
    /// is a column the importer does not know (null). So no report year is needed: the header says which is which.
    /// </summary>
    private static void ByYear(List<string?> keys, List<int> years)
    {
        int? current = null;
        foreach (var i in Enumerable.Range(0, keys.Count).Where(i => keys[i] == DatedOutcome).OrderByDescending(i => years[i]).ToList())
        {
            string? key = null;
            if (!keys.Contains("utfall")) (key, current) = ("utfall", years[i]);
            else if (!keys.Contains("utfall_forra_aret") && (current is null || years[i] == current - 1)) key = "utfall_forra_aret";
            keys[i] = key;
        }
    }

    /// <summary>The year a heading ends with ("Utfall 2025", "Utfall VB2023"), or 0.</summary>
    private static int YearOf(string text) =>
        text.Length >= 4 && int.TryParse(text.AsSpan()[^4..], out var year) && (text.Length == 4 || !char.IsDigit(text[^5])) ? year : 0;

    /// <summary>Words before a name column's heading or a table's label that say whose the rows are: "KF:s indikatorer", "Nämndens aktiviteter".</summary>
    private static readonly string[] Owners = ["KF:s", "Kommunfullmäktiges", "Nämndens", "Stadsdelsnämndens"];

    /// <summary>
    /// What a table holds by its name column's heading: indicators ("Indikator", "Indikatorer", "KF:s indikator": true),
    /// activities ("Aktivitet", "Nämndens aktiviteter": false), or the cell is no such heading (null). Case does not count.
    /// </summary>
    public static bool? OfIndicators(string heading)
    {
        if (heading.Length > 32) return null; // asked of every line's start: a heading is two words at most
        var words = heading.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 2 || (words.Length == 2 && !Owners.Contains(words[0], StringComparer.OrdinalIgnoreCase))) return null;
        return IndicatorNames.Contains(words[^1], StringComparer.OrdinalIgnoreCase) ? true
            : ActivityNames.Contains(words[^1], StringComparer.OrdinalIgnoreCase) ? false : null;
    }

    /// <summary>The columns only an indicator table has, and those only an activity table has (<see cref="OfIndicators(IEnumerable{string?})"/>).</summary>
    private static readonly string[] IndicatorColumns = ["utfall", "utfall_man", "utfall_kvinnor", "utfall_forra_aret", "prognos", "arsmal", "kf_arsmal", "periodicitet"],
        ActivityColumns = ["start", "slut", "avvikelse"];

    /// <summary>
    /// The columns only a goal's table has, no economy table: an indicator table's target or period (any one), an activity
    /// table's dates (both).
    /// </summary>
    private static readonly string[] OwnIndicatorColumns = ["arsmal", "kf_arsmal", "period", "periodicitet"], OwnActivityColumns = ["start", "slut"];

    /// <summary>
    /// What a table holds by its other columns, for a header whose name column has no heading: indicators where two or more
    /// are an indicator table's (outcomes, targets) and none an activity table's (dates, Avvikelse), activities the other way
    /// round; otherwise null.
    /// </summary>
    public static bool? OfIndicators(IEnumerable<string?> keys)
    {
        var known = keys.OfType<string>().ToList();
        var (indicators, activities) = (known.Count(IndicatorColumns.Contains), known.Count(ActivityColumns.Contains));
        return indicators >= 2 && activities == 0 ? true : activities >= 2 && indicators == 0 ? false : null;
    }

    /// <summary>
    /// A tab or Markdown table's header from its cells (cleaned): the cells from the name column's on (its heading, or ""
    /// where it has none) and what the rows are. The name column is headed by what they are (<see cref="OfIndicators(string)"/>),
    /// maybe after empty cells (the header shifted right, as rows can be), or it has no heading – an empty first cell – and
    /// its other cells are columns the importer knows, of one kind of table (<see cref="OfIndicators(IEnumerable{string?})"/>),
    /// with a few not known beside a goal table's own columns; a table of the report's economy ("Mnkr", "Budget",
    /// "Prognos") is neither. Null: no table of a goal's.
    /// </summary>
    public static (List<string> Cells, bool OfIndicators)? TableHeader(IEnumerable<string> cleanCells)
    {
        var cells = cleanCells.ToList();
        while (cells.Count > 1 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
        var first = cells.FindIndex(c => c.Length > 0);
        if (first < 0) return null;
        if (OfIndicators(cells[first]) is { } named) return (cells[first..], named);
        if (first != 1 || cells.Count < 3) return null;
        var keys = KeysOf(cells[1..]);
        if (OfIndicators(keys) is not { } kind) return null;
        // Every cell a known column – or, where the known ones include a goal table's own (Årsmål, KF:s årsmål, Period, or
        // both dates), which no economy table has, twice as many known as not ("Trend" after Period).
        var unknown = keys.Zip(cells.Skip(1)).Count(k => k.First is null && k.Second.Length > 0);
        var own = kind ? OwnIndicatorColumns.Any(keys.Contains) : OwnActivityColumns.All(keys.Contains);
        return unknown == 0 || (own && keys.Count(k => k is not null) >= 2 * unknown) ? (cells, kind) : null;
    }

    /// <summary>
    /// A line that only labels the table below it ("Indikatorer", "KF:s indikatorer", "Nämndens aktiviteter:"), as some
    /// districts' reports set one above each table: no text of the goal's, and no part of a row.
    /// </summary>
    public static bool IsTableLabel(string clean) => OfIndicators(clean.TrimEnd(':', ' ')) is not null;

    /// <summary>Words of a flattened header that are no spelling's: a report code or year on a line of its own (a column not known is <see cref="IsOtherHeading"/>).</summary>
    private static readonly string[] OtherWords = ["/", "T1", "T2", "T3"];

    /// <summary>Each spelling's words run together, normalised, to its key.</summary>
    private static readonly Dictionary<string, string> Keys = Columns
        .SelectMany(c => c.Spellings.Select(s => (Spelling: Normal(s.Split(' ')), c.Key)))
        .ToDictionary(s => s.Spelling, s => s.Key, StringComparer.Ordinal);

    /// <summary>Every start of a spelling run together ("utfallv", "utfallvb#"): what a flattened header cell can be on its way to.</summary>
    private static readonly HashSet<string> Starts = new(Keys.Keys.SelectMany(k => Enumerable.Range(1, k.Length).Select(n => k[..n])), StringComparer.Ordinal);

    /// <summary>The most words a spelling has.</summary>
    private static readonly int Longest = Columns.SelectMany(c => c.Spellings).Max(s => s.Split(' ').Length);

    /// <summary>The spellings' words, normalised (also split after a "/", as a cell wraps there).</summary>
    private static readonly string[] SpellingWords = Columns.SelectMany(c => c.Spellings).SelectMany(s => s.Split(' '))
        .SelectMany(w => new[] { w }.Concat(SlashParts().Split(w))).Where(w => w.Length > 0).Select(w => Normal([w])).Distinct().ToArray();

    /// <summary>Every word a header line can hold: the spellings' words, a year, <see cref="OtherWords"/>.</summary>
    private static readonly HashSet<string> Words = new(SpellingWords.Concat(OtherWords.Select(w => Normal([w]))), StringComparer.Ordinal);

    [GeneratedRegex(@"(?<=/)(?=\p{L})")]
    private static partial Regex SlashParts();

    /// <summary>A year, alone or right after a report code ("2023", "VB2023").</summary>
    [GeneratedRegex(@"^(?<code>\p{L}*)\d{4}$")]
    private static partial Regex Year();

    /// <summary>
    /// What may follow a tab header cell's spelling and leave it that column: a parenthesis or bracket ("Utfall (antal)",
    /// "Period [tertial]") or words after a comma, colon or dash ("Utfall, antal"); not more words ("Utfall föregående period").
    /// The report's own period after it is one too ("Utfall T1 2026", "Prognos tertial 2"), but not a year alone
    /// ("Utfall 2025" may be last year's outcome).
    /// </summary>
    [GeneratedRegex(@"^(?:[(\[].*|[,:;–—-]\s*\S.*|(?:T[123]|tertial [123])(?:\s*,?\s*\d{4})?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Qualifier();

    /// <summary>Words run together for comparing: lower case, "arsmål" as "årsmål", a year as "#" ("VB2023" as "vb#"), no hyphen where a word breaks ("Före-").</summary>
    private static string Normal(IEnumerable<string> words) =>
        string.Concat(words.Select(w => Year().Match(w) is { Success: true } year
            ? year.Groups["code"].Value.ToLowerInvariant() + "#"
            : (w.Length > 1 && w[^1] == '-' ? w[..^1] : w).ToLowerInvariant().Replace("arsmål", "årsmål")));

    /// <summary>
    /// A word of a flattened table's header line: a spelling's word, a report code with its year ("VB2023"), or a part of a
    /// spelling's word that a narrow cell broke ("Helårs" / "prognos", "Före-" / "gående"; three letters at least).
    /// </summary>
    public static bool IsHeaderWord(string word)
    {
        var normal = Normal([word]);
        if (IsWhole(normal)) return true;
        return normal.Length >= 3 && normal.All(char.IsLetter) &&
               SpellingWords.Any(w => w.Length > normal.Length && (w.StartsWith(normal, StringComparison.Ordinal) || w.EndsWith(normal, StringComparison.Ordinal)));
    }

    /// <summary>A spelling's word whole (not a part a narrow cell broke off: <see cref="IsHeaderWord"/>), a report code with its year ("VB2023"), or a year.</summary>
    public static bool IsWholeHeaderWord(string word) => IsWhole(Normal([word]));

    private static bool IsWhole(string normal) => Words.Contains(normal) || (normal.Length > 1 && normal[^1] == '#' && Words.Contains(normal[..^1]));

    /// <summary>
    /// The dataset key of a tab or Markdown header cell ("Arsmål", "Utfall män/ pojkar", "KF:s årsmål år 2025", "Period
    /// (tertial)"): a spelling, whole or with a <see cref="Qualifier"/> after it; null for a column the importer does not know.
    /// </summary>
    private static string? Key(string cell)
    {
        var words = QualifierStart().Replace(cell, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var length = Math.Min(Longest + 1, words.Length); length >= 1; length--)
        {
            if (!Keys.TryGetValue(Normal(words.Take(length)), out var key)) continue;
            var rest = string.Join(' ', words.Skip(length));
            if (rest.Length == 0 || Qualifier().IsMatch(rest)) return key;
        }
        return null;
    }

    /// <summary>
    /// The words of a flattened header line outside brackets: a heading's unit or kind ("Utfall (antal)", "Årsmål [%]",
    /// "Period (tertial/år)") says nothing about its column. <paramref name="open"/> carries a bracket that a line leaves
    /// open to the next ("(per 1 000" / "invånare)").
    /// </summary>
    public static List<string> OutsideBrackets(string line, ref bool open)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var c in line)
        {
            if (open)
            {
                open = c is not (')' or ']');
                continue;
            }
            if (c is '(' or '[' || c == ' ')
            {
                if (word.Length > 0) words.Add(word.ToString());
                word.Clear();
                open = c != ' ';
                continue;
            }
            word.Append(c);
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    /// <summary>Where a qualifier starts right after a word ("Utfall(antal)", "Utfall, antal"): a space is put there.</summary>
    [GeneratedRegex(@"(?<=\S)(?=[(\[])|(?<=\S)(?=[,:;]\s)")]
    private static partial Regex QualifierStart();

    /// <summary>A word that starts a header cell of its own: it begins in upper case (not a word in capitals, "VB") and starts a spelling.</summary>
    private static bool StartsCell(string word) =>
        char.IsUpper(word[0]) && word.Any(char.IsLower) && Starts.Contains(Normal([word]));

    /// <summary>The dataset keys of a tab or Markdown header's cells (<see cref="Key"/>; null for one not known), outcomes headed by a year told apart (<see cref="ByYear"/>).</summary>
    public static List<string?> KeysOf(IReadOnlyList<string> cells)
    {
        var keys = cells.Select(Key).ToList();
        ByYear(keys, cells.Select(c => YearOf(c.Trim())).ToList());
        return keys;
    }

    /// <summary>
    /// A flattened header's columns, from its lines (each the words of one line, in reading order), in the order their
    /// cells stand, each column once. The extraction writes a cell that wraps over lines either one line after another
    /// ("Utfall" / "föregående år"), the next cell perhaps starting on the same line ("2022 Årsmål KF:s"), or line by
    /// line across the row (every cell's first line, then their second lines: "Utfall Årsmål" / "föregående år 2026").
    /// So a word that starts a spelling in upper case starts a cell; any other word continues a cell from the previous
    /// line or this one (after the last one a word went to on this line) that it carries on towards a spelling. A cell
    /// is a column when it is a spelling whole: a word left over ("år" under no cell) or a cell that stops short
    /// ("Utfall föregående") makes none.
    /// </summary>
    /// <remarks>
    /// Where a word could continue more than one cell ("föregående" under "Utfall Utfall"), each way is tried: the
    /// reading with the most whole headings wins and, between readings with as many, the one whose columns stand most nearly
    /// in the city template's order (<see cref="Columns"/>: the period's outcome before last year's); failing that, the
    /// word goes to the first such cell.
    /// </remarks>
    public static List<string> Read(IReadOnlyList<IReadOnlyList<string>> lines)
    {
        var words = new List<(string Word, string Normal, int Line)>();
        for (var l = 0; l < lines.Count; l++)
            foreach (var word in lines[l]) words.Add((word, Normal([word]), l));
        List<string>? best = null;
        (int Whole, int Order) bestScore = default;
        var tries = 0;
        void Search(int w, HeaderCells cells, int cursor, int line)
        {
            if (++tries > MaxReadings && best is not null) return;
            if (w == words.Count)
            {
                var columns = Reading(cells);
                var score = (Whole: columns.Whole, Order: -Disorder(columns.Keys));
                if (best is null || score.CompareTo(bestScore) > 0) (best, bestScore) = (columns.Keys, score);
                return;
            }
            var (word, normal, l) = words[w];
            if (l != line) cursor = 0;
            var continued = false;
            if (!StartsCell(word))
            {
                for (var c = cursor; c < cells.Count; c++)
                {
                    if (cells[c].Line < l - 1 || !Starts.Contains(cells[c].Normal + normal)) continue;
                    continued = true;
                    Search(w + 1, cells.With(c, word, normal, l), c, l);
                }
            }
            if (!continued) Search(w + 1, cells.Add(word, normal, l), cells.Count, l);
        }
        Search(0, HeaderCells.Empty, 0, 0);
        return best ?? [];
    }

    /// <summary>The most readings of a header tried; past it the first reading found stands (a header has a handful).</summary>
    private const int MaxReadings = 4096;

    /// <summary>The columns the cells make, in their order, each once, and how many cells are whole headings.</summary>
    private static (List<string> Keys, int Whole) Reading(HeaderCells cells)
    {
        var headings = new List<string?>();
        var years = new List<int>();
        for (var c = 0; c < cells.Count; c++)
        {
            var (first, joined, _, year) = cells[c];
            if (IsOtherHeading(first))
            {
                headings.Add(Other(first)); // a column not known: kept where it stands, not counted as a whole heading
                years.Add(0);
                continue;
            }
            if (char.IsLower(first[0]) || char.IsDigit(first[0]) || !Keys.TryGetValue(joined, out var key)) continue;
            headings.Add(key);
            years.Add(year);
        }
        ByYear(headings, years);
        var keys = new List<string>();
        foreach (var key in headings)
            if (key is not null && (IsOther(key) || !keys.Contains(key))) keys.Add(key);
        return (keys, headings.Count(h => !IsOther(h)));
    }

    /// <summary>How many pairs of columns stand in the opposite order to the city template's.</summary>
    private static int Disorder(List<string> keys)
    {
        var disorder = 0;
        for (var i = 0; i < keys.Count; i++)
            for (var j = i + 1; j < keys.Count; j++)
                if (TemplateOrder(keys[i]) > TemplateOrder(keys[j])) disorder++;
        return disorder;
    }

    private static int TemplateOrder(string key) => Array.FindIndex(Columns, c => c.Key == key);

    /// <summary>
    /// The cells of a header read so far: each its first word, its words run together, the line of its last word and the
    /// year it ends with (<see cref="YearOf"/>: "Utfall" / "2025").
    /// </summary>
    private sealed class HeaderCells
    {
        public static readonly HeaderCells Empty = new([]);

        private readonly (string First, string Normal, int Line, int Year)[] _cells;

        private HeaderCells((string First, string Normal, int Line, int Year)[] cells) => _cells = cells;

        public int Count => _cells.Length;

        public (string First, string Normal, int Line, int Year) this[int index] => _cells[index];

        public HeaderCells Add(string word, string normal, int line) => new([.. _cells, (word, normal, line, YearOf(word))]);

        public HeaderCells With(int index, string word, string normal, int line)
        {
            var cells = ((string First, string Normal, int Line, int Year)[])_cells.Clone();
            cells[index] = (cells[index].First, cells[index].Normal + normal, line, YearOf(word));
            return new(cells);
        }
    }
}
