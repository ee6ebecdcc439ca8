using System.Security.Cryptography;
using System.Text.Json;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Rules;
using Assessment.Rules.Audit;

namespace Assessment.Tests.Cli;

/// <summary>explain, check, validate, test, diff, the decision log and rule-set versions, on the bundled sample.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly TempFolder _dir = new("assess-audit-");

    public void Dispose() => _dir.Dispose();

    private static (int Exit, string Out, string Err) Run(params string[] args) => Assess.Run(args);

    private string Temp(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static string RulesWith(string old, string replacement)
    {
        var text = Repo.ReadRulesText();
        text.Split(old).Length.ShouldBe(2, $"\"{old}\" once in rules/stockholm.yaml");
        return text.Replace(old, replacement);
    }

    [Fact]
    public void Explain_shows_the_chain_behind_3_4()
    {
        var (exit, output, error) = Run("explain", "3.4");
        exit.ShouldBe(0, error);
        output.ShouldContain("Slutligt betyg:  helt (controllerns överstyrning)");
        output.ShouldContain("Redovisat betyg: helt");
        output.ShouldContain("Härlett betyg:   delvis, enligt regeln ovrigt-delvis");
        output.ShouldContain("✗ indikatorer-och-namndmal-helt");
        output.ShouldContain("gäller inte: (indikatorer_bedomda == 0 || indikatorer_andel_helt >= helt_minsta_andel)  (indikatorer_bedomda = 6, indikatorer_andel_helt = 0,6667, helt_minsta_andel = 0,75)");
        output.ShouldContain("Aktivt Medskapandeindex: delvis (regel nara-malet)");
        output.ShouldContain("villkor: uppfyllelse >= delvis_grans  (uppfyllelse = 0,9878, delvis_grans = 0,85)");
        output.ShouldContain($"sha256 {Repo.StockholmRules.RuleSet.Sha256}");
        output.ShouldContain("Trots att resultat och prognos");
        output.ShouldContain("Förskolenämnden ska i samråd med stadsdelsnämnderna införa arbetsskor");
    }

    [Fact]
    public void Explain_as_json_names_the_failing_part_of_each_rule_above()
    {
        var (exit, output, _) = Run("explain", "3.4", "--format", "json");
        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
        rules.Last().GetProperty("id").GetString().ShouldBe("ovrigt-delvis");
        rules.Last().GetProperty("matched").GetBoolean().ShouldBeTrue();
        var helt = rules.Single(r => r.GetProperty("id").GetString() == "indikatorer-och-namndmal-helt");
        helt.GetProperty("matched").GetBoolean().ShouldBeFalse();
        var parts = helt.GetProperty("parts").EnumerateArray().ToList();
        parts.Count.ShouldBe(3);
        parts.Select(p => p.GetProperty("holds").GetBoolean()).ShouldBe([false, true, true]);
        parts[0].GetProperty("values").GetProperty("indikatorer_andel_helt").GetDouble().ShouldBe(0.666667, 0.000001);
        json.RootElement.GetProperty("override").GetProperty("reason").GetString()!.ShouldStartWith("Trots att");
        json.RootElement.GetProperty("indicators").GetArrayLength().ShouldBe(8);
    }

    [Fact]
    public void Explain_takes_a_conditional_whose_branch_has_an_or_as_one_part()
    {
        const string conditional = "indikatorer_bedomda > 0 ? indikatorer_andel_helt >= helt_minsta_andel || delmal_bedomda < 0 : true";
        var rules = Temp("villkor.yaml", RulesWith(
            "(indikatorer_bedomda == 0 || indikatorer_andel_helt >= helt_minsta_andel)\n        && (delmal_bedomda == 0 || delmal_andel_helt >= helt_minsta_andel)\n        && aktiviteter_andel_avvikelse <= avvikelse_hogsta_andel\n      betyg: helt\n    - id: ovrigt-delvis",
            conditional + "\n      betyg: helt\n    - id: ovrigt-delvis"));
        Run("validate", rules).Exit.ShouldBe(0);

        var (exit, output, error) = Run("explain", "3.4", "--rules", rules);

        exit.ShouldBe(0, error);
        output.ShouldContain($"gäller inte: {conditional}  (");
    }

    [Fact]
    public void Explain_an_unknown_goal_suggests_the_closest()
    {
        var (exit, _, error) = Run("explain", "3.44");
        exit.ShouldBe(2);
        error.ShouldContain("målet \"3.44\" finns inte i datasetet – menade du 3.4?");
    }

    [Fact]
    public void Check_lists_the_gaps_and_the_forecast_equals_target_warnings_of_the_sample()
    {
        var (exit, output, _) = Run("check");
        exit.ShouldBe(1);
        output.ShouldContain("Redovisat betyg skiljer sig från härlett för 4 mål");
        output.ShouldContain("3.4 verksamhetsområdesmål: redovisat helt, härlett delvis (regel ovrigt-delvis)");
        output.ShouldContain("Prognos lika med årsmålet trots att periodens utfall ligger långt ifrån (14)");
        output.ShouldContain("Andel barn som lever i familjer som har ekonomiskt bistånd: prognosen 2,5 % är lika med årsmålet medan periodens utfall är 2,8 %");
        output.ShouldContain("KF:s årsmål 1 675 GWh är 1\u00A0396 gånger nämndens 1,2 GWh");
        output.ShouldNotContain("slutdatumet 2026-04-30"); // ended on the period's last day: nothing to ask
    }

    [Fact]
    public void A_stated_direction_that_contradicts_the_targets_word_is_flagged()
    {
        var dataset = Temp("riktning.yaml", Yaml.Dataset("""
            - id: "1.1"
              titel: Mål
              indikatorer:
                - namn: Andel nöjda
                  periodicitet: Tertial
                  utfall: "45 %"
                  prognos: "45 %"
                  utfall_forra_aret: "40 %"
                  arsmal: Minskning
                  riktning: högre
            """));
        var (exit, output, _) = Run("check", dataset);
        exit.ShouldBe(1);
        output.ShouldContain("Indikator vars riktning motsäger målets ord");
        output.ShouldContain("datasetets riktning \"högre är bättre\" motsäger målet \"Minskning\"");
    }

    [Theory]
    [InlineData("T1 2026", "2026-03-31", true)]
    [InlineData("T1 2026", "2026-04-30", false)]
    [InlineData("VB 2026", "2026-06-30", false)]
    public void An_activity_past_its_end_without_deviation_is_asked_about_mid_year_only(string period, string end, bool asked)
    {
        var dataset = Temp("aktivitet.yaml", Yaml.Dataset($$"""
            - id: "1.1"
              titel: Mål
              namndmal:
                - id: "1.1.1"
                  titel: Nämndmål
                  aktiviteter:
                    - namn: A
                      start: 2026-01-01
                      slut: {{end}}
            """, period));
        var (_, output, _) = Run("check", dataset);
        output.Contains($"slutdatumet {end} passerades före periodens slut").ShouldBe(asked);
    }

    [Fact]
    public void Check_of_data_that_supports_its_ratings_is_clean()
    {
        var dataset = Temp("ren.yaml", Yaml.Dataset("""
            - id: "1.1"
              titel: Mål
              redovisat: helt
              indikatorer:
                - namn: Andel nöjda
                  periodicitet: Tertial
                  utfall: "90 %"
                  prognos: "91 %"
                  arsmal: "90 %"
              namndmal:
                - id: "1.1.1"
                  titel: Nämndmål
                  redovisat: helt
                  aktiviteter:
                    - namn: A
                      start: 2026-01-01
                      slut: 2026-12-31
            """).Replace("    titel: Inriktningsmål", "    titel: Inriktningsmål\n    redovisat: helt"));
        var (exit, output, error) = Run("check", dataset);
        error.ShouldBeEmpty();
        output.ShouldContain("Inga fynd.");
        exit.ShouldBe(0);
    }

    [Fact]
    public void A_log_that_cannot_be_written_leaves_no_output_behind()
    {
        var output = Path.Combine(_dir.FullName, "rapport.txt");
        var (exit, _, error) = Run("run", "-o", output, "--log", Path.Combine(_dir.FullName, "saknas", "logg.jsonl"));
        exit.ShouldBe(2);
        error.ShouldContain("kan inte skriva beslutsloggen: mappen");
        File.Exists(output).ShouldBeFalse();
    }

    [Theory]
    [InlineData("--log")]
    [InlineData("-o")]
    public void An_output_that_would_replace_an_input_is_refused(string flag)
    {
        var rules = Temp("regler/stockholm.yaml", Repo.ReadRulesText());
        var dataset = Temp("data.yaml", File.ReadAllText(Repo.SampleDataset));
        var (rulesBefore, datasetBefore) = (File.ReadAllBytes(rules), File.ReadAllBytes(dataset));

        Run("run", dataset, "--rules", Path.GetDirectoryName(rules)!, flag, rules).Exit.ShouldBe(2);
        Run("run", dataset, "--rules", Path.GetDirectoryName(rules)!, flag, Path.Combine(_dir.FullName, "regler", "ny.yaml")).Exit.ShouldBe(2);
        var (exit, _, error) = Run("check", dataset, "--rules", rules, flag, dataset);

        exit.ShouldBe(2);
        error.ShouldContain("indata ändras aldrig");
        File.ReadAllBytes(rules).ShouldBe(rulesBefore);
        File.ReadAllBytes(dataset).ShouldBe(datasetBefore);
        File.Exists(Path.Combine(_dir.FullName, "regler", "ny.yaml")).ShouldBeFalse();
    }

    [Fact]
    public void The_decision_log_gets_one_line_per_run_with_hashes_and_every_rating()
    {
        var log = Path.Combine(_dir.FullName, "beslut.jsonl");
        Run("run", "--log", log).Exit.ShouldBe(0);
        Run("run", "--format", "json", "--log", log).Exit.ShouldBe(0);
        var lines = File.ReadAllLines(log);
        lines.Length.ShouldBe(2);
        using var entry = JsonDocument.Parse(lines[1]);
        var root = entry.RootElement;
        DateTimeOffset.Parse(root.GetProperty("time").GetString()!).ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
        root.GetProperty("dataset").GetProperty("sha256").GetString()
            .ShouldBe(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Repo.SampleDataset))));
        root.GetProperty("ruleset").GetProperty("version").GetString().ShouldBe(Repo.StockholmRules.RuleSet.Version);
        root.GetProperty("ruleset").GetProperty("sha256").GetString().ShouldBe(Repo.StockholmRules.RuleSet.Sha256);
        var goals = root.GetProperty("goals").EnumerateArray().ToList();
        goals.Count.ShouldBe(35);
        goals.Single(g => g.GetProperty("id").GetString() == "3.4").GetProperty("final").GetString().ShouldBe("helt");
    }

    [Fact]
    public void Validate_reports_every_mistake_with_its_position()
    {
        var rules = Temp("fel.yaml", RulesWith("version: \"1.0\"", "versoin: \"1.0\"")
            .Replace("delvis_grans: 0.85", "delvis_grans: mycket")
            .Replace("om: mal_uppnatt\n", "om: mal_uppnat\n")
            .Replace("T2: [prognos, utfall]", "T2: [prognos, utfal]"));
        var (exit, output, error) = Run("validate", rules);
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var versionLine = File.ReadAllLines(rules).ToList().FindIndex(l => l.StartsWith("versoin:", StringComparison.Ordinal)) + 1;
        lines.ShouldContain(l => l.Contains($"fel.yaml:{versionLine}:1: okänd nyckel \"versoin\" – menade du \"version\"?"));
        lines.ShouldContain(l => l.Contains("tröskelvärdet \"delvis_grans\": väntade ett tal"));
        lines.ShouldContain(l => l.Contains("okänt värde \"utfal\" – menade du \"utfall\"?"));
        lines.ShouldContain(l => l.Contains("regeln \"mal-uppnatt\": okänt namn \"mal_uppnat\" – menade du \"mal_uppnatt\"?"));
        lines.ShouldAllBe(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^fel A\d{3}: .*fel\.yaml:\d+:\d+: "));
        lines.ShouldContain(l => l.StartsWith("fel A204: ") && l.Contains("okänd nyckel \"versoin\""));
        lines.ShouldContain(l => l.StartsWith("fel A302: ") && l.Contains("okänt namn \"mal_uppnat\""));
    }

    [Fact]
    public void Validate_accepts_the_shipped_rules_and_tests()
    {
        var (exit, output, _) = Run("validate");
        exit.ShouldBe(0);
        output.ShouldContain("ok: rules/stockholm.yaml: stockholm 1.0");
        output.ShouldContain("ok: rules/stockholm.tests.yaml");
    }

    [Fact]
    public void The_shipped_rule_tests_pass_and_cover_every_rule()
    {
        var (exit, output, _) = Run("test");
        exit.ShouldBe(0);
        output.ShouldContain("0 underkända");
        var suite = Assessment.Rules.Testing.RuleTestSuite.ReadFile(Repo.PathOf("rules/stockholm.tests.yaml"), "t");
        var covered = suite.Cases.Select(c => (c.Scope, c.ExpectedRule)).ToHashSet();
        foreach (var (scope, rules) in Repo.StockholmRules.RuleSet.Rules)
            foreach (var rule in rules)
                covered.ShouldContain((scope, rule.Id), $"no test case expects rule {rule.Id} in {scope}");
    }

    [Fact]
    public void Test_fails_naming_the_case_when_a_rule_is_broken()
    {
        Temp("regler/stockholm.yaml", RulesWith("om: uppfyllelse >= delvis_grans", "om: uppfyllelse >= 0.95"));
        Temp("regler/stockholm.tests.yaml", File.ReadAllText(Repo.PathOf("rules/stockholm.tests.yaml")));
        var (exit, output, _) = Run("test", Path.Combine(_dir.FullName, "regler"));
        exit.ShouldBe(1);
        output.ShouldContain("✗ Indikator: exakt 85 % av målet är delvis");
        output.ShouldContain("väntade delvis (regel nara-malet), fick inte (regel langt-fran-malet)");
        output.ShouldContain("1 underkända");
    }

    [Fact]
    public void Diff_lists_exactly_the_ratings_that_change_with_the_threshold_as_cause()
    {
        var changed = Temp("strängare.yaml", RulesWith("delvis_grans: 0.85", "delvis_grans: 0.95"));
        var (exit, output, _) = Run("diff", "--rules", Repo.DefaultRules, "--rules", changed);
        exit.ShouldBe(0);

        // The expectation, computed independently: assess with both and compare every rating.
        var before = Repo.StockholmRules.Assess(Repo.Sample());
        var after = RuleSetReader.ReadFile(changed).Assess(Repo.Sample());
        var expected = before.AllIndicators().Zip(after.AllIndicators())
            .Where(p => p.First.Rating != p.Second.Rating).Select(p => p.First.Indicator.Name).ToList();
        var expectedGoals = before.AllGoals().Zip(after.AllGoals())
            .Where(p => p.First.Derived.Rating != p.Second.Derived.Rating).Select(p => p.First.Goal.Id).ToList();
        (expected.Count + expectedGoals.Count).ShouldBeGreaterThan(0);

        output.ShouldContain($"{expected.Count + expectedGoals.Count} betyg ändras");
        foreach (var name in expected) output.ShouldContain($"indikator \"{name}\"");
        output.Split('\n').Count(l => l.Contains(" → ") && l.Contains(": ") && !l.Contains("regel ")).ShouldBe(expected.Count + expectedGoals.Count);
        output.ShouldContain("tröskelvärdet delvis_grans 0,85 → 0,95");
        output.ShouldContain($"  indikatorer:           {expected.Count}");
    }

    [Fact]
    public void Diff_names_the_changed_rule_and_counts_per_level()
    {
        var before = Repo.StockholmRules;
        var after = RuleSetReader.Read(RulesWith("om: delmal_andel_helt >= helt_minsta_andel && delmal_inte == 0",
            "om: delmal_andel_helt >= 1"), "ny.yaml");
        var sample = Repo.Sample();
        var changes = Diff.Compare(before.Assess(sample), after.Assess(sample), before.RuleSet, after.RuleSet);
        changes.ShouldAllBe(c => c.Level == GoalLevel.DirectionGoal);
        changes.ShouldAllBe(c => c.Cause.Contains("regeln verksamhetsomradesmal-helt är ändrad"));
    }

    [Fact]
    public void Diff_names_the_threshold_that_decided_not_every_threshold_the_rules_read()
    {
        // Two thresholds change; only inte_minsta_andel moves any rating. The goal rules above the deciding one
        // read avvikelse_hogsta_andel too, but it did not decide.
        var before = Repo.StockholmRules;
        var after = RuleSetReader.Read(RulesWith("inte_minsta_andel: 0.5", "inte_minsta_andel: 0.2")
            .Replace("avvikelse_hogsta_andel: 0.5", "avvikelse_hogsta_andel: 0.5000001"), "ny.yaml");
        var dataset = DatasetReader.ReadFile(Repo.PathOf("examples/importerade/hasselby-vallingby-vb-2023.yaml"));
        var changes = Diff.Compare(before.Assess(dataset), after.Assess(dataset), before.RuleSet, after.RuleSet);

        var goals = changes.Where(c => c.IsGoal).ToList();
        goals.ShouldNotBeEmpty();
        goals.ShouldAllBe(c => c.Cause.Contains("tröskelvärdet inte_minsta_andel 0,5 → 0,2") || c.Cause.Contains("betyg under målet har ändrats"));
        changes.ShouldAllBe(c => !c.Cause.Contains("avvikelse_hogsta_andel"));
        goals.ShouldContain(c => c.Cause.Contains("delmål ") && c.Cause.Contains("delmal_andel_inte"));
    }

    [Fact]
    public void Validate_reports_two_versions_valid_from_the_same_day_as_run_would()
    {
        var folder = Path.Combine(_dir.FullName, "samma-dag");
        Temp("samma-dag/a.yaml", Repo.ReadRulesText());
        Temp("samma-dag/b.yaml", RulesWith("version: \"1.0\"", "version: \"2.0\""));

        var (exit, _, error) = Run("validate", folder);

        exit.ShouldBe(2);
        error.ShouldContain("två regelverk gäller från samma dag (2023-01-01)");
        Run("run", "--rules", folder).Err.ShouldContain("två regelverk gäller från samma dag (2023-01-01)");
    }

    [Fact]
    public void Problems_in_the_rule_set_and_the_dataset_are_reported_together()
    {
        var rules = Temp("trasig.yaml", RulesWith("delvis_grans: 0.85", "delvis_grans: mycket"));
        var dataset = Temp("trasig-data.yaml", File.ReadAllText(Repo.SampleDataset).Replace("period: \"T1 2026\"", "period: \"T7 2026\""));

        var (exit, output, error) = Run("run", dataset, "--rules", rules, "--format", "json");

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldContain("trasig.yaml:");
        lines[0].ShouldContain("\"delvis_grans\": väntade ett tal");
        lines[1].ShouldContain("trasig-data.yaml:");
        lines[1].ShouldContain("okänd period");
    }

    [Fact]
    public void A_folder_of_versions_picks_the_one_in_force_for_the_period()
    {
        var folder = Path.Combine(_dir.FullName, "versioner");
        Temp("versioner/stockholm-1.yaml", Repo.ReadRulesText());
        Temp("versioner/stockholm-2.yaml", RulesWith("version: \"1.0\"", "version: \"2.0\"").Replace("giltig_fran: 2023-01-01", "giltig_fran: 2026-05-01"));
        var catalog = RuleSetCatalog.Load(folder, "versioner");
        catalog.InForce(new ReportingPeriod(PeriodKind.T1, 2026)).RuleSet.Version.ShouldBe("1.0");
        catalog.InForce(new ReportingPeriod(PeriodKind.T2, 2026)).RuleSet.Version.ShouldBe("2.0");
        catalog.InForce(new ReportingPeriod(PeriodKind.VB, 2023)).RuleSet.Version.ShouldBe("1.0");
        Should.Throw<Assessment.Domain.InputException>(() => catalog.InForce(new ReportingPeriod(PeriodKind.VB, 2022)))
            .Message.ShouldContain("inget regelverk i versioner gäller för VB 2022");

        var (exit, output, _) = Run("run", "--rules", folder);
        exit.ShouldBe(0);
        output.ShouldContain("Regelverk: stockholm 1.0, giltigt från 2023-01-01 (");
        output.ShouldContain("versioner/stockholm-1.yaml, sha256");
    }
}
