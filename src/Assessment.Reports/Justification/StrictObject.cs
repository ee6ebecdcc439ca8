using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Assessment.Reports.Justification;

/// <summary>
/// A template model object whose members must exist: <c>overstyrning.motivring</c> is an error with
/// its position, not a silent empty value (Scriban's strict mode covers variables, not members).
/// </summary>
public sealed class StrictObject : ScriptObject
{
    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (base.TryGetValue(context, span, member, out value)) return true;
        throw new ScriptRuntimeException(span, UnknownMember(member, Keys));
    }

    /// <summary>The message for a member <paramref name="member"/> that is not among <paramref name="members"/> (also the load-time check's).</summary>
    internal static string UnknownMember(string member, IEnumerable<string> members) =>
        $"okänd variabel \"{member}\" (finns: {string.Join(", ", members.Order(StringComparer.Ordinal))})";
}
