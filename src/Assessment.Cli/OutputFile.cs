using Assessment.Domain;

namespace Assessment.Cli;

/// <summary>
/// Writes an output file whole or not at all: the content goes to a temporary file beside the target,
/// and only <see cref="Commit"/> renames it into place. A symbolic link is followed (the file it points
/// at is replaced, the link stays); a device or stream (/dev/stdout, /dev/null, /proc/…) is written
/// straight through at commit, never replaced by a file. A named pipe, a socket or a block device is
/// refused before anything is written (see <see cref="RefuseKind"/>).
/// </summary>
internal sealed class OutputFile : IDisposable
{
    private readonly string _shown;
    private readonly string _target;
    private readonly string? _temporary;
    private readonly byte[] _content;
    private bool _committed;

    private OutputFile(string shown, string target, string? temporary, byte[] content)
    {
        _shown = shown;
        _target = target;
        _temporary = temporary;
        _content = content;
    }

    /// <summary>
    /// Checks that <paramref name="path"/> can be written – not an input, not a folder, in a folder that
    /// exists – and returns its full path.
    /// </summary>
    private static string Check(string path, string flag)
    {
        Inputs.RefuseInputAsOutput(path, flag);
        var full = Path.GetFullPath(path);
        RefuseKind(path, flag);
        if (Directory.Exists(full))
            throw new InputException(ErrorKinds.NotAFile, path, "det är en mapp: ange en fil att skriva till");
        var directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory))
        {
            var given = Path.GetDirectoryName(path.TrimEnd('/'));
            throw new InputException(ErrorKinds.OutputFailed, path,
                $"mappen {(string.IsNullOrEmpty(given) ? directory : given)} finns inte{(string.IsNullOrEmpty(given) ? "" : SystemMessages.Near(given, "mappen "))}");
        }
        return full;
    }

    /// <summary>Stages <paramref name="content"/> for <paramref name="path"/>: written to a temporary file, not yet in place.</summary>
    public static OutputFile Stage(string path, byte[] content, string flag = "-o")
    {
        var full = Check(path, flag);
        var linked = Guard(path, () => new FileInfo(full) is { LinkTarget: not null } link ? link.ResolveLinkTarget(returnFinalTarget: true)?.FullName : null);
        if (IsSpecial(full) || (linked is not null && IsSpecial(linked)) || FileNode.Of(full).Kind == FileKind.CharacterDevice)
            return new OutputFile(path, full, null, content);
        var target = linked ?? full;
        if (File.Exists(target))
        {
            // An existing file we could not write (read-only, immutable) is refused now, before the log line.
            Guard(path, () =>
            {
                using var probe = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                return true;
            });
        }
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
        Guard(path, () =>
        {
            try
            {
                File.WriteAllBytes(temporary, content);
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }
            return true;
        });
        return new OutputFile(path, target, temporary, content);
    }

    /// <summary>Puts the staged content in place: a rename, or for a device a write straight through.</summary>
    public void Commit()
    {
        Guard(_shown, () =>
        {
            if (_temporary is null)
            {
                using var stream = new FileStream(_target, FileMode.Open, FileAccess.Write);
                stream.Write(_content);
            }
            else
            {
                File.Move(_temporary, _target, overwrite: true);
            }
            return true;
        });
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && _temporary is not null) File.Delete(_temporary);
    }

    /// <summary>
    /// An output that is not a file, a folder, a character device (the terminal, /dev/null) or the process's own
    /// standard output is refused: opening a named pipe waits for a reader that may never come, and a
    /// socket or a block device is no place for a report. Checked before anything is written.
    /// </summary>
    public static void RefuseKind(string path, string flag)
    {
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputException(ErrorKinds.OutputFailed, path, $"ogiltig sökväg: {SystemMessages.Describe(e)}");
        }
        var node = FileNode.Of(full);
        if (node.IsRefused(full))
            throw new InputException(ErrorKinds.OutputRefused, path,
                $"{flag} är {node.Described}: utdata skrivs bara till en vanlig fil, terminalen eller en enhet som /dev/null");
    }

    /// <summary>Devices and the kernel's files: written to, never replaced.</summary>
    private static bool IsSpecial(string fullPath) =>
        fullPath.StartsWith("/dev/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal);

    private static T Guard<T>(string shown, Func<T> io)
    {
        try
        {
            return io();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(ErrorKinds.OutputFailed, shown, $"kan inte skriva filen: {SystemMessages.Describe(e)}");
        }
    }
}
