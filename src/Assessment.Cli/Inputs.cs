using System.Text;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Reports.Justification;
using Assessment.Rules;

namespace Assessment.Cli;

/// <summary>A dataset as read, with the name it is shown by and the SHA-256 of its bytes (for the decision log).</summary>
internal sealed record LoadedDataset(Dataset Dataset, string Display, string Sha256);

/// <summary>The inputs every command reads the same way: dataset, rule sets, templates; and the output.</summary>
internal static class Inputs
{
    /// <summary>The files and folders the running command has read (full paths); see <see cref="RefuseInputAsOutput"/>.</summary>
    private static readonly AsyncLocal<List<string>?> ReadPaths = new();

    /// <summary>
    /// The files the running command has read by identity (device and inode), each with its path: another
    /// path to one of them – a hard link – is the same file.
    /// </summary>
    private static readonly AsyncLocal<Dictionary<FileIdentity, string>?> ReadFiles = new();

    /// <summary>The notes the running command has written to standard error: each is written once.</summary>
    private static readonly AsyncLocal<HashSet<string>?> Notes = new();

    /// <summary>Starts a command: from here until it is disposed, what it reads is recorded, so it cannot write over it.</summary>
    public static IDisposable BeginCommand()
    {
        var (outerPaths, outerFiles, outerNotes, outerReading) = (ReadPaths.Value, ReadFiles.Value, Notes.Value, InputText.Reading.Value);
        (ReadPaths.Value, ReadFiles.Value, Notes.Value) = ([], [], []);
        InputText.Reading.Value = (path, identity) =>
        {
            Record(path);
            if (identity is { } id && ReadFiles.Value is { } files)
                lock (files) files.TryAdd(id, Path.GetFullPath(path));
        };
        return new Scope(() => (ReadPaths.Value, ReadFiles.Value, Notes.Value, InputText.Reading.Value) = (outerPaths, outerFiles, outerNotes, outerReading));
    }

