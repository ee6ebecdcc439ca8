namespace Assessment.Tests.Browser;

/// <summary>The HTML report opened in a real headless Chromium, as a reader would open it.</summary>
public class HtmlReportBrowserTests
{
    [SkippableFact]
    public async Task The_report_loads_cleanly_shows_one_symbol_per_goal_and_Varfor_expands()
    {
        Chromium.SkipUnlessInstalled();
        using var dir = new TempFolder("assess-html-");
        var file = Path.Combine(dir.FullName, "rapport.html");
        var exit = Assessment.Cli.Cli.Run(["run", "--format", "html", "-o", file], new StringWriter(), new StringWriter());
        exit.ShouldBe(0);

        await using var browser = await Chromium.StartAsync();
        var page = await browser.OpenAsync(new Uri(file).AbsoluteUri);

        (await page.Locator("section.mal").CountAsync()).ShouldBe(35);
        (await page.Locator(".betyg-symbol").CountAsync()).ShouldBe(35);
        (await page.EvaluateAsync<bool>(
            "[...document.querySelectorAll('section.mal')].every(s => s.querySelectorAll(':scope > .betyg > .betyg-symbol').length === 1)"))
            .ShouldBeTrue();
        (await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('p.betyg.helt')).color"))
            .ShouldBe("rgb(26, 127, 55)");

        // Varför? under goal 3.4 is closed, then opens on a real click and shows the rule and figures.
        var details = page.Locator("[id='mal-3.4'] details.varfor");
        (await details.EvaluateAsync<bool>("d => d.open")).ShouldBeFalse();
        await details.Locator("summary").ClickAsync();
        (await details.EvaluateAsync<bool>("d => d.open")).ShouldBeTrue();
        var shown = await details.InnerTextAsync();
        shown.ShouldContain("ovrigt-delvis");
        shown.ShouldContain("Aktivt Medskapandeindex");
        (await details.Locator("p").First.IsVisibleAsync()).ShouldBeTrue();
        await Chromium.ScreenshotAsync(page, "rapport");

        browser.Errors.ShouldBeEmpty();
    }
}
