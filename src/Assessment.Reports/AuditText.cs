using System.Text;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Rules;
using Assessment.Rules.Audit;
using Assessment.Rules.Facts;
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
            t.AppendLine($"      underlag: {Evidence(g.Derived.Facts)}");
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

    /// <summary>
    /// A backtest over one or more datasets: a line per dataset (agreement per level and in total, and how many
    /// disagreements rest on uncertain cells), then all datasets together – agreement and confusion matrix per
    /// level and over all levels – and the disagreeing goals, those resting on uncertain cells first.
    /// </summary>
    public static string Backtest(CorpusBacktest corpus, IReadOnlyList<(string Dataset, IReadOnlyList<InputError> Errors)> failed)
    {
        var t = new StringBuilder();
        t.AppendLine($"Backtest mot publicerade betyg: {corpus.Datasets.Count} dataset" +
                     (failed.Count == 0 ? "" : $", {failed.Count} kunde inte läsas"));
        foreach (var d in corpus.Datasets)
        {
            var r = d.Report;
            var rules = d.RuleSet;
            t.AppendLine();
            t.AppendLine($"{d.Dataset}: {d.District} · {d.Period} · regelverk {rules.Id} {rules.Version}");
            if (rules.Note is { } note) t.AppendLine($"  not: {note}");
            t.AppendLine("  " + string.Join(" · ", r.Levels.Select(l => $"{l.Level.Label()} {l.Agreeing} av {l.Compared}")) +
                         $" · totalt {r.Agreeing} av {r.Compared} lika ({Percent(r.Agreement)})");
            t.AppendLine($"  skiljer sig: {r.Disagreements.Count}, varav {r.OnUncertainCells.Count} vilar på osäkra celler");
        }

        var total = corpus.Total;
        t.AppendLine();
        t.AppendLine(corpus.Datasets.Count == 1 ? "Per nivå:" : $"Totalt, alla {corpus.Datasets.Count} dataset:");
        foreach (var level in total.Levels)
            Matrix(t, $"{char.ToUpperInvariant(level.Level.Label()[0])}{level.Level.Label()[1..]}", level.Compared, level.Agreeing, level.Agreement, level.Matrix);
        Matrix(t, "Alla nivåer", total.Compared, total.Agreeing, total.Agreement, total.Matrix);

        t.AppendLine();
        if (total.Disagreements.Count == 0) t.AppendLine("Inga mål där härlett och redovisat skiljer sig.");
        else
        {
            t.AppendLine($"Mål där härlett och redovisat skiljer sig och som vilar på osäkra celler ({total.OnUncertainCells.Count}):");
            foreach (var d in total.OnUncertainCells)
            {
                t.AppendLine(Disagreement(d));
                foreach (var c in d.UncertainCells)
                    t.AppendLine($"      osäker cell: {c.GoalId} \"{c.Row}\" {c.Key}: {c.Reason}");
            }
            t.AppendLine();
            t.AppendLine($"Övriga mål där härlett och redovisat skiljer sig ({total.NotOnUncertainCells.Count}):");
            foreach (var d in total.NotOnUncertainCells) t.AppendLine(Disagreement(d));
        }
        if (failed.Count > 0)
        {
            t.AppendLine();
            t.AppendLine($"Kunde inte läsas och räknas inte ({failed.Count}):");
            foreach (var (_, errors) in failed) t.AppendLine($"  {errors[0]}{(errors.Count > 1 ? $" (och {errors.Count - 1} fel till)" : "")}");
        }
        return t.ToString();

        static string Disagreement(Disagreement d) =>
            $"  {d.Dataset} {d.GoalId} ({d.Level.Label()}): redovisat {d.Recorded.Label()}, härlett {d.Derived.Label()} " +
            $"(regel {d.Rule.Id}); underlag: {Evidence(d.Facts)}";
    }

    private static string Percent(double share) => Assessment.Domain.Parsing.SwedishFormat.Percent(share, 0);

    /// <summary>One level's (or all levels') agreement and its confusion matrix, recorded in rows, derived in columns.</summary>
    private static void Matrix(StringBuilder t, string title, int compared, int agreeing, double agreement, IReadOnlyDictionary<(Rating Recorded, Rating Derived), int> matrix)
    {
        var ratings = Enum.GetValues<Rating>();
        t.AppendLine();
        t.AppendLine($"{title}: {agreeing} av {compared} lika ({Percent(agreement)})");
        if (compared == 0) return;
        t.AppendLine($"  {"redovisat \\ härlett",-22}{string.Concat(ratings.Select(r => $"{r.Label(),11}"))}");
        foreach (var recorded in ratings)
            t.AppendLine($"  {recorded.Label(),-22}{string.Concat(ratings.Select(d => $"{matrix.GetValueOrDefault((recorded, d)),11}"))}");
    }

    private static string Evidence(FactValues f)
    {
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
