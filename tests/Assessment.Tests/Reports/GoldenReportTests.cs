using System.Text.Json;

namespace Assessment.Tests.Reports;

/// <summary>
/// The rendered reports of the bundled sample, compared with golden files in tests/Assessment.Tests/Golden.
/// After an intended change, regenerate them with UPDATE_GOLDEN=1 dotnet test and review the diff.
/// The rule set's hash is written as &lt;sha256&gt;.
/// </summary>
public class GoldenReportTests
{
    private static string Render(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assessment.Cli.Cli.Run(["run", .. args], stdout, stderr).ShouldBe(0, stderr.ToString());
        return stdout.ToString();
    }

    /// <summary>
    /// The rule set's hash changes with every edit of the file, comments included; it is replaced by a
    /// placeholder so the golden files hold what the rules do, not how the file is spelt.
    /// </summary>
    internal static void Golden(string name, string rendered)
    {
        var sha = Repo.StockholmRules.RuleSet.Sha256;
        var actual = rendered.Replace(sha, "<sha256>").Replace(sha[..12], "<sha256>");
        var path = Repo.PathOf($"tests/Assessment.Tests/Golden/{name}");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        File.Exists(path).ShouldBeTrue($"golden file {name} is missing: run UPDATE_GOLDEN=1 dotnet test");
        actual.ShouldBe(File.ReadAllText(path), $"{name} differs from the golden file");
    }

    [Theory]
    [InlineData("text", "hasselby-vallingby-t1-2026.txt")]
    [InlineData("md", "hasselby-vallingby-t1-2026.md")]
    [InlineData("html", "hasselby-vallingby-t1-2026.html")]
    [InlineData("json", "hasselby-vallingby-t1-2026.json")]
    public void The_sample_renders_as_the_golden_file(string format, string golden) => Golden(golden, Render("--format", format));

    [Fact]
    public void Html_marks_every_goal_where_the_rules_differ_from_the_published_rating_and_counts_them_per_level()
    {
        var html = Render("--format", "html");
        var result = Repo.StockholmRules.Assess(Repo.Sample());
        var differing = result.AllGoals().Where(g => g.Recorded is { } r && r != g.Derived.Rating).ToList();
        differing.ShouldNotBeEmpty();
        System.Text.RegularExpressions.Regex.Matches(html, "<p class=\"harlett[^\"]* skiljer\">≠ ").Count.ShouldBe(differing.Count);
        foreach (var goal in differing)
            html.ShouldContain($"id=\"mal-{goal.Goal.Id}\"");
        // The count table: per level the derived and the recorded ratings, and how many differ.
        html.ShouldContain("<table class=\"antal\">");
        html.ShouldContain("<td>h&#228;rlett</td>");
        html.ShouldContain("<td>redovisat</td>");
        html.ShouldContain("@media print");
    }

    [Fact]
    public void The_same_input_renders_byte_identical_output() =>
        Render("--format", "json").ShouldBe(Render("--format", "json"));

    [Fact]
    public void Markdown_follows_the_reports_structure()
    {
        var md = Render("--format", "md");
        md.ShouldContain("### KF:s mål för verksamhetsområdet: 3.4 Medarbetare i Stockholm ska ges goda förutsättningar att göra ett bra jobb\n\n**Uppfylls helt**");
        md.ShouldContain("*≠ Härlett betyg (regelverket): delvis, regel ovrigt-delvis · Redovisat betyg: helt*");
        md.ShouldContain("| Indikator | Periodens utfall | Utfall män/pojkar | Utfall kvinnor/flickor | Utfall VB 2025 | Prognos helår | Årsmål | KF:s årsmål | Period | Bedömning |");
        md.ShouldContain("| Aktivt Medskapandeindex | 81 |  |  | 78 |  | 82 | 82 | 2026 | delvis |");
        md.ShouldContain("| Aktivitet | Startdatum | Slutdatum | Avvikelse |");
        md.IndexOf("## Sammanfattning", StringComparison.Ordinal).ShouldBeLessThan(md.IndexOf("## KF:s inriktningsmål: 1.", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_carries_a_justification_per_goal_and_the_summary()
    {
        using var json = JsonDocument.Parse(Render("--format", "json"));
        json.RootElement.GetProperty("summary").GetString()!.ShouldStartWith("Bedömningen är att 3 inriktningsmål");
        foreach (var goal in json.RootElement.GetProperty("goals").EnumerateArray())
            goal.GetProperty("justification").GetString().ShouldNotBeNullOrWhiteSpace();
    }
}
