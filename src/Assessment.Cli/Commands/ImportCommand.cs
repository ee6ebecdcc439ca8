using System.Text.RegularExpressions;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Import;

namespace Assessment.Cli;

/// <summary><c>assess import REPORT.txt</c>: a published report's text to a dataset file.</summary>
internal static partial class ImportCommand
{
    public const string Help = """
        assess import – läser texten ur en publicerad rapport till ett dataset.

        Användning:
          assess import RAPPORT.txt [-o DATASET.yaml] [--granska GRANSKNING.xlsx] [--period "VB 2023"] [--namnd NAMN] [--schema SÖKVÄG]

        Läser en tertialrapport, verksamhetsberättelse eller verksamhetsplan som text (tabeller med
        tabbar, som Markdown eller utplattade till mellanslag): målträdet, indikatorernas alla
        kolumner, aktiviteter med avvikelser och analyser, varje måls publicerade betyg och analystext.
        Allt som inte kunde placeras, eller placerades efter bedömning, rapporteras med radnummer.
        En cell vars placering mellanrummen i texten inte avgör markeras som osäker i datasetet
        (osakert: cellens nyckel och skälet, med rapportens rad). Resultatet kontrolleras med
        datasetläsaren innan det skrivs.

        Flaggor:
          -o, --output FIL   Skriv datasetet till FIL (skrivs helt eller inte alls).
          --granska FIL      Skriv också en granskningsarbetsbok (.xlsx): bladen Indikatorer och Aktiviteter
                             i rapportens kolumner med "Rad i rapporten" och "Osäkert"; osäkra celler är gula
                             och visar skälet. Rätta i Excel och lägg tillbaka med
                             assess merge DATASET.yaml FIL -o rättat.yaml.
          --period PERIOD    Ange perioden om rapporten inte säger den, t.ex. "VB 2023".
          --namnd NAMN       Ange nämnden om rapporten inte säger den, t.ex. "Solna stadsdelsnämnd".
          --schema SÖKVÄG    Schemat som filens första rad pekar ut. Standard: ../schemas/dataset.schema.json
        """;

    /// <summary>The flags the command takes; its help and the README name each of them (a test compares).</summary>
    internal static readonly string[] Flags = ["-o", "--output", "--granska", "--period", "--namnd", "--schema"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = Options.Parse(args, Help, Flags, maxPositional: 1);
        if (options.Help)
        {
            stdout.Write(Help);
            return Cli.Ok;
        }
        if (options.Positional.Count == 0) throw new UsageException("ange rapportens textfil", Help);
        var path = options.Positional[0];
        Inputs.Record(path);
        var text = InputText.ReadFile(path, path);
        var (dataset, notes) = ReportImporter.Import(text, Path.GetFileName(path));
        if (options.Value("--period") is { } period) dataset.Period = period;
        if (options.Value("--namnd") is { } district) dataset.District = district;
        if (dataset.District.Length == 0)
            throw new InputException(ErrorKinds.ReportIncomplete, path, "rapporten säger inte vilken nämnd den gäller: ange --namnd, t.ex. --namnd \"Hässelby-Vällingby stadsdelsnämnd\"");
        if (dataset.Period.Length == 0)
            throw new InputException(ErrorKinds.ReportIncomplete, path, "rapporten säger inte vilken period den gäller: ange --period, t.ex. --period \"VB 2023\"");
        var yaml = DatasetYamlWriter.Write(dataset, options.Value("--schema") ?? "../schemas/dataset.schema.json",
            DatasetYamlWriter.ImportedFrom(dataset.Source));

        foreach (var note in notes) stderr.WriteLine($"{path}:{note.Line}: {note.Message}");
        var output = options.Value("-o", "--output");
        var parsed = ReadImported(yaml, path);
        if (options.Value("--granska") is { } review)
        {
            if (output is not null && Inputs.SameFile(output, review))
                throw new InputException(ErrorKinds.OutputRefused, review, "-o och --granska pekar på samma fil: välj två olika");
            var lines = yaml.Split('\n');
            using var staged = OutputFile.Stage(review, Assessment.Reports.WorkbookWriter.WriteReview(parsed, at => DatasetYamlWriter.SourceLine(lines, at.Line)), "--granska");
            Inputs.Write(yaml, output, stdout, stderr);
            staged.Commit();
            stderr.WriteLine($"skrev {review}");
        }
        else
        {
            Inputs.Write(yaml, output, stdout, stderr);
        }
        var goals = parsed.AllGoals().ToList();
        var uncertain = goals.Sum(g => g.Indicators.Sum(i => i.Uncertain.Count) + g.Activities.Sum(a => a.Uncertain.Count));
        stderr.WriteLine($"importerade {goals.Count} mål, {goals.Sum(g => g.Indicators.Count)} indikatorer och " +
                         $"{goals.Sum(g => g.Activities.Count)} aktiviteter ({dataset.District}, {dataset.Period}); {notes.Count} anmärkningar; " +
                         $"{uncertain} osäkra celler");
        return Cli.Ok;
    }

    /// <summary>
    /// Reads the imported dataset back. What the dataset reader finds (two goals with one id, say) is a
    /// problem in the report, so it is reported at the report's line: the one the nearest
    /// source-line mark above the problem names (<see cref="DatasetYamlWriter.SourceLine"/>).
    /// </summary>
    private static Dataset ReadImported(string yaml, string reportPath)
    {
        try
        {
            return DatasetReader.Read(yaml, "(importerat dataset)");
        }
        catch (InputException e)
        {
            var lines = yaml.Split('\n');
            // The dataset's line maps to the report's line; the column does not carry over.
            throw new InputException(e.Errors.Select(error => new InputError(error.Kind,
                error.Position is { HasLine: true } at ? new SourcePosition(reportPath, DatasetYamlWriter.SourceLine(lines, at.Line), 0) : SourcePosition.InFile(reportPath),
                LineReference().Replace(error.Message, m => $"rad {DatasetYamlWriter.SourceLine(lines, int.Parse(m.Groups[1].Value))}"))).ToList());
        }
    }

    /// <summary>The reader's own references to another line, "(först på rad N)"; quoted text is left alone.</summary>
    [GeneratedRegex(@"(?<=\(först på )rad (\d{1,9})(?=\))")]
    private static partial Regex LineReference();
}
