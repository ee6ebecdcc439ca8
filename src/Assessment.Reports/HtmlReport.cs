using Assessment.Domain.Parsing;
using System.Globalization;
using System.Net;
using System.Text;
using Assessment.Domain.Model;
using Assessment.Reports.Justification;
using Assessment.Rules;

namespace Assessment.Reports;

/// <summary>
/// One self-contained, printable HTML file: no scripts, no external resources. Each goal shows the
/// city's rating symbol in colour and, in a collapsible "Varför?", the rule, the rules checked before
/// it, the facts they saw, the thresholds, each indicator's figures and the rule set's identity.
/// </summary>
public static class HtmlReport
{
    private static readonly string Style = $$"""
        body { font-family: "Segoe UI", Arial, sans-serif; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1d; line-height: 1.45; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.35rem; margin-top: 2.2rem; } h3 { font-size: 1.15rem; margin-top: 1.8rem; } h4 { font-size: 1rem; margin-top: 1.5rem; }
        .meta { color: #555; font-size: .9rem; }
        .betyg { font-weight: 600; margin: .3rem 0; }
        .betyg-symbol { font-size: 1.2em; margin-right: .35rem; }
        {{ReportParts.RatingCss()}}
        .harlett { color: #555; font-style: italic; font-size: .92rem; margin: .2rem 0; }
        .avviker { background: #fff4e5; padding: 0 .25rem; }
        table { border-collapse: collapse; width: 100%; margin: .8rem 0; font-size: .85rem; }
        th, td { border: 1px solid #ccc; padding: .25rem .4rem; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; }
        td:not(:first-child) { white-space: nowrap; }
        details.varfor { margin: .6rem 0; border-left: 3px solid #8aa4c8; padding-left: .6rem; }
        details.varfor summary { cursor: pointer; color: #1f4e8c; font-weight: 600; }
        section.mal { page-break-inside: auto; }
        .skiljer { display: inline-block; background: #fde8e8; border: 1px solid #e9a2a2; border-radius: 3px; padding: 0 .4rem; font-style: normal; color: #1d1d1d; }
        table.antal td:not(:first-child), table.antal th:not(:first-child) { text-align: right; }
        @media print {
          @page { size: A4; margin: 18mm 15mm; }
          body { margin: 0; max-width: none; font-size: 10pt; }
          h2, h3, h4 { break-after: avoid; }
          tr { break-inside: avoid; }
          details.varfor { display: none; }
          .skiljer { border-color: #000; background: none; }
          .helt, .delvis, .inte, .ej_bedomd { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        """;

