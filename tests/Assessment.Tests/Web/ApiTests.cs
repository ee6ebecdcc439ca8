using System.Text.Json;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;

namespace Assessment.Tests.Web;

/// <summary>The workbench's JSON API, in process, over a copy of the bundled examples.</summary>
public class ApiTests
{
    private const string Sample = "hasselby-vallingby-t1-2026";

    [Fact]
    public async Task The_datasets_are_every_dataset_under_the_folder_by_path_without_yaml()
    {
        await using var bench = TestWorkbench.Start();
        var (status, text) = await bench.Get("/api/datasets");
        status.ShouldBe(200);
        var list = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        list.Select(d => d.GetProperty("id").GetString()).ShouldBe([
            Sample, "importerade/hasselby-vallingby-t1-2026", "importerade/hasselby-vallingby-vb-2023", "importerade/hasselby-vallingby-vp-2025",
        ]);
        list[0].GetProperty("namnd").GetString().ShouldBe("Hässelby-Vällingby stadsdelsnämnd");
        list[0].GetProperty("period").GetString().ShouldBe("T1 2026");
        list[2].GetProperty("period").GetString().ShouldBe("VB 2023");
    }

    [Fact]
    public async Task The_assessment_is_the_same_json_as_run_format_json()
    {
        await using var bench = TestWorkbench.Start();
        var (status, text) = await bench.Get($"/api/datasets/importerade/hasselby-vallingby-vb-2023/assessment");
        status.ShouldBe(200);
        var (exit, expected, _) = Assess.Run("run", bench.PathOf("importerade/hasselby-vallingby-vb-2023.yaml"), "--format", "json");
        exit.ShouldBe(0);
        text.ShouldBe(expected);
    }

    [Fact]
    public async Task An_override_needs_a_reason_a_known_goal_and_a_known_rating()
    {
        await using var bench = TestWorkbench.Start();
        var file = bench.PathOf(Sample + ".yaml");
        var before = TestWorkbench.Sha256(file);
        foreach (var (body, message) in new (object, string)[]
                 {
                     (new { goal = "1.1", rating = "delvis", reason = "  ", by = "Åsa" }, "motivering"),
                     (new { goal = "9.9", rating = "delvis", reason = "Skäl", by = "Åsa" }, "okänt mål \"9.9\""),
                     (new { goal = "1.1", rating = "halvbra", reason = "Skäl", by = "Åsa" }, "okänt betyg \"halvbra\""),
                     (new { goal = "1.1", rating = 3, reason = "Skäl", by = "Åsa" }, "\"rating\" ska vara text"),
                     (new { goal = "1.1", rating = true, reason = "Skäl", by = "Åsa" }, "\"rating\" ska vara text"),
                 })
        {
            var (status, error) = await bench.Post($"/api/datasets/{Sample}/overrides", body);
            status.ShouldBe(400);
            error.GetProperty("error").GetString()!.ShouldContain(message);
        }
        (await bench.Post("/api/datasets/finns-inte/overrides", new { goal = "1.1", rating = "helt", reason = "x" })).Status.ShouldBe(404);
        TestWorkbench.Sha256(file).ShouldBe(before);
        File.Exists(bench.LogPath).ShouldBeFalse();
    }

    [Fact]
    public async Task A_saved_override_is_in_the_file_the_assessment_and_the_decision_log_and_runs_with_assess_run()
    {
        await using var bench = TestWorkbench.Start();
        var file = bench.PathOf(Sample + ".yaml");
        var original = File.ReadAllText(file);
        var sha = TestWorkbench.Sha256(file);

        var (status, body) = await bench.Post($"/api/datasets/{Sample}/overrides",
            new { goal = "1.1.1", rating = "inte", reason = "Prognosen är osäker.", by = "Controller Åsa", sha256 = sha });
        status.ShouldBe(200);
        body.GetProperty("sha256").GetString().ShouldBe(TestWorkbench.Sha256(file));

        var saved = DatasetReader.ReadFile(file).AllGoals().Single(g => g.Id == "1.1.1").Override!;
        (saved.Rating, saved.Reason, saved.By).ShouldBe((Rating.NotMet, "Prognosen är osäker.", "Controller Åsa"));
        var block = "            overstyrning:\n              betyg: inte\n              motivering: \"Prognosen är osäker.\"\n              av: \"Controller Åsa\"\n";
        File.ReadAllText(file).Replace(block, "").ShouldBe(original);
        File.ReadAllText(file).ShouldContain("redovisat: helt  # rad 228: \"Uppfylls helt\"\n" + block + "            beskrivning: |-");

        var (_, json) = await bench.Get($"/api/datasets/{Sample}/assessment");
        var goal = JsonDocument.Parse(json).RootElement.GetProperty("goals").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "1.1.1");
        goal.GetProperty("final").GetString().ShouldBe("inte");
        goal.GetProperty("override").GetProperty("reason").GetString().ShouldBe("Prognosen är osäker.");

