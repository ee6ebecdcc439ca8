namespace Assessment.Domain.Model;

/// <summary>One word of a vocabulary: the value, its code (YAML, JSON, templates, CSS) and its Swedish display text.</summary>
public interface ITerm<out T> where T : struct, Enum
{
    T Value { get; }

    /// <summary>The code in files, JSON and the template model ("ej_bedomd", "verksamhetsomradesmal").</summary>
    string Code { get; }

    /// <summary>How the word is written in running Swedish text ("ej bedömd", "verksamhetsområdesmål").</summary>
    string Label { get; }

    /// <summary>Every spelling a reader accepts (surrounding blanks ignored); the code alone unless a term says more.</summary>
    IReadOnlyList<string> Spellings => [Code];
}

/// <summary>
/// One vocabulary (ratings, levels, directions …) as one table: every value of <typeparamref name="T"/> exactly once,
/// with its code, display text and the other columns of <typeparamref name="TTerm"/>. Readers parse with it, writers,
/// reports and the template model write with it, and a test checks the JSON schemas' enums against it – so each word
/// is spelled here and nowhere else.
/// </summary>
public sealed class Vocabulary<T, TTerm> where T : struct, Enum where TTerm : ITerm<T>
{
    private readonly TTerm[] _terms;

    /// <summary>Each spelling with the value it names, in the terms' order: what <see cref="Find"/> looks through.</summary>
    private readonly (string Spelling, T Value)[] _spellings;

    /// <param name="unknown">The start of the message for a word not in the table: "okänt betyg".</param>
    public Vocabulary(string unknown, params TTerm[] terms)
    {
        Unknown = unknown;
        Terms = _terms = terms;
        // Plain loops over a handful of terms, no dictionary and no LINQ: every start makes these ten tables, and
        // each generic instantiation over an enum is native code of its own to load. A value listed twice fails
        // here; a value missing fails VocabularyTests, which compares each table with Enum.GetValues – not done
        // here, where it cost a cold start reflection over ten enums for a check of the source.
        // Each term is asked for its spellings once (a term makes its list anew every time it is asked).
        var lists = new IReadOnlyList<string>[terms.Length];
        var count = 0;
        for (var i = 0; i < terms.Length; i++)
        {
            for (var j = 0; j < i; j++)
                if (EqualityComparer<T>.Default.Equals(terms[j].Value, terms[i].Value))
                    throw new ArgumentException($"{terms[i].Value} står två gånger i ordlistan", nameof(terms));
            lists[i] = terms[i].Spellings;
            count += lists[i].Count;
        }
        _spellings = new (string, T)[count];
        var k = 0;
        for (var i = 0; i < terms.Length; i++)
            for (var j = 0; j < lists[i].Count; j++) _spellings[k++] = (lists[i][j], terms[i].Value);
    }

    /// <summary>The start of the message for a word not in the table, in Swedish: "okänt betyg", "okänd riktning".</summary>
    public string Unknown { get; }

    public IReadOnlyList<TTerm> Terms { get; }

    public IReadOnlyList<string> Codes => [.. Terms.Select(t => t.Code)];

    /// <summary>Every accepted spelling, codes first: what a schema's enum allows.</summary>
    public IReadOnlyList<string> Spellings => [.. Terms.SelectMany(t => t.Spellings).Distinct()];

    /// <summary>Whether a word is recognised whatever its case (the dataset's words: "Tertial", "tertial").</summary>
    public bool IgnoreCase { get; init; }

    public TTerm this[T value]
    {
        get
        {
            foreach (var term in _terms)
                if (EqualityComparer<T>.Default.Equals(term.Value, value)) return term;
            throw new KeyNotFoundException($"{value} saknas i ordlistan");
        }
    }

    /// <summary>The value a code or another accepted spelling names (ignoring case and surrounding blanks), or null.</summary>
    public T? Find(string text)
    {
        // Loops, not LINQ: every indicator of a dataset file is read through here (no allocation per word).
        var trimmed = text.AsSpan().Trim();
        var comparison = IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var (spelling, value) in _spellings)
            if (trimmed.Equals(spelling, comparison)) return value;
        return null;
    }

    /// <summary>As <see cref="Find"/>; an unknown word is a <see cref="FormatException"/> naming the accepted ones.</summary>
    public T Parse(string text, string? expected = null) =>
        Find(text) ?? throw new FormatException($"{Unknown} \"{text}\": väntade {expected ?? Vocabularies.Listed(Codes)}");

    /// <summary>The terms as a message lists them, each shown by <paramref name="shown"/>: "\"Tertial\" eller \"År\"".</summary>
    public string Listed(Func<TTerm, string> shown) => Vocabularies.Listed([.. Terms.Select(shown)]);
}

/// <param name="Phrase">The report's rating line: "Uppfylls helt", "Ej bedömd".</param>
/// <param name="Symbol">The city's symbol for the rating (coloured in HTML).</param>
public sealed record RatingTerm(Rating Value, string Code, string Label, string Phrase, string Symbol) : ITerm<Rating>;

/// <param name="Heading">The report's heading for a goal of the level: "KF:s inriktningsmål".</param>
public sealed record LevelTerm(GoalLevel Value, string Code, string Label, string Heading) : ITerm<GoalLevel>;

/// <param name="Word">The dataset's word: "högre", "lägre".</param>
public sealed record DirectionTerm(Direction Value, string Code, string Label, string Word) : ITerm<Direction>
{
    public IReadOnlyList<string> Spellings => [Word, Code];
}

