using System.Net;
using Assessment.Reports;

namespace Assessment.Tests.Web;

/// <summary>The pages without JavaScript: plain links, a GET form for the thresholds, POST forms for saving.</summary>
public class PagesTests
{
    private static FormUrlEncodedContent Form(params (string, string)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

    [Fact]
    public async Task Every_page_answers_in_swedish_and_a_dataset_page_offers_the_four_downloads()
    {
        await using var bench = TestWorkbench.Start();
        var (status, page) = await bench.Get("/datamangd?id=hasselby-vallingby-t1-2026");
        status.ShouldBe(200);
        page.ShouldContain("<html lang=\"sv\">");
        page.ShouldContain("Hässelby-Vällingby stadsdelsnämnd – T1 2026");
        ReportFormats.Downloads.Select(f => f.Name).ShouldBe(["md", "html", "xlsx", "docx"]);
        foreach (var format in ReportFormats.Downloads)
        {
            page.ShouldContain($"<a href=\"/export?id=hasselby-vallingby-t1-2026&amp;format={format.Name}\" download>{format.Download}</a>");
            using var response = await bench.Client.GetAsync($"/export?id=hasselby-vallingby-t1-2026&format={format.Name}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.ToString().ShouldBe(format.MediaType);
            response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"hasselby-vallingby-t1-2026.{format.Name}");
            (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(1000);
        }
        var (unknown, refused) = await bench.Get("/export?id=hasselby-vallingby-t1-2026&format=json");
        unknown.ShouldBe(404);
        refused.ShouldContain("okänt format \"json\": välj md, html, xlsx eller docx");
        (await bench.Get("/mal?id=hasselby-vallingby-t1-2026&mal=3.4")).Text.ShouldContain("ovrigt-delvis");
        (await bench.Get("/mal?id=hasselby-vallingby-t1-2026&mal=9.9")).Status.ShouldBe(404);
    }

    [Fact]
    public async Task The_policy_form_re_rates_without_javascript_and_writes_nothing()
    {
        await using var bench = TestWorkbench.Start();
        var before = bench.Snapshot();
        var (status, page) = await bench.Get("/policy?t.delvis_grans=0,3&t.helt_minsta_andel=0.5");
        status.ShouldBe(200);
        page.ShouldContain("Mål som ändras");
        page.ShouldContain("value=\"0.3\"");
        (await bench.Get("/policy?t.okand=1")).Text.ShouldContain("okänt tröskelvärde &quot;okand&quot;");
        bench.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task The_override_form_needs_a_reason_and_a_saved_one_redirects_back_to_the_goal()
    {
        await using var bench = TestWorkbench.Start();
        var file = bench.PathOf("hasselby-vallingby-t1-2026.yaml");
        var sha = TestWorkbench.Sha256(file);
        using var missing = await bench.Client.PostAsync("/mal", Form(("id", "hasselby-vallingby-t1-2026"), ("mal", "2.1"), ("betyg", "inte"),
            ("motivering", " "), ("av", "Åsa"), ("sha256", sha)));
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("en överstyrning måste ha en motivering");
        TestWorkbench.Sha256(file).ShouldBe(sha);

        using var saved = await bench.Client.PostAsync("/mal", Form(("id", "hasselby-vallingby-t1-2026"), ("mal", "2.1"), ("betyg", "inte"),
            ("motivering", "Skäl"), ("av", "Åsa"), ("sha256", sha)));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldBe("/mal?id=hasselby-vallingby-t1-2026&mal=2.1&sparat=1");
        TestWorkbench.Sha256(file).ShouldNotBe(sha);
    }

    [Fact]
    public async Task Spara_som_ny_version_from_the_form_writes_a_new_rules_file()
    {
        await using var bench = TestWorkbench.Start(copyRules: true);
        using var response = await bench.Client.PostAsync("/policy/spara", Form(("t.delvis_grans", "0.8"), ("version", "1.5"), ("giltig_fran", "2027-01-01")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("sparade rules/stockholm-1.5.yaml");
        File.ReadAllText(Path.Combine(bench.Rules, "stockholm-1.5.yaml")).ShouldContain("delvis_grans: 0.8");
    }
}
