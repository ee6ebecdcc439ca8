using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Assessment.Domain.Model;
using Assessment.Domain.Parsing;
using Assessment.Reports.Json;
using Assessment.Rules.Audit;

namespace Assessment.Reports;

/// <summary>
/// A threshold sweep for policy staff, as text, JSON or a self-contained HTML page with a chart (Chart.js,
/// vendored and inlined, so the page works offline). Every form marks the variant that agrees best with the
/// published ratings and says that agreement with past judgement is not the same as being right.
/// </summary>
public static class SweepReports
{
    public const string Warning =
        "Överensstämmelse med tidigare publicerade bedömningar är inte detsamma som rätt: den visar vad ett värde gör, " +
        "inte vilket värde som är riktigt. Tidigare bedömningar kan själva ha varit för generösa eller för stränga.";

    private static readonly GoalLevel[] Levels = Enum.GetValues<GoalLevel>();

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Label(IReadOnlyDictionary<string, decimal> thresholds) =>
        thresholds.Count == 0 ? "som skrivet" : string.Join(", ", thresholds.Select(t => $"{t.Key}={Number(t.Value)}"));

    /// <summary>A variant's agreement at a level: its levels are in level order.</summary>
    private static LevelBacktest At(SweepVariant variant, GoalLevel level) => variant.Agreement[(int)level];

    public static string Text(SweepReport report, string rules)
    {
        var text = new StringBuilder();
        text.AppendLine($"Svep av {string.Join(" × ", report.Axes.Select(a => $"{a.Name} {Number(a.From)}..{Number(a.To)} steg {Number(a.Step)}"))}");
        text.AppendLine($"Regelverk: {rules} · {report.Datasets} dataset · {report.Variants.Count} varianter");
        text.AppendLine();
        var header = new StringBuilder($"{"tröskelvärden",-32}");
        foreach (var level in Levels) header.Append($" {Capital(level.Label()),-28}");
        header.Append(" totalt   ändrade");
        text.AppendLine(header.ToString());
        text.AppendLine($"{"",-32}{string.Concat(Levels.Select(_ => $" {"h/d/i/e  lika",-28}"))}");
        foreach (var (variant, i) in report.Variants.Select((v, i) => (v, i)).Prepend((report.AsWritten, -1)))
        {
            var line = new StringBuilder($"{Label(variant.Thresholds),-32}");
            foreach (var level in Levels)
            {
                var c = variant.Counts[level];
                line.Append($" {$"{c[Rating.Fully]}/{c[Rating.Partly]}/{c[Rating.NotMet]}/{c[Rating.NotAssessed]}  {SwedishFormat.Percent(At(variant, level).Agreement)}",-28}");
            }
            line.Append($" {SwedishFormat.Percent(variant.TotalAgreement),-8} {variant.Changed,7}");
            if (i == report.Best) line.Append("  ← bäst överensstämmelse");
            text.AppendLine(line.ToString().TrimEnd());
        }
        text.AppendLine();
        text.AppendLine("h/d/i/e: härledda betyg helt/delvis/inte/ej bedömd; lika: andel lika med publicerat betyg; ändrade: mål vars");
        text.AppendLine("härledda betyg skiljer sig från regelverket som det är skrivet.");
        text.AppendLine(Warning);
        return text.ToString();
    }

    public static string Json(SweepReport report, string rules) => JsonOutput.Document(new SweepJson(
        rules, report.Datasets, [.. report.Axes.Select(a => new SweepAxisJson(a.Name, a.From, a.To, a.Step))], report.Best, Warning,
        Variant(report.AsWritten, best: false), [.. report.Variants.Select((variant, i) => Variant(variant, i == report.Best))]));

    private static SweepVariantJson Variant(SweepVariant variant, bool best)
    {
        var agreement = Levels.ToDictionary(level => level.Code(), level =>
        {
            var at = At(variant, level);
            return BacktestJson.Counts(at.Compared, at.Agreeing, at.Agreement);
        });
        agreement["total"] = BacktestJson.Counts(variant.Compared, variant.Agreeing, variant.TotalAgreement);
        return new SweepVariantJson(
            variant.Thresholds.ToDictionary(),
            Levels.ToDictionary(level => level.Code(), level => variant.Counts[level].ToDictionary(c => c.Key.Code(), c => c.Value)),
            agreement, variant.Changed, best);
    }

    /// <summary>The vendored chart library (Chart.js), inlined into the sweep's page and served by the workbench.</summary>
    public static string ChartLibrary => ChartJs.Value;

