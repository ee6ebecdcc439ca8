using System.Globalization;
using System.Text.RegularExpressions;
using Assessment.Domain.Model;

namespace Assessment.Domain.Parsing;

/// <summary>
/// Reads figures, targets and codes as the city's reports write them. Never guesses: text that fits
/// no known form is a <see cref="FormatException"/> whose message says what was expected.
/// </summary>
public static partial class SwedishValues
{
    // "2,8 %", "1 283 st", "−0,5", "14,8 barn/avd.", "90%": thousands grouped by (non-breaking) spaces,
    // decimal comma, an optional unit that starts with a letter or "%".
    [GeneratedRegex(@"^(?<sign>[+\-\u2212])?(?<int>[0-9]{1,3}(?:[ \u00A0\u202F][0-9]{3})+|[0-9]+)(?:,(?<frac>[0-9]+))?(?:\s*(?<unit>[\p{L}%].*))?$")]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"^(?<kind>T1|T2|VB|VP)\s+(?<year>[0-9]{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodPattern();

    // The words before a target's figure: "Max 10 personer", "Minst 80 %", "+/-1 %". Only the word and the blanks
    // after it are matched (without a Match object to allocate); the rest is the figure, one line long.
    [GeneratedRegex(@"^(?:max|högst)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex UpperBoundWord();

    [GeneratedRegex(@"^(?:minst|min)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LowerBoundWord();

    [GeneratedRegex(@"^(?:\+/-|\+/\u2212|±)\s*")]
    private static partial Regex BandWord();

    [GeneratedRegex(@"^(?:tas fram|fastställs)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeferredPattern();

    private static readonly string[] IncreaseWords = ["ökning", "öka", "ökad"];
    private static readonly string[] DecreaseWords = ["minskning", "minska", "minskad"];
    private static readonly int LongestTrendWord = IncreaseWords.Concat(DecreaseWords).Max(w => w.Length);

    public const string QuantityExpectation =
        "väntade ett tal med decimalkomma och ev. enhet, t.ex. \"2,4 %\", \"17 500\" eller \"14,8 barn/avd.\"";

    public const string TargetExpectation =
        "väntade ett målvärde (\"2,4 %\", \"13 st\"), \"Ökning\"/\"Minskning\", \"Max 10 personer\", " +
        "\"+/-1 %\" eller ett ej fastställt mål (\"Tas fram av nämnd\", \"Fastställs 2025\")";

    /// <summary>A figure with optional unit. Throws <see cref="FormatException"/> when it is not one.</summary>
    public static Quantity ParseQuantity(string text) => PlainQuantity(text.Trim()) ?? QuantityByPattern(text);

    /// <summary><see cref="ParseQuantity"/> by <see cref="QuantityPattern"/> alone, whatever the form.</summary>
    internal static Quantity QuantityByPattern(string text)
    {
        var trimmed = text.Trim();
        var match = QuantityPattern().Match(trimmed);
        if (!match.Success)
            throw new FormatException($"kan inte läsa \"{text}\" som tal: {QuantityExpectation}");
        var digits = Regex.Replace(match.Groups["int"].Value, @"[ \u00A0\u202F]", "");
        var number = match.Groups["frac"].Success ? $"{digits}.{match.Groups["frac"].Value}" : digits;
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            throw new FormatException($"talet i \"{text}\" är för stort för att räknas med");
        if (match.Groups["sign"].Success && match.Groups["sign"].Value != "+") value = -value;
        return new Quantity(value, match.Groups["unit"].Value.Trim(), trimmed);
    }

    /// <summary>
    /// The common form of a figure – a sign, digits without thousands separators, a decimal comma, a unit after
    /// spaces – read without <see cref="QuantityPattern"/> and its allocations; gives what the pattern gives, or
    /// null for any other text, which the pattern then reads (or refuses).
    /// </summary>
    private static Quantity? PlainQuantity(string trimmed)
    {
        var s = trimmed.AsSpan();
        var i = 0;
        var negative = false;
        if (i < s.Length && s[i] is '+' or '-' or '\u2212')
        {
            negative = s[i] != '+';
            i++;
        }
        var digits = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        var integer = s[digits..i];
        var fraction = ReadOnlySpan<char>.Empty;
        if (integer.IsEmpty) return null;
        if (i < s.Length && s[i] == ',')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            fraction = s[start..i];
            if (fraction.IsEmpty) return null;
        }
        var unitStart = i;
        while (unitStart < s.Length && s[unitStart] == ' ') unitStart++;
        var unit = s[unitStart..];
        if (!unit.IsEmpty && (!(unit[0] == '%' || (char.IsLetter(unit[0]) && !char.IsSurrogate(unit[0]))) || unit.Contains('\n')))
            return null;
        Span<char> number = stackalloc char[64];
        if (integer.Length + fraction.Length + 1 > number.Length) return null;
        integer.CopyTo(number);
        var length = integer.Length;
        if (!fraction.IsEmpty)
        {
            number[length++] = '.';
            fraction.CopyTo(number[length..]);
            length += fraction.Length;
        }
        if (!decimal.TryParse(number[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
        unit = unit.Trim();
        return new Quantity(negative ? -value : value, unit switch { "%" => "%", "st" => "st", "" => "", _ => SharedStrings.Get(unit) }, trimmed);
    }

    /// <summary>A target in any form the reports use; null for an empty cell.</summary>
    public static Target? ParseTarget(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        // A figure first ("85 %", "17 500 st"), as most targets are: a level. Every other form starts with a word, a
        // sign or "±", so it is read only past the patterns for them.
        if (char.IsAsciiDigit(trimmed[0])) return Level(text, trimmed);
        if (DeferredPattern().IsMatch(trimmed)) return new Target.Deferred(trimmed);
        // Lower case keeps the length: only a text as short as the words can be one.
        if (trimmed.Length <= LongestTrendWord)
        {
            Span<char> lower = stackalloc char[LongestTrendWord];
            lower = lower[..trimmed.AsSpan().ToLowerInvariant(lower)];
            if (IsOneOf(lower, IncreaseWords)) return new Target.Trend(trimmed, Direction.HigherIsBetter);
            if (IsOneOf(lower, DecreaseWords)) return new Target.Trend(trimmed, Direction.LowerIsBetter);
        }

        try
        {
            if (AfterWord(UpperBoundWord(), trimmed) is { } upper)
                return new Target.UpperBound(trimmed, ParseQuantity(upper));
            if (AfterWord(LowerBoundWord(), trimmed) is { } lowerBound)
                return new Target.Level(trimmed, ParseQuantity(lowerBound), Direction.HigherIsBetter);
            if (AfterWord(BandWord(), trimmed) is { } band)
                return new Target.Band(trimmed, ParseQuantity(band));
        }
        catch (FormatException)
        {
            throw Unknown(text);
        }
        return Level(text, trimmed);
    }

    private static Target.Level Level(string text, string trimmed)
    {
        try
        {
            return new Target.Level(trimmed, ParseQuantity(trimmed));
        }
        catch (FormatException)
        {
            throw Unknown(text);
        }
    }

    private static FormatException Unknown(string text) => new($"okänt målvärde \"{text}\": {TargetExpectation}");

    private static bool IsOneOf(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var w in words)
            if (word.SequenceEqual(w)) return true;
        return false;
    }

    /// <summary>
    /// The text after <paramref name="word"/> matched at its start, when it is there and the rest is one line (what
    /// <c>^word(?&lt;rest&gt;.+)$</c> gives as rest for a trimmed text); else null.
    /// </summary>
    private static string? AfterWord(Regex word, string trimmed)
    {
        foreach (var match in word.EnumerateMatches(trimmed))
        {
            var rest = trimmed.AsSpan(match.Length);
            return rest.IsEmpty || rest.Contains('\n') ? null : SharedStrings.Get(rest);
        }
        return null;
    }

    /// <summary>"T1 2026", "T2 2026", "VB 2023".</summary>
    public const int MinYear = 1900;
    public const int MaxYear = 2999;

    public static ReportingPeriod ParsePeriod(string text)
    {
        var match = PeriodPattern().Match(text.Trim());
        if (!match.Success)
            throw new FormatException($"okänd period \"{text}\": väntade T1, T2 eller VB följt av år, t.ex. \"T1 2026\" (VP för en verksamhetsplan)");
        var kind = Vocabularies.PeriodKinds.Parse(match.Groups["kind"].Value.ToUpperInvariant());
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < MinYear or > MaxYear)
            throw new FormatException($"orimligt år i perioden \"{text}\": väntade ett år mellan {MinYear} och {MaxYear}");
        return new ReportingPeriod(kind, year);
    }

    /// <summary>"Tertial" or "År" (the plan's Periodicitet column).</summary>
    public static Periodicity ParsePeriodicity(string text) => Vocabularies.Periodicities.Parse(text, PeriodicityExpectation);

    /// <summary>What a periodicity may be, for messages: "\"Tertial\" eller \"År\"".</summary>
    public static string PeriodicityExpectation => _periodicityExpectation ??= Vocabularies.Periodicities.Listed(t => $"\"{t.Label}\"");

    // Said once, not per indicator read.
    private static string? _periodicityExpectation;
    private static string? _directionExpectation;

    /// <summary>"högre" (higher is better) or "lägre".</summary>
    public static Direction ParseDirection(string text) =>
        Vocabularies.Directions.Parse(text, _directionExpectation ??= Vocabularies.Directions.Listed(t => $"\"{t.Word}\" ({t.Label})"));

    /// <summary>An ISO date, as the activity tables write them: 2026-01-01.</summary>
    public static DateOnly ParseDate(string text) =>
        DateOrNull(text) ?? throw new FormatException($"ogiltigt datum \"{text}\": väntade ÅÅÅÅ-MM-DD, t.ex. 2026-01-01");

    /// <summary>The ISO date a text is (<see cref="ParseDate"/>), or null: for a reader that mends what is no date.</summary>
    public static DateOnly? DateOrNull(string text)
    {
        // By hand, as DateOnly.TryParseExact(…, "yyyy-MM-dd", …) reads it: its format machinery cost every activity of a cold run.
        var date = text.AsSpan().Trim();
        if (date is [_, _, _, _, '-', _, _, '-', _, _]
            && Digits(date[..4]) is var year and >= 1
            && Digits(date[5..7]) is var month and >= 1 and <= 12
            && Digits(date[8..]) is var day and >= 1 && day <= DateTime.DaysInMonth(year, month))
            return new DateOnly(year, month, day);
        return null;
    }

    /// <summary>The number the ASCII digits spell; -1 for anything else.</summary>
    private static int Digits(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
