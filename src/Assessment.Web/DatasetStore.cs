using System.Collections.Concurrent;
using System.Text;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Reports.Justification;
using Assessment.Rules;

namespace Assessment.Web;

/// <summary>
/// One dataset file under the folder: its id (the path under the folder without ".yaml", with "/"), the SHA-256 of
/// the bytes read, and either the dataset with its assessment under the rule set in force, or the positioned errors
/// that kept it from loading.
/// </summary>
public sealed class DatasetEntry
{
    internal DatasetEntry(string id, string path, string sha256, (DateTime, long) stamp, LoadedData? data, IReadOnlyList<InputError> errors)
    {
        Id = id;
        Path = path;
        Sha256 = sha256;
        Stamp = stamp;
        Data = data;
        Errors = errors;
    }

    public string Id { get; }

    /// <summary>The name shown for the file: its path under the folder.</summary>
    public string Display => Id + ".yaml";

    /// <summary>The file's full real path (inside the folder).</summary>
    internal string Path { get; }

    public string Sha256 { get; }

    internal (DateTime, long) Stamp { get; }

    internal LoadedData? Data { get; }

    public IReadOnlyList<InputError> Errors { get; }

    public Dataset? Dataset => Data?.Dataset;

    public AssessmentResult? Result => Data?.Result;

    public RuleSetInForce? Rules => Data?.Rules;

    private Justifications? _texts;

    /// <summary>The justification texts of the assessment (rendered once, on first use).</summary>
    public Justifications Texts(TemplateSet templates) => _texts ??= Justifications.Render(Result!, templates);
}

internal sealed record LoadedData(Dataset Dataset, RuleSetInForce Rules, AssessmentResult Result);

/// <summary>What became of a save.</summary>
public enum SaveOutcome { Saved, Conflict, Invalid }

public sealed record SaveResult(SaveOutcome Outcome, string Message, string? Sha256 = null);

/// <summary>
/// The datasets in a folder, read and assessed once and read again when a file changes on disk (checked by its
/// time and size on every look). Every <c>*.yaml</c> under the folder is a dataset unless it is plainly something
/// else (no "namnd" or "period" at the top), as <c>assess backtest</c> counts them. Files whose real path lies outside
/// the folder (a symbolic link out of it) are never read, and an id is only ever looked up among the files found.
/// </summary>
public sealed class DatasetStore
{
    private readonly string _root;
    private readonly object _scan = new();
    private readonly ConcurrentDictionary<string, object> _fileLocks = new(StringComparer.Ordinal);
    private Dictionary<string, DatasetEntry> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _saved = new(StringComparer.Ordinal);

    public DatasetStore(string folder, RuleSetCatalog rules, TemplateSet templates, string logPath)
    {
        _root = FileNode.RealPath(Path.GetFullPath(folder));
        Rules = rules;
        Templates = templates;
        LogPath = logPath;
    }

    public RuleSetCatalog Rules { get; private set; }

    public TemplateSet Templates { get; }

    /// <summary>The decision log (JSON Lines) every saved override is written to.</summary>
    public string LogPath { get; }

    /// <summary>Replaces the rule sets (after a new version is saved) and assesses every dataset again.</summary>
    public void ReplaceRules(RuleSetCatalog rules)
    {
        lock (_scan)
        {
            Rules = rules;
            _entries = [];
        }
    }

    /// <summary>How many times the folder has been listed: a request lists it once (tests hold it to that).</summary>
    internal int Scans { get; private set; }

