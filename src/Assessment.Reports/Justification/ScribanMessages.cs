using System.Text.RegularExpressions;
using Scriban.Parsing;
using Scriban.Syntax;

namespace Assessment.Reports.Justification;

/// <summary>
/// Scriban's parser and runtime messages in Swedish, by kind: its English sentences are never shown. The
/// piece of template a message quotes (between backticks) is kept, so the author sees what was meant. A
/// message not recognised (a newer Scriban) becomes a general description with that piece. Our own
/// messages, raised through Scriban (an include outside the folder), are Swedish already and kept.
/// </summary>
internal static partial class ScribanMessages
{
    private static readonly (Regex Pattern, string Swedish)[] Known =
    [
        (new(@"<end> statement was not found", RegexOptions.IgnoreCase), "ett block ({{ if }}, {{ for }}, {{ func }} …) saknar sitt {{ end }}"),
        (new(@"<end> statement.*without a corresponding beginning", RegexOptions.IgnoreCase), "{{ end }} utan ett block att avsluta"),
        (new(@"variable or function `([^`]*)` was not found", RegexOptions.IgnoreCase), "variabeln eller funktionen `$1` finns inte"),
        (new(@"string not terminated", RegexOptions.IgnoreCase), "en text inom citattecken stängs aldrig"),
        (new(@"Unexpected code (block|clock) exit", RegexOptions.IgnoreCase), "\"}}\" utan \"{{\" före"),
        (new(@"Unexpected } while no matching \{", RegexOptions.IgnoreCase), "\"}\" utan \"{\" före"),
        (new(@"Unexpected token while already in a code block", RegexOptions.IgnoreCase), "\"{{\" inne i ett kodblock: stäng det förra med \"}}\" först"),
        (new(@"Opened interpolated expression not closed", RegexOptions.IgnoreCase), "ett uttryck inom {} i en text stängs inte på samma rad"),
        (new(@"Expecting a closing parenthesis|Expecting a closing `\)`", RegexOptions.IgnoreCase), "väntade \")\""),
        (new(@"Expecting a comma to separate arguments", RegexOptions.IgnoreCase), "väntade \",\" mellan argumenten"),
        (new(@"Expecting 'in' word instead of `([^`]*)`", RegexOptions.IgnoreCase), "väntade \"in\" i for-loopen, fick `$1`"),
        (new(@"Expecting an <expression> to the right of the operator instead of `([^`]*)`", RegexOptions.IgnoreCase), "väntade ett uttryck efter operatorn, fick `$1`"),
        (new(@"Expecting <expression> instead of `([^`]*)`", RegexOptions.IgnoreCase), "väntade ett uttryck, fick `$1`"),
        (new(@"Expecting a variable instead of `([^`]*)`", RegexOptions.IgnoreCase), "väntade en variabel, fick `$1`"),
        (new(@"Unexpected escape character `([^`]*)`", RegexOptions.IgnoreCase), "okänd escape-sekvens `$1` i en text"),
        (new(@"Invalid token( found)? `([^`]*)`", RegexOptions.IgnoreCase), "ogiltigt tecken `$2`"),
        (new(@"Unexpected token( found)? `([^`]*)`", RegexOptions.IgnoreCase), "oväntat `$2`"),
        (new(@"Unexpected token (\S+)$", RegexOptions.IgnoreCase), "oväntat `$1`"),
        (new(@"Cannot get (the )?member (with name )?`?([^`\s]+?)`?\.?$", RegexOptions.IgnoreCase), "`$3` finns inte här"),
        (new(@"Unexpected keyword found `([^`]*)`", RegexOptions.IgnoreCase), "oväntat nyckelord `$1`"),
        (new(@"A else condition must be preceded", RegexOptions.IgnoreCase), "{{ else }} utan {{ if }} före"),
        (new(@"The <break> statement|The <continue> statement", RegexOptions.IgnoreCase), "break och continue får bara stå i en loop"),
        (new(@"Cannot divide by 0", RegexOptions.IgnoreCase), "division med noll"),
        (new(@"Exceeding number of iteration limit `(\d+)`", RegexOptions.IgnoreCase), "en loop går fler än $1 varv"),
        (new(@"Exceeding (number of )?recursive depth limit `?(\d*)", RegexOptions.IgnoreCase), "funktioner anropar varandra djupare än tillåtet"),
        (new(@"Range expression exceeds LoopLimit", RegexOptions.IgnoreCase), "ett intervall är längre än en loop får gå"),
        (new(@"`([^`]*)` is null\. Cannot access (member|indexer|property)", RegexOptions.IgnoreCase), "`$1` är tomt (null): det har inga delar att läsa"),
        (new(@"Invalid number of (arguments|parameters)", RegexOptions.IgnoreCase), "fel antal argument i ett funktionsanrop"),
        (new(@"`([^`]*)` is not a function", RegexOptions.IgnoreCase), "`$1` är ingen funktion"),
        (new(@"Unable to convert type `([^`]*)` to `([^`]*)`", RegexOptions.IgnoreCase), "ett värde av typen `$1` kan inte användas som `$2`"),
        (new(@"Cannot set (a )?value", RegexOptions.IgnoreCase), "värdet kan inte ändras"),
        (new(@"The function `([^`]*)`", RegexOptions.IgnoreCase), "funktionen `$1` kan inte anropas så här"),
        (new(@"Unable to include|include", RegexOptions.IgnoreCase), "mallen kan inte inkluderas"),
        (new(@"Operator `([^`]*)` is not supported", RegexOptions.IgnoreCase), "operatorn `$1` går inte att använda på dessa värden"),
    ];

    /// <summary>The Swedish for a message from Scriban's parser or runtime (without the "mallen …: " callers put first).</summary>
    public static string Describe(string message, bool running)
    {
        if (message.Any(c => c is 'å' or 'ä' or 'ö' or 'Å' or 'Ä' or 'Ö')) return message; // ours, raised through Scriban
        foreach (var (pattern, swedish) in Known)
        {
            var match = pattern.Match(message);
            if (match.Success) return match.Result(swedish);
        }
        var quoted = Quoted().Match(message) is { Success: true } q ? $" (vid `{q.Groups[1].Value}`)" : "";
        return (running ? "ett fel när mallen kördes här" : "mallen följer inte Scribans syntax här") + quoted;
    }

    /// <summary>The Swedish for what a run of a template threw: one of ours (<see cref="OurError"/>) as it is, Scriban's described.</summary>
    public static string Describe(ScriptRuntimeException e) => e is OurError ? e.OriginalMessage : Describe(e.OriginalMessage, running: true);

    /// <summary>An error of ours raised through Scriban (an include refused): its message is Swedish already, and kept.</summary>
    internal sealed class OurError(SourceSpan span, string message) : ScriptRuntimeException(span, message);

    [GeneratedRegex("`([^`]{1,60})`")]
    private static partial Regex Quoted();
}
