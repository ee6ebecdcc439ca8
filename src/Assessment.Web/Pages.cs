using System.Globalization;
using System.Text;
using Assessment.Domain.Parsing;
using Assessment.Domain.Model;
using Assessment.Reports;
using Assessment.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static Assessment.Web.Html;

namespace Assessment.Web;

/// <summary>The server-rendered pages: city, dataset, goal (with the override form), policy. They work without JavaScript; the policy page's script only makes it answer as the slider moves.</summary>
internal static class Pages
{
    private const string HtmlType = "text/html; charset=utf-8";

    public static void Map(WebApplication app, DatasetStore store, WorkbenchOptions options)
    {
        app.MapGet("/", () => Results.Content(City(store), HtmlType));
        app.MapGet("/favicon.ico", () => Results.NoContent());
        app.MapGet("/datamangd", (string? id) => store.Find(id ?? "") is { } entry
            ? Results.Content(DatasetPage(store, entry), HtmlType) : Missing(id));
        app.MapGet("/mal", (string? id, string? mal, string? sparat) => store.Find(id ?? "") is { } entry
            ? GoalPage(store, entry, mal ?? "", sparat, null, null) : Missing(id));
        app.MapPost("/mal", async (HttpRequest request) =>
        {
            if (await ReadForm(request) is not { } form) return NotAForm;
            var id = form["id"].ToString();
            if (store.Find(id) is not { } entry) return Missing(id);
            var rating = form["betyg"].ToString();
            if (rating == "") return GoalPage(store, entry, form["mal"].ToString(), null, (400, "välj ett betyg (eller Ta bort)"), form);
            var wanted = OverrideRequest.Check(form["mal"], rating, form["motivering"], form["av"], form["sha256"], entry, remove: rating == "ta_bort");
            if (wanted.Error is { } error) return GoalPage(store, entry, form["mal"].ToString(), null, (400, error), form);
            var result = store.SaveOverride(entry, wanted.Goal!, wanted.Value, wanted.BasedOn, DateTimeOffset.Now);
            return result.Outcome == SaveOutcome.Saved
                ? Results.Redirect($"/mal?id={Q(id)}&mal={Q(wanted.Goal!)}&sparat=1", permanent: false)
                : GoalPage(store, entry, wanted.Goal!, null, (result.Outcome == SaveOutcome.Conflict ? 409 : 400, result.Message), form);
        });
        app.MapGet("/export", (string? id, string? format) =>
        {
            if (store.Find(id ?? "") is not { Result: { } result } entry) return Missing(id);
            // The downloads are run's own formats, through its one output seam, each served as its declared media type.
            if (ReportFormats.Downloads.FirstOrDefault(f => f.Name == format) is not { } report)
                return Results.Content(Page("Okänt format", $"<p class=\"fel\">okänt format \"{E(format)}\": välj {E(DownloadNames)}</p>"), HtmlType, statusCode: 404);
            var bytes = report.Render(new ReportInput(result, entry.Display, report.NeedsTexts ? entry.Texts(store.Templates) : null));
            return Results.File(bytes, report.MediaType, $"{entry.Id.Split('/')[^1]}.{report.Name}");
        });
        app.MapGet("/policy", (HttpRequest request) => PolicyPage(store.All(), request.Query, null));
        app.MapGet("/policy/resultat", (HttpRequest request) =>
        {
            var entries = store.All();
            var (values, error) = Thresholds(entries, request.Query);
            return error is not null
                ? Results.Content($"<p class=\"fel\">{E(error)}</p>", HtmlType, statusCode: 400)
                : Results.Content(WhatIfResults(WhatIf.Run(entries, values!)), HtmlType);
        });
        app.MapPost("/policy/spara", async (HttpRequest request) =>
        {
            if (await ReadForm(request) is not { } form) return NotAForm;
            var query = form.ToDictionary(f => f.Key, f => f.Value);
            var entries = store.All();
            var (values, error) = Thresholds(entries, query);
            if (error is not null) return PolicyPage(entries, query, (400, error));
            var saved = RuleVersions.Save(store, entries, options, values!, form["version"], form["giltig_fran"]);
            if (saved.Error is { } e) return PolicyPage(entries, query, (400, e));
            // A saved version may be in force for the datasets now: the page shows them as assessed after the save.
            return PolicyPage(store.All(), query, (200, saved.Message!));
        });
        foreach (var (path, name, type) in new[]
                 {
                     ("/assets/workbench.js", "workbench.js", "text/javascript; charset=utf-8"),
                     ("/assets/workbench.css", "workbench.css", "text/css; charset=utf-8"),
                 })
        {
            var bytes = Asset(name);
            app.MapGet(path, () => Results.Bytes(bytes, type));
        }
        var chart = Encoding.UTF8.GetBytes(SweepReports.ChartLibrary);
        app.MapGet("/assets/chart.js", () => Results.Bytes(chart, "text/javascript; charset=utf-8"));
    }

