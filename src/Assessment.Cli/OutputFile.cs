using Assessment.Domain;

namespace Assessment.Cli;

/// <summary>Writes an output file whole or not at all: a temporary file beside it, then a rename.</summary>
public static class OutputFile
{
    public static void WriteAtomically(string path, byte[] content)
    {
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputException(SourcePosition.StartOf(path), $"ogiltig sökväg: {e.Message}");
        }
        if (Directory.Exists(full))
            throw new InputException(SourcePosition.StartOf(path), "det är en mapp: ange en fil att skriva till");
        var directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory))
            throw new InputException(SourcePosition.StartOf(path), $"mappen {directory ?? path} finns inte");
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new InputException(SourcePosition.StartOf(path), $"kan inte skriva filen: {e.Message}");
        }
    }
}
