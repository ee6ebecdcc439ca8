using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Parsing;
using Assessment.Domain.Yaml;
using Assessment.Import;

namespace Assessment.Cli;

/// <summary><c>assess merge PLAN UTFALL</c>: lay a period's outcomes (YAML or .xlsx) on the plan – a full dataset.</summary>
internal static class MergeCommand
{
    public const string Help = """
        assess merge – lägger periodens utfall på verksamhetsplanen och ger ett fullständigt dataset.

        Användning:
          assess merge PLAN.yaml UTFALL.yaml|UTFALL.xlsx [-o DATASET.yaml] [--period "T1 2025"]

        UTFALL är en YAML-fil (period, och per mål-id indikatorernas utfall och prognos, aktiviteternas
        avvikelser och målens betyg) eller en arbetsbok med bladen "Indikatorer" och "Aktiviteter" i
        rapportens kolumner plus "Mål" – även granskningsarbetsboken från assess import --granska.
        Varje rad måste finnas i planen: en som inte gör det är ett fel med fil:rad:kolumn (i
        arbetsboken blad, rad och kolumn) och ett förslag. En tom cell lämnar planens värde.

        Osäkra celler (osakert): en cell vars värde arbetsboken ändrar är inte längre osäker. Har
        arbetsboken kolumnen "Osäkert" (granskningsarbetsboken) gäller den: töm cellen, eller ta bort
        en rad "Kolumn: skäl", när en osäker cell är kontrollerad och rätt. Där töms också en osäker
        cell som lämnats tom, och en rad vars osäkra namn rättats hittas på sin plats under målet.

        Flaggor:
          -o, --output FIL   Skriv datasetet till FIL (skrivs helt eller inte alls).
          --period PERIOD    Perioden, om arbetsboken inte anger den i bladet Uppgifter.
          --schema SÖKVÄG    Schemat som filens första rad pekar ut. Standard: ../schemas/dataset.schema.json
        """;

    /// <summary>The flags the command takes; its help and the README name each of them (a test compares).</summary>
    internal static readonly string[] Flags = ["-o", "--output", "--period", "--schema"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = Options.Parse(args, Help, Flags, maxPositional: 2);
        if (options.Help)
        {
            stdout.Write(Help);
            return Cli.Ok;
        }
        if (options.Positional.Count != 2) throw new UsageException("ange planen och utfallen: assess merge PLAN UTFALL", Help);
        var plan = Inputs.Dataset(options.Positional[0]).Dataset;
        var outcomesPath = options.Positional[1];
        Inputs.Record(outcomesPath);
        ReportingPeriod? period = null;
        if (options.Value("--period") is { } given)
        {
            try { period = SwedishValues.ParsePeriod(given); }
            catch (FormatException e) { throw new UsageException(e.Message, Help); }
        }
        var outcomes = outcomesPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? Workbook.ReadOutcomes(outcomesPath, outcomesPath, period)
            : OutcomesReader.ReadFile(outcomesPath);
        if (period is not null) outcomes = outcomes with { Period = period };
        var merged = outcomes.ApplyTo(plan) with { Source = $"{Path.GetFileName(options.Positional[0])} + {Path.GetFileName(outcomesPath)}" };
        var yaml = DatasetText.Write(merged, options.Value("--schema") ?? "../schemas/dataset.schema.json",
            DatasetYamlWriter.MergedFrom(options.Positional[0], outcomesPath));
        // Both inputs were read and checked: a dataset that does not read back is a fault in assess.
        try { DatasetReader.Read(yaml, "(sammanfogat dataset)"); }
        catch (InputException e) { throw new InvalidOperationException($"det sammanfogade datasetet kunde inte läsas: {e.Message}", e); }
        Inputs.Write(yaml, options.Value("-o", "--output"), stdout, stderr);
        return Cli.Ok;
    }
}