/// <param name="Label">The plan's Periodicitet column: "Tertial", "År".</param>
public sealed record PeriodicityTerm(Periodicity Value, string Code, string Label, params string[] Other) : ITerm<Periodicity>
{
    public IReadOnlyList<string> Spellings => [Label, Code, .. Other];
}

/// <param name="Label">What the report calls the indicators: "KF:s indikatorer".</param>
public sealed record IndicatorKindTerm(IndicatorKind Value, string Code, string Label) : ITerm<IndicatorKind>;

/// <param name="Code">As a period is written: "T1" in "T1 2026".</param>
/// <param name="Label">The report it is: "tertialrapport 1".</param>
public sealed record PeriodKindTerm(PeriodKind Value, string Code, string Label) : ITerm<PeriodKind>;

/// <summary>Evidence: which of an indicator's figures a rule set compares ("prognos", "utfall", "utfall_tertial").</summary>
public sealed record ValueSourceTerm(ValueSource Value, string Code, string Label) : ITerm<ValueSource>;

/// <summary>Evidence: which target column a rule set compares with ("arsmal", "kf_arsmal").</summary>
public sealed record TargetSourceTerm(TargetSource Value, string Code, string Label) : ITerm<TargetSource>;

/// <summary>Which rating of a sub-goal its parent rolls up ("slutligt", "harlett").</summary>
public sealed record RollUpTerm(RollUpSource Value, string Code, string Label) : ITerm<RollUpSource>;

/// <summary>Where a goal's final rating comes from without an override (<c>--final</c>, the decision log): "derived", "recorded".</summary>
public sealed record FinalSourceTerm(FinalSource Value, string Code, string Label) : ITerm<FinalSource>;

/// <summary>The vocabularies of the domain, each declared once.</summary>
public static class Vocabularies
{
    /// <summary>"a, b eller c": alternatives as a Swedish message lists them.</summary>
    public static string Listed(IReadOnlyList<string> words) =>
        words.Count == 1 ? words[0] : $"{string.Join(", ", words.Take(words.Count - 1))} eller {words[^1]}";

    public static readonly Vocabulary<Rating, RatingTerm> Ratings = new("okänt betyg",
        new(Rating.Fully, "helt", "helt", "Uppfylls helt", "●"),
        new(Rating.Partly, "delvis", "delvis", "Uppfylls delvis", "◐"),
        new(Rating.NotMet, "inte", "inte", "Uppfylls inte", "○"),
        new(Rating.NotAssessed, "ej_bedomd", "ej bedömd", "Ej bedömd", "–"));

    public static readonly Vocabulary<GoalLevel, LevelTerm> Levels = new("okänd nivå",
        new(GoalLevel.DirectionGoal, "inriktningsmal", "inriktningsmål", "KF:s inriktningsmål"),
        new(GoalLevel.ServiceAreaGoal, "verksamhetsomradesmal", "verksamhetsområdesmål", "KF:s mål för verksamhetsområdet"),
        new(GoalLevel.BoardGoal, "namndmal", "nämndmål", "Nämndmål"));

    public static readonly Vocabulary<Direction, DirectionTerm> Directions = new("okänd riktning",
        new(Direction.HigherIsBetter, "hogre", "högre är bättre", "högre"),
        new(Direction.LowerIsBetter, "lagre", "lägre är bättre", "lägre")) { IgnoreCase = true };

    /// <summary>The plan's Periodicitet column: "Tertial" or "År" (the codes and lower case are read too).</summary>
    public static readonly Vocabulary<Periodicity, PeriodicityTerm> Periodicities = new("okänd periodicitet",
        new(Periodicity.Tertial, "tertial", "Tertial"),
        new(Periodicity.Year, "ar", "År", "år")) { IgnoreCase = true };

    public static readonly Vocabulary<IndicatorKind, IndicatorKindTerm> IndicatorKinds = new("okänt indikatorslag",
        new(IndicatorKind.Kf, "kf", "KF:s indikatorer"),
        new(IndicatorKind.Board, "namnd", "Nämndens indikatorer"));

    public static readonly Vocabulary<PeriodKind, PeriodKindTerm> PeriodKinds = new("okänd period",
        new(PeriodKind.T1, "T1", "tertialrapport 1"),
        new(PeriodKind.T2, "T2", "tertialrapport 2"),
        new(PeriodKind.VB, "VB", "verksamhetsberättelse"),
        new(PeriodKind.VP, "VP", "verksamhetsplan"));

    public static readonly Vocabulary<ValueSource, ValueSourceTerm> ValueSources = new("okänd värdekälla",
        new(ValueSource.Forecast, "prognos", "Prognos helår"),
        new(ValueSource.Outcome, "utfall", "Periodens utfall"),
        new(ValueSource.TertialOutcome, "utfall_tertial", "Periodens utfall för tertialindikatorer"));

    public static readonly Vocabulary<TargetSource, TargetSourceTerm> TargetSources = new("okänd målkälla",
        new(TargetSource.AnnualTarget, "arsmal", "Årsmål"),
        new(TargetSource.CityTarget, "kf_arsmal", "KF:s årsmål"));

    public static readonly Vocabulary<RollUpSource, RollUpTerm> RollUps = new("okänt värde",
        new(RollUpSource.Final, "slutligt", "slutligt betyg"),
        new(RollUpSource.Derived, "harlett", "härlett betyg"));

    public static readonly Vocabulary<FinalSource, FinalSourceTerm> FinalSources = new("okänd källa",
        new(FinalSource.Derived, "derived", "slutligt betyg = överstyrning, annars regelverkets"),
        new(FinalSource.Recorded, "recorded", "slutligt betyg = överstyrning, annars det publicerade betyget"));
}
