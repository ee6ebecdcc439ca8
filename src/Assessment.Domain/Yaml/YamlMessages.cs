namespace Assessment.Domain.Yaml;

/// <summary>
/// YamlDotNet's messages in Swedish, by kind: the scanner's and the parser's English sentences are never
/// shown. A message not in the table (a newer YamlDotNet) falls back on what the sentence is about – a
/// quoted text, a list or mapping in brackets, a tab, a tag – and, failing that, on a general description.
/// </summary>
public static class YamlMessages
{
    private const string Quoting = "sätt texten inom citattecken om den innehåller \": \" eller börjar med ett specialtecken";

    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["While parsing a flow sequence, did not find expected ',' or ']'."] = "väntade ',' eller ']' i en lista inom hakparenteser",
        ["While parsing a flow mapping, did not find expected ',' or '}'."] = "väntade ',' eller '}' i en mappning inom klammerparenteser",
        ["While parsing a flow mapping,  did not find expected ',' or '}'."] = "väntade ',' eller '}' i en mappning inom klammerparenteser",
        ["While parsing a block mapping, did not find expected key."] = "väntade en nyckel (namn: värde) med samma indrag som raderna ovanför: kontrollera indraget",
        ["While parsing a block collection, did not find expected '-' indicator."] = "väntade en listpost (\"- \") med samma indrag som posterna ovanför: kontrollera indraget",
        ["While parsing a node, did not find expected node content."] = "väntade ett värde här",
        ["While parsing a node, did not find expected token."] = "väntade ett värde här",
        ["While parsing a node, found more than one anchor."] = "mer än ett ankare (&namn) på samma värde",
        ["While parsing a node, found undefined tag handle."] = "okänd tagg (!): taggar används inte i våra filer",
        ["Mapping values are not allowed in this context."] = $"ett kolon följt av mellanslag där inget värde får börja: {Quoting}",
        ["Mapping keys are not allowed in this context."] = $"en nyckel där ingen nyckel får stå: {Quoting}",
        ["Block sequence entries are not allowed in this context."] = "en listpost (\"- \") där ingen lista får börja: kontrollera indraget",
        ["While scanning a simple key, could not find expected ':'."] = "väntade ':' efter nyckeln (en nyckel skrivs namn: värde på en rad)",
        ["While scanning a plain scalar value, found invalid mapping."] = $"ett kolon följt av mellanslag mitt i ett värde: {Quoting}",
        ["While scanning a multiline plain scalar, found invalid mapping."] = $"ett kolon följt av mellanslag mitt i ett värde över flera rader: {Quoting}",
        ["While scanning a mapping, found invalid tab as indentation."] = TabIndent,
        ["While scanning a plain scalar, found a tab character that violate indentation."] = TabIndent,
        ["While scanning a quoted scalar, found unexpected end of stream."] = "citattecknet stängs aldrig: filen tar slut inne i en text inom citattecken",
        ["While scanning a quoted scalar, found unexpected document indicator."] = "citattecknet stängs inte före en rad med --- eller ...",
        ["While scanning a multi-line double-quoted scalar, found wrong indentation."] = "en text inom citattecken fortsätter på en rad med för litet indrag: har citattecknet stängts?",
        ["While scanning a quoted scalar, found unknown escape character."] = "okänd escape-sekvens (\\) i en text inom dubbla citattecken: skriv \\\\ för ett bakåtsnedstreck eller använd enkla citattecken",
        ["While scanning a quoted scalar, did not find expected hexadecimal number."] = "ogiltig escape-sekvens (\\x, \\u) i en text inom dubbla citattecken",
        ["While scanning a quoted scalar, found invalid Unicode character escape code."] = "ogiltig escape-sekvens (\\u) i en text inom dubbla citattecken",
        ["While scanning a quoted scalar, found invalid Unicode surrogates."] = "ogiltig escape-sekvens (\\u) i en text inom dubbla citattecken",
        ["While scanning for the next token, found character that cannot start any token."] = $"ett tecken som inget värde får börja med (som @ eller `): {Quoting}",
        ["While scanning plain scalar, found a comment between adjacent scalars."] = "en kommentar (#) mitt i ett värde: sätt värdet inom citattecken",
        ["While scanning a block scalar, did not find expected comment or line break."] = "väntade radbrytning efter | eller > (en text över flera rader börjar på nästa rad)",
        ["While scanning a block scalar, found an indentation indicator equal to 0."] = "indragssiffran efter | eller > får inte vara 0",
        ["While scanning a literal block scalar, found extra spaces in first line."] = "den första raden i en text över flera rader är indragen mer än de följande",
        ["While scanning a literal block scalar, found more spaces in lines above first content line."] = "tomma rader före texten är indragna mer än texten",
        ["While scanning a document end, found invalid content after '...' marker."] = "text efter dokumentslutet (...)",
        ["While scanning a flow entry, found invalid comment after comma."] = "en kommentar (#) direkt efter ett kommatecken: sätt ett mellanslag före #",
        ["While scanning a flow sequence end, found invalid comment after ']'."] = "en kommentar (#) direkt efter ']': sätt ett mellanslag före #",
        ["While scanning a flow sequence end, found invalid comment after double-quoted scalar."] = "en kommentar (#) direkt efter ett citattecken: sätt ett mellanslag före #",
        ["Anchor before sequence entry on same line is not allowed."] = "ett ankare (&namn) före en listpost på samma rad",
        ["Did not find expected <document end>."] = "väntade dokumentets slut",
        ["Did not find expected <document start>."] = "väntade dokumentets början (---)",
        ["Expected DOCUMENT-END."] = "väntade dokumentets slut",
        ["Expected DOCUMENT-START or STREAM-END"] = "väntade dokumentets början (---) eller filens slut",
        ["Found duplicate %YAML directive."] = "%YAML anges två gånger",
        ["Found duplicate %TAG directive."] = "%TAG anges två gånger",
        ["Duplicate %TAG directive."] = "%TAG anges två gånger",
        ["Found incompatible YAML document."] = "en YAML-version (%YAML) som inte stöds",
        ["Incompatible %YAML directive"] = "en YAML-version (%YAML) som inte stöds",
    };

    /// <summary>The Swedish for one of YamlDotNet's messages, without the "ogiltig YAML: " that callers put before it.</summary>
    public static string Describe(string message)
    {
        if (Known.TryGetValue(message.Trim(), out var known)) return known;
        if (message.StartsWith("Duplicate key", StringComparison.OrdinalIgnoreCase)
            || message.StartsWith("Encountered duplicate key", StringComparison.OrdinalIgnoreCase)
            || message.StartsWith("An item with the same key", StringComparison.OrdinalIgnoreCase))
            return DuplicateKey;
        if (!IsEnglish(message)) return message; // our own (GuardedParser's) messages are Swedish already
        return message switch
        {
            _ when message.Contains("quoted scalar", StringComparison.OrdinalIgnoreCase) => "en text inom citattecken som inte stämmer: har citattecknet stängts?",
            _ when message.Contains("flow sequence", StringComparison.OrdinalIgnoreCase) => "en lista inom hakparenteser som inte stämmer: väntade ',' eller ']'",
            _ when message.Contains("flow mapping", StringComparison.OrdinalIgnoreCase) => "en mappning inom klammerparenteser som inte stämmer: väntade ',' eller '}'",
            _ when message.Contains("tab", StringComparison.OrdinalIgnoreCase) && !message.Contains("tag", StringComparison.OrdinalIgnoreCase) => TabIndent,
            _ when message.Contains("tag", StringComparison.OrdinalIgnoreCase) => "en tagg (!) som inte kan läsas: taggar används inte i våra filer",
            _ when message.Contains("anchor", StringComparison.OrdinalIgnoreCase) || message.Contains("alias", StringComparison.OrdinalIgnoreCase) => "ankare och alias (&namn, *namn) stöds inte: skriv ut värdet där det behövs",
            _ when message.Contains("directive", StringComparison.OrdinalIgnoreCase) => "ett direktiv (%) som inte kan läsas: direktiv används inte i våra filer",
            _ when message.Contains("end of the stream", StringComparison.OrdinalIgnoreCase) || message.Contains("end of stream", StringComparison.OrdinalIgnoreCase) => "filen tar slut mitt i ett värde",
            _ when message.Contains("indentation", StringComparison.OrdinalIgnoreCase) => "fel indrag: kontrollera att raderna på samma nivå har samma indrag",
            _ => "texten följer inte YAML:s regler här: kontrollera citattecken, indrag, kolon och parenteser",
        };
    }

    public const string DuplicateKey = "samma nyckel förekommer två gånger i mappningen";

    public const string TabIndent = "tabb i indraget: YAML dras in med mellanslag, inte tabbar";

    /// <summary>
    /// The message for a document YamlDotNet gave up on without saying where or why (an exception of its own
    /// state, e.g. a list in brackets that never closes before the next key).
    /// </summary>
    public const string Unfinished = "något i filen avslutas aldrig – en lista inom [ ], en mappning inom { } eller en text inom citattecken – eller raderna efter har fel indrag";

    /// <summary>YamlDotNet's messages are English; ours always hold an å, ä or ö.</summary>
    private static bool IsEnglish(string message) => !message.Any(c => c is 'å' or 'ä' or 'ö' or 'Å' or 'Ä' or 'Ö');
}
