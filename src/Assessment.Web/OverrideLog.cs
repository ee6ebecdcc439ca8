using System.Text.Encodings.Web;
using System.Text.Json;
using Assessment.Domain.Model;

namespace Assessment.Web;

/// <summary>
/// The decision-log lines of overrides saved from the workbench, in the decision log's form (JSON Lines, one object a
/// line: time, command, dataset with its hashes, rule set) with the goal, the override before and after, and the
/// derived and recorded ratings the controller saw; and the reading of them back as a goal's override history.
/// </summary>
internal static class OverrideLog
{
    public const string Command = "override";

    private static readonly object Appending = new();

    public static void Append(string logPath, DateTimeOffset now, DatasetEntry entry, string shaBefore, string shaAfter,
        Dataset after, string goalId, RatingOverride? previous, RatingOverride? saved)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("time", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));
            json.WriteString("command", Command);
            json.WriteStartObject("dataset");
            json.WriteString("file", entry.Display);
            json.WriteString("sha256_before", shaBefore);
            json.WriteString("sha256", shaAfter);
            json.WriteString("district", after.District);
            json.WriteString("period", after.Period.ToString());
            json.WriteEndObject();
            if (entry.Result is { } result)
            {
                json.WriteStartObject("ruleset");
                json.WriteString("id", result.RuleSet.Id);
                json.WriteString("version", result.RuleSet.Version);
                json.WriteString("sha256", result.RuleSet.Sha256);
                json.WriteEndObject();
                var goal = result.AllGoals().FirstOrDefault(g => g.Goal.Id == goalId);
                json.WriteString("derived_rating", goal?.Derived.Rating.Code());
                json.WriteString("recorded_rating", goal?.Recorded?.Code());
            }
            json.WriteString("goal", goalId);
            WriteOverride(json, "previous", previous);
            WriteOverride(json, "override", saved);
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        lock (Appending)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(logPath));
            if (folder is not null) Directory.CreateDirectory(folder);
            using var file = new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.Read);
            file.Write(buffer.ToArray()); // one write per line
            file.Flush(flushToDisk: true);
        }
    }

    private static void WriteOverride(Utf8JsonWriter json, string name, RatingOverride? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        json.WriteString("rating", value.Rating.Code());
        json.WriteString("reason", value.Reason);
        json.WriteString("by", value.By);
        json.WriteEndObject();
    }

    /// <summary>One saved change of a goal's override, as the log has it.</summary>
    public sealed record Change(string Time, string? Rating, string? Reason, string? By, string? Derived, string? RulesetVersion);

    /// <summary>The changes of one goal's override in one dataset file, oldest first; lines that are not overrides or not JSON are passed over.</summary>
    public static IReadOnlyList<Change> History(string logPath, string datasetFile, string goalId)
    {
        if (!File.Exists(logPath)) return [];
        var changes = new List<Change>();
        lock (Appending)
        {
            foreach (var line in File.ReadLines(logPath))
            {
                try
                {
                    using var doc = JsonDocument.Parse(line);
                    var root = doc.RootElement;
                    if (root.ValueKind != JsonValueKind.Object
                        || !root.TryGetProperty("command", out var command) || command.GetString() != Command
                        || root.GetProperty("dataset").GetProperty("file").GetString() != datasetFile
                        || root.GetProperty("goal").GetString() != goalId)
                        continue;
                    var ov = root.GetProperty("override");
                    string? Field(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.GetString() : null;
                    changes.Add(new Change(root.GetProperty("time").GetString() ?? "", Field(ov, "rating"), Field(ov, "reason"), Field(ov, "by"),
                        root.TryGetProperty("derived_rating", out var d) ? d.GetString() : null,
                        root.TryGetProperty("ruleset", out var r) ? Field(r, "version") : null));
                }
                catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    // another command's line, or a damaged one: not part of this goal's history
                }
            }
        }
        return changes;
    }
}
