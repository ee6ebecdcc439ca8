using System.CommandLine;
using Assessment.Domain;
using Assessment.Domain.Parsing;
using Assessment.Reports;

namespace Assessment.Cli;

/// <summary><c>assess explain MÅL</c>: the whole chain behind one goal's rating.</summary>
internal static class ExplainCommand
{
    private static readonly Argument<string> Goal = Arguments.Required("MÅL", "Målets id, t.ex. 3.4 eller 1.2.1");
    private static readonly Argument<string?> Dataset = Arguments.Optional("DATASET", $"Standard: {DefaultFiles.Dataset}");
    private static readonly Option<string?> Rules = Flags.Rules();
    private static readonly Option<string> Format = Flags.Format(("text", "för terminalen"), ("json", "för andra verktyg"));
    private static readonly Option<string?> Output = Flags.Output();

    public static readonly AssessCommand Command = new("explain",
        "Hela kedjan bakom ett måls betyg: regler, fakta, indikatorer, aktiviteter, regelverk.", """
        Visar slutligt, redovisat och härlett betyg; regeln som gav betyget och, för reglerna ovanför
        som inte gällde, vilken del av villkoret som inte höll; fakta, tröskelvärden, varje indikator
        och aktivitet under målet; regelverkets id, version och hash; överstyrning och motivering.
        """, Run)
    {
        { Goal, "ange målets id, t.ex. assess explain 3.4" }, Dataset, Rules, Format, Output,
    };

    private static int Run(ParseResult parse, CommandContext context)
    {
        var goalId = parse.GetValue(Goal)!.TrimEnd('.');
        var dataset = context.Dataset(parse.GetValue(Dataset));
        var rules = context.InForce(context.Rules(parse.GetValue(Rules)), dataset);
        var result = rules.Assess(dataset.Dataset);
        var goal = result.AllGoals().FirstOrDefault(g => g.Goal.Id == goalId);
        if (goal is null)
        {
            var ids = result.AllGoals().Select(g => g.Goal.Id).ToList();
            var hint = Suggest.Closest(goalId, ids) is { } close ? $" – menade du {close}?" : "";
            throw new InputException(ErrorKinds.UnknownName, dataset.Display, $"målet \"{goalId}\" finns inte i datasetet{hint} (finns: {string.Join(", ", ids)})");
        }
        var content = parse.GetValue(Format) == "json" ? ExplainReport.Json(result, goal) : ExplainReport.Text(result, goal);
        context.Write(content, parse.GetValue(Output));
        return Cli.Ok;
    }
}
