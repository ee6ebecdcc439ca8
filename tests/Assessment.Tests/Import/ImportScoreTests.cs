using System.Text;
using System.Text.RegularExpressions;
using Assessment.Domain.Model;
using Assessment.Import;
using Xunit.Abstractions;

namespace Assessment.Tests.Import;

/// <summary>
/// How much of a report the importer reads right: every indicator and activity cell (name, values, period,
/// deviation flag) against the dataset a right import gives, and every goal at its level, under its parent, with
/// its title and published rating. A cell the import invents counts against it as one it lost does.
/// </summary>
internal sealed record ImportScore(int CellsRight, int Cells, int GoalsRight, int Goals, IReadOnlyList<string> Misses)
{
    public static ImportScore Of(RawDataset expected, RawDataset actual)
    {
        var misses = new List<string>();
        // The report's own period and district are not counted as cells, but a variant that reads them wrong fails.
        if (expected.Period != actual.Period) misses.Add($"perioden: läst \"{actual.Period}\", väntat \"{expected.Period}\"");
        if (expected.District != actual.District) misses.Add($"nämnden: läst \"{actual.District}\", väntat \"{expected.District}\"");
        var (cellsRight, cells, goalsRight, goals) = (0, 0, 0, 0);
        var actualByKey = new Dictionary<(GoalLevel, string), (RawGoal Goal, string? Parent)>();
        foreach (var g in Tree(actual)) actualByKey.TryAdd((g.Goal.Level, g.Goal.Id), g);
        foreach (var (goal, parent) in Tree(expected))
        {
            goals++;
            actualByKey.Remove((goal.Level, goal.Id), out var match);
            if (match.Goal is not null && match.Parent == parent && match.Goal.Recorded == goal.Recorded && Same(match.Goal.Title, goal.Title)) goalsRight++;
            else misses.Add(match.Goal is null ? $"mål {goal.Id} saknas" : $"mål {goal.Id}: läst \"{match.Goal.Title}\" under {match.Parent} ({match.Goal.Recorded}), väntat \"{goal.Title}\" under {parent} ({goal.Recorded})");
            foreach (var (mine, theirs, kind) in new[] { (goal.Indicators, match.Goal?.Indicators ?? [], "indikator"), (goal.Activities, match.Goal?.Activities ?? [], "aktivitet") })
            {
                for (var r = 0; r < Math.Max(mine.Count, theirs.Count); r++)
                {
                    var (want, got) = (r < mine.Count ? mine[r].Cells : [], r < theirs.Count ? theirs[r].Cells : []);
                    foreach (var key in want.Keys.Union(got.Keys))
                    {
                        cells++;
                        var (w, a) = (want.GetValueOrDefault(key), got.GetValueOrDefault(key));
                        if (w is not null && a is not null && Same(w, a)) cellsRight++;
                        else misses.Add($"mål {goal.Id} {kind} {r + 1} {key}: läst \"{a ?? "–"}\", väntat \"{w ?? "–"}\"");
                    }
                }
            }
        }
        // Goals the import invented, with their cells.
        foreach (var (goal, _) in actualByKey.Values)
        {
            goals++;
            misses.Add($"mål {goal.Id} \"{goal.Title}\" finns inte i rapporten");
            cells += goal.Indicators.Concat(goal.Activities).Sum(r => r.Cells.Count);
        }
        return new ImportScore(cellsRight, cells, goalsRight, goals, misses);
    }

    public static ImportScore operator +(ImportScore a, ImportScore b) =>
        new(a.CellsRight + b.CellsRight, a.Cells + b.Cells, a.GoalsRight + b.GoalsRight, a.Goals + b.Goals, [.. a.Misses, .. b.Misses]);

    public static readonly ImportScore Zero = new(0, 0, 0, 0, []);

    private static IEnumerable<(RawGoal Goal, string? Parent)> Tree(RawDataset d) =>
        d.Goals.SelectMany(g => Walk(g, null));

    private static IEnumerable<(RawGoal Goal, string? Parent)> Walk(RawGoal goal, string? parent) =>
        new[] { (goal, parent) }.Concat(goal.Children.SelectMany(c => Walk(c, goal.Id)));

    /// <summary>Equal text, whatever the case and the kind and number of spaces (a heading set in capitals is the same heading).</summary>
    private static bool Same(string a, string b) =>
        string.Equals(Regex.Replace(a, @"\s+", " ").Trim(), Regex.Replace(b, @"\s+", " ").Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>The importer on every variant of <see cref="ImportVariants"/>: each reads every goal and cell, and the families' sums.</summary>
public class ImportScoreTests(ITestOutputHelper output)
{
    public static TheoryData<string> Variants => [.. ImportVariants.All().Select(v => v.ToString())];

    private static ImportScore Score(ImportVariants.Variant variant)
    {
        var (expected, text) = variant.Make();
        if (Environment.GetEnvironmentVariable("VARIANT_DUMP") is { } dump)
            File.WriteAllText(Path.Combine(dump, Regex.Replace(variant.ToString(), @"[^\p{L}\d]+", "-") + ".txt"), text);
        return ImportScore.Of(expected, ImportVariants.Import(text));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_variant_reads_every_goal_and_cell(string name)
    {
        var variant = ImportVariants.All().Single(v => v.ToString() == name);
        var score = Score(variant);
        if (score.Misses.Count > 0)
            throw new Shouldly.ShouldAssertException($"{score.Misses.Count} fel, {score.CellsRight}/{score.Cells} celler, {score.GoalsRight}/{score.Goals} mål:\n" +
                                                     string.Join('\n', score.Misses.Take(12)));
    }

    /// <summary>Cells and goals read right per family, as a table (the README's import section quotes it).</summary>
    [Fact]
    public void Every_family_of_variants_reads_its_cells_and_goals_right()
    {
        var table = new StringBuilder();
        table.AppendLine("| familj | varianter | celler rätt | mål rätt |").AppendLine("|---|---:|---:|---:|");
        var total = ImportScore.Zero;
        foreach (var family in ImportVariants.All().GroupBy(v => v.Family))
        {
            var sum = family.Select(Score).Aggregate(ImportScore.Zero, (a, b) => a + b);
            table.AppendLine($"| {family.Key} | {family.Count()} | {sum.CellsRight} / {sum.Cells} ({Percent(sum.CellsRight, sum.Cells)}) | {sum.GoalsRight} / {sum.Goals} ({Percent(sum.GoalsRight, sum.Goals)}) |");
            total += sum;
        }
        table.AppendLine($"| **alla** | {ImportVariants.All().Count()} | {total.CellsRight} / {total.Cells} ({Percent(total.CellsRight, total.Cells)}) | {total.GoalsRight} / {total.Goals} ({Percent(total.GoalsRight, total.Goals)}) |");
        output.WriteLine(table.ToString());
        if (Environment.GetEnvironmentVariable("VARIANT_DUMP") is { } dump) File.WriteAllText(Path.Combine(dump, "score.md"), table.ToString());
        ((double)total.CellsRight / total.Cells).ShouldBeGreaterThanOrEqualTo(0.98, table.ToString());
        ((double)total.GoalsRight / total.Goals).ShouldBeGreaterThanOrEqualTo(0.98, table.ToString());
    }

    private static string Percent(int right, int total) =>
        total == 0 ? "–" : (100.0 * right / total).ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',') + " %";
}
