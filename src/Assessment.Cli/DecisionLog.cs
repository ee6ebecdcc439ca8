using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Reports.Json;
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
    /// Opens the log for appending; null when no log was asked for. <see cref="Inputs.Write(byte[], string?, string?, Action{DecisionLog}?, TextWriter, TextWriter)"/>
    /// stages the output first and puts it in place only after the log line is written.
    /// </summary>
    public static DecisionLog? Open(string? path)
    {
        if (path is null) return null;
        Inputs.RefuseInputAsOutput(path, "--log");
        OutputFile.RefuseKind(path, "--log");
        if (Directory.Exists(path))
            throw new InputException(ErrorKinds.NotAFile, path, "det är en mapp: ange en fil för beslutsloggen");
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
            throw new InputException(ErrorKinds.OutputFailed, path, $"kan inte skriva beslutsloggen: mappen {Path.GetDirectoryName(Path.GetFullPath(path))} finns inte");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException(ErrorKinds.OutputFailed, path, $"kan inte skriva beslutsloggen: {SystemMessages.Describe(e)}");
        }
    }

    public void Dispose() => _file.Dispose();

    public void Append(string command, LoadedDataset dataset, AssessmentResult result, FinalSource finalSource, DateTimeOffset now)
    {
        var line = JsonOutput.LineOf(new DecisionLogJson(
            now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
            command,
            new LoggedDatasetJson(dataset.Display, dataset.Sha256, result.Dataset.District, result.Dataset.Period.ToString()),
            new LoggedRuleSetJson(result.RuleSet.Id, result.RuleSet.Version, result.RuleSet.File, result.RuleSet.Sha256, result.RuleSet.Note),
            finalSource.Code(),
            [
                .. result.AllGoals().Select(g => new LoggedGoalJson(g.Goal.Id, g.Derived.Rating.Code(), g.Derived.Rule.Id, g.Recorded?.Code(),
                    g.Final.Code(), g.Goal.Override?.Reason)),
            ]));
        try
        {
            _file.Write(line); // one write per line, so concurrent runs do not interleave lines
            _file.Flush();
        }
        catch (IOException e)
        {
            throw new InputException(ErrorKinds.OutputFailed, _file.Name, $"kan inte skriva beslutsloggen: {SystemMessages.Describe(e)}");
        }
    }
}