    public static string Render(AssessmentResult result, Justifications texts)
    {
        var html = new StringBuilder();
        var dataset = result.Dataset;
        var title = $"Bedömning av måluppfyllelse {dataset.Period} – {dataset.District}";
        html.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"sv\">").AppendLine("<head>")
            .AppendLine("<meta charset=\"utf-8\">")
            .AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).AppendLine("</title>")
            .Append("<style>").Append(Style).AppendLine("</style>")
            .AppendLine("</head>").AppendLine("<body>");
        html.Append("<h1>").Append(E(title)).AppendLine("</h1>");
        html.Append("<p class=\"meta\">Regelverk ").Append(E(RuleSetName(result.RuleSet))).AppendLine("</p>");
        if (result.RuleSet.Note is { } note) html.Append("<p class=\"meta\">Not: ").Append(E(note)).AppendLine("</p>");
        html.AppendLine("<section class=\"sammanfattning\">").AppendLine("<h2>Sammanfattning</h2>")
            .Append("<p>").Append(E(texts.Summary)).AppendLine("</p>");
        html.AppendLine("<table class=\"antal\">").Append("<thead><tr>");
        foreach (var column in ReportParts.LevelCountColumns) html.Append("<th>").Append(E(column)).Append("</th>");
        html.AppendLine("</tr></thead>").AppendLine("<tbody>");
        foreach (var row in ReportParts.LevelCounts(result))
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(E(cell)).Append("</td>");
            html.AppendLine("</tr>");
        }
        html.AppendLine("</tbody>").AppendLine("</table>").AppendLine("</section>");
        foreach (var goal in result.AllGoals()) Goal(html, goal, texts.ByGoal[goal.Goal.Id], result);
        html.AppendLine("</body>").AppendLine("</html>");
        return html.ToString();
    }

    private static void Goal(StringBuilder html, GoalResult goal, string justification, AssessmentResult result)
    {
        var g = goal.Goal;
        var period = result.Dataset.Period;
        var tag = g.Level switch { GoalLevel.DirectionGoal => "h2", GoalLevel.ServiceAreaGoal => "h3", _ => "h4" };
        html.Append("<section class=\"mal ").Append(g.Level.Code()).Append(goal.DiffersFromRecorded ? " skiljer-sig" : "").Append("\" id=\"mal-").Append(E(g.Id)).AppendLine("\">");
        html.Append('<').Append(tag).Append('>').Append(E(ReportParts.Heading(g))).Append("</").Append(tag).AppendLine(">");
        html.Append("<p class=\"betyg ").Append(goal.Final.Code()).Append("\"><span class=\"betyg-symbol\" aria-hidden=\"true\">")
            .Append(goal.Final.Symbol()).Append("</span>").Append(E(goal.Final.Phrase())).AppendLine("</p>");
        var differs = (goal.Final != goal.Derived.Rating ? " avviker" : "") + (goal.DiffersFromRecorded ? " skiljer" : "");
        html.Append("<p class=\"harlett").Append(differs).Append("\">").Append(E(ReportParts.DerivedLine(goal))).AppendLine("</p>");
        if (g.Description is not null) html.Append("<p><strong>Beskrivning</strong><br>").Append(E(g.Description.Trim())).AppendLine("</p>");
        if (g.ExpectedResults.Count > 0)
        {
            html.AppendLine("<p><strong>Förväntat resultat</strong></p>").AppendLine("<ul>");
            foreach (var expected in g.ExpectedResults) html.Append("<li>").Append(E(expected)).AppendLine("</li>");
            html.AppendLine("</ul>");
        }
        html.AppendLine("<p><strong>Analys</strong></p>").Append("<p class=\"analys\">").Append(E(justification)).AppendLine("</p>");
        Why(html, goal, result);
        if (goal.Indicators.Count > 0)
            Table(html, ReportParts.IndicatorColumns(period), goal.Indicators.Select(i => (ReportParts.IndicatorCells(i, period), (Rating?)i.Rating)));
        if (g.Activities.Count > 0)
            Table(html, ReportParts.ActivityColumns, g.Activities.Select(a => (ReportParts.ActivityCells(a), (Rating?)null)));
        html.AppendLine("</section>");
    }

    private static void Why(StringBuilder html, GoalResult goal, AssessmentResult result)
    {
        var decision = goal.Derived;
        html.AppendLine("<details class=\"varfor\">").AppendLine("<summary>Varför?</summary>");
        html.Append("<p>Regelverkets betyg: <strong>").Append(E(decision.Rating.Label())).Append("</strong> enligt regeln <code>")
            .Append(E(decision.Rule.Id)).Append("</code>").Append(decision.Rule.Description is { } d ? $": {E(d)}" : "")
            .Append(" (<code>").Append(E(decision.Rule.Condition)).AppendLine("</code>).</p>");
        var notMatched = decision.Checked.Where(c => !c.Matched).ToList();
        if (notMatched.Count > 0)
        {
            html.AppendLine("<p>Regler som prövades först och inte gällde:</p>").AppendLine("<ul>");
            foreach (var check in notMatched)
            {
                html.Append("<li><code>").Append(E(check.Rule.Id)).Append("</code>: <code>").Append(E(check.Rule.Condition)).Append("</code>");
                // As recorded while rating: the parts that did not hold, with the values they read (a single part: just the values).
                var parts = check.Trace.Parts.Count == 1 ? check.Trace.Parts : check.Trace.FailingParts();
                foreach (var part in parts)
                    html.Append(parts.Count == 1 && check.Trace.Parts.Count == 1 ? "" : $"<br>gällde inte: <code>{E(part.Text)}</code>")
                        .Append(part.Values.Count == 0 ? "" : $" ({string.Join(", ", part.Values.Select(v => $"{E(v.Name)} = {E(FactText(v.Value))}"))})");
                html.AppendLine("</li>");
            }
            html.AppendLine("</ul>");
        }
        if (goal.Goal.Override is { } ov)
            html.Append("<p>Överstyrt till <strong>").Append(E(ov.Rating.Label())).Append("</strong>")
                .Append(ov.By is null ? "" : $" av {E(ov.By)}").Append(": ").Append(E(ov.Reason)).AppendLine("</p>");
        var facts = decision.Facts.All().Where(f => f.Value is not (0d or false or "")).ToList();
        html.Append("<p>Fakta: ").AppendJoin(", ", facts.Select(f => $"<code>{E(f.Fact.Name)}</code> = {E(FactText(f.Value))}")).AppendLine("</p>");
        html.Append("<p>Tröskelvärden: ").AppendJoin(", ", result.RuleSet.Thresholds.Select(t =>
            $"<code>{E(t.Name)}</code> = {E(SwedishFormat.Number(t.Value, 4))}")).AppendLine("</p>");
        if (goal.Indicators.Count > 0)
        {
            html.AppendLine("<ul class=\"indikatorer\">");
            foreach (var i in goal.Indicators)
                html.Append("<li>").Append(E(i.Indicator.Name)).Append(": <span class=\"indikator-betyg ").Append(i.Rating.Code()).Append("\">")
                    .Append(E(i.Rating.Label())).Append("</span> – ").Append(E(ReportParts.Figures(i))).Append(" (regel <code>")
                    .Append(E(i.Decision.Rule.Id)).AppendLine("</code>)</li>");
            html.AppendLine("</ul>");
        }
        html.Append("<p class=\"meta\">Regelverk ").Append(E(RuleSetName(result.RuleSet))).AppendLine("</p>");
        html.AppendLine("</details>");
    }

    private static void Table(StringBuilder html, IReadOnlyList<string> columns, IEnumerable<(IReadOnlyList<string> Cells, Rating? Rating)> rows)
    {
        html.AppendLine("<table>").Append("<thead><tr>").AppendJoin("", columns.Select(c => $"<th>{E(c)}</th>")).AppendLine("</tr></thead>").AppendLine("<tbody>");
        foreach (var (cells, rating) in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < cells.Count; i++)
            {
                var last = i == cells.Count - 1 && rating is not null;
                html.Append(last ? $"<td class=\"indikator-betyg {rating!.Value.Code()}\">" : "<td>").Append(E(cells[i])).Append("</td>");
            }
            html.AppendLine("</tr>");
        }
        html.AppendLine("</tbody>").AppendLine("</table>");
    }

    private static string RuleSetName(RuleSetInfo r) =>
        $"{r.Id} {r.Version}, giltigt från {r.ValidFrom:yyyy-MM-dd}, sha256 {r.Sha256}";

    private static string FactText(object value) => value switch
    {
        double d => SwedishFormat.Number(d, 3),
        bool b => b ? "sant" : "falskt",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
