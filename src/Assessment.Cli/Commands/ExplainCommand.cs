using Assessment.Domain;
using Assessment.Domain.Parsing;
using Assessment.Reports;

namespace Assessment.Cli;

/// <summary><c>assess explain MÅL</c>: the whole chain behind one goal's rating.</summary>
internal static class ExplainCommand
{
    public const string Help = $"""
        assess explain – förklarar varför ett mål fick sitt betyg.

        Användning:
          assess explain MÅL [DATASET] [--rules FIL|MAPP] [--format text|json] [-o FIL]

        Visar slutligt, redovisat och härlett betyg; regeln som gav betyget och, för reglerna ovanför
        som inte gällde, vilken del av villkoret som inte höll; fakta, tröskelvärden, varje indikator
        och aktivitet under målet; regelverkets id, version och hash; överstyrning och motivering.

        Argument:
          MÅL                Målets id, t.ex. 3.4 eller 1.2.1
          DATASET            Standard: {Inputs.DefaultDataset}
        Flaggor:
          {Inputs.RulesHelp}
          --format FORMAT    text (standard) eller json
          -o, --output FIL   Skriv till FIL.
        """;

    /// <summary>The flags the command takes; its help and the README name each of them (a test compares).</summary>
    internal static readonly string[] Flags = ["--rules", "--format", "-o", "--output"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = Options.Parse(args, Help, Flags, maxPositional: 2);
        if (options.Help)
        {
            stdout.Write(Help);
            return Cli.Ok;
        }
        if (options.Positional.Count == 0) throw new UsageException("ange målets id, t.ex. assess explain 3.4", Help);
        var format = options.Format(Help, "text", "json");

        var goalId = options.Positional[0].TrimEnd('.');
        var dataset = Inputs.Dataset(options.Positional.ElementAtOrDefault(1));
        var rules = Inputs.InForce(Inputs.Rules(options.Value("--rules")), dataset, stderr);
        var result = rules.Assess(dataset.Dataset);
        var goal = result.AllGoals().FirstOrDefault(g => g.Goal.Id == goalId);
        if (goal is null)
        {
            var ids = result.AllGoals().Select(g => g.Goal.Id).ToList();
            var hint = Suggest.Closest(goalId, ids) is { } close ? $" – menade du {close}?" : "";
            throw new InputException(ErrorKinds.UnknownName, dataset.Display, $"målet \"{goalId}\" finns inte i datasetet{hint} (finns: {string.Join(", ", ids)})");
        }
        var content = format == "json" ? ExplainReport.Json(result, goal) : ExplainReport.Text(result, goal);
        Inputs.Write(content, options.Value("-o", "--output"), stdout, stderr);
        return Cli.Ok;
    }
}