    /// <summary>Records a file or folder the command reads (from any of its threads), by its real path.</summary>
    public static void Record(string path)
    {
        if (ReadPaths.Value is not { } paths) return;
        var real = RealPath(path);
        lock (paths) paths.Add(real);
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

    /// <summary>Starts a load on a thread of its own (not the shared pool, which a caller may be using up).</summary>
    public static Task<T> Beside<T>(Func<T> load) =>
        Task.Factory.StartNew(load, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Runs a load on this thread, its result or exception kept for <see cref="AwaitAll"/>.</summary>
    public static Task<T> Here<T>(Func<T> load)
    {
        try
        {
            return Task.FromResult(load());
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }

    /// <summary>
    /// Waits for inputs loaded side by side (compiling the rule set is most of a cold start, and reading the
    /// dataset and templates need not wait for it) and reports the problems of all of them together, in the
    /// order given. An unexpected exception – a bug – is rethrown as it is.
    /// </summary>
    public static void AwaitAll(params Task[] loads)
    {
        try
        {
            Task.WaitAll(loads);
        }
        catch (AggregateException)
        {
            // Each load's own exception is looked at below, in order.
        }
        var errors = new List<InputError>();
        foreach (var load in loads)
        {
            if (load.Exception?.InnerException is InputException input) errors.AddRange(input.Errors);
            else if (load.Exception?.InnerException is { } other) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(other);
        }
        if (errors.Count > 0) throw new InputException(errors);
    }

    /// <summary>
    /// Input files are never modified: an output (-o, --log) that is a file the command read, or lies in a
    /// folder it read (rules/, templates/), is refused before anything is written.
    /// </summary>
    public static void RefuseInputAsOutput(string output, string flag)
    {
        string full;
        try { full = RealPath(output); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputException(ErrorKinds.OutputFailed, output, $"ogiltig sökväg: {SystemMessages.Describe(e)}");
        }
        List<string> inputs = [];
        if (ReadPaths.Value is { } paths)
            lock (paths) inputs = [.. paths];
        var input = inputs.FirstOrDefault(p => full == p || full.StartsWith(p.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        if (input is not null)
            throw new InputException(ErrorKinds.OutputRefused, output,
                $"{flag} skulle skriva {(full == input ? "över indatafilen" : "i indatamappen")} {input}: indata ändras aldrig, välj en annan fil");
        // Another name for a file read – a hard link – is the same file: compared by device and inode.
        if (FileNode.Of(full) is { Kind: FileKind.Regular, Identity: { } identity } && ReadFiles.Value is { } files)
        {
            string? same;
            lock (files) same = files.GetValueOrDefault(identity);
            if (same is not null)
                throw new InputException(ErrorKinds.OutputRefused, output,
                    $"{flag} är samma fil som indatafilen {same} (en hård länk till den): indata ändras aldrig, välj en annan fil");
        }
    }

    private sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }

    public const string DefaultDataset = "examples/hasselby-vallingby-t1-2026.yaml";
    public const string DefaultRules = "rules";
    public const string DefaultTemplates = "templates";

    /// <summary>The --rules line of every command's help (continuation lines indented as the help prints them).</summary>
    public const string RulesHelp = $"""
        --rules FIL|MAPP   Regelverk: en fil gäller för varje period, med en not när perioden slutar
                             före filens giltig_fran; i en mapp väljer periodens slutdatum versionen som
                             gäller (senaste giltig_fran på eller före). Standard: {DefaultRules}/
        """;

    public static LoadedDataset Dataset(string? given)
    {
        var (path, display) = DefaultFiles.Resolve(given, DefaultDataset);
        Record(path);
        var input = InputText.Read(path, display);
        return new LoadedDataset(DatasetReader.Read(input.Text, display), display, input.Sha256);
    }

    /// <summary>A rule set file, or a folder of versions from which the period picks the one in force.</summary>
    public static RuleSetCatalog Rules(string? given)
    {
        var (path, display) = DefaultFiles.Resolve(given, DefaultRules);
        Record(path);
        return RuleSetCatalog.Load(path, display);
    }

    /// <summary>
    /// The rule set for the dataset's period (see <see cref="RuleSetCatalog.InForce"/>). A file used for a
    /// period before its giltig_fran is noted on standard error – once per command, however many datasets –
    /// and the exit code is not affected.
    /// </summary>
    public static RuleSetInForce InForce(RuleSetCatalog rules, LoadedDataset dataset, TextWriter stderr)
    {
        var chosen = rules.InForce(dataset.Dataset.Period);
        if (chosen.Note is { } note && (Notes.Value?.Add(note) ?? true)) stderr.WriteLine($"not: {note}");
        return chosen;
    }

    /// <summary>
    /// The files named on the command line – a folder stands for its files matching <paramref name="pattern"/> –
    /// each with the name to show; none named means the rules folder.
    /// </summary>
    public static IReadOnlyList<(string Path, string Display)> RuleFolderFiles(IReadOnlyList<string> given, string pattern)
    {
        var targets = given.Count > 0 ? given.Select(p => (p, p)).ToList() : [DefaultFiles.Resolve(null, DefaultRules)];
        return targets.SelectMany(t => Directory.Exists(t.Item1)
                ? Directory.GetFiles(t.Item1, pattern).Order(StringComparer.Ordinal).Select(f => (f, RuleSetCatalog.Shown(t.Item2, t.Item1, f)))
                : [t])
            .ToList();
    }

    public static TemplateSet Templates(string? given)
    {
        var (path, display) = DefaultFiles.Resolve(given, DefaultTemplates);
        Record(path);
        return TemplateSet.Load(path, display);
    }

    /// <summary>Writes to standard output, or to a file whole (temporary file, then rename).</summary>
    public static void Write(string content, string? outputPath, TextWriter stdout, TextWriter stderr) =>
        Write(Encoding.UTF8.GetBytes(content), outputPath, null, null, stdout, stderr);

    /// <summary>
    /// Writes the output and its decision-log line as one step: the output is staged (temporary file), the
    /// log line appended, and only then the output put in place – so a log that cannot be written leaves
    /// no output, and an output that cannot be written leaves no log line. Without -o the content goes to
    /// standard output after the log line.
    /// </summary>
    public static void Write(byte[] content, string? outputPath, string? logPath, Action<DecisionLog>? logLine,
        TextWriter stdout, TextWriter stderr)
    {
        if (outputPath is not null && logPath is not null && SameFile(outputPath, logPath))
            throw new InputException(ErrorKinds.OutputRefused, logPath, "-o och --log pekar på samma fil: välj två olika");
        using var output = outputPath is null ? null : OutputFile.Stage(outputPath, content);
        using (var log = DecisionLog.Open(logPath))
            if (log is not null) logLine?.Invoke(log);
        if (output is null)
        {
            stdout.Write(Encoding.UTF8.GetString(content));
            stdout.Flush();
            return;
        }
        output.Commit();
        stderr.WriteLine($"skrev {outputPath}");
    }
}
