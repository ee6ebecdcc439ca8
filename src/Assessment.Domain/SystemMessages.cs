using Assessment.Domain.Parsing;

namespace Assessment.Domain;

/// <summary>
/// What .NET's exceptions about files mean, in Swedish: their own messages (English, and naming paths in
/// their own way) are never shown. And what to say about a file that is not there.
/// </summary>
public static class SystemMessages
{
    /// <summary>Why a file could not be read or written, by the exception's kind.</summary>
    public static string Describe(Exception e) => e switch
    {
        FileNotFoundException => "filen finns inte",
        DirectoryNotFoundException => "en mapp i sökvägen finns inte",
        PathTooLongException => "sökvägen är för lång",
        UnauthorizedAccessException => "behörighet saknas",
        IOException io when (io.HResult & 0xFFFF) is 28 or 0x70 => "disken är full", // ENOSPC, ERROR_DISK_FULL
        IOException io when (io.HResult & 0xFFFF) is 30 => "filsystemet är skrivskyddat", // EROFS
        IOException io when (io.HResult & 0xFFFF) is 21 => "det är en mapp", // EISDIR
        IOException io when (io.HResult & 0xFFFF) is 36 => "namnet är för långt", // ENAMETOOLONG
        IOException io when (io.HResult & 0xFFFF) is 40 => "för många symboliska länkar i rad (en länk som pekar på sig själv?)", // ELOOP
        IOException => "läs- eller skrivfel i filsystemet",
        ArgumentException => "ogiltig sökväg (tomt namn eller otillåtna tecken)",
        NotSupportedException => "sökvägen har en form som inte stöds",
        _ => $"oväntat fel ({e.GetType().Name})",
    };

    /// <summary>
    /// Why <paramref name="path"/> cannot be found, with the nearest name in its folder as a suggestion
    /// ("filen finns inte – menade du \"exempel/x.yaml\"?", written as the path was given), or, when its
    /// folder is missing too, that folder with the nearest folder beside it.
    /// </summary>
    public static string Missing(string path, string what = "filen")
    {
        var trimmed = path.TrimEnd('/', Path.DirectorySeparatorChar);
        var folder = Path.GetDirectoryName(trimmed);
        var inFolder = string.IsNullOrEmpty(folder) ? "." : folder;
        if (!Directory.Exists(inFolder))
            return $"{what} finns inte: mappen {folder} finns inte{Near(folder!, "mappen ")}";
        return $"{what} finns inte{Near(trimmed, "")}";
    }

    /// <summary>" – menade du \"x\"?" for the existing name nearest to <paramref name="path"/>'s in its folder (written as the path was given), or "".</summary>
    public static string Near(string path, string what = "")
    {
        var name = Path.GetFileName(path);
        var folder = Path.GetDirectoryName(path);
        try
        {
            if (string.IsNullOrEmpty(name) || !Directory.Exists(string.IsNullOrEmpty(folder) ? "." : folder)) return "";
            var names = Directory.EnumerateFileSystemEntries(string.IsNullOrEmpty(folder) ? "." : folder)
                .Take(10_000).Select(Path.GetFileName).OfType<string>();
            return Suggest.Closest(name, names) is { } close ? $" – menade du {what}\"{Path.Join(folder, close)}\"?" : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return "";
        }
    }
}
