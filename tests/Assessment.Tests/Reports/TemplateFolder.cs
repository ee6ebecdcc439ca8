namespace Assessment.Tests.Reports;

/// <summary>A copy of the shipped templates in a new temporary folder, for a test to edit (the test deletes it).</summary>
public static class TemplateFolder
{
    public static DirectoryInfo Copy()
    {
        var dir = Directory.CreateTempSubdirectory("assess-mallar-");
        foreach (var file in Directory.GetFiles(Repo.PathOf("templates")))
            File.Copy(file, Path.Combine(dir.FullName, Path.GetFileName(file)));
        return dir;
    }
}
