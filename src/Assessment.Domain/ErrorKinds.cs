namespace Assessment.Domain;

/// <summary>A kind of error: a stable code (for the README, scripts and support) and what it means, in Swedish.</summary>
public sealed record ErrorKind(string Code, string Description)
{
    public override string ToString() => Code;
}

/// <summary>
/// Every kind of error assess reports, declared once: the codes are stable – a code is never reused for
/// another kind – and the README's list of codes is checked against this table by a test. The hundreds
/// group them: 0 the command line, 1 files, 2 the contents of YAML files, 3 rule sets and their
/// expressions, 4 templates, 5 imported reports and workbooks, 9 assess itself.
/// </summary>
public static class ErrorKinds
{
    public static readonly ErrorKind Usage = new("A001", "fel i kommandoraden: okänt kommando, okänd flagga, saknat eller ogiltigt argument");

    public static readonly ErrorKind FileMissing = new("A101", "filen eller mappen finns inte (med förslag på ett närliggande namn, och för standardfiler var de söktes)");
    public static readonly ErrorKind NotAFile = new("A102", "inte en vanlig fil: en mapp där en fil väntades, en namngiven pipe, en socket eller en enhet");
    public static readonly ErrorKind FileTooLarge = new("A103", "filen är större än vad som läses");
    public static readonly ErrorKind NotUtf8 = new("A104", "filen är inte sparad som UTF-8");
    public static readonly ErrorKind FileUnreadable = new("A105", "filen kan inte läsas: behörighet saknas, ogiltig sökväg eller läsfel");
    public static readonly ErrorKind OutputRefused = new("A106", "utdata skrivs inte: det skulle skriva över indata, eller målet är ingen vanlig fil");
    public static readonly ErrorKind OutputFailed = new("A107", "utdata kan inte skrivas: mappen finns inte, behörighet saknas eller disken är full");

    public static readonly ErrorKind YamlSyntax = new("A201", "ogiltig YAML: citattecken, indrag, tabbar, hakparenteser eller klammerparenteser som inte stämmer");
    public static readonly ErrorKind YamlDuplicateKey = new("A202", "samma nyckel två gånger i en mappning");
    public static readonly ErrorKind YamlShape = new("A203", "fel form: tom fil, flera dokument, eller en lista, mappning eller ett enkelt värde där något annat väntades");
    public static readonly ErrorKind UnknownKey = new("A204", "okänd nyckel (med förslag på den närmaste tillåtna)");
    public static readonly ErrorKind MissingValue = new("A205", "ett värde som krävs saknas eller är tomt");
    public static readonly ErrorKind BadValue = new("A206", "ett värde kan inte läsas: tal, datum, period, betyg eller kod");
    public static readonly ErrorKind Duplicate = new("A207", "samma id eller namn förekommer två gånger");
    public static readonly ErrorKind UnknownName = new("A208", "ett namn som inte finns: mål, indikator, aktivitet, faktum, tröskelvärde eller kolumn");
    public static readonly ErrorKind Inconsistent = new("A209", "uppgifterna går inte ihop: fel förälder, slut före start, överstyrning utan motivering");

    public static readonly ErrorKind ExpressionSyntax = new("A301", "syntaxfel i ett regeluttryck");
    public static readonly ErrorKind ExpressionName = new("A302", "okänt namn i ett regeluttryck: varken ett faktum eller ett tröskelvärde");
    public static readonly ErrorKind ExpressionType = new("A303", "typfel i ett regeluttryck: tal mot text, ja/nej mot tal");
    public static readonly ErrorKind ExpressionValue = new("A304", "ett regeluttryck kan inte räknas ut: division med noll, för stort tal");
    public static readonly ErrorKind RuleSetStructure = new("A305", "regelverket är ofullständigt: avsnitt, uppsamlingsregel eller tröskelvärdesnamn");
    public static readonly ErrorKind NoRuleSetInForce = new("A306", "inget regelverk gäller för perioden, eller två versioner gäller från samma dag");

    public static readonly ErrorKind Template = new("A401", "en motiveringsmall saknas, kan inte tolkas eller bryter mot mallarnas gränser");

    public static readonly ErrorKind Workbook = new("A501", "arbetsboken (.xlsx) kan inte läsas: trasig, för stor eller fel blad och kolumner");
    public static readonly ErrorKind ReportIncomplete = new("A502", "rapporten säger inte vilken nämnd eller period den gäller");

    public static readonly ErrorKind Internal = new("A901", "internt fel i assess (ett programfel, inte ett fel i indata)");

    /// <summary>Every kind, in code order.</summary>
    public static readonly IReadOnlyList<ErrorKind> All =
    [
        Usage,
        FileMissing, NotAFile, FileTooLarge, NotUtf8, FileUnreadable, OutputRefused, OutputFailed,
        YamlSyntax, YamlDuplicateKey, YamlShape, UnknownKey, MissingValue, BadValue, Duplicate, UnknownName, Inconsistent,
        ExpressionSyntax, ExpressionName, ExpressionType, ExpressionValue, RuleSetStructure, NoRuleSetInForce,
        Template,
        Workbook, ReportIncomplete,
        Internal,
    ];
}
