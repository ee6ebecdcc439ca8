namespace Assessment.Tests.Web;

/// <summary>Safe by default: only local Host names, writes only from the workbench's own origin, ids never leave the folder.</summary>
public class SecurityTests
{
    [Theory]
    [InlineData("localhost", 200)]
    [InlineData("localhost:5080", 200)]
    [InlineData("127.0.0.1:5080", 200)]
    [InlineData("[::1]:5080", 200)]
    [InlineData("evil.example", 400)]
    [InlineData("evil.example:5080", 400)]
    [InlineData("127.0.0.1.nip.io", 400)]
    [InlineData("localhost.evil.example", 400)]
    public async Task Only_a_local_host_name_is_answered(string host, int expected)
    {
        await using var bench = TestWorkbench.Start();
        var (status, text) = await bench.Get("/api/datasets", host);
        status.ShouldBe(expected);
        if (expected == 400) text.ShouldContain("tas inte emot");
        (await bench.Get("/", host)).Status.ShouldBe(expected);
    }

    [Fact]
    public async Task A_host_given_with_host_is_answered_too()
    {
        await using var bench = TestWorkbench.Start(host: "arbetsbank.lan");
        (await bench.Get("/api/datasets", "arbetsbank.lan:5080")).Status.ShouldBe(200);
        (await bench.Get("/api/datasets", "localhost")).Status.ShouldBe(200);
        (await bench.Get("/api/datasets", "annan.lan")).Status.ShouldBe(400);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("http://localhost:9999")]
    [InlineData("null")]
    public async Task A_write_from_another_origin_is_403_and_writes_nothing(string origin)
    {
        await using var bench = TestWorkbench.Start();
        var before = bench.Snapshot();
        var (status, body) = await bench.Post("/api/datasets/hasselby-vallingby-t1-2026/overrides",
            new { goal = "1.1", rating = "helt", reason = "Skäl", by = "Åsa" }, origin);
        status.ShouldBe(403);
        body.GetProperty("error").GetString()!.ShouldContain("arbetsbänkens egna sidor");
        (await bench.Post("/api/what-if", new { thresholds = new { } }, origin)).Status.ShouldBe(403);
        bench.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task A_write_from_the_workbenchs_own_origin_is_taken()
    {
        await using var bench = TestWorkbench.Start();
        var (status, _) = await bench.Post("/api/datasets/hasselby-vallingby-t1-2026/overrides",
            new { goal = "1.1", rating = "helt", reason = "Skäl", by = "Åsa" }, "http://localhost");
        status.ShouldBe(200);
    }

    [Theory]
    [InlineData("../hasselby-vallingby-t1-2026")]
    [InlineData("importerade%2F..%2Fhasselby-vallingby-t1-2026")]
    [InlineData("..%2Fdata%2Fhasselby-vallingby-t1-2026")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData("/etc/passwd")]
    [InlineData("ute")]
    [InlineData("ute/hemlig")]
    [InlineData("hasselby-vallingby-t1-2026.yaml")]
    public async Task An_id_outside_the_folder_or_through_a_link_out_of_it_is_404(string id)
    {
        using var outside = new TempFolder();
        File.Copy(Repo.SampleDataset, outside.PathOf("hemlig.yaml"));
        await using var bench = TestWorkbench.Start(prepare: folder =>
        {
            File.CreateSymbolicLink(Path.Combine(folder, "ute.yaml"), outside.PathOf("hemlig.yaml"));
            Directory.CreateSymbolicLink(Path.Combine(folder, "ute"), outside.FullName);
        });
        var before = File.ReadAllBytes(outside.PathOf("hemlig.yaml"));
        (await bench.Get($"/api/datasets/{id}/assessment")).Status.ShouldBe(404);
        (await bench.Get($"/datamangd?id={id}")).Status.ShouldBe(404);
        (await bench.Post($"/api/datasets/{id}/overrides", new { goal = "1.1", rating = "helt", reason = "x" })).Status.ShouldBe(404);
        var (_, list) = await bench.Get("/api/datasets");
        list.ShouldNotContain("ute");
        File.ReadAllBytes(outside.PathOf("hemlig.yaml")).ShouldBe(before);
    }
}
