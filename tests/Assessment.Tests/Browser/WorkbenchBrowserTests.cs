using Assessment.Domain.Yaml;
using Assessment.Tests.Web;
using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace Assessment.Tests.Browser;

/// <summary>The workbench (<c>assess serve</c>) in a real headless Chromium over a copy of the examples, as a controller, an auditor and policy staff use it.</summary>
public class WorkbenchBrowserTests
{
    private const string Sample = "hasselby-vallingby-t1-2026";

    [SkippableFact]
    public async Task The_city_view_shows_every_dataset_and_the_matrix_and_a_goal_shows_its_trace()
    {
        Chromium.SkipUnlessInstalled();
        await using var bench = TestWorkbench.Start(listen: true);
        await using var browser = await Chromium.StartAsync();

        var page = await browser.OpenAsync(bench.Address!);
        (await page.TitleAsync()).ShouldBe("Stadsöversikt – Assessment");
        (await page.Locator("table.oversikt tbody tr").CountAsync()).ShouldBe(4);
        (await page.Locator("table.matris td.ruta").CountAsync()).ShouldBeGreaterThan(100);
        (await page.Locator("table.matris td.ruta.skiljer").CountAsync()).ShouldBeGreaterThan(0);
        await Chromium.ScreenshotAsync(page, "arbetsbank-stadsoversikt");

        await page.Locator("table.oversikt a", new() { HasText = "Hässelby-Vällingby" }).First.ClickAsync();
        await Chromium.ShouldReachAsync(page, new Regex($@"/datamangd\?id={Sample}$"));
        (await page.Locator("li.mal").CountAsync()).ShouldBe(35);
        (await page.Locator("[id='mal-3.4'] .overstyrd").First.InnerTextAsync()).ShouldContain("överstyrt till helt");
        await Chromium.ScreenshotAsync(page, "arbetsbank-dataset");

        await page.Locator("[id='mal-3.4'] > .rad a").ClickAsync();
        await Chromium.ShouldReachAsync(page, new Regex(@"/mal\?id=[^&]*&mal=3\.4$"));
        var trace = await page.Locator("pre.spar").InnerTextAsync();
        trace.ShouldContain("ovrigt-delvis");
        trace.ShouldContain("stockholm");
        (await page.Locator("table").First.InnerTextAsync()).ShouldContain("Aktivt Medskapandeindex");
        await Chromium.ScreenshotAsync(page, "arbetsbank-mal");
        browser.Errors.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task An_override_saved_from_the_page_is_there_after_a_reload_and_in_the_file_and_a_changed_file_gives_409()
    {
        Chromium.SkipUnlessInstalled();
        await using var bench = TestWorkbench.Start(listen: true);
        await using var browser = await Chromium.StartAsync();
        var file = bench.PathOf(Sample + ".yaml");

        var page = await browser.OpenAsync($"{bench.Address}mal?id={Sample}&mal=1.1.1");
        await page.SelectOptionAsync("select[name=betyg]", "inte");
        await page.FillAsync("textarea[name=motivering]", "Prognosen bygger på osäkra siffror.");
        await page.FillAsync("input[name=av]", "Controller Åsa");
        await page.ClickAsync("button[type=submit]");
        await Chromium.ShouldReachAsync(page, new Regex(@"sparat=1$"));
        (await page.Locator(".klart").InnerTextAsync()).ShouldContain("Sparat");

        await page.ReloadAsync();
        (await page.Locator("p.overstyrd").InnerTextAsync()).ShouldContain("Överstyrt till inte av Controller Åsa: Prognosen bygger på osäkra siffror.");
        (await page.Locator("table", new() { HasText = "Tid (UTC)" }).InnerTextAsync()).ShouldContain("Prognosen bygger på osäkra siffror.");
        var saved = DatasetReader.ReadFile(file).AllGoals().Single(g => g.Id == "1.1.1").Override!;
        saved.Reason.ShouldBe("Prognosen bygger på osäkra siffror.");
        await Chromium.ScreenshotAsync(page, "arbetsbank-overstyrning");

        // The file changes on disk while the page is open: saving answers 409, the file stays as the editor left it.
        File.AppendAllText(file, "# ändrad i en editor\n");
        var edited = File.ReadAllBytes(file);
        await page.FillAsync("textarea[name=motivering]", "Ett nytt skäl.");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), r => r.Url.EndsWith("/mal") && r.Request.Method == "POST");
        response.Status.ShouldBe(409);
        (await page.Locator("p.fel").InnerTextAsync()).ShouldContain("409");
        (await page.InputValueAsync("textarea[name=motivering]")).ShouldBe("Ett nytt skäl."); // nothing typed is lost
        File.ReadAllBytes(file).ShouldBe(edited);
        await Chromium.ScreenshotAsync(page, "arbetsbank-409");
    }

    [SkippableFact]
    public async Task Moving_a_threshold_re_rates_on_the_page_and_writes_nothing()
    {
        Chromium.SkipUnlessInstalled();
        await using var bench = TestWorkbench.Start(listen: true);
        await using var browser = await Chromium.StartAsync();
        var before = bench.Snapshot();

        var page = await browser.OpenAsync($"{bench.Address}policy");
        (await page.Locator("[data-changed]").GetAttributeAsync("data-changed")).ShouldBe("0");
        await page.Locator("#r-delvis_grans").FillAsync("0.3");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-changed]').dataset.changed !== '0'");
        (await page.InputValueAsync("#t-delvis_grans")).ShouldBe("0.3");
        (await page.Locator("table.andringar tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await page.WaitForFunctionAsync("() => window.Chart && Object.keys(Chart.instances).length > 0");
        await Chromium.ScreenshotAsync(page, "arbetsbank-policy");
        bench.Snapshot().ShouldBe(before);
        browser.Errors.ShouldBeEmpty();
    }
}
