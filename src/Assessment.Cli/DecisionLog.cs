using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Rules;

namespace Assessment.Cli;

/// <summary>
/// The decision log (like OPA's): one JSON line per run, appended – the time, the input files' hashes,
/// the rule set's id, version and hash, and every rating – enough to reproduce and prove a past assessment.
/// The time is the only part of any output that is not a function of the inputs.
/// </summary>
internal sealed class DecisionLog : IDisposable
{
    private readonly FileStream _file;

    private const int LockAttempts = 500;
    private static readonly TimeSpan LockWait = TimeSpan.FromMilliseconds(20);

    private DecisionLog(FileStream file) => _file = file;

    /// <summary>
    /// Opens the log for appending; null when no log was asked for. <see cref="CommandContext.Write(byte[], string?, string?, Action{DecisionLog}?)"/>
    /// stages the output first and puts it in place only after the log line is written.
    /// </summary>
    public static DecisionLog? Open(string? path, ReadRecord reads)
    {
        if (path is null) return null;
        reads.RefuseAsOutput(path, "--log");
        OutputFile.RefuseKind(path, "--log");
        if (Directory.Exists(path))
            throw new InputException(SourcePosition.StartOf(path), "det är en mapp: ange en fil för beslutsloggen");
        try
        {
            // Runs that log at the same time take turns: the file is opened exclusively (an advisory lock),
            // so each line lands whole at the end and none is lost.
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return new DecisionLog(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0));
                }
                catch (IOException) when (attempt < LockAttempts && File.Exists(path))
                {
                    Thread.Sleep(LockWait);
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            throw new InputException(SourcePosition.StartOf(path), $"kan inte skriva beslutsloggen: mappen {Path.GetDirectoryName(Path.GetFullPath(path))} finns inte");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException(SourcePosition.StartOf(path), $"kan inte skriva beslutsloggen: {e.Message}");
        }
    }

    public void Dispose() => _file.Dispose();

    public void Append(string command, LoadedDataset dataset, AssessmentResult result, FinalSource finalSource, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("time", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));
            json.WriteString("command", command);
            json.WriteStartObject("dataset");
            json.WriteString("file", dataset.Display);
            json.WriteString("sha256", dataset.Sha256);
            json.WriteString("district", result.Dataset.District);
            json.WriteString("period", result.Dataset.Period.ToString());
            json.WriteEndObject();
            json.WriteStartObject("ruleset");
            json.WriteString("id", result.RuleSet.Id);
            json.WriteString("version", result.RuleSet.Version);
            json.WriteString("file", result.RuleSet.File);
            json.WriteString("sha256", result.RuleSet.Sha256);
            if (result.RuleSet.Note is { } note) json.WriteString("note", note);
            json.WriteEndObject();
            json.WriteString("final_source", finalSource == FinalSource.Recorded ? "recorded" : "derived");
            json.WriteStartArray("goals");
            foreach (var g in result.AllGoals())
            {
                json.WriteStartObject();
                json.WriteString("id", g.Goal.Id);
                json.WriteString("derived", g.Derived.Rating.Code());
                json.WriteString("rule", g.Derived.Rule.Id);
                json.WriteString("recorded", g.Recorded?.Code());
                json.WriteString("final", g.Final.Code());
                if (g.Goal.Override is { } ov) json.WriteString("override_reason", ov.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        try
        {
            _file.Write(buffer.ToArray()); // one write per line, so concurrent runs do not interleave lines
            _file.Flush();
        }
        catch (IOException e)
        {
            throw new InputException(SourcePosition.StartOf(_file.Name), $"kan inte skriva beslutsloggen: {e.Message}");
        }
    }
}
