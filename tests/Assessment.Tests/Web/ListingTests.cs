using System.Diagnostics;
using Assessment.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Assessment.Tests.Web;

/// <summary>
/// A request lists the dataset folder once and works from that listing: its check of the thresholds, its re-rating
/// and its page all see the same files, and the folder is not read two to four times per slider move.
/// </summary>
public class ListingTests
{
    private const string Sample = "hasselby-vallingby-t1-2026";

    private static FormUrlEncodedContent Form(params (string, string)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

    /// <summary>Each request, and what it should answer (the listing is counted whether it says yes or no).</summary>
    public static TheoryData<string, string, string, int> Requests => new()
    {
        { "POST", "/api/what-if", """{"thresholds": {"delvis_grans": 0.3}}""", 200 },
        { "POST", "/api/what-if", """{"thresholds": {"delvis_grans": "hög"}}""", 400 },
        { "POST", "/api/sweep", """{"name": "delvis_grans", "thresholds": {"helt_minsta_andel": 0.5}}""", 200 },
        { "POST", "/api/rules/versions", """{"thresholds": {"delvis_grans": 0.3}, "version": "a/b"}""", 400 },
        { "POST", $"/api/datasets/{Sample}/overrides", """{"goal": "2.1", "rating": "inte", "reason": "Skäl", "by": "Åsa"}""", 200 },
        { "GET", "/policy?t.delvis_grans=0,3", "", 200 },
        { "GET", "/policy/resultat?t.delvis_grans=0,3", "", 200 },
        { "GET", "/policy/resultat?t.okand=1", "", 400 },
        { "FORM", "/policy/spara", "t.delvis_grans=0,3&version=a/b", 400 },
        { "FORM", "/mal", $"id={Sample}&mal=2.1&betyg=inte&motivering=Skäl&av=Åsa", 302 },
        { "GET", $"/datamangd?id={Sample}", "", 200 },
        { "GET", "/", "", 200 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_request_lists_the_folder_once(string method, string path, string body, int status)
    {
        await using var bench = TestWorkbench.Start();
        var store = await Warmed(bench);
        var before = store.Scans;

        using var request = new HttpRequestMessage(method == "GET" ? HttpMethod.Get : HttpMethod.Post, path);
        if (method == "POST") request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        if (method == "FORM") request.Content = Form([.. body.Split('&').Select(p => p.Split('=', 2)).Select(p => (p[0], p[1]))]);
        using var response = await bench.Client.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
        (store.Scans - before).ShouldBe(1);
    }

    [Fact]
    public async Task A_saved_rules_version_is_listed_again_for_the_page_that_shows_it()
    {
        await using var bench = TestWorkbench.Start(copyRules: true);
        var store = await Warmed(bench);
        var before = store.Scans;

        using var response = await bench.Client.PostAsync("/policy/spara", Form(("t.delvis_grans", "0,3"), ("version", "9.1"), ("giltig_fran", "2020-01-01")));

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("sparade rules/stockholm-9.1.yaml");
        (store.Scans - before).ShouldBe(2); // once to check and save, once after: the new version is in force for the page
    }

    /// <summary>The application's store once the start's own listing (the first page made ready) is done.</summary>
    private static async Task<DatasetStore> Warmed(TestWorkbench bench)
    {
        var store = bench.App.Services.GetRequiredService<DatasetStore>();
        var waited = Stopwatch.StartNew();
        while (store.Scans == 0)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("the workbench never listed its folder at start");
            await Task.Delay(20);
        }
        // Warm lists the folder once; its listing holds the lock, so a request's listing counts after it.
        return store;
    }
}