    /// <summary>The posted form, or null when the body is not one (another content type, or unreadable).</summary>
    private static async Task<IFormCollection?> ReadForm(HttpRequest request)
    {
        if (!request.HasFormContentType) return null;
        try { return await request.ReadFormAsync(); }
        catch (Exception e) when (e is InvalidDataException or IOException) { return null; }
    }

    /// <summary>"md, html, xlsx eller docx": the downloads' names, for the message about one that is not among them.</summary>
    private static readonly string DownloadNames =
        $"{string.Join(", ", ReportFormats.Downloads.SkipLast(1).Select(f => f.Name))} eller {ReportFormats.Downloads[^1].Name}";

    private static readonly IResult NotAForm = Results.BadRequest("väntade ett formulär (application/x-www-form-urlencoded)");

    private static IResult Missing(string? id) =>
        Results.Content(Page("Finns inte", $"<p class=\"fel\">datasetet \"{E(id)}\" finns inte i mappen</p><p><a href=\"/\">Till stadsöversikten</a></p>"), HtmlType, statusCode: 404);

    /// <summary>Reads and assesses every dataset and renders the first page once, so the first request finds both ready.</summary>
    public static void Warm(DatasetStore store)
    {
        try
        {
            City(store);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the folder is read again on the first request, which reports the problem
        }
    }

    // ---------------------------------------------------------------- Stadsöversikt

