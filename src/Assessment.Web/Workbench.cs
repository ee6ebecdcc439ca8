using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Reports;
using Assessment.Reports.Justification;
using Assessment.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assessment.Web;

/// <summary>
/// What <c>assess serve</c> serves: the dataset folder and the rule sets (paths to read, names to show), the
/// templates, where to listen and where the decision log goes.
/// </summary>
public sealed record WorkbenchOptions(
    string Datasets,
    string Rules,
    string RulesDisplay,
    string Templates,
    string TemplatesDisplay,
    int Port = WorkbenchOptions.DefaultPort,
    string? Host = null,
    string? LogPath = null)
{
    public const int DefaultPort = 5080;

    /// <summary>The decision log: given, or <c>beslutslogg.jsonl</c> in the dataset folder.</summary>
    public string Log => LogPath ?? Path.Combine(Datasets, "beslutslogg.jsonl");
}

/// <summary>
/// The workbench: an ASP.NET Core application over a <see cref="DatasetStore"/>. Pages (server-rendered, Swedish) and the
/// JSON API they use; loopback only unless a host is named; requests for another Host are refused (DNS rebinding) and
/// writes from another origin get 403.
/// </summary>
public static class Workbench
{
    /// <summary>
    /// Reads the rules and templates (an <see cref="InputException"/> when they cannot be used) and builds the
    /// application; <paramref name="configure"/> may replace the server (tests use an in-process one).
    /// </summary>
    public static WebApplication Create(WorkbenchOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        if (!Directory.Exists(options.Datasets))
            throw new InputException(ErrorKinds.FileMissing, options.Datasets, "mappen finns inte: ange en mapp med dataset (*.yaml)");
        // Compiling the rules and reading the templates is most of a cold start: done beside building the server.
        var rules = Task.Factory.StartNew(() => RuleSetCatalog.Load(options.Rules, options.RulesDisplay), TaskCreationOptions.LongRunning);
        var templates = Task.Factory.StartNew(() => TemplateSet.Load(options.Templates, options.TemplatesDisplay), TaskCreationOptions.LongRunning);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "assess", EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            if (options.Host is null) k.Listen(IPAddress.Loopback, options.Port);
            else if (IPAddress.TryParse(options.Host.Trim('[', ']'), out var address)) k.Listen(address, options.Port);
            else k.ListenAnyIP(options.Port);
        });
        // The store is the application's one service (tests look at it); made, and the loads' problems thrown, right after building.
        builder.Services.AddSingleton(_ =>
        {
            InputException.AwaitAll(rules, templates);
            return new DatasetStore(options.Datasets, rules.Result, templates.Result, options.Log);
        });
        configure?.Invoke(builder);
        var app = builder.Build();
        var store = app.Services.GetRequiredService<DatasetStore>();
        // The datasets are read and assessed (and the first page's code compiled) while the server starts listening.
        _ = Task.Factory.StartNew(() => Pages.Warm(store), TaskCreationOptions.LongRunning);
        app.Use(LocalOnly.Check(options.Host));
        Api.Map(app, store, options);
        Pages.Map(app, store, options);
        return app;
    }

    /// <summary>
    /// Runs the workbench until the process is stopped (Ctrl+C): prints the address when it listens. Returns 2 with a
    /// Swedish message and its code (<see cref="ErrorKinds.Usage"/>: the port or host asked for, or the default port, cannot
    /// be used) when it cannot listen; bad rules or templates throw <see cref="InputException"/>.
    /// </summary>
    public static int Serve(WorkbenchOptions options, TextWriter stdout, TextWriter stderr)
    {
        var app = Create(options);
        try
        {
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            stderr.WriteLine(new InputError(ErrorKinds.Usage, null,
                $"kan inte lyssna på port {options.Port}: {ListenFailure(e)} (välj en annan med --port, eller --port 0 för en ledig)"));
            return 2;
        }
        stdout.WriteLine($"Arbetsbänken är öppen på {Address(app, options)}  (avsluta med Ctrl+C)");
        stdout.Flush();
        app.WaitForShutdownAsync().GetAwaiter().GetResult();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>Why Kestrel could not listen, in Swedish: its own messages are English.</summary>
    private static string ListenFailure(Exception e) =>
        e is AddressInUseException || e.InnerException is AddressInUseException ? "porten används redan"
        : (e as SocketException ?? e.InnerException as SocketException)?.SocketErrorCode switch
        {
            SocketError.AddressAlreadyInUse => "porten används redan",
            SocketError.AccessDenied => "behörighet saknas (portar under 1024 kräver särskild behörighet)",
            SocketError.AddressNotAvailable => "adressen finns inte på den här datorn (se --host)",
            { } code => $"nätverksfel ({code})",
            null => "nätverksfel",
        };

    /// <summary>The address the application listens on, once started (the port chosen when 0 was asked for).</summary>
    public static string Address(WebApplication app, WorkbenchOptions options)
    {
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                    ?? $"http://127.0.0.1:{options.Port}";
        var uri = new Uri(bound.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1"));
        return $"http://{(options.Host is { } host && !IPAddress.TryParse(host.Trim('[', ']'), out _) ? host : uri.Host)}:{uri.Port}/";
    }
}

/// <summary>The JSON API: the pages use it, and so can other tools.</summary>
internal static class Api
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Map(WebApplication app, DatasetStore store, WorkbenchOptions options)
    {
        app.MapGet("/api/datasets", () => JsonResult(Array(store.All().Select(e => new JsonObject
        {
            ["id"] = e.Id,
            ["namnd"] = e.Dataset?.District,
            ["period"] = e.Dataset?.Period.ToString(),
            ["sha256"] = e.Sha256,
            ["errors"] = e.Errors.Count == 0 ? null : Array(e.Errors.Select(x => (JsonNode?)x.ToString())),
        }))));

        app.MapGet("/api/datasets/{**rest}", (string rest) =>
        {
            if (!rest.EndsWith("/assessment", StringComparison.Ordinal)) return NotFound("sidan finns inte");
            var id = rest[..^"/assessment".Length];
            var entry = store.Find(id);
            if (entry is null) return NotFound($"datasetet \"{id}\" finns inte");
            if (entry.Result is null) return JsonResult(new JsonObject { ["error"] = $"datasetet {entry.Display} kan inte läsas", ["errors"] = Array(entry.Errors.Select(e => (JsonNode?)e.ToString())) }, 422);
            return Results.Text(JsonReport.Render(entry.Result, entry.Texts(store.Templates)), "application/json; charset=utf-8");
        });

        app.MapPost("/api/datasets/{**rest}", async (string rest, HttpRequest request) =>
        {
            if (!rest.EndsWith("/overrides", StringComparison.Ordinal)) return NotFound("sidan finns inte");
            var id = rest[..^"/overrides".Length];
            if (store.Find(id) is not { } entry) return NotFound($"datasetet \"{id}\" finns inte");
            var body = await ReadObject(request);
            if (body.Error is { } error) return BadRequest(error);
            var save = OverrideRequest.Parse(body.Value, entry);
            if (save.Error is { } invalid) return BadRequest(invalid);
            var result = store.SaveOverride(entry, save.Goal!, save.Value, save.BasedOn, DateTimeOffset.Now);
            return SaveResponse(result);
        });

        MapWithThresholds(app, store, "/api/what-if", (_, entries, thresholds) => JsonResult(WhatIfJson(WhatIf.Run(entries, thresholds))));

        MapWithThresholds(app, store, "/api/sweep", (body, entries, thresholds) =>
        {
            var name = Text(body, "name") ?? "";
            var known = WhatIf.Thresholds(entries);
            if (known.FirstOrDefault(t => t.Name == name) is not { } threshold) return BadRequest(WhatIf.Unknown([name], known).FirstOrDefault() ?? "ange \"name\"");
            var around = thresholds.GetValueOrDefault(name, threshold.Value);
            var step = Math.Max(0.01, Math.Round(Math.Max(Math.Abs(threshold.Value), 0.1) / 20, 2));
            var sweep = WhatIf.Sweep(entries, thresholds, name, around, step);
            return JsonResult(new JsonObject
            {
                ["name"] = name,
                ["values"] = Array(sweep.Variants.Select(v => (JsonNode?)(double)v.Thresholds[name])),
                ["agreement"] = Array(sweep.Variants.Select(v => (JsonNode?)Math.Round(v.TotalAgreement, 4))),
                ["changed"] = Array(sweep.Variants.Select(v => (JsonNode?)v.Changed)),
            });
        });

        MapWithThresholds(app, store, "/api/rules/versions", (body, entries, thresholds) =>
        {
            var saved = RuleVersions.Save(store, entries, options, thresholds, Text(body, "version"), Text(body, "giltig_fran"));
            return saved.Error is { } e ? BadRequest(e) : JsonResult(new JsonObject { ["file"] = saved.File, ["message"] = saved.Message });
        });
    }

    /// <summary>
    /// A POST at <paramref name="path"/> that tries thresholds on the datasets (what-if, sweep, a new rule version):
    /// <paramref name="answer"/> is given the request's object, the datasets and the valid "thresholds"
    /// (<see cref="ReadThresholds"/>); a body that is no JSON object, or thresholds that are not valid, is a 400 saying why.
    /// </summary>
    private static void MapWithThresholds(WebApplication app, DatasetStore store, string path,
        Func<JsonElement, IReadOnlyList<DatasetEntry>, IReadOnlyDictionary<string, double>, IResult> answer) =>
        app.MapPost(path, async (HttpRequest request) =>
        {
            var body = await ReadObject(request);
            if (body.Error is { } error) return BadRequest(error);
            var entries = store.All();
            var (thresholds, problem) = ReadThresholds(body.Value, entries);
            return problem is not null ? BadRequest(problem) : answer(body.Value, entries, thresholds!);
        });

    internal static IResult SaveResponse(SaveResult result) => result.Outcome switch
    {
        SaveOutcome.Saved => JsonResult(new JsonObject { ["message"] = result.Message, ["sha256"] = result.Sha256 }),
        SaveOutcome.Conflict => JsonResult(new JsonObject { ["error"] = result.Message, ["sha256"] = result.Sha256 }, 409),
        _ => BadRequest(result.Message),
    };

    internal static IResult NotFound(string message) => JsonResult(Error(message), 404);

    internal static IResult BadRequest(string message) => JsonResult(Error(message), 400);

    /// <summary>{"error": message}: how the API says no.</summary>
    internal static JsonObject Error(string message) => new() { ["error"] = message };

    /// <summary>
    /// A JSON answer built as a tree of nodes, written without reflection (the native assess has none to offer),
    /// Swedish letters as they are.
    /// </summary>
    internal static IResult JsonResult(JsonNode node, int status = 200) =>
        Results.Text(node.ToJsonString(Json), "application/json; charset=utf-8", statusCode: status);

    private static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);

    /// <summary>The request's body as one JSON object, or a Swedish message saying why not.</summary>
    private static async Task<(JsonElement Value, string? Error)> ReadObject(HttpRequest request)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? (doc.RootElement.Clone(), null)
                : (default, "väntade ett JSON-objekt i anropet");
        }
        catch (JsonException e)
        {
            return (default, $"anropet är inte giltig JSON: {e.Message}");
        }
    }

    /// <summary>"thresholds": {name: number}, every name known to the rule sets in force (<see cref="WhatIf.Validate"/>).</summary>
    internal static (IReadOnlyDictionary<string, double>? Values, string? Error) ReadThresholds(JsonElement body, IReadOnlyList<DatasetEntry> entries)
    {
        var asked = new List<(string, double?, string)>();
        if (body.TryGetProperty("thresholds", out var given))
        {
            if (given.ValueKind != JsonValueKind.Object) return (null, "\"thresholds\" ska vara ett objekt: {\"namn\": värde}");
            try
            {
                foreach (var property in given.EnumerateObject())
                    asked.Add((property.Name,
                        property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var v) ? v : null,
                        property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText()));
            }
            catch (InvalidOperationException)
            {
                return (null, "ett namn eller värde i \"thresholds\" är ingen giltig text"); // e.g. a lone surrogate
            }
        }
        return WhatIf.Validate(asked, entries);
    }

    /// <summary>The text of <paramref name="key"/> in a request's object, or null when absent, not text or not valid text (a lone surrogate).</summary>
    internal static string? Text(JsonElement body, string key)
    {
        if (!body.TryGetProperty(key, out var value) || value.ValueKind != JsonValueKind.String) return null;
        try { return value.GetString(); }
        catch (InvalidOperationException) { return null; }
    }

    internal static JsonObject WhatIfJson(WhatIfReport report) => new()
    {
        ["thresholds"] = new JsonObject(report.Thresholds.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
        ["changed"] = report.Changed,
        ["agreement"] = Array(report.Agreement.Select(Level)),
        ["agreement_as_written"] = Array(report.AgreementAsWritten.Select(Level)),
        ["datasets"] = Array(report.Datasets.Select(d => (JsonNode?)new JsonObject
        {
            ["id"] = d.Entry.Id,
            ["namnd"] = d.Entry.Dataset!.District,
            ["period"] = d.Entry.Dataset.Period.ToString(),
            ["differing"] = d.Differing,
            ["counts"] = new JsonObject(d.Counts.Select(c => KeyValuePair.Create(c.Key.Code(),
                (JsonNode?)new JsonObject(c.Value.Select(r => KeyValuePair.Create(r.Key.Code(), (JsonNode?)r.Value)))))),
            ["changed"] = Array(d.Changed.Select(c => (JsonNode?)new JsonObject
            {
                ["goal"] = c.Goal, ["title"] = c.Title, ["level"] = c.Level.Code(), ["from"] = c.From.Code(), ["to"] = c.To.Code(), ["recorded_rating"] = c.Recorded?.Code(),
            })),
        })),
    };

    private static JsonNode? Level(Rules.Audit.LevelBacktest level) => new JsonObject
    {
        ["level"] = level.Level.Code(),
        ["compared"] = level.Compared,
        ["agreeing"] = level.Agreeing,
        ["agreement"] = Math.Round(level.Agreement, 4),
    };
}