        var line = JsonDocument.Parse(File.ReadAllLines(bench.LogPath).Single()).RootElement;
        line.GetProperty("command").GetString().ShouldBe("override");
        line.GetProperty("goal").GetString().ShouldBe("1.1.1");
        line.GetProperty("dataset").GetProperty("sha256_before").GetString().ShouldBe(sha);
        line.GetProperty("dataset").GetProperty("sha256").GetString().ShouldBe(TestWorkbench.Sha256(file));
        line.GetProperty("override").GetProperty("rating").GetString().ShouldBe("inte");
        line.GetProperty("previous").ValueKind.ShouldBe(JsonValueKind.Null);

        var (exit, output, _) = Assess.Run("run", file);
        exit.ShouldBe(0);
        output.ShouldContain("överstyrt till inte av Controller Åsa: Prognosen är osäker.");

        // removed the same way: the file is back as it was
        (await bench.Post($"/api/datasets/{Sample}/overrides", new { goal = "1.1.1", rating = (string?)null })).Status.ShouldBe(200);
        File.ReadAllText(file).ShouldBe(original);
        File.ReadAllLines(bench.LogPath).Length.ShouldBe(2);

        // the goal page reads both lines back as the goal's history; a run's line and a damaged line are passed over
        File.AppendAllText(bench.LogPath, "{\"time\":\"x\",\"command\":\"run\",\"goal\":\"1.1.1\"}\n{\"command\":\"override\",\n");
        var (_, page) = await bench.Get($"/mal?id={Sample}&mal=1.1.1");
        var history = page[page.IndexOf("Överstyrningar i beslutsloggen", StringComparison.Ordinal)..page.IndexOf("Överstyr betyget", StringComparison.Ordinal)];
        history.ShouldContain("<td>inte</td><td>Prognosen är osäker.</td><td>Controller Åsa</td>");
        history.ShouldContain("<td>borttagen</td>");
        history.Split("<tr>").Length.ShouldBe(4); // the head and two changes
    }

    [Fact]
    public async Task A_threshold_too_large_for_a_rule_or_a_body_that_is_no_form_is_400_not_500()
    {
        await using var bench = TestWorkbench.Start();
        foreach (var path in (string[])["/api/what-if", "/api/sweep"])
        {
            var (status, body) = await bench.Post(path, new { name = "delvis_grans", thresholds = new Dictionary<string, double> { ["delvis_grans"] = 1e30 } });
            status.ShouldBe(400, path);
            body.GetProperty("error").GetString()!.ShouldContain("orimligt stort");
        }
        var (formStatus, _) = await bench.Post("/policy/spara", new { version = "9.9" });
        formStatus.ShouldBe(400);
    }

    [Fact]
    public async Task An_empty_sha256_is_no_hash_given_not_a_conflict()
    {
        await using var bench = TestWorkbench.Start();
        var (status, _) = await bench.Post($"/api/datasets/{Sample}/overrides",
            new { goal = "1.1", rating = "delvis", reason = "Skäl", by = "Åsa", sha256 = "" });
        status.ShouldBe(200);
    }

    [Fact]
    public async Task A_save_based_on_an_older_file_is_409_and_changes_nothing()
    {
        await using var bench = TestWorkbench.Start();
        var file = bench.PathOf(Sample + ".yaml");
        var stale = TestWorkbench.Sha256(file);
        File.AppendAllText(file, "# ändrad i en editor\n");
        var now = File.ReadAllBytes(file);

        var (status, body) = await bench.Post($"/api/datasets/{Sample}/overrides",
            new { goal = "1.1", rating = "helt", reason = "Skäl", by = "Åsa", sha256 = stale });
        status.ShouldBe(409);
        body.GetProperty("error").GetString()!.ShouldContain("har ändrats sedan sidan lästes");
        File.ReadAllBytes(file).ShouldBe(now);
        File.Exists(bench.LogPath).ShouldBeFalse();
    }

    [Fact]
    public async Task Concurrent_saves_to_one_file_never_interleave()
    {
        await using var bench = TestWorkbench.Start();
        var file = bench.PathOf(Sample + ".yaml");
        var goals = DatasetReader.ReadFile(file).AllGoals().Where(g => g.Override is null).Select(g => g.Id).Take(12).ToList();

        var results = await Task.WhenAll(goals.Select(g => bench.Post($"/api/datasets/{Sample}/overrides",
            new { goal = g, rating = "delvis", reason = $"Skäl för {g}", by = "Åsa" })));
        results.ShouldAllBe(r => r.Status == 200);

        var read = DatasetReader.ReadFile(file).AllGoals().ToDictionary(g => g.Id);
        foreach (var g in goals) read[g].Override!.Reason.ShouldBe($"Skäl för {g}");
        File.ReadAllLines(bench.LogPath).Length.ShouldBe(goals.Count);
        Directory.GetFiles(bench.Datasets, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_what_if_re_rates_every_dataset_and_writes_nothing()
    {
        await using var bench = TestWorkbench.Start();
        var before = bench.Snapshot();

        var (status, body) = await bench.Post("/api/what-if", new { thresholds = new { delvis_grans = 0.5, helt_minsta_andel = 0.5 } });
        status.ShouldBe(200);
        body.GetProperty("datasets").GetArrayLength().ShouldBe(4);
        body.GetProperty("changed").GetInt32().ShouldBeGreaterThan(0);
        var changed = body.GetProperty("datasets").EnumerateArray().SelectMany(d => d.GetProperty("changed").EnumerateArray()).First();
        changed.GetProperty("from").GetString().ShouldNotBe(changed.GetProperty("to").GetString());
        body.GetProperty("agreement").GetArrayLength().ShouldBe(3);
        bench.Snapshot().ShouldBe(before);

        var (same, unchanged) = await bench.Post("/api/what-if", new { thresholds = new { } });
        same.ShouldBe(200);
        unchanged.GetProperty("changed").GetInt32().ShouldBe(0);

        var (bad, error) = await bench.Post("/api/what-if", new { thresholds = new { delvis_gräns = 0.8 } });
        bad.ShouldBe(400);
        error.GetProperty("error").GetString()!.ShouldContain("menade du delvis_grans?");
        (await bench.Post("/api/what-if", new { thresholds = new { delvis_grans = "hög" } })).Status.ShouldBe(400);
    }

    [Fact]
    public async Task A_dataset_that_cannot_be_read_is_listed_with_its_positioned_error_and_the_city_page_still_works()
    {
        await using var bench = TestWorkbench.Start(prepare: folder =>
        {
            File.WriteAllText(Path.Combine(folder, "trasig.yaml"), "namnd: X\nperiod: T9 2026\ninriktningsmal: []\n");
            File.WriteAllText(Path.Combine(folder, "ogiltig.yaml"), "namnd: X\nperiod: [T1 2026\n"); // broken YAML: a dataset with its error
            File.WriteAllText(Path.Combine(folder, "annat.yaml"), "id: inte-ett-dataset\n"); // names no district or period: passed over
        });
        var (_, list) = await bench.Get("/api/datasets");
        var entries = JsonDocument.Parse(list).RootElement.EnumerateArray().ToList();
        var broken = entries.Single(d => d.GetProperty("id").GetString() == "trasig");
        broken.GetProperty("errors")[0].GetString()!.ShouldContain("trasig.yaml:2:");
        entries.Single(d => d.GetProperty("id").GetString() == "ogiltig").GetProperty("errors")[0].GetString()!.ShouldContain("ogiltig YAML");
        entries.ShouldNotContain(d => d.GetProperty("id").GetString() == "annat");
        var (status, page) = await bench.Get("/");
        status.ShouldBe(200);
        page.ShouldContain("trasig.yaml:2:");
        page.ShouldContain("Hässelby-Vällingby stadsdelsnämnd");
        (await bench.Get("/api/datasets/trasig/assessment")).Status.ShouldBe(422);
    }

    [Fact]
    public async Task Saving_a_new_rules_version_writes_a_new_file_that_reads_and_never_overwrites()
    {
        await using var bench = TestWorkbench.Start(copyRules: true);
        var original = File.ReadAllText(Path.Combine(bench.Rules, "stockholm.yaml"));
        var (status, body) = await bench.Post("/api/rules/versions", new { thresholds = new { delvis_grans = 0.8 }, version = "1.1", giltig_fran = "2027-01-01" });
        status.ShouldBe(200, body.ToString());
        var written = File.ReadAllText(Path.Combine(bench.Rules, "stockholm-1.1.yaml"));
        written.ShouldContain("delvis_grans: 0.8\n");
        written.ShouldContain("version: \"1.1\"");
        written.ShouldContain("giltig_fran: 2027-01-01");
        File.ReadAllText(Path.Combine(bench.Rules, "stockholm.yaml")).ShouldBe(original);
        Assess.Run("validate", Path.Combine(bench.Rules, "stockholm-1.1.yaml")).Exit.ShouldBe(0);

        var (again, error) = await bench.Post("/api/rules/versions", new { thresholds = new { delvis_grans = 0.7 }, version = "1.1", giltig_fran = "2028-01-01" });
        again.ShouldBe(400);
        error.GetProperty("error").GetString()!.ShouldContain("skrivs aldrig över");
        File.ReadAllText(Path.Combine(bench.Rules, "stockholm-1.1.yaml")).ShouldBe(written);
    }
}
