using Assessment.Domain;

namespace Assessment.Cli;

/// <summary>
/// What one command has read – files and folders by real path, and files by identity (device and inode) – so
/// that no output of it (-o, --log, --granska) can be one of its inputs. While it lives it is the receiver of
/// <see cref="InputText.Reading"/>, the readers' report of each file they open (also from the command's other
/// threads); disposing it gives the receiver back.
/// </summary>
internal sealed class ReadRecord : IDisposable
{
    private readonly List<string> _paths = [];

    /// <summary>Another path to one of these – a hard link – is the same file.</summary>
    private readonly Dictionary<FileIdentity, string> _files = [];

    private readonly Action<string, FileIdentity?>? _outer = InputText.Reading.Value;

    public ReadRecord() => InputText.Reading.Value = Read;

    public void Dispose() => InputText.Reading.Value = _outer;

    /// <summary>Records a file or folder the command reads, by its real path.</summary>
    public void Record(string path)
    {
        var real = RealPath(path);
        lock (_paths) _paths.Add(real);
    }

    private void Read(string path, FileIdentity? identity)
    {
        Record(path);
        if (identity is { } id)
            lock (_files) _files.TryAdd(id, Path.GetFullPath(path));
    }

    /// <summary>
    /// Input files are never modified: an output that is a file the command read, or lies in a folder it read
    /// (rules/, templates/), is refused before anything is written.
    /// </summary>
    public void RefuseAsOutput(string output, string flag)
    {
        string full;
        try { full = RealPath(output); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputException(ErrorKinds.OutputFailed, output, $"ogiltig sökväg: {SystemMessages.Describe(e)}");
        }
        List<string> inputs;
        lock (_paths) inputs = [.. _paths];
        var input = inputs.FirstOrDefault(p => full == p || full.StartsWith(p.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        if (input is not null)
            throw new InputException(ErrorKinds.OutputRefused, output,
                $"{flag} skulle skriva {(full == input ? "över indatafilen" : "i indatamappen")} {input}: indata ändras aldrig, välj en annan fil");
        // Another name for a file read – a hard link – is the same file: compared by device and inode.
        if (FileNode.Of(full) is { Kind: FileKind.Regular, Identity: { } identity })
        {
            string? same;
            lock (_files) same = _files.GetValueOrDefault(identity);
            if (same is not null)
                throw new InputException(ErrorKinds.OutputRefused, output,
                    $"{flag} är samma fil som indatafilen {same} (en hård länk till den): indata ändras aldrig, välj en annan fil");
        }
    }

    /// <summary>Whether two paths name one existing regular file: by identity where the system gives one (a hard link is seen), else by real path.</summary>
    public static bool SameFile(string a, string b)
    {
        if (RealPath(a) == RealPath(b)) return true;
        var (first, second) = (FileNode.Of(a), FileNode.Of(b));
        return first is { Kind: FileKind.Regular, Identity: { } x } && second is { Kind: FileKind.Regular, Identity: { } y } && x == y;
    }

    /// <summary>The path with every symbolic link along it resolved; see <see cref="FileNode.RealPath"/>.</summary>
    public static string RealPath(string path) => FileNode.RealPath(path);
}
