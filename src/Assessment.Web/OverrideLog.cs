using Assessment.Domain.Model;
using Assessment.Reports.Json;

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
        var goal = entry.Result?.AllGoals().FirstOrDefault(g => g.Goal.Id == goalId);
        var line = JsonOutput.LineOf(new OverrideLogJson(
            now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
            Command,
            new LoggedOverrideDatasetJson(entry.Display, shaBefore, shaAfter, after.District, after.Period.ToString()),
            entry.Result is { RuleSet: var rules } ? new LoggedRuleSetVersionJson(rules.Id, rules.Version, rules.Sha256) : null,
            goal?.Derived.Rating.Code(),
            goal?.Recorded?.Code(),
            goalId,
            Logged(previous),
            Logged(saved)));
        lock (Appending)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(logPath));
            if (folder is not null) Directory.CreateDirectory(folder);
            using var file = new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.Read);
            file.Write(line); // one write per line
            file.Flush(flushToDisk: true);
        }
    }

    private static LoggedOverrideJson? Logged(RatingOverride? value) =>
        value is null ? null : new LoggedOverrideJson(value.Rating.Code(), value.Reason, value.By);

    /// <summary>One saved change of a goal's override, as the log has it.</summary>
    public sealed record Change(string Time, string? Rating, string? Reason, string? By, string? Derived, string? RulesetVersion);

    /// <summary>The changes of one goal's override in one dataset file, oldest first; lines that are not overrides or not JSON are passed over.</summary>
    public static IReadOnlyList<Change> History(string logPath, string datasetFile, string goalId)
    {
        if (!File.Exists(logPath)) return [];
        var changes = new List<Change>();
        lock (Appending)
        {
            // another command's line, or a damaged one, is not part of this goal's history
            foreach (var line in File.ReadLines(logPath))
                if (JsonOutput.ParseLine<OverrideLogJson>(line) is { Command: Command } logged
                    && logged.Dataset?.File == datasetFile && logged.Goal == goalId)
                    changes.Add(new Change(logged.Time ?? "", logged.Override?.Rating, logged.Override?.Reason, logged.Override?.By,
                        logged.DerivedRating, logged.Ruleset?.Version));
        }
        return changes;
    }
}
