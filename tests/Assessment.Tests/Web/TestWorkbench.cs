using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Assessment.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Assessment.Tests.Web;

/// <summary>
/// The workbench in process over a copy of the repository's examples/ (and rules/ when asked) in a temporary folder:
/// tests may save into it. <see cref="Client"/> talks to it as a browser on the same machine would.
/// </summary>
public sealed class TestWorkbench : IAsyncDisposable
{
    private readonly TempFolder _temp = new("assess-web-");

    public string Datasets { get; }

    public string Rules { get; }

    public WorkbenchOptions Options { get; }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>The address of a real server (<see cref="Start"/> with <c>listen: true</c>), for a browser.</summary>
    public string? Address { get; }

    private TestWorkbench(bool copyRules, string? host, Action<string>? prepare, bool listen)
    {
        Datasets = Path.Combine(_temp.FullName, "data");
        Copy(Repo.PathOf("examples"), Datasets);
        prepare?.Invoke(Datasets);
        Rules = copyRules ? Path.Combine(_temp.FullName, "rules") : Repo.PathOf("rules");
        if (copyRules) Copy(Repo.PathOf("rules"), Rules);
        Options = new WorkbenchOptions(Datasets, Rules, "rules", Repo.PathOf("templates"), "templates", Port: 0, Host: host,
            LogPath: Path.Combine(_temp.FullName, "beslutslogg.jsonl"));
        App = listen ? Workbench.Create(Options) : Workbench.Create(Options, b => b.WebHost.UseTestServer());
        App.StartAsync().GetAwaiter().GetResult();
        if (listen)
        {
            Address = Workbench.Address(App, Options);
            Client = new HttpClient { BaseAddress = new Uri(Address) };
        }
        else
        {
            Client = App.GetTestClient();
        }
    }

    public static TestWorkbench Start(bool copyRules = false, string? host = null, Action<string>? prepare = null, bool listen = false) =>
        new(copyRules, host, prepare, listen);

    public string PathOf(string relative) => Path.Combine(Datasets, relative);

    public string LogPath => Options.Log;

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Every file under the temporary folder with its hash: to show that nothing was written.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        Directory.GetFiles(_temp.FullName, "*", SearchOption.AllDirectories).ToDictionary(f => f, Sha256);

    public async Task<(int Status, JsonElement Body)> Post(string path, object body, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (origin is not null) request.Headers.Add("Origin", origin);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text.Length == 0 ? "null" : text).RootElement.Clone());
    }

    public async Task<(int Status, string Text)> Get(string path, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (host is not null) request.Headers.Host = host;
        using var response = await Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _temp.Dispose();
    }
}
