using System.Text;
using Assessment.Domain.Model;
using Assessment.Rules;
using Assessment.Rules.Audit;
using Assessment.Rules.Testing;

namespace Assessment.Reports;

/// <summary>Terminal text for the auditors' and policy staff's commands: check, diff and test.</summary>
public static class AuditText
{
    public static string Check(AssessmentResult result, CheckReport report, string datasetName)
    {
        var t = new StringBuilder();
        t.AppendLine($"Kontroll av {datasetName}: {result.Dataset.District} · {result.Dataset.Period}");
        t.AppendLine($"Regelverk: {result.RuleSet.Id} {result.RuleSet.Version} (sha256 {result.RuleSet.Sha256[..12]}…)");
        t.AppendLine();
        t.AppendLine(report.Gaps.Count > 0
            ? $"Redovisat betyg skiljer sig från härlett för {report.Gaps.Count} mål (störst skillnad först):"
            : result.AllGoals().Any(g => g.Recorded is not null)
                ? "Redovisade betyg: alla stöds av regelverkets härledda betyg."
                : "Redovisade betyg: datasetet har inga att pröva.");
        foreach (var gap in report.Gaps)
        {
            var g = gap.Goal;
            t.AppendLine($"  {g.Goal.Id} {g.Goal.Level.Label()}: redovisat {gap.Recorded.Label()}, härlett {g.Derived.Rating.Label()} " +
                         $"(regel {g.Derived.Rule.Id}){(g.Goal.Override is { } ov ? $", överstyrt till {ov.Rating.Label()}: {ov.Reason}" : "")}");
            t.AppendLine($"      {g.Goal.Title}");
            t.AppendLine($"      underlag: {Evidence(g)}");
        }
        t.AppendLine();
        t.AppendLine(report.Warnings.Count == 0 ? "Rimlighetsvarningar: inga." : $"Rimlighetsvarningar ({report.Warnings.Count}):");
        foreach (var group in report.Warnings.GroupBy(w => w.Kind))
        {
            t.AppendLine($"  {Title(group.Key)} ({group.Count()}):");
            foreach (var w in group)
                t.AppendLine($"    {w.Position.File}:{w.Position.Line}: {w.GoalId} {w.Subject}: {w.Message}");
        }
        t.AppendLine();
        t.AppendLine(report.Clean ? "Inga fynd." : $"{report.Gaps.Count} betygsavvikelser, {report.Warnings.Count} varningar.");
        return t.ToString();
    }

    public static string Diff(IReadOnlyList<(string Dataset, IReadOnlyList<RatingChange> Changes)> datasets, RuleSetInfo before, RuleSetInfo after)
    {
        var t = new StringBuilder();
        t.AppendLine($"Från {before.Id} {before.Version} ({before.File}) till {after.Id} {after.Version} ({after.File})");
        foreach (var (dataset, changes) in datasets)
        {
            t.AppendLine();
            t.AppendLine($"{dataset}: {(changes.Count == 0 ? "inga betyg ändras" : $"{changes.Count} betyg ändras")}");
            foreach (var c in changes)
            {
                var what = c.IsGoal ? $"{c.GoalId} ({c.Level!.Value.Label()})" : $"{c.GoalId} indikator \"{c.Indicator}\"";
                t.AppendLine($"  {what}: {c.From.Label()} → {c.To.Label()}");
                t.AppendLine($"      {c.Cause}");
            }
        }
        t.AppendLine();
        t.AppendLine("Sammanfattning, ändrade härledda betyg:");
        var all = datasets.SelectMany(d => d.Changes).ToList();
        foreach (var level in Enum.GetValues<GoalLevel>())
            t.AppendLine($"  {level.Label() + ":",-23}{all.Count(c => c.Level == level)}");
        t.AppendLine($"  {"indikatorer:",-23}{all.Count(c => !c.IsGoal)}");
        return t.ToString();
    }

