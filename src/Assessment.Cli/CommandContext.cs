using System.Text;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Reports.Justification;
using Assessment.Rules;

namespace Assessment.Cli;

/// <summary>
/// A dataset as read, with the name it is shown by and the SHA-256 of its bytes (for the decision log), computed
/// when first asked for: a `run` without --log never hashes the dataset.
/// </summary>
internal sealed class LoadedDataset(Dataset dataset, string display, Func<string> sha256)
{
    private string? _sha256;

    public LoadedDataset(Dataset dataset, string display, string sha256) : this(dataset, display, () => sha256)
    {
    }

    public Dataset Dataset { get; } = dataset;

    public string Display { get; } = display;

    public string Sha256 => _sha256 ??= sha256();
}

/// <summary>
/// What one run of a command works with, handed to it explicitly: its standard output and error, the inputs it
/// reads the same way as every other command (dataset, rule sets, templates – a default found where the
/// repository keeps it), the record of what it has read (so no output of it is an input), the notes it has
/// written, and the writing of its output.
/// </summary>
internal sealed class CommandContext(TextWriter stdout, TextWriter stderr) : IDisposable
{
    private readonly HashSet<string> _notes = [];

    public TextWriter Stdout { get; } = stdout;

    public TextWriter Stderr { get; } = stderr;

    /// <summary>The words of the command line as given (after <c>assess help KOMMANDO</c> is read as <c>KOMMANDO --help</c>).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Everything the command has read, from any of its threads.</summary>
    public ReadRecord Reads { get; } = new();

    public void Dispose() => Reads.Dispose();

    /// <param name="prose">False for a command that shows no prose (<see cref="DatasetReader.Read(byte[], string, bool)"/>).</param>
    public LoadedDataset Dataset(string? given, bool prose = true)
    {
        var (path, display) = DefaultFiles.Resolve(given, DefaultFiles.Dataset);
        Reads.Record(path);
        var bytes = InputText.ReadBytes(path, display);
        return new LoadedDataset(DatasetReader.Read(bytes, display, prose), display, () => InputText.HashOf(bytes));
    }

    /// <summary>A rule set file, or a folder of versions from which the period picks the one in force.</summary>
    public RuleSetCatalog Rules(string? given)
    {
        var (path, display) = DefaultFiles.Resolve(given, DefaultFiles.Rules);
        Reads.Record(path);
        return RuleSetCatalog.Load(path, display);
    }

    public TemplateSet Templates(string? given)
    {
        var (path, display) = DefaultFiles.Resolve(given, DefaultFiles.Templates);
        Reads.Record(path);
        return TemplateSet.Load(path, display);
    }

    /// <summary>
    /// The rule set for the dataset's period (see <see cref="RuleSetCatalog.InForce"/>). A file used for a
    /// period before its giltig_fran is noted on standard error – once per command, however many datasets –
    /// and the exit code is not affected.
    /// </summary>
    public RuleSetInForce InForce(RuleSetCatalog rules, LoadedDataset dataset)
    {
        var chosen = rules.InForce(dataset.Dataset.Period);
        Note(chosen.Note);
        return chosen;
    }

    /// <summary>A rule set's note on its use for a period (see <see cref="InForce"/>), once per command; null is none.</summary>
    public void Note(string? note)
    {
        bool first;
        lock (_notes) first = note is not null && _notes.Add(note);
        if (first) Stderr.WriteLine($"not: {note}");
    }

    /// <summary>
    /// The files named on the command line – a folder stands for its files matching <paramref name="pattern"/> –
    /// each with the name to show; none named means the rules folder.
    /// </summary>
    public static IReadOnlyList<(string Path, string Display)> RuleFolderFiles(IReadOnlyList<string> given, string pattern)
    {
        var targets = given.Count > 0 ? given.Select(p => (p, p)).ToList() : [DefaultFiles.Resolve(null, DefaultFiles.Rules)];
        return targets.SelectMany(t => Directory.Exists(t.Item1)
                ? Directory.GetFiles(t.Item1, pattern).Order(StringComparer.Ordinal).Select(f => (f, RuleSetCatalog.Shown(t.Item2, t.Item1, f)))
                : [t])
            .ToList();
    }

    /// <summary>Writes to standard output, or to a file whole (temporary file, then rename).</summary>
    public void Write(string content, string? outputPath) => Write(Encoding.UTF8.GetBytes(content), outputPath, null, null);

    /// <summary>
    /// Writes the output and its decision-log line as one step: the output is staged (temporary file), the
    /// log line appended, and only then the output put in place – so a log that cannot be written leaves
    /// no output, and an output that cannot be written leaves no log line. Without -o the content goes to
    /// standard output after the log line.
    /// </summary>
    public void Write(byte[] content, string? outputPath, string? logPath, Action<DecisionLog>? logLine)
    {
        if (outputPath is not null && logPath is not null && ReadRecord.SameFile(outputPath, logPath))
            throw new InputException(ErrorKinds.OutputRefused, logPath, "-o och --log pekar på samma fil: välj två olika");
        using var output = outputPath is null ? null : OutputFile.Stage(outputPath, content, Reads);
        using (var log = DecisionLog.Open(logPath, Reads))
            if (log is not null) logLine?.Invoke(log);
        if (output is null)
        {
            if (Stdout is StreamWriter { Encoding: UTF8Encoding, BaseStream: var stream } writer)
            {
                // Standard output as a UTF-8 stream (StandardStreams): the rendered bytes as they are, in one write.
                writer.Flush();
                stream.Write(content);
                stream.Flush();
                return;
            }
            Stdout.Write(Encoding.UTF8.GetString(content));
            Stdout.Flush();
            return;
        }
        output.Commit();
        Stderr.WriteLine($"skrev {outputPath}");
    }
}