    private static string City(DatasetStore store)
    {
        var entries = store.All();
        var loaded = entries.Where(e => e.Result is not null).ToList();
        var body = new StringBuilder();
        body.Append($"<p>{entries.Count} dataset i mappen, bedömda med regelverket som gäller för respektive period. ")
            .Append("<span class=\"betyg helt\">●</span> helt · <span class=\"betyg delvis\">◐</span> delvis · <span class=\"betyg inte\">○</span> inte · ")
            .Append("<span class=\"betyg ej_bedomd\">–</span> ej bedömd. ≠: reglernas förslag skiljer sig från det publicerade betyget.</p>");
        body.Append("<table class=\"oversikt\"><thead><tr><th>Nämnd</th><th>Period</th><th>Regelverk</th>");
        foreach (var level in Enum.GetValues<GoalLevel>()) body.Append($"<th>{E(level.Label())}<br><small>helt · delvis · inte · ej</small></th>");
        body.Append("<th>≠</th><th>Fil</th></tr></thead><tbody>");
        foreach (var entry in entries)
        {
            if (entry.Result is not { } result)
            {
                body.Append($"<tr class=\"trasig\"><td colspan=\"3\"><a href=\"/datamangd?id={Q(entry.Id)}\">{E(entry.Display)}</a> kan inte läsas</td>")
                    .Append($"<td colspan=\"{Enum.GetValues<GoalLevel>().Length + 2}\"><ul class=\"fel\">{string.Concat(entry.Errors.Select(e => $"<li>{E(e.ToString())}</li>"))}</ul></td></tr>");
                continue;
            }
            body.Append($"<tr><td><a href=\"/datamangd?id={Q(entry.Id)}\">{E(result.Dataset.District)}</a></td><td>{E(result.Dataset.Period.ToString())}</td>")
                .Append($"<td>{E(result.RuleSet.Id)} {E(result.RuleSet.Version)}</td>");
            foreach (var level in Enum.GetValues<GoalLevel>())
            {
                var goals = result.AllGoals().Where(g => g.Goal.Level == level).ToList();
                body.Append("<td class=\"tal\">").Append(string.Join(" · ", Enum.GetValues<Rating>().Select(r => goals.Count(g => g.Final == r)))).Append("</td>");
            }
            body.Append($"<td class=\"tal\">{result.AllGoals().Count(g => g.DiffersFromRecorded)}</td><td><code>{E(entry.Display)}</code></td></tr>");
        }
        body.Append("</tbody></table>");

        // The matrix: a row per dataset, a column per goal id found in any of them, coloured by the final rating.
        var ids = loaded.SelectMany(e => e.Result!.AllGoals().Select(g => g.Goal.Id)).Distinct().Order(Comparer<string>.Create(CompareIds)).ToList();
        body.Append("<h2>Mål i hela staden</h2><p>En rad per dataset, en kolumn per mål; färgen är det slutliga betyget, en ring runt rutan betyder ≠.</p>");
        body.Append("<div class=\"matris-ram\"><table class=\"matris\"><thead><tr><th></th>");
        foreach (var id in ids) body.Append($"<th><span>{E(id)}</span></th>");
        body.Append("</tr></thead><tbody>");
        foreach (var entry in loaded)
        {
            var byId = entry.Result!.AllGoals().ToDictionary(g => g.Goal.Id);
            body.Append($"<tr><th><a href=\"/datamangd?id={Q(entry.Id)}\" title=\"{E(entry.Display)}\">{E(entry.Result.Dataset.District)} {E(entry.Result.Dataset.Period.ToString())}</a></th>");
            foreach (var id in ids)
            {
                if (!byId.TryGetValue(id, out var g))
                {
                    body.Append("<td></td>");
                    continue;
                }
                var title = $"{g.Goal.Id} {g.Goal.Title}: slutligt {g.Final.Label()}, härlett {g.Derived.Rating.Label()}, redovisat {g.Recorded?.Label() ?? "saknas"}";
                body.Append($"<td class=\"ruta {g.Final.Code()}{(g.DiffersFromRecorded ? " skiljer" : "")}\"><a href=\"/mal?id={Q(entry.Id)}&amp;mal={Q(id)}\" title=\"{E(title)}\">{g.Final.Symbol()}</a></td>");
            }
            body.Append("</tr>");
        }
        body.Append("</tbody></table></div>");
        return Page("Stadsöversikt", body.ToString());
    }

    // ---------------------------------------------------------------- Dataset

    private static string DatasetPage(DatasetStore store, DatasetEntry entry)
    {
        if (entry.Result is not { } result)
            return Page(entry.Display, $"<p>Datasetet kan inte läsas:</p><ul class=\"fel\">{string.Concat(entry.Errors.Select(e => $"<li>{E(e.ToString())}</li>"))}</ul>");
        var texts = entry.Texts(store.Templates);
        var body = new StringBuilder();
        body.Append(Facts(entry, result));
        body.Append("<p class=\"export\">Ladda ner: ")
            .Append(string.Join(" · ", ReportFormats.Downloads
                .Select(f => $"<a href=\"/export?id={Q(entry.Id)}&amp;format={f.Name}\" download>{E(f.Download)}</a>")))
            .Append("</p>");
        body.Append($"<h2>Sammanfattning</h2><p class=\"motivering\">{E(texts.Summary)}</p>");
        body.Append("<h2>Målträdet</h2><ul class=\"trad\">");
        foreach (var goal in result.Goals) GoalItem(body, entry, goal, texts);
        body.Append("</ul>");
        return Page($"{result.Dataset.District} – {result.Dataset.Period}", body.ToString());
    }

