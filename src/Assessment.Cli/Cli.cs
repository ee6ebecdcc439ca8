using System.Text;
using Assessment.Domain;
using Assessment.Domain.Yaml;
using Assessment.Reports;
using Assessment.Reports.Justification;
using Assessment.Rules;

namespace Assessment.Cli;

/// <summary>
/// The `assess` command. Exit codes: 0 done; 2 bad input or bad usage (message on stderr, nothing
/// written); 70 an internal error (a bug: reported in one line, never a stack trace).
/// </summary>
public static class Cli
{
    public const int Ok = 0;
    public const int BadInput = 2;
    public const int InternalError = 70;

    public const string DefaultDataset = "examples/hasselby-vallingby-t1-2026.yaml";
    public const string DefaultRules = "rules/stockholm.yaml";
    public const string DefaultTemplates = "templates";

    private const string MainHelp = """
        assess – bedömer måluppfyllelse för en stadsdelsnämnds mål enligt ett regelverk i YAML.

        Användning:
          assess run [DATASET] [--rules FIL] [--format text|json|md|html] [-o FIL]
          assess --help | --version

        Kommandon:
          run     Bedömer varje mål (inriktningsmål, verksamhetsområdesmål, nämndmål) och visar
                  härlett, redovisat och slutligt betyg och regeln som gav betyget.

        Utan argument bedöms det medföljande exemplet (Tertialrapport 1 2026, Hässelby-Vällingby)
        med stadens standardregler. `assess run --help` visar alla flaggor.

        Slutkoder: 0 klart · 2 fel i indata eller flaggor (med fil:rad:kolumn) · 70 internt fel.
        """;

    private const string RunHelp = $"""
        assess run – bedömer ett dataset och skriver resultatet.

        Användning:
          assess run [DATASET] [--rules FIL] [--format text|json|md|html] [-o FIL]
                     [--templates MAPP] [--final derived|recorded]

        Argument:
          DATASET            Datasetfil i YAML (en nämnd, en period). Standard: {DefaultDataset}
        Flaggor:
          --rules FIL        Regelverk i YAML. Standard: {DefaultRules}
          --format FORMAT    text (standard): målträdet för terminalen
                             md: rapport i Markdown, i rapportens egen struktur
                             html: en fristående, utskrivbar HTML-fil med "Varför?" under varje mål
                             json: stabilt format för andra verktyg, med motiveringstexter
          -o, --output FIL   Skriv till FIL i stället för till standard ut (skrivs helt eller inte alls).
          --templates MAPP   Motiveringsmallar (Scriban). Standard: {DefaultTemplates}/
          --final KÄLLA      derived (standard): slutligt betyg = överstyrning, annars regelverkets
                             recorded: slutligt betyg = överstyrning, annars det publicerade betyget
                             (för att återskapa en publicerad rapports text)
          -h, --help         Visa den här hjälpen.

        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                stdout.Write(MainHelp);
                return args.Length == 0 ? BadInput : Ok;
            }
            if (args[0] == "--version")
            {
                stdout.WriteLine(typeof(Cli).Assembly.GetName().Version?.ToString(3) ?? "okänd");
                return Ok;
            }
            return args[0] switch
            {
                "run" => RunCommand(args[1..], stdout, stderr),
                _ => Usage(stderr, $"okänt kommando \"{args[0]}\"", MainHelp),
            };
        }
        catch (InputException e)
        {
            foreach (var error in e.Errors) stderr.WriteLine($"fel: {error}");
            return BadInput;
        }
        catch (UsageException e)
        {
            return Usage(stderr, e.Message, e.Help);
        }
        catch (Exception e)
        {
            stderr.WriteLine($"internt fel ({e.GetType().Name}): {e.Message}");
            stderr.WriteLine("Detta är ett fel i assess, inte i indata. Rapportera det gärna med kommandot och filerna.");
            return InternalError;
        }
    }

    private static int RunCommand(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = Options.Parse(args, RunHelp, ["--rules", "--format", "-o", "--output", "--templates", "--final"], maxPositional: 1);
        if (options.Help)
        {
            stdout.Write(RunHelp);
            return Ok;
        }
        var format = options.Value("--format") ?? "text";
        if (format is not ("text" or "json" or "md" or "html"))
            throw new UsageException($"okänt format \"{format}\": väntade text, json, md eller html", RunHelp);
        var finalSource = (options.Value("--final") ?? "derived") switch
        {
            "derived" => FinalSource.Derived,
            "recorded" => FinalSource.Recorded,
            var other => throw new UsageException($"okänd källa \"{other}\" för --final: väntade derived eller recorded", RunHelp),
        };

        var dataset = DefaultFiles.Resolve(options.Positional.Count > 0 ? options.Positional[0] : null, DefaultDataset);
        var rules = DefaultFiles.Resolve(options.Value("--rules"), DefaultRules);
        var result = RuleSetReader.ReadFile(rules.Path, rules.Display)
            .Assess(DatasetReader.ReadFile(dataset.Path, dataset.Display), finalSource);

        string Texts(Func<AssessmentResult, Justifications, string> render)
        {
            var templates = DefaultFiles.Resolve(options.Value("--templates"), DefaultTemplates);
            return render(result, Justifications.Render(result, TemplateSet.Load(templates.Path, templates.Display)));
        }

        var content = format switch
        {
            "json" => Texts(JsonReport.Render),
            "md" => Texts(MarkdownReport.Render),
            "html" => Texts(HtmlReport.Render),
            _ => TextReport.Render(result, dataset.Display),
        };
        var outputPath = options.Value("-o") ?? options.Value("--output");
        if (outputPath is null)
        {
            stdout.Write(content);
            stdout.Flush();
        }
        else
        {
            OutputFile.WriteAtomically(outputPath, Encoding.UTF8.GetBytes(content));
            stderr.WriteLine($"skrev {outputPath}");
        }
        return Ok;
    }

    private static int Usage(TextWriter stderr, string message, string help)
    {
        stderr.WriteLine($"fel: {message}");
        stderr.WriteLine();
        stderr.Write(help);
        return BadInput;
    }
}
