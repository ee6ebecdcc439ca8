using System.CommandLine;
using System.Text;
using Assessment.Domain.Model;
using Assessment.Reports;
using Assessment.Rules;
using Assessment.Rules.Audit;

namespace Assessment.Cli;

/// <summary><c>assess check</c>: recorded ratings the data does not support, and plausibility warnings.</summary>
internal static class CheckCommand
{
    private static readonly Argument<string?> Dataset = Arguments.Optional("DATASET", $"Standard: {DefaultFiles.Dataset}");
    private static readonly Option<string?> Rules = Flags.Rules();
    private static readonly Option<string?> Output = Flags.Output();
    private static readonly Option<string?> Log = Flags.Log();

    public static readonly AssessCommand Command = new("check",
        "Mål där redovisat betyg avviker från härlett, och rimlighetsvarningar för revisorn.", """
        Listar mål där det redovisade betyget skiljer sig från regelverkets härledda (störst skillnad
        först, med underlaget), och rimlighetsvarningar: prognos lika med årsmålet medan periodens
        utfall ligger långt ifrån; årsindikator utan utfall vid VB; KF:s årsmål som är en
        stadsövergripande summa; aktivitet vars slutdatum passerats utan avvikelse; indikator utan
        mål; mål utan underlag. Gränserna står under "kontroller" i regelverket.

        Slutkod 0 när inget hittas, 1 när det finns fynd, 2 vid fel i indata.
        """, Run)
    {
        Dataset, Rules, Output, Log,
    };

    private static int Run(ParseResult parse, CommandContext context)
    {
        var dataset = context.Dataset(parse.GetValue(Dataset));
        var rules = context.InForce(context.Rules(parse.GetValue(Rules)), dataset);
        var result = rules.Assess(dataset.Dataset);
        var report = Check.Run(result, rules.RuleSet.Checks);
        context.Write(Encoding.UTF8.GetBytes(AuditText.Check(result, report, dataset.Display)), parse.GetValue(Output),
            parse.GetValue(Log), log => log.Append("check", dataset, result, FinalSource.Derived, DateTimeOffset.Now));
        return report.Clean ? Cli.Ok : Cli.Findings;
    }
}
