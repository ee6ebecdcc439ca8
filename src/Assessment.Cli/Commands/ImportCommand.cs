using System.CommandLine;
using System.Text.RegularExpressions;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Import;
using Assessment.Reports;

namespace Assessment.Cli;

/// <summary><c>assess import REPORT.txt</c>: a published report's text to a dataset file.</summary>
internal static partial class ImportCommand
{
    private static readonly Argument<string> Report = Arguments.Required("RAPPORT.txt", "Rapportens text");
    private static readonly Option<string?> Output = Flags.Output("Skriv datasetet till filen (skrivs helt eller inte alls).", "DATASET.yaml");

    private static readonly Option<string?> Review = Flags.Value("--granska", "FIL.xlsx", """
        Skriv också en granskningsarbetsbok (.xlsx): bladen Indikatorer och Aktiviteter
        i rapportens kolumner med "Rad i rapporten" och "Osäkert"; osäkra celler är gula
        och visar skälet. Rätta i Excel och lägg tillbaka med
        assess merge DATASET.yaml FIL.xlsx -o rättat.yaml.
        """);

    private static readonly Option<string?> Period =
        Flags.Value("--period", "PERIOD", "Ange perioden om rapporten inte säger den, t.ex. \"VB 2023\".");

    private static readonly Option<string?> District =
        Flags.Value("--namnd", "NAMN", "Ange nämnden om rapporten inte säger den, t.ex. \"Solna stadsdelsnämnd\".");

    private static readonly Option<string?> Schema = Flags.Schema();

    public static readonly AssessCommand Command = new("import",
        "Läser en publicerad rapports text (tertialrapport, verksamhetsberättelse, plan) till ett dataset.", """
        Läser en tertialrapport, verksamhetsberättelse eller verksamhetsplan som text (tabeller med
        tabbar, som Markdown eller utplattade till mellanslag): målträdet, indikatorernas alla
        kolumner, aktiviteter med avvikelser och analyser, varje måls publicerade betyg och analystext.
        Allt som inte kunde placeras, eller placerades efter bedömning, rapporteras med radnummer.
        En cell vars placering mellanrummen i texten inte avgör markeras som osäker i datasetet
        (osakert: cellens nyckel och skälet, med rapportens rad). Resultatet kontrolleras med
        datasetläsaren innan det skrivs.
        """, Run)
    {
        { Report, "ange rapportens textfil" }, Output, Review, Period, District, Schema,
    };

    private static int Run(ParseResult parse, CommandContext context)
    {
        if (ProgramParts.Lean && parse.GetValue(Review) is not null) return Companion.Become(context);
        var path = parse.GetValue(Report)!;
        context.Reads.Record(path);
        var text = InputText.ReadFile(path, path);
        var (dataset, notes) = ReportImporter.Import(text, Path.GetFileName(path));
        if (parse.GetValue(Period) is { } period) dataset.Period = period;
        if (parse.GetValue(District) is { } district) dataset.District = district;
        if (dataset.District.Length == 0)
            throw new InputException(ErrorKinds.ReportIncomplete, path, "rapporten säger inte vilken nämnd den gäller: ange --namnd, t.ex. --namnd \"Hässelby-Vällingby stadsdelsnämnd\"");
        if (dataset.Period.Length == 0)
            throw new InputException(ErrorKinds.ReportIncomplete, path, "rapporten säger inte vilken period den gäller: ange --period, t.ex. --period \"VB 2023\"");
        var yaml = DatasetYamlWriter.Write(dataset, parse.GetValue(Schema)!,
            DatasetYamlWriter.ImportedFrom(dataset.Source));

        foreach (var note in notes) context.Stderr.WriteLine($"{path}:{note.Line}: {note.Message}");
        var output = parse.GetValue(Output);
        var parsed = ReadImported(yaml, path);
        if (parse.GetValue(Review) is { } review)
        {
            if (output is not null && ReadRecord.SameFile(output, review))
                throw new InputException(ErrorKinds.OutputRefused, review, "-o och --granska pekar på samma fil: välj två olika");
            var lines = yaml.Split('\n');
            var workbook = ProgramParts.Lean
                ? throw ProgramParts.Lacks("workbook writer")
                : WorkbookWriter.WriteReview(parsed, at => DatasetYamlWriter.SourceLine(lines, at.Line));
            using var staged = OutputFile.Stage(review, workbook, context.Reads, "--granska");
            context.Write(yaml, output);
            staged.Commit();
            context.Stderr.WriteLine($"skrev {review}");
        }
        else
        {
            context.Write(yaml, output);
        }
        var goals = parsed.AllGoals().ToList();
        var uncertain = goals.Sum(g => g.Indicators.Sum(i => i.Uncertain.Count) + g.Activities.Sum(a => a.Uncertain.Count));
        context.Stderr.WriteLine($"importerade {goals.Count} mål, {goals.Sum(g => g.Indicators.Count)} indikatorer och " +
                         $"{goals.Sum(g => g.Activities.Count)} aktiviteter ({dataset.District}, {dataset.Period}); {notes.Count} anmärkningar; " +
                         $"{uncertain} osäkra celler");
        return Cli.Ok;
    }

    /// <summary>
    /// Reads the imported dataset back. What the dataset reader finds (two goals with one id, say) is a
    /// problem in the report, so it is reported at the report's line: the one the nearest
    /// source-line mark above the problem names (<see cref="DatasetYamlWriter.SourceLine"/>).
    /// </summary>
    internal static Dataset ReadImported(string yaml, string reportPath)
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
