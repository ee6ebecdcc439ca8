using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Parsing;

namespace Assessment.Benchmark;

/// <summary>
/// Synthetic datasets shaped like the seeds: 3 inriktningsmål, ~16 verksamhetsområdesmål with one or two
/// nämndmål each, indicators mostly under verksamhetsområdesmål, the seeds' mix of target forms
/// (percent and count levels, units, Ökning/Minskning, Max, +/-, Tas fram av nämnd, empty), ~60 % yearly,
/// forecasts mostly equal to the target, and ~47 activities with a few deviations. Seeded: the same
/// arguments give the same data.
/// </summary>
public static class Generator
{
    private static readonly SourcePosition Here = SourcePosition.InFile("generated");

    public static IReadOnlyList<Dataset> Datasets(int count, int indicatorsPerDataset, int seed)
    {
        var random = new Random(seed);
        var kinds = new[] { PeriodKind.T1, PeriodKind.T2, PeriodKind.VB };
        return Enumerable.Range(0, count)
            .Select(i => Dataset(random, $"Nämnd {i + 1}", new ReportingPeriod(kinds[i % 3], 2026), indicatorsPerDataset))
            .ToList();
    }

    public static Dataset Dataset(Random random, string district, ReportingPeriod period, int indicators)
    {
        var serviceAreasPer = new[] { 5, 4, 7 };
        var serviceAreaCount = serviceAreasPer.Sum();
        var goals = new List<Goal>();
        var made = 0;
        for (var d = 1; d <= 3; d++)
        {
            var serviceAreas = new List<Goal>();
            for (var s = 1; s <= serviceAreasPer[d - 1]; s++)
            {
                var id = $"{d}.{s}";
                var share = indicators / serviceAreaCount + (made < indicators % serviceAreaCount ? 1 : 0);
                made++;
                var kf = (int)Math.Round(share * 0.8);
                var boards = new List<Goal>();
                var boardCount = random.Next(1, 3);
                for (var b = 1; b <= boardCount; b++)
                {
                    var own = b == 1 ? share - kf : 0;
                    boards.Add(new Goal($"{id}.{b}", GoalLevel.BoardGoal, $"Nämndmål {id}.{b}", "Beskrivning.", ["Förväntat resultat."],
                        null, Rating.Fully, null, Indicators(random, own, period), Activities(random, random.Next(1, 4), period.Year), [], Here));
                }
                serviceAreas.Add(new Goal(id, GoalLevel.ServiceAreaGoal, $"Mål {id}", null, [], "Analys.", Rating.Fully, null,
                    Indicators(random, kf, period), Activities(random, random.Next(0, 2), period.Year), boards, Here));
            }
            goals.Add(new Goal($"{d}", GoalLevel.DirectionGoal, $"Inriktningsmål {d}", null, [], "Analys.", Rating.Fully, null, [], [], serviceAreas, Here));
        }
        return new Dataset(district, period, "generated", goals, Here);
    }

    private static List<Indicator> Indicators(Random random, int count, ReportingPeriod period) =>
        Enumerable.Range(0, count).Select(i => Indicator(random, i, period)).ToList();

    private static Indicator Indicator(Random random, int i, ReportingPeriod period)
    {
        var yearly = random.NextDouble() < 0.6;
        var form = random.Next(20);
        var unit = form % 3 == 0 ? "st" : "%";
        var target = Math.Round((decimal)(random.NextDouble() * 95 + 1), 1);
        var targetText = form switch
        {
            0 => "Ökning",
            1 => "Minskning",
            2 => "Max 10 personer",
            3 => "+/-1 %",
            4 => "Tas fram av nämnd",
            5 => null,
            6 => $"{Text(target)} barn/avd.",
            _ => $"{Text(target)} {unit}",
        };
        var level = form switch { 2 => 10m, 3 => 1m, _ => target };
        var outcome = Math.Round(level * (decimal)(0.6 + random.NextDouble() * 0.6), 1);
        var hasOutcome = period.Kind == PeriodKind.VB || !yearly || random.NextDouble() < 0.1;
        var forecast = period.Kind != PeriodKind.VB && !yearly ? Q(random.NextDouble() < 0.9 ? level : outcome, unit) : null;
        return new Indicator(
            $"Indikator {i} {(random.NextDouble() < 0.2 ? "sjukfrånvaro" : "andel nöjda")}",
            hasOutcome ? Q(outcome, unit) : null,
            random.NextDouble() < 0.3 ? Q(outcome * 0.9m, unit) : null,
            random.NextDouble() < 0.3 ? Q(outcome * 1.1m, unit) : null,
            Q(level * (decimal)(0.8 + random.NextDouble() * 0.4), unit),
            forecast,
            SwedishValues.ParseTarget(targetText),
            SwedishValues.ParseTarget(random.NextDouble() < 0.3 ? "Tas fram av nämnd" : targetText),
            yearly ? Periodicity.Year : Periodicity.Tertial,
            null,
            null,
            Here);
    }

    private static List<Activity> Activities(Random random, int count, int year) =>
        Enumerable.Range(0, count).Select(i => new Activity($"Aktivitet {i}", new DateOnly(year, 1, 1),
            new DateOnly(year, random.Next(4, 13), 1).AddDays(-1), random.NextDouble() < 0.05, null, Here)).ToList();

    private static Quantity Q(decimal value, string unit) =>
        new(value, unit, $"{Text(value)} {unit}".Trim());

    private static string Text(decimal value) => SwedishFormat.Number(value, 2).Replace('\u00A0', ' ').Replace('\u2212', '-');
}
