using System.CommandLine;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Parsing;
using Assessment.Domain.Yaml;
using Assessment.Import;
using Assessment.Reports;

namespace Assessment.Cli;

/// <summary><c>assess merge PLAN UTFALL</c>: lay a period's outcomes (YAML or .xlsx) on the plan – a full dataset.</summary>
internal static class MergeCommand
{
    private static readonly Argument<string> Plan = Arguments.Required("PLAN", "Verksamhetsplanen: ett dataset (YAML)");
    private static readonly Argument<string> Outcomes = Arguments.Required("UTFALL", "Periodens utfall: YAML eller en arbetsbok (.xlsx)");
    private static readonly Option<string?> Output = Flags.Output("Skriv datasetet till filen (skrivs helt eller inte alls).", "DATASET.yaml");
    private static readonly Option<string?> Period =
        Flags.Value("--period", "PERIOD", "Perioden, om arbetsboken inte anger den i bladet Uppgifter, t.ex. \"T1 2025\".");
    private static readonly Option<string?> Schema = Flags.Schema();

    public static readonly AssessCommand Command = new("merge",
        "Lägger periodens utfall (YAML eller .xlsx) på verksamhetsplanen: ett fullständigt dataset.", """
        UTFALL är en YAML-fil (period, och per mål-id indikatorernas utfall och prognos, aktiviteternas
        avvikelser och målens betyg) eller en arbetsbok med bladen "Indikatorer" och "Aktiviteter" i
        rapportens kolumner plus "Mål" – även granskningsarbetsboken från assess import --granska.
        Varje rad måste finnas i planen: en som inte gör det är ett fel med fil:rad:kolumn (i
        arbetsboken blad, rad och kolumn) och ett förslag. En tom cell lämnar planens värde.

        Osäkra celler (osakert): en cell vars värde arbetsboken ändrar är inte längre osäker. Har
        arbetsboken kolumnen "Osäkert" (granskningsarbetsboken) gäller den: töm cellen, eller ta bort
        en rad "Kolumn: skäl", när en osäker cell är kontrollerad och rätt. Där töms också en osäker
        cell som lämnats tom, och en rad vars osäkra namn rättats hittas på sin plats under målet.
        """, Run)
    {
        { Plan, "ange planen och utfallen: assess merge PLAN UTFALL" },
        { Outcomes, "ange planen och utfallen: assess merge PLAN UTFALL" },
        Output, Period, Schema,
    };

    private static int Run(ParseResult parse, CommandContext context)
    {
        var planPath = parse.GetValue(Plan)!;
        var outcomesPath = parse.GetValue(Outcomes)!;
        var workbook = outcomesPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        if (ProgramParts.Lean && workbook) return Companion.Become(context);
        var plan = context.Dataset(planPath).Dataset;
        context.Reads.Record(outcomesPath);
        ReportingPeriod? period = null;
        if (parse.GetValue(Period) is { } given)
        {
            try { period = SwedishValues.ParsePeriod(given); }
            catch (FormatException e) { throw new UsageException(e.Message); }
        }
        var outcomes = workbook
            ? (ProgramParts.Lean ? throw ProgramParts.Lacks("workbook reader") : Workbook.ReadOutcomes(outcomesPath, outcomesPath, period))
            : OutcomesReader.ReadFile(outcomesPath);
        if (period is not null) outcomes = outcomes with { Period = period };
        var merged = outcomes.ApplyTo(plan) with { Source = $"{Path.GetFileName(planPath)} + {Path.GetFileName(outcomesPath)}" };
        var yaml = DatasetText.Write(merged, parse.GetValue(Schema)!,
            DatasetYamlWriter.MergedFrom(planPath, outcomesPath));
        // Both inputs were read and checked: a dataset that does not read back is a fault in assess.
        try { DatasetReader.Read(yaml, "(sammanfogat dataset)"); }
        catch (InputException e) { throw new InvalidOperationException($"det sammanfogade datasetet kunde inte läsas: {e.Message}", e); }
        context.Write(yaml, parse.GetValue(Output));
        return Cli.Ok;
    }
}
