using Assessment.Domain;
using Assessment.Domain.Yaml;
using Assessment.Import;
using Assessment.Reports.Justification;
using Assessment.Rules;
using CsCheck;

namespace Assessment.Tests.Domain;

/// <summary>
/// Property tests over the loaders (CsCheck): on any input – random text, or a real file with random
/// damage – a loader either succeeds or throws <see cref="InputException"/> with positions; never any
/// other exception. CsCheck shrinks a failing input to a small one and prints its seed.
/// </summary>
public class LoaderFuzzTests
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzåäöABCÅÄÖ0123456789 \t\n:-\"'[]{}#&*!|>%@()`,.?\\~ü\u00A0\u2212é€";

    private static readonly Gen<string> Junk = Gen.String[Gen.Char[Alphabet], 0, 400];

    /// <summary>A real file with one to four random edits: a span cut out, text put in, a line doubled, or two lines swapped.</summary>
    private static Gen<string> Damaged(string text)
    {
        var edit = Gen.Select(Gen.Int[0, 3], Gen.Int[0, text.Length], Gen.Int[0, 60], Gen.String[Gen.Char[Alphabet], 1, 20]);
        return edit.Array[1, 4].Select(edits => edits.Aggregate(text, (t, e) => Apply(t, e.Item1, e.Item2 % (t.Length + 1), e.Item3, e.Item4)));
    }

    private static string Apply(string text, int kind, int at, int length, string insert)
    {
        switch (kind)
        {
            case 0: return text.Remove(at, Math.Min(length, text.Length - at));
            case 1: return text.Insert(at, insert);
            default:
                var lines = text.Split('\n').ToList();
                if (lines.Count < 2) return text;
                var a = at % lines.Count;
                var b = (at + length) % lines.Count;
                if (kind == 2) lines.Insert(b, lines[a]);
                else (lines[a], lines[b]) = (lines[b], lines[a]);
                return string.Join('\n', lines);
        }
    }

    private static void OnlyInputErrors(Action load)
    {
        try { load(); }
        catch (InputException e)
        {
            // A position with a line has a column; one without (an empty file) names the file alone – never a made-up 1:1.
            e.Errors.ShouldAllBe(x => x.Position != null && (x.Position.Line == 0 ? x.Position.Column == 0 : x.Position.Column >= 1)
                && x.Message.Length > 0 && ErrorKinds.All.Contains(x.Kind));
        }
    }

    [Fact]
    public void Dataset_reader_on_random_text() =>
        Junk.Sample(text => OnlyInputErrors(() => DatasetReader.Read(text, "slump.yaml")), iter: 2000);

    [Fact]
    public void Dataset_reader_on_a_damaged_sample() =>
        Damaged(File.ReadAllText(Repo.SampleDataset)).Sample(text => OnlyInputErrors(() => DatasetReader.Read(text, "skadad.yaml")), iter: 400);

    [Fact]
    public void Outcomes_reader_on_random_text() =>
        Junk.Sample(text => OnlyInputErrors(() => OutcomesReader.Read(text, "slump.yaml")), iter: 1000);

    [Fact]
    public void Rule_set_reader_on_random_text() =>
        Junk.Sample(text => OnlyInputErrors(() => RuleSetReader.Read(text, "slump.yaml")), iter: 1000);

    [Fact]
    public void Rule_set_reader_on_damaged_rules() =>
        Damaged(Repo.ReadRulesText()).Sample(text => OnlyInputErrors(() => RuleSetReader.Read(text, "skadad.yaml")), iter: 60, threads: 1);

    [Fact]
    public void Assessing_a_damaged_sample_that_loads_gives_a_result_or_an_input_error() =>
        Damaged(File.ReadAllText(Repo.SampleDataset)).Sample(text => OnlyInputErrors(() =>
        {
            var result = Repo.StockholmRules.Assess(DatasetReader.Read(text, "skadad.yaml"));
            Justifications.Render(result, Assessment.Tests.Reports.Templates.Shipped).ByGoal.Count.ShouldBe(result.AllGoals().Count());
        }), iter: 150);

    // Each seed for its layout: flattened to spaces (000), tab-separated (001), Markdown (003).
    [Theory]
    [InlineData("000_77495519fac0431a.txt")]
    [InlineData("001_9521fb7e6e23d8f1.txt")]
    [InlineData("003_ce6ff41ba5d2322e.txt")]
    public void Importer_never_throws_and_writes_what_the_reader_accepts_or_rejects_with_positions(string seedFile) =>
        ImportsDamaged(File.ReadAllText(Repo.Seed(seedFile)));

    // The fourth layout, which no seed has: tables with their columns aligned by spaces, written from the tertial seed.
    [Fact]
    public void Importer_on_a_damaged_report_with_column_aligned_tables() =>
        ImportsDamaged(Import.ImportVariants.All().Single(v => v.Name == "kolumnjusterade tabeller (T1)").Make().Text);

    private static void ImportsDamaged(string report) =>
        Damaged(report[..Math.Min(report.Length, 40_000)]).Sample(text =>
        {
            var import = ReportImporter.Import(text, "skadad.txt");
            import.Notes.ShouldAllBe(n => n.Line >= 1);
            if (import.Dataset.Period.Length == 0) import.Dataset.Period = "T1 2026";
            OnlyInputErrors(() => DatasetReader.Read(DatasetYamlWriter.Write(import.Dataset, "s.json", []), "import.yaml"));
        }, iter: 150);

    [Fact]
    public void Template_loader_on_damaged_templates()
    {
        var original = File.ReadAllText(Repo.PathOf("templates/verksamhetsomradesmal.sbn"));
        using var dir = new TempFolder("assess-mallfuzz-");
        foreach (var file in Directory.GetFiles(Repo.PathOf("templates"))) File.Copy(file, Path.Combine(dir.FullName, Path.GetFileName(file)));
        Damaged(original).Sample(text =>
        {
            File.WriteAllText(Path.Combine(dir.FullName, "verksamhetsomradesmal.sbn"), text);
            OnlyInputErrors(() => TemplateSet.Load(dir.FullName, "mallar"));
        }, iter: 100, threads: 1);
    }
}
