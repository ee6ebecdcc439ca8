using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Shouldly;
using Xunit;

namespace Assessment.Tests.Domain;

/// <summary>The cells an import may mark uncertain: each reads as text, and emptying one leaves it empty and the others as they were.</summary>
public class UncertainCellsTests
{
    private static readonly Dataset Sample = DatasetReader.ReadFile(Repo.PathOf("examples/hasselby-vallingby-t1-2026.yaml"));

    [Fact]
    public void Every_indicator_cell_of_the_sample_reads_and_empties_alone()
    {
        var indicators = Sample.AllGoals().SelectMany(g => g.Indicators).ToList();
        indicators.Add(indicators[0] with { Direction = Direction.LowerIsBetter }); // the sample gives none a direction
        foreach (var key in UncertainCells.IndicatorKeys)
        {
            indicators.ShouldContain(i => i.Cell(key) != null, $"no indicator of the sample has {key}");
            foreach (var indicator in indicators.Where(i => i.Cell(key) != null))
            {
                var emptied = indicator.Emptied(key);
                if (key is "namn" or "periodicitet") emptied.ShouldBeSameAs(indicator);
                else emptied.Cell(key).ShouldBeNull(key);
                foreach (var other in UncertainCells.IndicatorKeys.Where(k => k != key))
                    emptied.Cell(other).ShouldBe(indicator.Cell(other), $"emptying {key} changed {other}");
            }
        }
    }

    [Fact]
    public void Every_activity_cell_reads_and_empties_alone()
    {
        var activity = new Activity("Öppen förskola", new DateOnly(2026, 1, 15), new DateOnly(2026, 12, 31), true, "Försenad.", new SourcePosition("x.yaml", 1, 1));
        activity.Cell("avvikelse").ShouldBe("true");
        activity.Cell("start").ShouldBe("2026-01-15");
        activity.Cell("okand").ShouldBeNull();
        foreach (var key in UncertainCells.ActivityKeys)
        {
            var emptied = activity.Emptied(key);
            if (key == "namn") emptied.ShouldBeSameAs(activity);
            else emptied.Cell(key).ShouldBe(key == "avvikelse" ? "false" : null);
            foreach (var other in UncertainCells.ActivityKeys.Where(k => k != key))
                emptied.Cell(other).ShouldBe(activity.Cell(other));
        }
    }
}
