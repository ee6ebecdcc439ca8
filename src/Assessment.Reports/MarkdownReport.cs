using System.Text;
using Assessment.Domain.Model;
using Assessment.Reports.Justification;
using Assessment.Rules;

namespace Assessment.Reports;

/// <summary>
/// A Markdown report in the structure of the district's own report: for each goal its heading, the
/// rating line, Analys (the justification), the indicator table with the report's columns plus our
/// rating, and the activity table.
/// </summary>
public static class MarkdownReport
{
    public static string Render(AssessmentResult result, Justifications texts)
    {
        var md = new StringBuilder();
        var dataset = result.Dataset;
        md.Append("# Bedömning av måluppfyllelse ").Append(dataset.Period).Append(" – ").AppendLine(dataset.District).AppendLine();
        md.Append("Regelverk ").Append(result.RuleSet.Id).Append(' ').Append(result.RuleSet.Version)
          .Append(", giltigt från ").Append(result.RuleSet.ValidFrom.ToString("yyyy-MM-dd"))
          .Append(" (sha256 ").Append(result.RuleSet.Sha256[..12]).AppendLine("…).").AppendLine();
        if (result.RuleSet.Note is { } note) md.Append("*Not: ").Append(Escape(note)).AppendLine("*").AppendLine();
        md.AppendLine("## Sammanfattning").AppendLine().AppendLine(Escape(texts.Summary)).AppendLine();
        Table(md, ReportParts.LevelCountColumns, ReportParts.LevelCounts(result));

        foreach (var goal in result.AllGoals()) Goal(md, goal, texts.ByGoal[goal.Goal.Id], dataset.Period);
        return md.ToString();
    }

    private static void Goal(StringBuilder md, GoalResult goal, string justification, ReportingPeriod period)
    {
        var g = goal.Goal;
        var depth = g.Level switch { GoalLevel.DirectionGoal => 2, GoalLevel.ServiceAreaGoal => 3, _ => 4 };
        md.Append('#', depth).Append(' ').AppendLine(OneLine(ReportParts.Heading(g))).AppendLine();
        md.Append("**").Append(goal.Final.Phrase()).AppendLine("**").AppendLine();
        md.Append('*').Append(ReportParts.DerivedLine(goal)).AppendLine("*").AppendLine();
        if (g.Override is { } ov)
            md.Append("*Överstyrt till ").Append(ov.Rating.Label()).Append(ov.By is null ? "" : $" av {ov.By}")
              .Append(": ").Append(OneLine(ov.Reason)).AppendLine("*").AppendLine();
        if (g.Description is not null) md.AppendLine("**Beskrivning**").AppendLine().AppendLine(Escape(g.Description.Trim())).AppendLine();
        if (g.ExpectedResults.Count > 0)
        {
            md.AppendLine("**Förväntat resultat**").AppendLine();
            foreach (var expected in g.ExpectedResults) md.Append("- ").AppendLine(OneLine(expected));
            md.AppendLine();
        }
        md.AppendLine("**Analys**").AppendLine().AppendLine(Escape(justification)).AppendLine();
        if (goal.Indicators.Count > 0)
            Table(md, ReportParts.IndicatorColumns(period), goal.Indicators.Select(i => ReportParts.IndicatorCells(i, period)));
        if (g.Activities.Count > 0)
            Table(md, ReportParts.ActivityColumns, g.Activities.Select(ReportParts.ActivityCells));
    }

    private static void Table(StringBuilder md, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        md.Append("| ").AppendJoin(" | ", columns.Select(OneLine)).AppendLine(" |");
        md.Append('|').AppendJoin("|", columns.Select(_ => "---")).AppendLine("|");
        foreach (var row in rows) md.Append("| ").AppendJoin(" | ", row.Select(OneLine)).AppendLine(" |");
        md.AppendLine();
    }

    /// <summary>Text on one line (a heading, a table cell, a list item), escaped.</summary>
    private static string OneLine(string text) => Escape(Inline(text));

    /// <summary>
    /// Text from the dataset or the templates as literal Markdown: every character Markdown or HTML would read
    /// as markup (emphasis, code, links, tags, entities, table bars) is backslash-escaped, so a title with
    /// "*" or "&lt;script&gt;" shows as written and cannot break the report.
    /// </summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '&' or '|' or '#' or '~') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static string Inline(string text) => string.Join(' ', text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