/// <summary>An override asked for (API or form): the goal, the override or null to remove it, the file hash it was based on.</summary>
internal sealed record OverrideRequest(string? Goal, OverrideText? Value, string? BasedOn, string? Error)
{
    /// <summary>From the API's JSON: {"goal","rating","reason","by","sha256"}; "rating": null or "" removes the override.</summary>
    public static OverrideRequest Parse(JsonElement body, DatasetEntry entry)
    {
        foreach (var key in (string[])["goal", "rating", "reason", "by", "sha256"])
            if (body.TryGetProperty(key, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                return new(null, null, null, $"\"{key}\" ska vara text (eller null)");
        string? Text(string key) => Api.Text(body, key);
        return Check(Text("goal"), Text("rating"), Text("reason"), Text("by"), Text("sha256"), entry, remove: !body.TryGetProperty("rating", out var r) || r.ValueKind == JsonValueKind.Null);
    }

    public static OverrideRequest Check(string? goal, string? rating, string? reason, string? by, string? basedOn, DatasetEntry entry, bool remove)
    {
        if (string.IsNullOrEmpty(basedOn)) basedOn = null; // no hash given: saved over whatever the file is now
        OverrideRequest Fail(string message) => new(goal, null, basedOn, message);
        if (string.IsNullOrWhiteSpace(goal)) return Fail("ange målet (\"goal\"), t.ex. 3.4");
        goal = goal.Trim();
        if (entry.Dataset is { } dataset && dataset.AllGoals().All(g => g.Id != goal))
            return Fail($"okänt mål \"{goal}\" i {entry.Display}");
        if (remove || rating == "") return new(goal, null, basedOn, null);
        if (rating is null || Vocabularies.Ratings.Find(rating.Trim()) is not { } parsed)
            return Fail($"okänt betyg \"{rating}\": väntade {string.Join(", ", Codes.RatingCodes)}");
        if (string.IsNullOrWhiteSpace(reason))
            return Fail("en överstyrning måste ha en motivering: skriv varför målet bedöms annorlunda än regelverket");
        return new(goal, new OverrideText(parsed, reason.Trim(), string.IsNullOrWhiteSpace(by) ? null : by.Trim()), basedOn, null);
    }
}
