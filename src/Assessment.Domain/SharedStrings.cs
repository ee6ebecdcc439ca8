using System.Text;

namespace Assessment.Domain;

/// <summary>
/// Strings made from a file's bytes or from a part of a text, shared when the same short text comes again: a dataset
/// repeats its units, periodicities, ratings, "Analys."-like texts and figures, and a folder of datasets the same
/// goal trees and indicator names district after district. One table per thread, never growing: <see cref="Slots"/>
/// places, a text's hash picks its place and a different text there replaces it. So a thread holds at most
/// <see cref="Slots"/> strings of at most <see cref="MaxChars"/> characters (about 1.2 MiB), whatever it reads.
/// </summary>
internal static class SharedStrings
{
    /// <summary>The places of a thread's table (a power of two).</summary>
    internal const int Slots = 4096;

    /// <summary>The longest text kept for sharing, in characters (from bytes: in UTF-8 bytes); a longer one is made each time.</summary>
    internal const int MaxChars = 128;

    [ThreadStatic] private static string?[]? _table;

    /// <summary>The text of <paramref name="utf8"/>, as <see cref="Encoding.UTF8"/> decodes it.</summary>
    /// <remarks>
    /// ASCII (figures, units, codes: most short values) is looked up by its bytes, so a text already in the table is
    /// found without decoding it; the table's places are the same either way (<see cref="Hash{T}"/> of the code units).
    /// </remarks>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxChars) return Encoding.UTF8.GetString(utf8);
        if (!Ascii.IsValid(utf8))
        {
            // A character is at least one byte, so the text fits.
            Span<char> chars = stackalloc char[MaxChars];
            return Get(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
        }
        if (utf8.IsEmpty) return "";
        ref var slot = ref Slot(Hash(utf8));
        if (slot is { } shared && Ascii.Equals(utf8, shared)) return shared;
        return slot = Encoding.ASCII.GetString(utf8);
    }

    /// <summary><paramref name="text"/> as a string.</summary>
    public static string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return "";
        if (text.Length > MaxChars) return new string(text);
        ref var slot = ref Slot(Hash(text));
        if (slot is { } shared && text.SequenceEqual(shared)) return shared;
        return slot = new string(text);
    }

    private static ref string? Slot(uint hash) => ref (_table ??= new string?[Slots])[hash & (Slots - 1)];

    /// <summary>
    /// FNV-1a over the code units: the same for a text's ASCII bytes and its characters. Not randomised, as
    /// <see cref="string.GetHashCode()"/> is: texts that collide only replace each other in the table, never slow it.
    /// </summary>
    private static uint Hash<T>(ReadOnlySpan<T> units) where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var hash = 2166136261u;
        foreach (var unit in units) hash = (hash ^ uint.CreateTruncating(unit)) * 16777619u;
        return hash;
    }
}
