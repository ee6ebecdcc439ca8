using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Import;
using Assessment.Reports;
using MiniExcelLibs;
using NJsonSchema;
using YamlDotNet.Serialization;

namespace Assessment.Tests.Import;

/// <summary>
/// Uncertain cells (<c>osakert</c>) in the dataset, the review workbook of <c>import --granska</c>, and a
/// corrected review workbook brought back with <c>merge</c>.
/// </summary>
public sealed class ReviewWorkbookTests : IDisposable
{
    private readonly TempFolder _dir = new("assess-granska-");

    public void Dispose() => _dir.Dispose();

    private const string Reason = "rad 412: två värden utan säker kolumngräns";

    private static string WithUncertain(string osakert) => Yaml.Dataset($"""
        - id: "1.1"
          titel: Verksamhetsområdesmål
          indikatorer:
            - namn: Andel nöjda
              utfall: "81 %"
              arsmal: "85 %"
              periodicitet: Tertial
              osakert:
        {Yaml.Indent(osakert, 8)}
          aktiviteter:
            - namn: Aktivitet
              avvikelse: true
              osakert: {"{"} avvikelse: "rad 9: flaggan kan höra till raden ovanför" {"}"}
        """);

    [Fact]
    public void A_row_says_which_of_its_cells_are_uncertain_and_why()
    {
        var dataset = Yaml.Read(WithUncertain($"utfall: \"{Reason}\"\narsmal: \"rad 412: målet kan vara KF:s\""));

        var goal = dataset.AllGoals().Single(g => g.Id == "1.1");
        goal.Indicators[0].Uncertain.ShouldBe(new Dictionary<string, string> { ["arsmal"] = "rad 412: målet kan vara KF:s", ["utfall"] = Reason });
        goal.Activities[0].Uncertain.Keys.ShouldBe(["avvikelse"]);
        Yaml.Read(Yaml.Dataset("- id: \"1.1\"\n  titel: Mål\n  indikatorer:\n" + Yaml.Indent(Yaml.Indicator("X", "1", "2"), 4)))
            .AllGoals().Single(g => g.Id == "1.1").Indicators[0].Uncertain.ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_cell_or_a_missing_reason_in_osakert_is_an_error_at_its_place()
    {
        var text = WithUncertain("utfal: \"rad 4: x\"\nprognos: \"\"");
        var lines = text.Split('\n').ToList();
        var line = lines.FindIndex(l => l.Contains("utfal:")) + 1;

        var errors = Should.Throw<InputException>(() => Yaml.Read(text)).Errors;

        errors.ShouldContain(e => e.Position!.Line == line && e.Position!.Column == lines[line - 1].IndexOf('u') + 1
                                  && e.Message.Contains("okänd nyckel \"utfal\" – menade du \"utfall\"?"));
        errors.ShouldContain(e => e.Position!.Line == line + 1 && e.Message.Contains("osakert \"prognos\": skälet saknas"));
    }

    [Fact]
    public void The_writer_gives_each_reason_its_report_line_and_a_written_dataset_keeps_them()
    {
        var raw = new RawDataset { District = "Nämnd", Period = "T1 2026", Source = "r.txt" };
        var goal = new RawGoal(GoalLevel.DirectionGoal, "1", "Mål", 3);
        var child = new RawGoal(GoalLevel.ServiceAreaGoal, "1.1", "Delmål", 5);
        var row = new RawRow(412) { Name = "Andel nöjda" };
        row.Cells["utfall"] = "81 %";
        row.Cells["periodicitet"] = "Tertial";
        row.Uncertain["utfall"] = "två värden utan säker kolumngräns";
        row.Uncertain["namn"] = "rad 411: namnet kan fortsätta på raden ovanför";
        row.Uncertain["period"] = "rad 412–413: \"1 2026\" kan höra till perioden";   // the table's column: the periodicity
        child.Indicators.Add(row);
        goal.Children.Add(child);
        raw.Goals.Add(goal);

        var yaml = DatasetYamlWriter.Write(raw, "x", []);
        yaml.ShouldContain("""
                        osakert:
                          namn: "rad 411: namnet kan fortsätta på raden ovanför"
                          utfall: "rad 412: två värden utan säker kolumngräns"
                          periodicitet: "rad 412–413: \"1 2026\" kan höra till perioden"
            """.Replace("\r\n", "\n"));
        var read = DatasetReader.Read(yaml, "x.yaml");
        var again = DatasetReader.Read(DatasetText.Write(read, "x", []), "y.yaml");
        again.AllGoals().Single(g => g.Id == "1.1").Indicators[0].Uncertain
            .ShouldBe(read.AllGoals().Single(g => g.Id == "1.1").Indicators[0].Uncertain);
    }

    [Fact]
    public async Task The_schema_knows_osakert_with_the_readers_keys()
    {
        var schema = await JsonSchema.FromFileAsync(Repo.PathOf("schemas/dataset.schema.json"));
        schema.Definitions["osakert_indikator"].Properties.Keys.ShouldBe(UncertainCells.IndicatorKeys, ignoreOrder: true);
        schema.Definitions["osakert_aktivitet"].Properties.Keys.ShouldBe(UncertainCells.ActivityKeys, ignoreOrder: true);

        var text = WithUncertain($"utfall: \"{Reason}\"");
        var data = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(text);
        schema.Validate(JsonSerializer.Serialize(data)).ShouldBeEmpty();
        var wrong = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(WithUncertain("utfal: x"));
        schema.Validate(JsonSerializer.Serialize(wrong)).ShouldNotBeEmpty();
    }

    private string Imported(out string review, out string err)
    {
        var yaml = _dir.PathOf("vb.yaml");
        review = _dir.PathOf("granska.xlsx");
        var (exit, _, error) = Assess.Run("import", Repo.Seed("000_77495519fac0431a.txt"), "-o", yaml, "--granska", review);
        exit.ShouldBe(0, error);
        err = error;
        return yaml;
    }

    /// <summary>
    /// The workbook with its indicator rows changed by <paramref name="edit"/>, saved as a new file, as a controller
    /// does in Excel: the cells as Excel shows them (a figure as its number format shows it), then edited.
    /// </summary>
    private string Edited(string workbook, Action<List<IDictionary<string, object>>> edit)
    {
        var shown = Workbook.FiguresAsText(File.ReadAllBytes(workbook), workbook);
        var sheets = new Dictionary<string, object>();
        foreach (var name in MiniExcel.GetSheetNames(new MemoryStream(shown)))
        {
            var rows = MiniExcel.Query(new MemoryStream(shown), useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object>>().ToList();
            if (name == Workbook.IndicatorSheet) edit(rows);
            sheets[name] = rows;
        }
        var path = _dir.PathOf($"rättad-{Guid.NewGuid():N}.xlsx");
        MiniExcel.SaveAs(path, sheets);
        return path;
    }

    private static List<(string Goal, string Key, string? Value)> Cells(Dataset d) =>
        d.AllGoals().SelectMany(g => g.Indicators.SelectMany((i, n) => UncertainCells.IndicatorKeys.Select(k => (g.Id + "#" + n, k, i.Cell(k))))
            .Concat(g.Activities.SelectMany((a, n) => UncertainCells.ActivityKeys.Select(k => (g.Id + "/" + n, k, a.Cell(k)))))).ToList();

    [Fact]
    public void Import_writes_a_review_workbook_that_a_corrected_copy_of_merges_back_without_loss()
    {
        var yaml = Imported(out var review, out var err);
        err.ShouldContain("osäkra celler");
        var imported = DatasetReader.ReadFile(yaml);

        var changed = Edited(review, rows =>
        {
            var row = rows.First(r => (r["Periodens utfall"]?.ToString() ?? "").Length > 0);
            row["Periodens utfall"] = "42 %";
        });
        var fixedPath = _dir.PathOf("rättad.yaml");
        var (exit, _, error) = Assess.Run("merge", yaml, changed, "-o", fixedPath);
        exit.ShouldBe(0, error);

        var before = Cells(imported);
        var after = Cells(DatasetReader.ReadFile(fixedPath));
        after.Count.ShouldBe(before.Count);
        var differences = before.Zip(after).Where(p => p.First != p.Second).ToList();
        differences.ShouldHaveSingleItem().Second.ShouldBe((differences[0].First.Goal, "utfall", "42 %"));

        // Unchanged, the review workbook merges to the same values.
        var (again, _, againError) = Assess.Run("merge", yaml, review, "-o", _dir.PathOf("samma.yaml"));
        again.ShouldBe(0, againError);
        Cells(DatasetReader.ReadFile(_dir.PathOf("samma.yaml"))).ShouldBe(before);
    }

    private static Dataset Marked(Dataset d, Func<Indicator, bool> which, params (string Key, string Reason)[] cells)
    {
        Goal Mark(Goal g) => g with
        {
            Indicators = g.Indicators.Select(i => which(i) ? i with { Uncertain = UncertainCells.None.AddRange(cells.ToDictionary(c => c.Key, c => c.Reason)) } : i).ToList(),
            Children = g.Children.Select(Mark).ToList(),
        };
        return d with { Goals = d.Goals.Select(Mark).ToList() };
    }

    [Fact]
    public void Uncertain_cells_are_highlighted_with_their_reason_and_the_report_line_is_a_column()
    {
        var sample = Repo.Sample();
        var target = sample.AllGoals().SelectMany(g => g.Indicators).Skip(2).First();
        var marked = Marked(sample, i => i == target, ("prognos", Reason), ("riktning", "rad 412: ordet kan höra till namnet"));
        var path = _dir.PathOf("granska.xlsx");
        File.WriteAllBytes(path, WorkbookWriter.WriteReview(marked, p => p.Line + 1000));

        var rows = MiniExcel.Query(path, useHeaderRow: true, sheetName: Workbook.IndicatorSheet).Cast<IDictionary<string, object>>().ToList();
        rows[2][Workbook.UncertainColumn].ShouldBe($"Prognos helår: {Reason}\nriktning: rad 412: ordet kan höra till namnet");
        Convert.ToInt32(rows[2][Workbook.ReportLineColumn]).ShouldBe(target.Position.Line + 1000);
        rows[1][Workbook.UncertainColumn]?.ToString().ShouldBeNullOrEmpty();

        using var zip = ZipFile.OpenRead(path);
        XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheetEntry = zip.Entries.Select(e => (e.FullName, Doc: e.FullName.StartsWith("xl/worksheets/sheet") ? XDocument.Load(e.Open()) : null))
            .Single(e => e.Doc?.Descendants(x + "dataValidation").Any() == true);
        var validations = sheetEntry.Doc!.Descendants(x + "dataValidation").ToList();
        validations.Select(v => ((string?)v.Attribute("sqref"), (string?)v.Attribute("prompt")))
            .ShouldBe([("G4", $"Prognos helår: {Reason}"), ("M4", "riktning: rad 412: ordet kan höra till namnet")]);
        var style = int.Parse((string)sheetEntry.Doc.Descendants(x + "c").Single(c => (string?)c.Attribute("r") == "G4").Attribute("s")!);
        var styles = XDocument.Load(zip.GetEntry("xl/styles.xml")!.Open());
        var fill = int.Parse((string)styles.Descendants(x + "cellXfs").Single().Elements(x + "xf").ElementAt(style).Attribute("fillId")!);
        styles.Descendants(x + "fills").Single().Elements(x + "fill").ElementAt(fill).Descendants(x + "fgColor").Single().Attribute("rgb")!.Value.ShouldBe("FFFFFF00");

        WorkbookWriter.WriteReview(marked, p => p.Line).ShouldBe(WorkbookWriter.WriteReview(marked, p => p.Line));
    }

    [Fact]
    public void An_uncertain_cell_left_empty_is_highlighted_too()
    {
        var sample = Repo.Sample();
        var target = sample.AllGoals().SelectMany(g => g.Indicators).First(i => i.OutcomeMen is null);
        var marked = Marked(sample, i => i == target, ("utfall_man", "rad 9: \"12\" kunde inte läsas och lämnades tom"));
        var path = _dir.PathOf("granska.xlsx");
        File.WriteAllBytes(path, WorkbookWriter.WriteReview(marked, p => p.Line));
        var row = sample.AllGoals().SelectMany(g => g.Indicators).ToList().IndexOf(target) + 2;

        using var zip = ZipFile.OpenRead(path);
        XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheet = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet")).Select(e => XDocument.Load(e.Open()))
            .Single(d => d.Descendants(x + "dataValidation").Any());
        var cells = sheet.Descendants(x + "row").Single(r => (string?)r.Attribute("r") == row.ToString()).Elements(x + "c").Select(c => (string)c.Attribute("r")!).ToList();
        cells.ShouldContain($"D{row}");
        cells.ShouldBe(cells.OrderBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal).ToList());
        sheet.Descendants(x + "dataValidation").Single().Attribute("sqref")!.Value.ShouldBe($"D{row}");
        Workbook.ReadOutcomes(path, "granska.xlsx", null).Indicators[row - 2].Uncertain!.Keys.ShouldBe(["utfall_man"]);
    }

    [Fact]
    public void A_corrected_cell_is_no_longer_uncertain_and_a_cleared_Osakert_cell_settles_the_row()
    {
        var sample = Repo.Sample();
        var indicators = sample.AllGoals().SelectMany(g => g.Indicators.Select(i => (g.Id, i))).Where(x => x.i.Forecast is not null).Take(3).ToList();
        var marked = Marked(sample, i => indicators.Any(x => x.i == i), ("prognos", Reason), ("arsmal", "rad 5: x"));
        var path = _dir.PathOf("granska.xlsx");
        File.WriteAllBytes(path, WorkbookWriter.WriteReview(marked, p => p.Line));
        var changed = Edited(path, rows =>
        {
            var at = rows.Where(r => (r[Workbook.UncertainColumn]?.ToString() ?? "").Length > 0).ToList();
            at[0]["Prognos helår"] = "1 %";                    // corrected: prognos settled, arsmal still uncertain
            at[1][Workbook.UncertainColumn] = "";              // checked: nothing uncertain left
            // at[2] untouched: both stay uncertain
        });

        var merged = Workbook.ReadOutcomes(changed, "rättad.xlsx", null).ApplyTo(marked);

        Indicator After(int n) => merged.AllGoals().Single(g => g.Id == indicators[n].Id).Indicators.Single(i => i.Name == indicators[n].i.Name);
        After(0).Forecast!.Text.ShouldBe("1 %");
        After(0).Uncertain.Keys.ShouldBe(["arsmal"]);
        After(1).Uncertain.ShouldBeEmpty();
        After(2).Uncertain.Keys.ShouldBe(["arsmal", "prognos"]);
    }

    [Fact]
    public void In_the_review_workbook_an_uncertain_name_is_corrected_in_place_and_an_uncertain_cell_can_be_emptied()
    {
        var sample = Repo.Sample();
        var rows = sample.AllGoals().SelectMany(g => g.Indicators.Select(i => (g.Id, i))).Where(x => x.i.Forecast is not null).Take(2).ToList();
        var marked = Marked(sample, i => i == rows[0].i, ("namn", "rad 7: namnet kan ha fått grannens text"), ("prognos", Reason));
        var path = _dir.PathOf("granska.xlsx");
        File.WriteAllBytes(path, WorkbookWriter.WriteReview(marked, p => p.Line));
        var changed = Edited(path, sheet =>
        {
            var first = sheet.Single(r => r["Indikator"]?.ToString() == rows[0].i.Name);
            first["Indikator"] = "Rättat namn";
            first["Prognos helår"] = "";                       // uncertain, and in truth empty
            sheet.Single(r => r["Indikator"]?.ToString() == rows[1].i.Name)["Prognos helår"] = "";   // not uncertain: the plan's value stays
        });

        var merged = Workbook.ReadOutcomes(changed, "rättad.xlsx", null).ApplyTo(marked);

        var renamed = merged.AllGoals().Single(g => g.Id == rows[0].Id).Indicators.Single(i => i.Name == "Rättat namn");
        (renamed.Forecast, renamed.AnnualTarget?.Text, renamed.Uncertain.Count).ShouldBe((null, rows[0].i.AnnualTarget?.Text, 0));
        merged.AllGoals().SelectMany(g => g.Indicators).Count().ShouldBe(sample.AllGoals().SelectMany(g => g.Indicators).Count());
        merged.AllGoals().Single(g => g.Id == rows[1].Id).Indicators.Single(i => i.Name == rows[1].i.Name).Forecast.ShouldBe(rows[1].i.Forecast);

        // A name that was not uncertain is not renamed by place: the row is not in the plan.
        var wrong = Edited(path, sheet => sheet.Single(r => r["Indikator"]?.ToString() == rows[1].i.Name)["Indikator"] = rows[1].i.Name + "x");
        Should.Throw<InputException>(() => Workbook.ReadOutcomes(wrong, "rättad.xlsx", null).ApplyTo(marked))
            .Errors.ShouldHaveSingleItem().Message.ShouldContain($"menade du \"{rows[1].i.Name}\"?");
    }

    [Fact]
    public void A_line_in_Osakert_that_names_no_column_is_an_error_at_the_cell()
    {
        var sample = Repo.Sample();
        var path = _dir.PathOf("granska.xlsx");
        File.WriteAllBytes(path, WorkbookWriter.WriteReview(sample, p => p.Line));
        var changed = Edited(path, rows => rows[0][Workbook.UncertainColumn] = "Prognos hel: rad 3: x");

        var error = Should.Throw<InputException>(() => Workbook.ReadOutcomes(changed, "rättad.xlsx", null)).Errors.ShouldHaveSingleItem();

        error.Position.ShouldBe(new SourcePosition("rättad.xlsx[Indikatorer]", 2, 13));
        error.Message.ShouldContain("menade du \"Prognos helår\"?");
    }

    [Fact]
    public void The_review_workbook_may_not_be_the_dataset_file()
    {
        var yaml = _dir.PathOf("samma");
        var (exit, _, error) = Assess.Run("import", Repo.Seed("000_77495519fac0431a.txt"), "-o", yaml, "--granska", yaml);
        exit.ShouldBe(2);
        error.ShouldContain("-o och --granska pekar på samma fil");
        File.Exists(yaml).ShouldBeFalse();
    }
}