    private static readonly Lazy<string> ChartJs = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("chart.umd.min.js")
                           ?? throw new InvalidOperationException("chart.umd.min.js is not embedded in Assessment.Reports.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    public static string Html(SweepReport report, string rules)
    {
        var title = $"Svep av {string.Join(" × ", report.Axes.Select(a => a.Name))}";
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="sv">
            <head>
            <meta charset="utf-8">
            <title>{{E(title)}}</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; max-width: 72rem; }
            .varning { background: #fff7d6; border-left: 4px solid #e0b000; padding: .6rem 1rem; }
            table { border-collapse: collapse; margin-top: 1rem; font-variant-numeric: tabular-nums; }
            th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: right; }
            td { white-space: nowrap; }
            th:first-child, td:first-child { text-align: left; }
            tr.bast { background: #e3f4e1; font-weight: 600; }
            tr.skrivet { background: #eef2fa; }
            #diagram { max-height: 28rem; }
            </style>
            </head>
            <body>
            <h1>{{E(title)}}</h1>
            <p>Regelverk: {{E(rules)}} · {{report.Datasets}} dataset · {{report.Variants.Count}} varianter</p>
            <p class="varning">{{E(Warning)}}</p>
            <canvas id="diagram" aria-label="Överensstämmelse och antal betyg per värde"></canvas>
            <table>
            <thead><tr><th>Tröskelvärden</th>
            """);
        foreach (var level in Levels) html.Append($"<th>{E(Capital(level.Label()))}<br>helt/delvis/inte/ej</th><th>lika</th>");
        html.Append("<th>Totalt lika</th><th>Ändrade mål</th></tr></thead>\n<tbody>\n");
        foreach (var (variant, i) in report.Variants.Select((v, i) => (v, i)).Prepend((report.AsWritten, -1)))
        {
            var css = i == report.Best ? " class=\"bast\"" : i < 0 ? " class=\"skrivet\"" : "";
            html.Append($"<tr{css}><td>{E(Label(variant.Thresholds))}{(i == report.Best ? " – bäst överensstämmelse" : "")}</td>");
            foreach (var level in Levels)
            {
                var c = variant.Counts[level];
                html.Append($"<td>{c[Rating.Fully]}/{c[Rating.Partly]}/{c[Rating.NotMet]}/{c[Rating.NotAssessed]}</td><td>{E(SwedishFormat.Percent(At(variant, level).Agreement))}</td>");
            }
            html.Append($"<td>{E(SwedishFormat.Percent(variant.TotalAgreement))}</td><td>{variant.Changed}</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        html.Append("<script id=\"svep\" type=\"application/json\">").Append(ChartData(report).Replace("</", "<\\/", StringComparison.Ordinal)).Append("</script>\n");
        html.Append("<script>").Append(ChartJs.Value).Append("</script>\n");
        html.Append("""
            <script>
            const svep = JSON.parse(document.getElementById('svep').textContent);
            new Chart(document.getElementById('diagram'), {
              data: {
                labels: svep.labels,
                datasets: [
                  ...svep.counts.map((c, i) => ({ type: 'bar', label: c.label, data: c.data, stack: 'betyg', yAxisID: 'antal',
                                                   backgroundColor: svep.colours[i] })),
                  ...svep.agreement.map((a, i) => ({ type: 'line', label: a.label, data: a.data, yAxisID: 'andel',
                                                      borderColor: ['#1565c0', '#6a1b9a', '#00838f', '#000000'][i], tension: 0.1 })),
                ],
              },
              options: {
                animation: false,
                scales: {
                  antal: { position: 'left', stacked: true, title: { display: true, text: 'härledda betyg (antal mål)' } },
                  andel: { position: 'right', min: 0, max: 100, title: { display: true, text: 'lika med publicerat (%)' }, grid: { drawOnChartArea: false } },
                  x: { stacked: true, title: { display: true, text: svep.axis } },
                },
              },
            });
            document.body.dataset.diagram = 'klart';
            </script>
            </body>
            </html>

            """);
        return html.ToString();
    }

    /// <summary>The chart's data: one label per variant, counts per rating over all levels, agreement per level and in total.</summary>
    private static string ChartData(SweepReport report) => JsonOutput.ForHtml(new SweepChartJson(
        string.Join(", ", report.Axes.Select(a => a.Name)),
        [.. report.Variants.Select(variant => report.Axes.Count == 1 ? Number(variant.Thresholds[report.Axes[0].Name]) : Label(variant.Thresholds))],
        [.. Enum.GetValues<Rating>().Select(rating => new ChartSeriesJson(rating.Label(), [.. report.Variants.Select(variant => (double)Levels.Sum(l => variant.Counts[l][rating]))]))],
        [.. Enum.GetValues<Rating>().Select(rating => "#" + ReportParts.Colour(rating))],
        [
            .. Levels.Cast<GoalLevel?>().Append(null).Select(level => new ChartSeriesJson(
                level is { } l ? $"lika, {l.Label()}" : "lika, totalt",
                [.. report.Variants.Select(variant => Math.Round(100 * (level is { } at ? At(variant, at).Agreement : variant.TotalAgreement), 1))])),
        ]));

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
