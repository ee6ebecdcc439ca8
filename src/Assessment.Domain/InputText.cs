namespace Assessment.Domain;

/// <summary>Reads an input file as UTF-8 text, turning I/O failures into an <see cref="InputException"/>.</summary>
public static class InputText
{
    /// <summary>Files larger than this are refused before they are read: no dataset or rule set comes near it.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public static string ReadFile(string path, string displayName)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                throw new InputException(SourcePosition.StartOf(displayName), "filen finns inte");
            if (info.Length > MaxBytes)
                throw new InputException(SourcePosition.StartOf(displayName),
                    $"filen är {info.Length / (1024 * 1024)} MiB: större än de {MaxBytes / (1024 * 1024)} MiB som läses");
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(SourcePosition.StartOf(displayName), $"kan inte läsa filen: {e.Message}");
        }
    }
}
