using System.Text.RegularExpressions;
using Assessment.Domain;
using Assessment.Domain.Yaml;
using Assessment.Rules;

namespace Assessment.Tests.Domain;

/// <summary>
/// A corpus of bad files (tests as data, like Scriban's): each file's first line says the error code, position
/// and message expected, "# förväntat: KOD RAD:KOLUMN text" – or "# förväntat: KOD - text" for a problem with
/// the file as a whole, which has no position. Every one must give exactly that, through the command line
/// too: exit code 2, "fel KOD: fil:rad:kolumn: …" (or "fel KOD: fil: …"), and no stack trace.
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

    /// <summary>The expected code, line and column (0 and 0 for the file as a whole) and message.</summary>
    public static (string Code, int Line, int Column, string Message) Expected(string path)
    {
        var m = Regex.Match(File.ReadLines(path).First(), @"^# förväntat: (A\d{3}) (?:(\d+):(\d+)|-) (.+)$");
        m.Success.ShouldBeTrue($"{path} must start with '# förväntat: KOD RAD:KOLUMN text' or '# förväntat: KOD - text'");
        return m.Groups[2].Success
            ? (m.Groups[1].Value, int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value), m.Groups[4].Value)
            : (m.Groups[1].Value, 0, 0, m.Groups[4].Value);
    }

    private static void Check(string path, Action<string> load, params string[] command)
    {
        var (code, line, column, message) = Expected(path);
        var errors = Should.Throw<InputException>(() => load(path)).Errors;
        errors.ShouldContain(e => e.Code == code && e.Position!.Line == line && e.Position.Column == column && e.Message.Contains(message),
            $"expected {code} {line}:{column} {message}, got: {string.Join(" | ", errors)}");

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assessment.Cli.Cli.Run([.. command, path], stdout, stderr).ShouldBe(2);
        stderr.ToString().ShouldContain(line > 0 ? $"fel {code}: {path}:{line}:{column}: " : $"fel {code}: {path}: ");
        stderr.ToString().ShouldNotContain(":1:1:");
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
        error.Position!.Line.ShouldBeGreaterThanOrEqualTo(3);
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
