namespace Assessment.Cli;

/// <summary>
/// Finds the bundled rules and sample. They are read where they stand in the repository (found by
/// walking up from the program, then from the working directory), never from a copy, so an edited
/// threshold takes effect on the next run without a rebuild.
/// </summary>
public static class DefaultFiles
{
    public static string Find(string relativePath)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relativePath);
                if (File.Exists(candidate) || Directory.Exists(candidate)) return candidate;
            }
        }
        return relativePath; // reported as "filen finns inte" by the reader, with this name
    }

    /// <summary>A path as the user would write it: relative to the working directory when inside it.</summary>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
