using System.Reflection;
using Assessment.Domain.Model;
using Assessment.Reports;

namespace Assessment.Web;

/// <summary>The pages' common parts: the frame, escaping, rating marks.</summary>
internal static class Html
{
    /// <summary>Text for HTML: the five markup characters escaped, Swedish letters left as they are (the page is UTF-8).</summary>
    public static string E(string? text) =>
        (text ?? "").Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    /// <summary>A query-string value.</summary>
    public static string Q(string text) => Uri.EscapeDataString(text);

    /// <summary>The ratings' colours, from the one table the reports use: text (.betyg.helt …) and the city matrix's cells.</summary>
    private static readonly string RatingStyle = ReportParts.RatingCss(".betyg") + " " +
        string.Join(" ", Enum.GetValues<Rating>().Select(r => $"td.ruta.{r.Code()} {{ background: #{ReportParts.Colour(r)}; }}"));

    public static string Page(string title, string body, string? script = null) => $"""
        <!DOCTYPE html>
        <html lang="sv">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)} – Assessment</title>
        <link rel="stylesheet" href="/assets/workbench.css">
        <style>{RatingStyle}</style>
        </head>
        <body>
        <header><nav><a href="/">Stadsöversikt</a> <a href="/policy">Policy</a></nav><span class="app">Assessment – arbetsbänk</span></header>
        <main>
        <h1>{E(title)}</h1>
        {body}
        </main>
        {(script is null ? "" : script)}
        </body>
        </html>
        """;

    /// <summary>A rating's symbol, coloured, with its name for screen readers and on hover.</summary>
    public static string Mark(Rating? rating) => rating is { } r
        ? $"<span class=\"betyg {r.Code()}\" title=\"{E(r.Phrase())}\">{r.Symbol()}</span>"
        : "<span class=\"betyg saknas\" title=\"saknas\">·</span>";

    public static string Label(Rating? rating) => rating is { } r ? $"{Mark(r)} {E(r.Label())}" : "saknas";

    public static string Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows) =>
        "<table><thead><tr>" + string.Concat(columns.Select(c => $"<th>{E(c)}</th>")) + "</tr></thead><tbody>"
        + string.Concat(rows.Select(r => "<tr>" + string.Concat(r.Select(c => $"<td>{E(c)}</td>")) + "</tr>")) + "</tbody></table>";

    /// <summary>An embedded file of the workbench: its script and style.</summary>
    public static byte[] Asset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name) ?? throw new InvalidOperationException($"resource {name} missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Goal ids in tree order: "1.10" after "1.9".</summary>
    public static int CompareIds(string a, string b)
    {
        var (x, y) = (a.Split('.'), b.Split('.'));
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var c = int.TryParse(x[i], out var p) && int.TryParse(y[i], out var q) ? p.CompareTo(q) : string.CompareOrdinal(x[i], y[i]);
            if (c != 0) return c;
        }
        return x.Length.CompareTo(y.Length);
    }
}
