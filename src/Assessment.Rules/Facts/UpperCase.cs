namespace Assessment.Rules.Facts;

/// <summary>
/// Text in upper case exactly as <see cref="string.ToUpperInvariant()"/> gives it, with the letters of Swedish text
/// (a–z and the Latin-1 letters à–þ: å, ä, ö, é …) mapped in the loop itself. The runtime's own mapping takes
/// its slow path at every character beyond ASCII, and the indicators' names are folded at every rating.
/// </summary>
internal static class UpperCase
{
    public static string Of(string text)
    {
        // A surrogate pair maps as one character: such a text is left to the runtime.
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0) return text.ToUpperInvariant();
        return string.Create(text.Length, text, static (upper, source) =>
        {
            for (var i = 0; i < source.Length; i++) upper[i] = Of(source[i]);
        });
    }

    private static char Of(char c) => c switch
    {
        >= 'a' and <= 'z' => (char)(c - 0x20),
        < (char)0x80 => c,
        >= (char)0xE0 and <= (char)0xFE and not (char)0xF7 => (char)(c - 0x20), // à–þ, not ÷
        _ => char.ToUpperInvariant(c),
    };
}
