using Assessment.Domain.Model;
using System.Text.RegularExpressions;

namespace Assessment.Import;

/// <summary>
/// The words of an indicator table's Period cell, declared once for every layout. The cell names the period an
/// outcome is for – "Tertial 1 2026", "T1 2026", "VB 2023" (a tertial indicator), "2026", "År 2026", "Helår 2026" (a
/// yearly one) – or only the periodicity ("Tertial", "År", "Helår"). The periodicities' words are the vocabulary's;
/// the reports' codes are the period kinds' (T1, T2, VB) and T3, the third tertial where a city counts three.
/// </summary>
internal static partial class PeriodCell
{
    /// <summary>"Tertial", the word that starts a tertial indicator's Period cell.</summary>
    public static readonly string TertialWord = Vocabularies.Periodicities[Periodicity.Tertial].Label;

    /// <summary>Codes of the report a tertial indicator's outcome is given for: "T1", "T2", "T3", "VB".</summary>
    private static readonly string[] ReportCodes =
        [.. Vocabularies.PeriodKinds.Terms.Where(k => k.Value != PeriodKind.VP).Select(k => k.Code), "T3"];

    /// <summary>Words of a yearly indicator: "År", "år", "ar" (the vocabulary's), "Helår" and the adverbs "Årsvis", "Årligen", "Årlig".</summary>
    private static readonly string[] YearWords = [.. Vocabularies.Periodicities[Periodicity.Year].Spellings, "Helår", "Årsvis", "Årligen", "Årlig"];

    /// <summary>A tertial indicator's periodicity as an adverb, where a plan's Periodicitet column has it so.</summary>
    private const string TertialAdverb = "Tertialvis";

    /// <summary>Every word a Period cell can hold besides its year and tertial number, as the report spells them.</summary>
    public static IEnumerable<string> Words => [TertialWord, TertialAdverb, .. ReportCodes, .. YearWords];

    private static readonly string Tertial = $"{TertialWord}(?: [123])?|{string.Join('|', ReportCodes)}";
    private static readonly string Year = string.Join('|', YearWords);

    /// <summary>A whole cell: a period with its year ("Tertial 1 2026", "VB 2023", "År 2026", "2026"), maybe a comma before the year ("T1, 2026").</summary>
    private static readonly Regex Complete = new($@"^(?:(?:{Tertial}|{Year}),? )?\d{{4}}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The start of a period whose year wrapped to a line below ("Tertial" / "1 2026", "VB" / "2023").</summary>
    private static readonly Regex Open = new($@"^(?:{Tertial})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>A periodicity alone ("Tertial", "År", "Helår"), as the plan's Periodicitet column and some Period cells give it.</summary>
    private static readonly Regex Alone = new($@"^(?:{TertialWord}|{TertialAdverb}|{Year})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// Any Period cell, in one pass: <see cref="Complete"/>, <see cref="Open"/> or <see cref="Alone"/>, or a tertial's cell
    /// however it goes on ("Tertial 1, 2026": the tab layout keeps a cell whole). Group "kind" holds a cell that starts
    /// with a tertial's word or a report's code: the indicator is a tertial one.
    /// </summary>
    private static readonly Regex Any = new(
        $@"^(?:(?<kind>(?:{Tertial})(?:,? \d{{4}})?|{TertialWord}\b.*|{TertialAdverb})|(?:(?:{Year}),? )?\d{{4}}|(?:{Year}))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static bool IsComplete(string text) => Complete.IsMatch(text);

    public static bool IsOpen(string text) => Open.IsMatch(text);

    public static bool IsPeriodicity(string text) => Alone.IsMatch(text);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blanks();

    /// <summary>The periodicity a Period cell gives, or null when the cell is no period.</summary>
    public static Periodicity? Of(string cell)
    {
        var match = Any.Match(Blanks().Replace(cell, " ").Trim());
        return !match.Success ? null : match.Groups["kind"].Success ? Periodicity.Tertial : Periodicity.Year;
    }

    /// <summary>The periodicity's label ("Tertial", "År") for the dataset, or null.</summary>
    public static string? LabelOf(string cell) => Of(cell) is { } periodicity ? Vocabularies.Periodicities[periodicity].Label : null;
}
