using System.Text.RegularExpressions;
using Assessment.Domain;
using Assessment.Domain.Yaml;
using Assessment.Rules;

namespace Assessment.Tests.Domain;

/// <summary>
/// A corpus of bad files (tests as data, like Scriban's): each file's first line says the position and
/// message expected, "# förväntat: RAD:KOLUMN text". Every one must give exactly that, through the
/// command line too: exit code 2, the position, and no stack trace.
/// </summary>
public class BadInputCorpusTests
{
    public static TheoryData<string> DatasetFiles() => Files("dataset");

    public static TheoryData<string> RuleFiles() => Files("rules");

    private static TheoryData<string> Files(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Repo.PathOf($"tests/Assessment.Tests/Corpus/{kind}")).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    private static (int Line, int Column, string Message) Expected(string path)
    {
        var m = Regex.Match(File.ReadLines(path).First(), @"^# förväntat: (\d+):(\d+) (.+)$");
        m.Success.ShouldBeTrue($"{path} must start with '# förväntat: RAD:KOLUMN text'");
        return (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), m.Groups[3].Value);
    }

    private static void Check(string path, Action<string> load, params string[] command)
    {
        var (line, column, message) = Expected(path);
        var errors = Should.Throw<InputException>(() => load(path)).Errors;
        errors.ShouldContain(e => e.Position.Line == line && e.Position.Column == column && e.Message.Contains(message),
            $"expected {line}:{column} {message}, got: {string.Join(" | ", errors)}");

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assessment.Cli.Cli.Run([.. command, path], stdout, stderr).ShouldBe(2);
        stderr.ToString().ShouldContain($":{line}:{column}: ");
        stderr.ToString().ShouldNotContain("   at ");
        stdout.ToString().ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(DatasetFiles))]
    public void Bad_datasets_are_reported_where_they_are_wrong(string file) =>
        Check(Repo.PathOf($"tests/Assessment.Tests/Corpus/dataset/{file}"), p => DatasetReader.ReadFile(p), "run");

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Bad_rule_sets_are_reported_where_they_are_wrong(string file) =>
        Check(Repo.PathOf($"tests/Assessment.Tests/Corpus/rules/{file}"), p => RuleSetReader.ReadFile(p), "validate");

    public static TheoryData<string, string> Unloadable() => new()
    {
        // Each of these once took the YAML loader down with a stack overflow or could expand without bound.
        { "namnd: x\nperiod: T1 2026\ninriktningsmal: " + new string('[', 60_000) + new string(']', 60_000) + "\n", "nästlad djupare än 64 nivåer" },
        { "namnd: x\nperiod: T1 2026\ninriktningsmal:\n" + string.Concat(Enumerable.Range(1, 5000).Select(d => new string(' ', d) + "- \n")), "nästlad djupare än 64 nivåer" },
        { "namnd: &n x\nperiod: T1 2026\nkalla: *n\ninriktningsmal: []\n", "alias (*n) stöds inte" },
    };

    [Theory]
    [MemberData(nameof(Unloadable))]
    public void Yaml_too_deep_or_with_aliases_is_an_input_error(string text, string message)
    {
        var error = Should.Throw<InputException>(() => DatasetReader.Read(text, "djup.yaml")).Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain(message);
        error.Position.Line.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_before_it_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"assess-stor-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var stream = File.Create(path)) stream.SetLength(InputText.MaxBytes + 1);
            Should.Throw<InputException>(() => DatasetReader.ReadFile(path, "stor.yaml")).Message.ShouldContain("större än");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
