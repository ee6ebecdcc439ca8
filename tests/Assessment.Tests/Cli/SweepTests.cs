using System.Text.Json.Nodes;
using Assessment.Rules.Audit;
using Assessment.Tests.Browser;

namespace Assessment.Tests.Cli;

/// <summary><c>assess sweep</c>: what a threshold's value does to every bundled dataset, and nothing written.</summary>
public class SweepTests
{
    [Fact]
    public void Sixteen_values_of_delvis_grans_give_sixteen_variants_in_json()
    {
        var rulesBefore = File.ReadAllBytes(Repo.DefaultRules);
        var (exit, output, _) = Assess.Run("sweep", "delvis_grans=0.80..0.95:0.01", "--format", "json");
        exit.ShouldBe(0);
        var json = JsonNode.Parse(output)!;
        var variants = json["variants"]!.AsArray();
        variants.Count.ShouldBe(16);
        variants[0]!["thresholds"]!["delvis_grans"]!.GetValue<decimal>().ShouldBe(0.8m);
        variants[15]!["thresholds"]!["delvis_grans"]!.GetValue<decimal>().ShouldBe(0.95m);
        foreach (var variant in variants)
        {
            variant!["counts"]!["namndmal"]!["helt"]!.GetValue<int>().ShouldBeGreaterThan(0);
            variant["agreement"]!["total"]!["compared"]!.GetValue<int>().ShouldBeGreaterThan(0);
        }
        // The value as written (0.85) changes nothing; a stricter one rates more goals below helt.
        variants[5]!["changed"]!.GetValue<int>().ShouldBe(0);
        variants[15]!["changed"]!.GetValue<int>().ShouldBeGreaterThan(0);
        json["best"]!.GetValue<int>().ShouldBeInRange(0, 15);
        variants.Count(v => v!["best"]!.GetValue<bool>()).ShouldBe(1);
        json["warning"]!.GetValue<string>().ShouldContain("inte detsamma som rätt");
        File.ReadAllBytes(Repo.DefaultRules).ShouldBe(rulesBefore);
    }

    [Fact]
    public void A_variant_counts_agreement_as_backtest_does_and_the_value_as_written_changes_nothing()
    {
        var datasets = new[] { Repo.Sample(), Repo.Sample() };
        var report = Sweep.Run(datasets, _ => Repo.StockholmRules, [SweepAxis.Parse("delvis_grans=0.85..0.85")]);
        var backtest = Backtest.Run(datasets.Select((d, i) => ($"{i}", Repo.StockholmRules.Assess(d))).ToList());

        foreach (var variant in new[] { report.AsWritten, report.Variants.Single() })
        {
            variant.Agreement.Select(l => (l.Level, l.Compared, l.Agreeing)).ShouldBe(backtest.Levels.Select(l => (l.Level, l.Compared, l.Agreeing)));
            variant.Changed.ShouldBe(0);
        }
    }

    [Fact]
    public void Two_thresholds_give_every_combination()
    {
        var (exit, output, _) = Assess.Run("sweep", "delvis_grans=0.8..0.9:0.05", "helt_minsta_andel=0.5..0.75:0.25",
            Repo.PathOf("examples/importerade"), "--format", "json");
        exit.ShouldBe(0);
        var variants = JsonNode.Parse(output)!["variants"]!.AsArray();
        variants.Count.ShouldBe(6);
        variants.Select(v => v!["thresholds"]!.AsObject().Count).ShouldAllBe(n => n == 2);
    }

    [Fact]
    public void The_text_marks_the_best_variant_and_warns()
    {
        var (exit, output, _) = Assess.Run("sweep", "delvis_grans=0.8..0.95:0.05");
        exit.ShouldBe(0);
        output.ShouldContain("som skrivet");
        output.Split('\n').Count(l => l.Contains("← bäst överensstämmelse")).ShouldBe(1);
        output.ShouldContain("inte detsamma som rätt");
    }

    [Theory]
    [InlineData("delvis_gräns=0.8..0.9", "menade du delvis_grans")]
    [InlineData("delvis_grans=0.9..0.8", "baklänges")]
    [InlineData("delvis_grans=0.8", "NAMN=FRÅN..TILL")]
    [InlineData("delvis_grans=0..1000:0.00001", "högst")]
    [InlineData("delvis_grans=0..999999999999999999999999999999999", "för stort")]
    public void A_bad_sweep_is_exit_2_with_a_swedish_message(string axis, string expected)
    {
        var (exit, _, error) = Assess.Run("sweep", axis);
        exit.ShouldBe(2);
        error.ShouldContain(expected);
    }

    [Fact]
    public void An_axis_reads_its_values_without_trailing_zeros_and_cuts_a_range_in_ten_without_a_step()
    {
        SweepAxis.Parse("delvis_grans=0,80..0,95:0,05").Values().ShouldBe([0.8m, 0.85m, 0.9m, 0.95m]);
        SweepAxis.Parse("x=0..1").Values().Count.ShouldBe(11);
    }

    [SkippableFact]
    public async Task The_html_page_draws_its_chart_offline_in_chromium()
    {
        Chromium.SkipUnlessInstalled();
        using var dir = new TempFolder("assess-sweep-");
        var file = dir.PathOf("svep.html");
        Assess.Run("sweep", "delvis_grans=0.80..0.95:0.01", "--format", "html", "-o", file).Exit.ShouldBe(0);
        var html = File.ReadAllText(file);
        html.ShouldNotContain("http://");
        html.ShouldNotContain("https://cdn");

        await using var browser = await Chromium.StartAsync();
        var page = await browser.OpenAsync(new Uri(file).AbsoluteUri);
        await page.WaitForFunctionAsync("document.body.dataset.diagram === 'klart'");
        (await page.EvaluateAsync<int>("Chart.getChart(document.getElementById('diagram')).data.labels.length")).ShouldBe(16);
        (await page.EvaluateAsync<bool>("document.getElementById('diagram').height > 0")).ShouldBeTrue();
        (await page.Locator("tr.bast").CountAsync()).ShouldBe(1);
        await Chromium.ScreenshotAsync(page, "svep");
        browser.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("delvis_grans=0..0.9999:0.0002", "helt_minsta_andel=0..0.9999:0.0002", "varianter; högst")]
    [InlineData("delvis_grans=-70000000000000000000000000000..70000000000000000000000000000", "helt_minsta_andel=0.5..0.6", "för stora tal")]
    public void A_grid_too_large_or_a_range_too_wide_is_a_usage_error_before_anything_is_built(string first, string second, string message)
    {
        var (exit, output, error) = Assess.Run("sweep", first, second);
        exit.ShouldBe(2, error);
        output.ShouldBeEmpty();
        error.ShouldContain(message);
    }
}
