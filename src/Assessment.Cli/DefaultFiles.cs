using Assessment.Domain;

namespace Assessment.Cli;

/// <summary>
/// Finds the bundled rules, templates and sample. They are read where they stand in the repository
/// (found by walking up from the program, then from the working directory), never from a copy, so
/// an edited threshold or template takes effect on the next run without a rebuild.
/// </summary>
internal static class DefaultFiles
{
    /// <summary>
    /// The path to read and the name to show for it: a path the user gave is shown as given; a default
    /// is shown by its place in the repository ("rules/stockholm.yaml"), whatever the machine.
    /// </summary>
    public static (string Path, string Display) Resolve(string? given, string defaultRelative) =>
        given is not null ? (given, given) : (Find(defaultRelative), defaultRelative);

    /// <summary>
    /// The bundled file or folder, looked for in the program's folder and the working directory and in every
    /// folder above them; when it is in none, an error that names where it was looked for.
    /// </summary>
    public static string Find(string relativePath)
    {
        string[] starts = [AppContext.BaseDirectory, Directory.GetCurrentDirectory()];
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relativePath);
                if (File.Exists(candidate) || Directory.Exists(candidate)) return candidate;
            }
        }
        var what = Path.HasExtension(relativePath) ? "standardfilen" : "standardmappen";
        throw new InputException(ErrorKinds.FileMissing, relativePath,
            $"{what} finns inte: sökte i {string.Join(" och i ", starts.Select(s => Path.TrimEndingDirectorySeparator(s)).Distinct())} " +
            "och i varje mapp ovanför dem; ange en egen med en sökväg på kommandoraden");
    }
}
