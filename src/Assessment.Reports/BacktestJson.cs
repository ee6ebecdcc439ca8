using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Reports.Json;
using Assessment.Rules.Audit;

namespace Assessment.Reports;

/// <summary>
/// A backtest as JSON for other tools: each dataset and the total, with agreement per level and overall,
/// confusion matrices (recorded → derived → count, codes helt | delvis | inte | ej_bedomd), the disagreements
/// with the uncertain cells they rest on, and the files that could not be read. Fields are added, never renamed.
/// </summary>
public static class BacktestJson
{
    public static string Render(CorpusBacktest corpus, IReadOnlyList<(string Dataset, IReadOnlyList<InputError> Errors)> failed) =>
        JsonOutput.Document(new BacktestJsonDocument(
            [
                .. corpus.Datasets.Select(d => Report(d.Report, disagreements: false) with
                {
                    File = d.Dataset, District = d.District, Period = d.Period.ToString(), Ruleset = JsonReport.RuleSet(d.RuleSet),
                }),
            ],
            Report(corpus.Total, disagreements: true),
            [.. failed.Select(f => new FailedJson(f.Dataset, [.. f.Errors.Select(e => e.ToString())]))]));

    private static BacktestReportJson Report(BacktestReport report, bool disagreements) => new(
        null, null, null, null,
        [.. report.Levels.Select(l => new LevelAgreementJson(l.Level.Code(), l.Compared, l.Agreeing, Round(l.Agreement), Matrix(l.Matrix)))],
        report.Compared, report.Agreeing, Round(report.Agreement), Matrix(report.Matrix),
        report.OnUncertainCells.Count, report.NotOnUncertainCells.Count,
        disagreements
            ? [
                .. report.Disagreements.Select(d => new DisagreementJson(d.Dataset, d.GoalId, d.Level.Code(), d.Recorded.Code(),
                    d.Derived.Code(), d.Rule.Id, [.. d.UncertainCells.Select(c => new UncertainCellJson(c.GoalId, c.Row, c.Key, c.Reason))])),
            ]
            : null);

    /// <summary>Agreement as backtest and sweep write it: rounded to four places.</summary>
    private static double Round(double agreement) => Math.Round(agreement, 4);

    /// <summary>"compared", "agreeing" and "agreement": as backtest and sweep write them.</summary>
    internal static CountsJson Counts(int compared, int agreeing, double agreement) => new(compared, agreeing, Round(agreement));

    /// <summary>The confusion matrix: recorded → derived → count, every rating on both sides.</summary>
    private static Dictionary<string, Dictionary<string, int>> Matrix(IReadOnlyDictionary<(Rating Recorded, Rating Derived), int> matrix) =>
        Enum.GetValues<Rating>().ToDictionary(recorded => recorded.Code(),
            recorded => Enum.GetValues<Rating>().ToDictionary(derived => derived.Code(), derived => matrix.GetValueOrDefault((recorded, derived))));
}
