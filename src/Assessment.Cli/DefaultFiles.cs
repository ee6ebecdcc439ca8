namespace Assessment.Cli;

/// <summary>
/// Finds the bundled rules, templates and sample. They are read where they stand in the repository
/// (found by walking up from the program, then from the working directory), never from a copy, so
/// an edited threshold or template takes effect on the next run without a rebuild.
/// </summary>
internal static class DefaultFiles
{
    public const string Dataset = "examples/hasselby-vallingby-t1-2026.yaml";
    public const string Rules = "rules";
    public const string Templates = "templates";

    /// <summary>
    /// The path to read and the name to show for it: a path the user gave is shown as given; a default
    /// is shown by its place in the repository ("rules/stockholm.yaml"), whatever the machine.
    /// </summary>
    public static (string Path, string Display) Resolve(string? given, string defaultRelative) =>
        given is not null ? (given, given) : (Find(defaultRelative), defaultRelative);

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
}
