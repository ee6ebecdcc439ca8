using System.Text;

namespace Assessment.Domain;

/// <summary>An input file's text and the SHA-256 of its bytes, both from one read.</summary>
public sealed record InputFile(string Text, string Sha256)
{
    /// <summary>The hash of text that did not come from a file: its UTF-8 bytes.</summary>
    public static string HashOf(string text) => Domain.Sha256.Hex(Encoding.UTF8.GetBytes(text));
}

/// <summary>An input file's bytes and the SHA-256 of them.</summary>
public sealed record InputBytes(byte[] Bytes, string Sha256);

/// <summary>Reads an input file as UTF-8 text, turning I/O failures into an <see cref="InputException"/>.</summary>
public static class InputText
{
    /// <summary>Files larger than this are refused before they are read: no dataset or rule set comes near it.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Told of every file about to be read (its path and, where the system gives one, its identity), so a
    /// command can refuse to write over any of them – a hard link to an input included.
    /// </summary>
    public static readonly AsyncLocal<Action<string, FileIdentity?>?> Reading = new();

    public static string ReadFile(string path, string displayName) => Read(path, displayName).Text;

    /// <summary>
    /// The file's bytes, at most <see cref="MaxBytes"/>: read in full only up to that limit, so a device or
    /// stream without end (/dev/zero) is refused like a file that is too large. A folder, a missing
    /// file, a named pipe or socket (opening one waits for a writer that may never come; the process's own
    /// standard input is allowed) and a block device are an <see cref="InputException"/> too, found
    /// before the file is opened.
    /// </summary>
    public static byte[] ReadBytes(string path, string displayName)
    {
        try
        {
            if (Directory.Exists(path))
                throw new InputException(ErrorKinds.NotAFile, displayName, "det är en mapp: väntade en fil");
            var node = FileNode.Of(path);
            if (!File.Exists(path) || node.Kind == FileKind.Missing)
                throw new InputException(ErrorKinds.FileMissing, displayName, SystemMessages.Missing(path));
            if (node.IsRefused(Path.GetFullPath(path)))
                throw new InputException(ErrorKinds.NotAFile, displayName,
                    $"det är {node.Described}, inte en vanlig fil: den läses inte (ange en fil)");
            Reading.Value?.Invoke(path, node.Kind == FileKind.Regular ? node.Identity : null);
            var length = new FileInfo(path).Length;
            if (length > MaxBytes) // a regular file: refused before it is read
                throw new InputException(ErrorKinds.FileTooLarge, displayName,
                    $"filen är {length / (1024 * 1024)} MiB: större än de {MaxBytes / (1024 * 1024)} MiB som läses");
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            // Read straight into an array of the file's size (one copy of the bytes), growing it for a file
            // that grows while read or a stream whose size is not known beforehand.
            var buffer = new byte[length > 0 ? length : 81920];
            var filled = 0;
            Span<byte> probe = stackalloc byte[1];
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var more = stream.Read(probe);
                    if (more == 0) return buffer;
                    if (filled + more > MaxBytes)
                        throw new InputException(ErrorKinds.FileTooLarge, displayName,
                            $"filen är större än de {MaxBytes / (1024 * 1024)} MiB som läses");
                    Array.Resize(ref buffer, (int)Math.Min(MaxBytes + 1, buffer.Length * 2L));
                    buffer[filled++] = probe[0];
                }
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                if (read == 0) return filled == buffer.Length ? buffer : buffer.AsSpan(0, filled).ToArray();
                filled += read;
                if (filled > MaxBytes)
                    throw new InputException(ErrorKinds.FileTooLarge, displayName,
                        $"filen är större än de {MaxBytes / (1024 * 1024)} MiB som läses");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException(e is FileNotFoundException or DirectoryNotFoundException ? ErrorKinds.FileMissing : ErrorKinds.FileUnreadable,
                displayName, $"kan inte läsa filen: {SystemMessages.Describe(e)}");
        }
    }

    /// <summary>
    /// The file's text and hash. A file that is not UTF-8 (a YAML file saved as Windows-1252, say, where
    /// å, ä and ö would otherwise turn into replacement characters) is an error at its first bad byte.
    /// </summary>
    public static InputFile Read(string path, string displayName)
    {
        var bytes = ReadBytes(path, displayName);
        var text = Decode(bytes, displayName);
        return new InputFile(text, HashOf(bytes));
    }

    /// <summary>
    /// The file's bytes and their hash, for readers that work on the bytes themselves and give the error
    /// <see cref="Read"/> gives for bytes that are not UTF-8 (<c>DatasetReader.Read(byte[], string)</c>,
    /// <c>YamlFile.ParseRoot(byte[], …)</c>), so they are not checked twice.
    /// </summary>
    public static InputBytes ReadWithHash(string path, string displayName)
    {
        var bytes = ReadBytes(path, displayName);
        return new InputBytes(bytes, HashOf(bytes));
    }

    /// <summary>The SHA-256 of <paramref name="bytes"/> in lower-case hex.</summary>
    public static string HashOf(byte[] bytes) => Sha256.Hex(bytes);

    /// <summary>The text of <paramref name="bytes"/> (a leading BOM left out); bytes that are not UTF-8 are an error at the first bad one.</summary>
    public static string Decode(byte[] bytes, string displayName)
    {
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var at = start + Math.Max(0, e.Index);
            var lineStart = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(0, at - 1)) + 1;
            var line = bytes.AsSpan(0, lineStart).Count((byte)'\n') + 1;
            var column = Encoding.UTF8.GetCharCount(bytes, lineStart, at - lineStart) + 1;
            var bad = e.BytesUnknown is { Length: > 0 } unknown ? $" (byte 0x{unknown[0]:X2})" : "";
            throw new InputException(ErrorKinds.NotUtf8, new SourcePosition(displayName, line, column),
                $"filen är inte UTF-8{bad}: spara den som UTF-8");
        }
    }
}
