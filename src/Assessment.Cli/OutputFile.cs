using Assessment.Domain;

namespace Assessment.Cli;

/// <summary>Writes an output file whole or not at all: a temporary file beside it, then a rename.</summary>
internal static class OutputFile
{
    /// <summary>
    /// Checks that <paramref name="path"/> can be written – not an input, not a folder, in a folder that
    /// exists – and returns its full path. Commands call it before they write anything else (the log).
    /// </summary>
    public static string Check(string path, string flag = "-o")
    {
        Inputs.RefuseInputAsOutput(path, flag);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new InputException(SourcePosition.StartOf(path), "det är en mapp: ange en fil att skriva till");
        var directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory))
            throw new InputException(SourcePosition.StartOf(path), $"mappen {directory ?? path} finns inte");
        return full;
    }

    public static void WriteAtomically(string path, byte[] content)
    {
        var full = Check(path);
        var directory = Path.GetDirectoryName(full)!;
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