    /// <summary>
    /// Every dataset file under the folder, in id order; files changed on disk are read again. The folder is listed
    /// anew on every call: a request takes one listing and works from it, so all it shows is of one moment.
    /// </summary>
    public IReadOnlyList<DatasetEntry> All()
    {
        lock (_scan)
        {
            Scans++;
            var found = new Dictionary<string, DatasetEntry>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(_root, "*.yaml", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            {
                var id = IdOf(file);
                if (id is null) continue;
                var real = FileNode.RealPath(file);
                if (!FileNode.IsInside(real, _root)) continue; // a link out of the folder: never read
                Look(found, id, real);
            }
            // A directory listed while a file in it is renamed over (a save, here or in an editor) may miss that file:
            // a file known before that is still there is kept.
            foreach (var (id, known) in _entries)
                if (!found.ContainsKey(id) && File.Exists(known.Path)) Look(found, id, known.Path);
            _entries = found;
            return found.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Adds the file's entry: the one known when the file's time and size are unchanged, else read again.</summary>
    private void Look(Dictionary<string, DatasetEntry> found, string id, string real)
    {
        var info = new FileInfo(real);
        if (!info.Exists) return;
        var stamp = (info.LastWriteTimeUtc, info.Length);
        var saved = _saved.Remove(id);
        if (!saved && _entries.TryGetValue(id, out var known) && known.Stamp == stamp && known.Path == real)
            found[id] = known;
        else if (Load(id, real, stamp) is { } loaded)
            found[id] = loaded;
    }

    /// <summary>The dataset with this id, or null: an id is looked up among the files found, never turned into a path.</summary>
    public DatasetEntry? Find(string id)
    {
        All();
        lock (_scan) return _entries.GetValueOrDefault(id);
    }

    private static string? IdOf(string file, string root) =>
        Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/') is var relative && relative.EndsWith(".yaml", StringComparison.Ordinal)
            ? relative[..^".yaml".Length] : null;

    private string? IdOf(string file) => IdOf(file, _root);

    private DatasetEntry? Load(string id, string real, (DateTime, long) stamp)
    {
        var display = id + ".yaml";
        InputBytes input;
        try
        {
            input = InputText.ReadWithHash(real, display);
        }
        catch (InputException e)
        {
            return new DatasetEntry(id, real, "", stamp, null, e.Errors);
        }
        try
        {
            // Parsed once, as backtest reads a folder: broken YAML counts as a dataset (its errors are shown), a file
            // that names neither a district nor a period is something else and passed over.
            var root = YamlFile.ParseRoot(input.Bytes, display, new ErrorSink());
            Dataset dataset;
            try
            {
                if (!DatasetReader.LooksLikeDataset(root)) return null;
                dataset = DatasetReader.Read(root);
            }
            finally
            {
                YamlFile.Recycle(root);
            }
            var rules = Rules.InForce(dataset.Period);
            return new DatasetEntry(id, real, input.Sha256, stamp, new LoadedData(dataset, rules, rules.Assess(dataset)), []);
        }
        catch (InputException e)
        {
            return new DatasetEntry(id, real, input.Sha256, stamp, null, e.Errors);
        }
    }

    /// <summary>
    /// Sets (or with a null override removes) a goal's override in <paramref name="entry"/>'s file (as the request
    /// found it): the file is read again, refused
    /// with <see cref="SaveOutcome.Conflict"/> when its SHA-256 is not <paramref name="basedOn"/> (when given), edited
    /// as text (<see cref="OverrideEdit"/>), read back to check, written whole to a temporary file beside it, logged,
    /// and renamed into place. Saves to one file take turns.
    /// </summary>
    public SaveResult SaveOverride(DatasetEntry entry, string goalId, OverrideText? value, string? basedOn, DateTimeOffset now)
    {
        lock (_fileLocks.GetOrAdd(entry.Path, _ => new object()))
        {
            byte[] bytes;
            try
            {
                bytes = InputText.ReadBytes(entry.Path, entry.Display);
            }
            catch (InputException e)
            {
                return new SaveResult(SaveOutcome.Invalid, e.Errors[0].ToString());
            }
            var sha = InputText.HashOf(bytes);
            if (basedOn is not null && !string.Equals(basedOn, sha, StringComparison.OrdinalIgnoreCase))
                return new SaveResult(SaveOutcome.Conflict,
                    $"filen {entry.Display} har ändrats sedan sidan lästes: läs in sidan igen och gör ändringen på nytt (inget sparades)", sha);

            var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
            string text, edited;
            Dataset before, after;
            try
            {
                text = InputText.Decode(bytes, entry.Display); // a file that is not UTF-8: the positioned error, as everywhere
                before = DatasetReader.Read(text, entry.Display);
                if (!before.AllGoals().Any(g => g.Id == goalId))
                    return new SaveResult(SaveOutcome.Invalid, $"okänt mål \"{goalId}\" i {entry.Display}");
                edited = OverrideEdit.Apply(text, entry.Display, goalId, value);
                after = DatasetReader.Read(edited, entry.Display);
            }
            catch (InputException e)
            {
                return new SaveResult(SaveOutcome.Invalid, string.Join("; ", e.Errors));
            }
            var saved = after.AllGoals().First(g => g.Id == goalId).Override;
            if (!SameOverride(saved, value))
                return new SaveResult(SaveOutcome.Invalid, $"överstyrningen kunde inte skrivas in i {entry.Display} så att den läses tillbaka likadant; inget sparades");

            var newBytes = bom ? [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(edited)] : Encoding.UTF8.GetBytes(edited);
            var newSha = InputText.HashOf(newBytes);
            var previous = before.AllGoals().First(g => g.Id == goalId).Override;
            try
            {
                AtomicFile.Write(entry.Path, newBytes, () => OverrideLog.Append(LogPath, now, entry, sha, newSha, after, goalId, previous, saved));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new SaveResult(SaveOutcome.Invalid, $"kunde inte spara {entry.Display}: {SystemMessages.Describe(e)}");
            }
            lock (_scan) _saved.Add(entry.Id); // read again on the next look, whatever its time and size
            return new SaveResult(SaveOutcome.Saved, value is null ? $"överstyrningen av {goalId} är borttagen" : $"överstyrningen av {goalId} är sparad", newSha);
        }
    }

    private static bool SameOverride(RatingOverride? saved, OverrideText? wanted) =>
        (saved, wanted) switch
        {
            (null, null) => true,
            ({ } s, { } w) => s.Rating == w.Rating && s.Reason == w.Reason.Trim()
                              && (s.By ?? "") == (string.IsNullOrWhiteSpace(w.By) ? "" : w.By),
            _ => false,
        };
}