    public static string Tests(IReadOnlyList<(RuleTestSuite Suite, RuleSetInfo RuleSet, IReadOnlyList<RuleTestResult> Results)> suites)
    {
        var t = new StringBuilder();
        foreach (var (suite, ruleSet, results) in suites)
        {
            t.AppendLine($"{suite.File} ({ruleSet.Id} {ruleSet.Version}, {suite.RuleSetDisplay})");
            foreach (var r in results)
            {
                t.Append(r.Passed ? "  ✓ " : "  ✗ ").Append(r.Case.Name);
                if (!r.Passed)
                    t.Append($"  ({suite.File}:{r.Case.Position.Line}): väntade {r.Case.Expected.Label()}" +
                             $"{(r.Case.ExpectedRule is null ? "" : $" (regel {r.Case.ExpectedRule})")}, fick {r.Actual.Label()} (regel {r.ActualRule})");
                t.AppendLine();
            }
        }
        var passed = suites.Sum(s => s.Results.Count(r => r.Passed));
        var failed = suites.Sum(s => s.Results.Count(r => !r.Passed));
        t.AppendLine($"{passed} godkända, {failed} underkända");
        return t.ToString();
    }

    public static string Backtest(BacktestReport report, IReadOnlyList<string> datasets, RuleSetInfo rules)
    {
        var t = new StringBuilder();
        t.AppendLine($"Backtest av {rules.Id} {rules.Version} mot publicerade betyg i {string.Join(", ", datasets)}");
        var ratings = Enum.GetValues<Rating>();
        foreach (var level in report.Levels)
        {
            t.AppendLine();
            t.AppendLine($"{char.ToUpperInvariant(level.Level.Label()[0])}{level.Level.Label()[1..]}: {level.Agreeing} av {level.Compared} lika " +
                         $"({Assessment.Domain.Parsing.SwedishFormat.Percent(level.Agreement, 0)})");
            if (level.Compared == 0) continue;
            t.AppendLine($"  {"redovisat \\ härlett",-22}{string.Concat(ratings.Select(r => $"{r.Label(),11}"))}");
            foreach (var recorded in ratings)
                t.AppendLine($"  {recorded.Label(),-22}{string.Concat(ratings.Select(d => $"{level.Matrix.GetValueOrDefault((recorded, d)),11}"))}");
        }
        t.AppendLine();
        t.AppendLine(report.Disagreements.Count == 0 ? "Inga mål där härlett och redovisat skiljer sig." : $"Mål där härlett och redovisat skiljer sig ({report.Disagreements.Count}):");
        foreach (var (dataset, g) in report.Disagreements)
            t.AppendLine($"  {dataset} {g.Goal.Id} ({g.Goal.Level.Label()}): redovisat {g.Recorded!.Value.Label()}, härlett {g.Derived.Rating.Label()} " +
                         $"(regel {g.Derived.Rule.Id}); underlag: {Evidence(g)}");
        return t.ToString();
    }

    private static string Evidence(GoalResult g)
    {
        var f = g.Derived.Facts;
        var parts = new List<string>();
        if (f.Number("indikatorer") > 0)
            parts.Add($"indikatorer {f.Number("indikatorer_helt")} helt, {f.Number("indikatorer_delvis")} delvis, {f.Number("indikatorer_inte")} inte, {f.Number("indikatorer_ej_bedomda")} ej bedömda");
        if (f.Number("delmal") > 0)
            parts.Add($"underliggande mål {f.Number("delmal_helt")} helt, {f.Number("delmal_delvis")} delvis, {f.Number("delmal_inte")} inte, {f.Number("delmal_ej_bedomda")} ej bedömda");
        if (f.Number("aktiviteter") > 0)
            parts.Add($"aktiviteter {f.Number("aktiviteter")} ({f.Number("aktiviteter_avvikelse")} med avvikelse)");
        return parts.Count == 0 ? "inget" : string.Join("; ", parts);
    }

    private static string Title(string kind) => kind switch
    {
        "prognos-lika-med-mal" => "Prognos lika med årsmålet trots att periodens utfall ligger långt ifrån",
        "arsindikator-utan-utfall" => "Årsindikator utan utfall i verksamhetsberättelsen",
        "kf-mal-stadsovergripande" => "KF:s årsmål som ser ut att vara en stadsövergripande summa",
        "aktivitet-slutdatum-passerat" => "Aktivitet vars slutdatum passerats utan avvikelse",
        "indikator-utan-mal" => "Indikator utan årsmål",
        "riktning-motsager-malet" => "Indikator vars riktning motsäger målets ord (Ökning/Minskning/Max)",
        "mal-utan-underlag" => "Mål utan något underlag",
        _ => kind,
    };
}
