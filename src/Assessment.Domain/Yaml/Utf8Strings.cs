using System.Text;

namespace Assessment.Domain.Yaml;

/// <summary>
/// Strings made from a file's UTF-8 bytes, shared when the same short text comes again: a dataset repeats its units,
/// periodicities, ratings, "Analys."-like texts and figures, and a folder of datasets the same goal trees and
/// indicator names district after district. One table per thread, never growing: <see cref="Slots"/> places, a
/// text's hash picks its place and a different text there replaces it. So a thread holds at most
/// <see cref="Slots"/> strings of at most <see cref="MaxChars"/> characters (about 1.2 MiB), whatever it reads.
/// </summary>
internal static class Utf8Strings
{
    /// <summary>The places of a thread's table (a power of two).</summary>
    internal const int Slots = 4096;

    /// <summary>The longest text kept for sharing, in UTF-8 bytes (and so in characters); a longer one is made each time.</summary>
    internal const int MaxChars = 128;

    [ThreadStatic] private static string?[]? _table;

    /// <summary>The text of <paramref name="utf8"/>, as <see cref="Encoding.UTF8"/> decodes it; a short one shared with its earlier copies on this thread.</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return "";
        if (utf8.Length > MaxChars) return Encoding.UTF8.GetString(utf8);
        Span<char> chars = stackalloc char[MaxChars];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        var text = chars[..length];
        var table = _table ??= new string?[Slots];
        ref var slot = ref table[string.GetHashCode(text) & (Slots - 1)];
        if (slot is { } shared && text.SequenceEqual(shared)) return shared;
        return slot = new string(text);
    }
}
