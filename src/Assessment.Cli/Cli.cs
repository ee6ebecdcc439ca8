using Assessment.Domain;

namespace Assessment.Cli;

/// <summary>
/// The `assess` command. Exit codes: 0 done (and clean); 1 findings (check) or failed rule tests (test);
/// 2 bad input or bad usage (message on stderr, nothing written); 70 an internal error (a bug:
/// reported in one line, never a stack trace).
/// </summary>
internal static class Cli
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int BadInput = 2;
    public const int InternalError = 70;

    private static readonly Dictionary<string, Func<string[], TextWriter, TextWriter, int>> Commands = new()
    {
        ["run"] = RunCommand.Run,
        ["explain"] = ExplainCommand.Run,
        ["check"] = CheckCommand.Run,
        ["validate"] = ValidateCommand.Run,
        ["test"] = TestCommand.Run,
        ["diff"] = DiffCommand.Run,
        ["import"] = ImportCommand.Run,
        ["backtest"] = BacktestCommand.Run,
        ["merge"] = MergeCommand.Run,
        ["sweep"] = SweepCommand.Run,
        ["serve"] = ServeCommand.Run,
    };

    public const string MainHelp = """
        assess – bedömer måluppfyllelse för en stadsdelsnämnds mål enligt ett regelverk i YAML.

        Användning:
          assess run      [DATASET] [--rules FIL|MAPP] [--format text|json|md|html|xlsx] [-o FIL] [--log FIL]
          assess explain  MÅL [DATASET] [--rules FIL|MAPP] [--format text|json]
          assess check    [DATASET] [--rules FIL|MAPP] [--log FIL]
          assess validate [REGELVERK …]
          assess test     [MAPP]
          assess diff     --rules GAMMALT --rules NYTT [DATASET …]
          assess import   RAPPORT.txt [-o DATASET.yaml] [--granska GRANSKNING.xlsx]
          assess backtest DATASET|MAPP … [--format text|json]
          assess merge    PLAN UTFALL.yaml|UTFALL.xlsx [-o DATASET.yaml]
          assess sweep    NAMN=FRÅN..TILL[:STEG] … [DATASET|MAPP …] [--format text|json|html]
          assess serve    [MAPP] [--port N] [--rules FIL|MAPP] [--host VÄRD]
          assess KOMMANDO --help

        Kommandon:
          run       Bedömer varje mål och visar härlett, redovisat och slutligt betyg och regeln bakom.
          explain   Hela kedjan bakom ett måls betyg: regler, fakta, indikatorer, aktiviteter, regelverk.
          check     Mål där redovisat betyg avviker från härlett, och rimlighetsvarningar för revisorn.
          validate  Kontrollerar regelverk: struktur, namn, tröskelvärden, och varje uttrycks syntax och typer.
          test      Kör regelverkens testfall (*.tests.yaml).
          diff      Vilka betyg ändras mellan två regelverk, och varför.
          import    Läser en publicerad rapports text (tertialrapport, verksamhetsberättelse, plan) till ett dataset.
          backtest  Härledda mot publicerade betyg över många dataset: överensstämmelse och förväxlingsmatris
                    per nivå och totalt, avvikelser som vilar på osäkra inlästa celler för sig.
          merge     Lägger periodens utfall (YAML eller .xlsx) på verksamhetsplanen: ett fullständigt dataset.
          sweep     Vad ett tröskelvärde gör: betyg och överensstämmelse med publicerade betyg för varje värde.
          serve     Arbetsbänken: en lokal webbsida för översikt, spår, överstyrning och tröskelvärden.

        "assess run" utan fler argument bedömer det medföljande exemplet (Tertialrapport 1 2026,
        Hässelby-Vällingby) med regelverket i rules/ som gäller för perioden.

        Slutkoder: 0 klart · 1 fynd (check) eller underkända testfall (test) · 2 fel i indata eller
        flaggor · 70 internt fel. Ett fel skrivs på en rad: "fel KOD: fil:rad:kolumn: meddelande"
        (koderna står i README, "Felkoder").
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var reads = Inputs.BeginCommand();
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                (args.Length == 0 ? stderr : stdout).Write(MainHelp);
                return args.Length == 0 ? BadInput : Ok;
            }
            if (args[0] == "--version")
            {
                stdout.WriteLine(typeof(Cli).Assembly.GetName().Version?.ToString(3) ?? "okänd");
                return Ok;
            }
            return Commands.TryGetValue(args[0], out var command)
                ? command(args[1..], stdout, stderr)
                : Usage(stderr, $"okänt kommando \"{args[0]}\"", MainHelp);
        }
        catch (UsageException e)
        {
            return Usage(stderr, e.Errors[0].Message, e.Help);
        }
        catch (InputException e)
        {
            foreach (var error in e.Errors) stderr.WriteLine(error); // "fel A201: fil:rad:kolumn: meddelande"
            return BadInput;
        }
        catch (Exception e)
        {
            // The exception's own message is .NET's (English) or a developer's: its kind and place are what a bug report needs.
            var at = new System.Diagnostics.StackTrace(e).GetFrame(0)?.GetMethod() is { } method ? $" i {method.DeclaringType?.Name}.{method.Name}" : "";
            stderr.WriteLine(new InputError(ErrorKinds.Internal, null, $"internt fel ({e.GetType().Name}{at}): detta är ett fel i assess, inte i indata. Rapportera det gärna med kommandot och filerna."));
            return InternalError;
        }
    }

    private static int Usage(TextWriter stderr, string message, string help)
    {
        stderr.WriteLine(new InputError(ErrorKinds.Usage, null, message));
        stderr.WriteLine();
        stderr.Write(help);
        return BadInput;
    }
}