    private static string Facts(DatasetEntry entry, AssessmentResult result) =>
        $"<dl class=\"fakta\"><dt>Fil</dt><dd><code>{E(entry.Display)}</code></dd><dt>SHA-256</dt><dd><code>{E(entry.Sha256)}</code></dd>" +
        $"<dt>Regelverk</dt><dd>{E(result.RuleSet.Id)} {E(result.RuleSet.Version)} (gäller från {result.RuleSet.ValidFrom:yyyy-MM-dd}, <code>{E(result.RuleSet.File)}</code>, SHA-256 <code>{E(result.RuleSet.Sha256[..12])}…</code>)</dd></dl>";

    private static void GoalItem(StringBuilder body, DatasetEntry entry, GoalResult goal, Reports.Justification.Justifications texts)
    {
        var link = $"/mal?id={Q(entry.Id)}&amp;mal={Q(goal.Goal.Id)}";
        body.Append($"<li class=\"mal\" id=\"mal-{E(goal.Goal.Id)}\"><div class=\"rad\">{Mark(goal.Final)} <a href=\"{link}\"><b>{E(goal.Goal.Id)}</b> {E(goal.Goal.Title)}</a></div>");
        body.Append($"<div class=\"betygsrad\">härlett {Label(goal.Derived.Rating)}{(goal.DiffersFromRecorded ? " <b class=\"skiljer\" title=\"härlett skiljer sig från redovisat\">≠</b>" : "")}")
            .Append($" · redovisat {Label(goal.Recorded)} · slutligt {Label(goal.Final)} · regel <code>{E(goal.Derived.Rule.Id)}</code></div>");
        if (goal.Goal.Override is { } ov)
            body.Append($"<div class=\"overstyrd\">överstyrt till {E(ov.Rating.Label())}{(ov.By is null ? "" : $" av {E(ov.By)}")}: {E(ov.Reason)}</div>");
        body.Append($"<div class=\"underlag\">{E(Evidence(goal))}</div>");
        body.Append($"<details><summary>Motivering</summary><p class=\"motivering\">{E(texts.ByGoal[goal.Goal.Id])}</p></details>");
        if (goal.Children.Count > 0)
        {
            body.Append("<ul>");
            foreach (var child in goal.Children) GoalItem(body, entry, child, texts);
            body.Append("</ul>");
        }
        body.Append("</li>");
    }

    /// <summary>The evidence in one line: indicators by rating, sub-goals, activities with deviation.</summary>
    private static string Evidence(GoalResult goal)
    {
        string Count(IEnumerable<Rating> ratings)
        {
            var list = ratings.ToList();
            return $"{list.Count(r => r == Rating.Fully)} helt, {list.Count(r => r == Rating.Partly)} delvis, {list.Count(r => r == Rating.NotMet)} inte, {list.Count(r => r == Rating.NotAssessed)} ej bedömda";
        }
        var parts = new List<string>();
        if (goal.Indicators.Count > 0) parts.Add($"indikatorer: {Count(goal.Indicators.Select(i => i.Rating))}");
        if (goal.Children.Count > 0) parts.Add($"underliggande mål: {Count(goal.Children.Select(c => c.Final))}");
        if (goal.Goal.Activities.Count > 0) parts.Add($"aktiviteter: {goal.Goal.Activities.Count} ({goal.Goal.Activities.Count(a => a.Deviation)} med avvikelse)");
        return parts.Count == 0 ? "inget underlag" : string.Join(" · ", parts);
    }

    // ---------------------------------------------------------------- Goal

    private static IResult GoalPage(DatasetStore store, DatasetEntry entry, string goalId, string? saved, (int Status, string Message)? problem, IFormCollection? form)
    {
        if (entry.Result is not { } result) return Results.Content(DatasetPage(store, entry), HtmlType);
        var goal = result.AllGoals().FirstOrDefault(g => g.Goal.Id == goalId);
        if (goal is null)
            return Results.Content(Page("Målet finns inte", $"<p class=\"fel\">målet \"{E(goalId)}\" finns inte i {E(entry.Display)}</p><p><a href=\"/datamangd?id={Q(entry.Id)}\">Till datasetet</a></p>"), HtmlType, statusCode: 404);
        var body = new StringBuilder();
        body.Append($"<p><a href=\"/datamangd?id={Q(entry.Id)}#mal-{E(goal.Goal.Id)}\">← {E(result.Dataset.District)} {E(result.Dataset.Period.ToString())}</a></p>");
        if (saved is not null) body.Append("<p class=\"klart\" role=\"status\">Sparat i datasetfilen och i beslutsloggen.</p>");
        if (problem is { } p)
            body.Append($"<p class=\"fel\" role=\"alert\">{(p.Status == 409 ? "<b>Filen har ändrats (409).</b> " : "")}{E(p.Message)}</p>");
        body.Append(Facts(entry, result));
        body.Append($"<p class=\"betygsrad\">härlett {Label(goal.Derived.Rating)}{(goal.DiffersFromRecorded ? " <b class=\"skiljer\">≠</b>" : "")} · redovisat {Label(goal.Recorded)} · slutligt {Label(goal.Final)}</p>");
        if (goal.Goal.Override is { } ov)
            body.Append($"<p class=\"overstyrd\">Överstyrt till {E(ov.Rating.Label())}{(ov.By is null ? "" : $" av {E(ov.By)}")}: {E(ov.Reason)}</p>");

        body.Append("<h2>Spåret</h2><pre class=\"spar\">").Append(E(ExplainReport.Text(result, goal))).Append("</pre>");

        if (goal.Indicators.Count > 0)
            body.Append("<h2>Indikatorer</h2>").Append(Table([.. ReportParts.IndicatorColumns(result.Dataset.Period), "Regel"],
                goal.Indicators.Select(i => (IReadOnlyList<string>)[.. ReportParts.IndicatorCells(i, result.Dataset.Period), i.Decision.Rule.Id])));
        if (goal.Goal.Activities.Count > 0)
            body.Append("<h2>Aktiviteter</h2>").Append(Table(ReportParts.ActivityColumns, goal.Goal.Activities.Select(ReportParts.ActivityCells)));

        var history = OverrideLog.History(store.LogPath, entry.Display, goal.Goal.Id);
        body.Append("<h2>Överstyrningar i beslutsloggen</h2>");
        body.Append(history.Count == 0 ? "<p>Inga sparade från arbetsbänken.</p>" : Table(["Tid (UTC)", "Betyg", "Motivering", "Av", "Härlett då", "Regelverk"],
            history.Select(h => (IReadOnlyList<string>)[h.Time, h.Rating is null ? "borttagen" : Vocabularies.Ratings.Find(h.Rating)?.Label() ?? h.Rating, h.Reason ?? "", h.By ?? "", h.Derived is null ? "" : Vocabularies.Ratings.Find(h.Derived)?.Label() ?? h.Derived, h.RulesetVersion ?? ""])));

        string Value(string key, string fallback) => form is not null ? form[key].ToString() : fallback;
        var current = Value("betyg", goal.Goal.Override?.Rating.Code() ?? "");
        body.Append("<h2>Överstyr betyget</h2>")
            .Append($"<form method=\"post\" action=\"/mal\" class=\"overstyr\"><input type=\"hidden\" name=\"id\" value=\"{E(entry.Id)}\"><input type=\"hidden\" name=\"mal\" value=\"{E(goal.Goal.Id)}\">")
            .Append($"<input type=\"hidden\" name=\"sha256\" value=\"{E(Value("sha256", entry.Sha256))}\">")
            .Append("<label>Betyg <select name=\"betyg\" required>")
            .Append(string.Concat(Enum.GetValues<Rating>().Select(r => $"<option value=\"{r.Code()}\"{(current == r.Code() ? " selected" : "")}>{E(r.Phrase())}</option>")))
            .Append(goal.Goal.Override is null ? "" : "<option value=\"ta_bort\">Ta bort överstyrningen</option>")
            .Append("</select></label>")
            .Append($"<label>Motivering (krävs) <textarea name=\"motivering\" rows=\"4\" required>{E(Value("motivering", goal.Goal.Override?.Reason ?? ""))}</textarea></label>")
            .Append($"<label>Beslutat av <input name=\"av\" value=\"{E(Value("av", goal.Goal.Override?.By ?? ""))}\" required></label>")
            .Append("<button type=\"submit\">Spara i datasetfilen</button></form>");
        return Results.Content(Page($"{goal.Goal.Id} {goal.Goal.Title}", body.ToString()), HtmlType, statusCode: problem?.Status ?? 200);
    }

    // ---------------------------------------------------------------- Policy

    /// <summary>Thresholds from a query or form ("t.NAMN=värde"), every name known; values as numbers with point or comma (<see cref="WhatIf.Validate"/>).</summary>
    private static (IReadOnlyDictionary<string, double>? Values, string? Error) Thresholds(IReadOnlyList<DatasetEntry> entries, IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query) =>
        WhatIf.Validate(query
            .Where(q => q.Key.StartsWith("t.", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(q.Value))
            .Select(q => (q.Key[2..],
                double.TryParse(q.Value.ToString().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null,
                q.Value.ToString())), entries);

    private static IResult PolicyPage(IReadOnlyList<DatasetEntry> entries, IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query, (int Status, string Message)? notice)
    {
        var known = WhatIf.Thresholds(entries);
        var (values, error) = Thresholds(entries, query);
        var body = new StringBuilder();
        body.Append("<p>Flytta ett tröskelvärde: alla inlästa dataset bedöms om direkt, utan att något skrivs. Överensstämmelse med publicerade betyg är ett underlag, inte ett facit.</p>");
        if (notice is { } n) body.Append($"<p class=\"{(n.Status == 200 ? "klart" : "fel")}\" role=\"status\">{E(n.Message)}</p>");
        if (error is not null) body.Append($"<p class=\"fel\">{E(error)}</p>");
        values ??= new Dictionary<string, double>();
        body.Append("<form method=\"get\" action=\"/policy\" id=\"policy\" class=\"policy\">");
        foreach (var t in known)
        {
            var value = values.GetValueOrDefault(t.Name, t.Value);
            var max = Math.Max(1, Math.Ceiling(t.Value * 2));
            body.Append($"<div class=\"troskel\"><label for=\"t-{E(t.Name)}\"><code>{E(t.Name)}</code> <small>(som skrivet: {WhatIf.Format(t.Value)})</small></label>")
                .Append($"<input type=\"range\" id=\"r-{E(t.Name)}\" data-name=\"{E(t.Name)}\" min=\"0\" max=\"{WhatIf.Format(max)}\" step=\"0.01\" value=\"{WhatIf.Format(value)}\" aria-label=\"{E(t.Name)}\">")
                .Append($"<input type=\"number\" id=\"t-{E(t.Name)}\" name=\"t.{E(t.Name)}\" data-name=\"{E(t.Name)}\" step=\"any\" value=\"{WhatIf.Format(value)}\"></div>");
        }
        body.Append("<button type=\"submit\">Bedöm om</button></form>");
        body.Append("<div class=\"diagram\"><canvas id=\"svep\" aria-label=\"Överensstämmelse kring värdet\"></canvas></div>");
        body.Append("<div id=\"resultat\" aria-live=\"polite\">").Append(WhatIfResults(WhatIf.Run(entries, values))).Append("</div>");
        body.Append("<h2>Spara som ny version</h2><form method=\"post\" action=\"/policy/spara\" class=\"spara\" id=\"spara\">");
        foreach (var t in known)
            body.Append($"<input type=\"hidden\" name=\"t.{E(t.Name)}\" data-name=\"{E(t.Name)}\" value=\"{WhatIf.Format(values.GetValueOrDefault(t.Name, t.Value))}\">");
        body.Append("<label>Version <input name=\"version\" placeholder=\"t.ex. 1.1\"></label>")
            .Append("<label>Giltig från <input name=\"giltig_fran\" type=\"date\"></label>")
            .Append("<button type=\"submit\">Spara som ny version</button><p><small>Skrivs som en ny fil bredvid regelverket; ingen befintlig fil skrivs över.</small></p></form>");
        return Results.Content(Page("Policy: tröskelvärden", body.ToString(),
            "<script src=\"/assets/chart.js\"></script><script src=\"/assets/workbench.js\"></script>"), HtmlType, statusCode: notice?.Status ?? (error is null ? 200 : 400));
    }

    /// <summary>The what-if's result: agreement per level against the rules as written, the goals that change, each dataset's counts.</summary>
    internal static string WhatIfResults(WhatIfReport report)
    {
        var body = new StringBuilder();
        body.Append($"<p class=\"andrade\"><b data-changed=\"{report.Changed}\">{report.Changed}</b> mål får ett annat härlett betyg än med regelverket som det är skrivet.</p>");
        body.Append("<table><thead><tr><th>Nivå</th><th>Lika publicerat, som skrivet</th><th>Lika publicerat, nu</th></tr></thead><tbody>");
        foreach (var (written, now) in report.AgreementAsWritten.Zip(report.Agreement))
            body.Append($"<tr><td>{E(now.Level.Label())}</td><td class=\"tal\">{written.Agreeing}/{written.Compared} ({SwedishFormat.Percent(written.Agreement)})</td><td class=\"tal\">{now.Agreeing}/{now.Compared} ({SwedishFormat.Percent(now.Agreement)})</td></tr>");
        body.Append("</tbody></table>");
        if (report.Changed > 0)
        {
            body.Append("<h2>Mål som ändras</h2><table class=\"andringar\"><thead><tr><th>Dataset</th><th>Mål</th><th>Från</th><th>Till</th><th>Redovisat</th></tr></thead><tbody>");
            foreach (var d in report.Datasets)
                foreach (var c in d.Changed)
                    body.Append($"<tr><td>{E(d.Entry.Dataset!.District)} {E(d.Entry.Dataset.Period.ToString())}</td><td><a href=\"/mal?id={Q(d.Entry.Id)}&amp;mal={Q(c.Goal)}\">{E(c.Goal)} {E(c.Title)}</a></td>")
                        .Append($"<td>{Label(c.From)}</td><td>{Label(c.To)}</td><td>{Label(c.Recorded)}</td></tr>");
            body.Append("</tbody></table>");
        }
        body.Append("<h2>Per dataset</h2><table><thead><tr><th>Dataset</th>");
        foreach (var level in Enum.GetValues<GoalLevel>()) body.Append($"<th>{E(level.Label())}<br><small>helt · delvis · inte · ej</small></th>");
        body.Append("<th>≠</th><th>Ändras</th></tr></thead><tbody>");
        foreach (var d in report.Datasets)
        {
            body.Append($"<tr><td>{E(d.Entry.Dataset!.District)} {E(d.Entry.Dataset.Period.ToString())}</td>");
            foreach (var level in Enum.GetValues<GoalLevel>())
                body.Append("<td class=\"tal\">").Append(string.Join(" · ", Enum.GetValues<Rating>().Select(r => d.Counts[level][r]))).Append("</td>");
            body.Append($"<td class=\"tal\">{d.Differing}</td><td class=\"tal\">{d.Changed.Count}</td></tr>");
        }
        body.Append("</tbody></table>");
        return body.ToString();
    }
}
