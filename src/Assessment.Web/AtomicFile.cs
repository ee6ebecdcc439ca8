namespace Assessment.Web;

/// <summary>Replaces a file whole or not at all: the new bytes go to a temporary file beside it, then a rename.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="content"/> to a temporary file in the target's folder (with the target's permissions),
    /// runs <paramref name="beforeCommit"/> (the decision-log line: when it fails, nothing is replaced), then renames
    /// the temporary file over the target.
    /// </summary>
    public static void Write(string path, byte[] content, Action beforeCommit)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            beforeCommit();
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
