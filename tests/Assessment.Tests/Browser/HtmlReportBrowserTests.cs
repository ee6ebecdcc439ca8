using System.Text.Json.Nodes;

namespace Assessment.Tests.Browser;

/// <summary>The HTML report opened in a real headless Chromium, as a reader would open it.</summary>
public class HtmlReportBrowserTests
{
    [SkippableFact]
    public async Task The_report_loads_cleanly_shows_one_symbol_per_goal_and_Varfor_expands()
    {
        HeadlessChromium.SkipUnlessInstalled();
        using var dir = new TempFolder("assess-html-");
        var file = Path.Combine(dir.FullName, "rapport.html");
        var exit = Assessment.Cli.Cli.Run(["run", "--format", "html", "-o", file], new StringWriter(), new StringWriter());
        exit.ShouldBe(0);

        await using var browser = await HeadlessChromium.StartAsync();
        await browser.NavigateAsync(new Uri(file).AbsoluteUri);

        (await browser.EvaluateAsync("document.querySelectorAll('section.mal').length"))!.GetValue<int>().ShouldBe(35);
        (await browser.EvaluateAsync("document.querySelectorAll('.betyg-symbol').length"))!.GetValue<int>().ShouldBe(35);
        (await browser.EvaluateAsync(
            "[...document.querySelectorAll('section.mal')].every(s => s.querySelectorAll(':scope > .betyg > .betyg-symbol').length === 1)"))!
            .GetValue<bool>().ShouldBeTrue();
        (await browser.EvaluateAsync("getComputedStyle(document.querySelector('p.betyg.helt')).color"))!
            .GetValue<string>().ShouldBe("rgb(26, 127, 55)");

        // Varför? under goal 3.4 is closed, then opens on a real click and shows the rule and figures.
        const string details = "document.querySelector('#mal-3\\\\.4 details.varfor')";
        (await browser.EvaluateAsync($"{details}.open"))!.GetValue<bool>().ShouldBeFalse();
        var box = (await browser.EvaluateAsync(
            $"(() => {{ const s = {details}.querySelector('summary'); s.scrollIntoView({{block: 'center'}}); const r = s.getBoundingClientRect(); return {{ x: r.left + 10, y: r.top + r.height / 2 }}; }})()"))!.AsObject();
        await browser.ClickAsync(box["x"]!.GetValue<double>(), box["y"]!.GetValue<double>());
        (await browser.EvaluateAsync($"{details}.open"))!.GetValue<bool>().ShouldBeTrue();
        var shown = (await browser.EvaluateAsync($"{details}.innerText"))!.GetValue<string>();
        shown.ShouldContain("ovrigt-delvis");
        shown.ShouldContain("Aktivt Medskapandeindex");
        (await browser.EvaluateAsync($"{details}.querySelector('p').offsetHeight > 0"))!.GetValue<bool>().ShouldBeTrue();

        browser.Errors.ShouldBeEmpty();
    }
}
