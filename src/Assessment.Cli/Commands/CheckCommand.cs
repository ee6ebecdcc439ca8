using System.Text;
using Assessment.Domain.Model;
using Assessment.Reports;
using Assessment.Rules;
using Assessment.Rules.Audit;

namespace Assessment.Cli;

/// <summary><c>assess check</c>: recorded ratings the data does not support, and plausibility warnings.</summary>
internal static class CheckCommand
{
    public const string Help = $"""
        assess check – granskar ett dataset som en revisor.

        Användning:
          assess check [DATASET] [--rules FIL|MAPP] [-o FIL] [--log FIL]

        Listar mål där det redovisade betyget skiljer sig från regelverkets härledda (störst skillnad
        först, med underlaget), och rimlighetsvarningar: prognos lika med årsmålet medan periodens
        utfall ligger långt ifrån; årsindikator utan utfall vid VB; KF:s årsmål som är en
        stadsövergripande summa; aktivitet vars slutdatum passerats utan avvikelse; indikator utan
        mål; mål utan underlag. Gränserna står under "kontroller" i regelverket.

        Slutkod 0 när inget hittas, 1 när det finns fynd, 2 vid fel i indata.

        Flaggor:
          {Inputs.RulesHelp}
          -o, --output FIL   Skriv till FIL.
          --log FIL          Lägg till en rad i beslutsloggen FIL.
        """;

    /// <summary>The flags the command takes; its help and the README name each of them (a test compares).</summary>
    internal static readonly string[] Flags = ["--rules", "-o", "--output", "--log"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = Options.Parse(args, Help, Flags, maxPositional: 1);
        if (options.Help)
        {
            stdout.Write(Help);
            return Cli.Ok;
        }
        var dataset = Inputs.Dataset(options.Positional.FirstOrDefault());
        var rules = Inputs.InForce(Inputs.Rules(options.Value("--rules")), dataset, stderr);
        var result = rules.Assess(dataset.Dataset);
        var report = Check.Run(result, rules.RuleSet.Checks);
        Inputs.Write(Encoding.UTF8.GetBytes(AuditText.Check(result, report, dataset.Display)), options.Value("-o", "--output"),
            options.Value("--log"), log => log.Append("check", dataset, result, FinalSource.Derived, DateTimeOffset.Now), stdout, stderr);
        return report.Clean ? Cli.Ok : Cli.Findings;
    }
}
