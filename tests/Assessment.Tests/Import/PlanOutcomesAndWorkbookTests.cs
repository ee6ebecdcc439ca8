using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Import;
using Assessment.Reports;
using Assessment.Rules.Audit;

namespace Assessment.Tests.Import;

/// <summary>Plan + outcomes gives a dataset; workbooks round-trip; backtest per level.</summary>
public sealed class PlanOutcomesAndWorkbookTests : IDisposable
{
    private readonly TempFolder _dir = new("assess-wb-");

    public void Dispose() => _dir.Dispose();

    private static (int Exit, string Out, string Err) Run(params string[] args) => Assess.Run(args);

    private static Dataset Plan() => DatasetReader.ReadFile(Repo.PathOf("examples/importerade/hasselby-vallingby-vp-2025.yaml"));

    /// <summary>The sample with every outcome, forecast and flag removed: the plan it started from.</summary>
    private static Dataset Stripped(Dataset d) => d with
    {
        Goals = d.Goals.Select(Strip).ToList(),
    };

    private static Goal Strip(Goal g) => g with
    {
        Indicators = g.Indicators.Select(i => i with { Outcome = null, OutcomeMen = null, OutcomeWomen = null, LastYearOutcome = null, Forecast = null, Analysis = null }).ToList(),
        Activities = g.Activities.Select(a => a with { Deviation = false, Note = null }).ToList(),
        Children = g.Children.Select(Strip).ToList(),
    };

    [Fact]
    public void Outcomes_laid_on_the_plan_give_a_dataset_for_the_period()
    {
        var outcomes = OutcomesReader.Read("""
            period: T1 2025
            indikatorer:
              - mal: "1.1"
                namn: "Andel barn som lever i familjer som har ekonomiskt bistånd"
                utfall: "2,6 %"
                prognos: "2,4 %"
            aktiviteter:
              - mal: "1.1.1"
                namn: "Utveckla och implementera en mobil fritidsverksamhet."
                avvikelse: true
                analys: Försenad.
            mal:
              - id: "1.1"
                redovisat: delvis
            """, "utfall.yaml");
        var dataset = outcomes.ApplyTo(Plan());
        dataset.Period.ShouldBe(new ReportingPeriod(PeriodKind.T1, 2025));
        var goal = dataset.AllGoals().Single(g => g.Id == "1.1");
        goal.Recorded.ShouldBe(Rating.Partly);
        var indicator = goal.Indicators.Single(i => i.Name == "Andel barn som lever i familjer som har ekonomiskt bistånd");
        (indicator.Outcome?.Text, indicator.Forecast?.Text, indicator.AnnualTarget?.Text).ShouldBe(("2,6 %", "2,4 %", "2,4 %"));
        var activity = dataset.AllGoals().Single(g => g.Id == "1.1.1").Activities.Single(a => a.Name.StartsWith("Utveckla och implementera"));
        (activity.Deviation, activity.Note).ShouldBe((true, "Försenad."));

        var rated = Repo.StockholmRules.Assess(dataset).AllIndicators().Single(i => i.Indicator == indicator);
        rated.Rating.ShouldBe(Rating.Fully);
    }

    [Fact]
    public void An_outcome_for_a_row_the_plan_lacks_is_an_error_with_a_suggestion()
    {
        var outcomes = OutcomesReader.Read("""
            period: T1 2025
            indikatorer:
              - mal: "1.1"
                namn: "Andel barn som lever i familjer med ekonomiskt bistånd"
                utfall: "2,6 %"
              - mal: "9.9"
                namn: "X"
            """, "utfall.yaml");
        var errors = Should.Throw<InputException>(() => outcomes.ApplyTo(Plan())).Errors;
        errors.ShouldContain(e => e.Position!.Line == 4 && e.Message.Contains("menade du \"Andel barn som lever i familjer som har ekonomiskt bistånd\""));
        errors.ShouldContain(e => e.Message.Contains("målet \"9.9\" finns inte i planen"));
    }

    /// <summary>A hand-made workbook: sheets by name, rows as column → value; null is an empty row.</summary>
    private string HandMade(params (string Sheet, Dictionary<string, object>?[] Rows)[] sheets)
    {
        var path = Path.Combine(_dir.FullName, $"hand-{Guid.NewGuid():N}.xlsx");
        var content = new Dictionary<string, object>();
        foreach (var (sheet, rows) in sheets)
            content[sheet] = rows.Select(r => r ?? Workbook.IndicatorColumns.ToDictionary(c => c, _ => (object)"")).ToList();
        MiniExcelLibs.MiniExcel.SaveAs(path, content);
        return path;
    }

    private static Dictionary<string, object> IndicatorRow(string goal, string name, string outcome) =>
        Workbook.IndicatorColumns.ToDictionary(c => c, c => (object)(c switch { "Mål" => goal, "Indikator" => name, "Periodens utfall" => outcome, _ => "" }));

    [Fact]
    public void A_workbook_row_given_twice_is_an_error_at_the_second_as_in_yaml()
    {
        var path = HandMade(("Indikatorer", [IndicatorRow("1.1", "Andel barn", "2,6 %"), IndicatorRow("1.1", "Andel barn", "2,4 %")]));
        var error = Should.Throw<InputException>(() => Workbook.ReadOutcomes(path, "utfall.xlsx", new ReportingPeriod(PeriodKind.T1, 2025)))
            .Errors.ShouldHaveSingleItem();
        error.ToString().ShouldBe("fel A207: utfall.xlsx[Indikatorer]:3:2: indikatorn \"Andel barn\" under mål 1.1 har redan ett utfall (rad 2)");
    }

    [Fact]
    public void Empty_rows_are_skipped_and_sheet_names_are_read_whatever_their_case()
    {
        var path = HandMade(("indikatorer", [IndicatorRow("1.1", "Andel barn", "2,6 %"), null, IndicatorRow("1.2", "Andel vuxna", "3 %")]));
        var outcomes = Workbook.ReadOutcomes(path, "utfall.xlsx", new ReportingPeriod(PeriodKind.T1, 2025));
        outcomes.Indicators.Select(i => (i.GoalId, i.Position.Line)).ShouldBe([("1.1", 2), ("1.2", 4)]);
    }

    [Fact]
    public void A_workbook_without_the_outcome_sheets_is_an_error_not_an_empty_merge()
    {
        var path = HandMade(("Blad1", [IndicatorRow("1.1", "Andel barn", "2,6 %")]));
        Should.Throw<InputException>(() => Workbook.ReadOutcomes(path, "utfall.xlsx", new ReportingPeriod(PeriodKind.T1, 2025)))
            .Errors.ShouldHaveSingleItem().Message.ShouldContain("varken bladet Indikatorer eller Aktiviteter");
    }

    [Fact]
    public void A_workbook_round_trip_keeps_every_value()
    {
        var workbook = Path.Combine(_dir.FullName, "resultat.xlsx");
        Run("run", "--format", "xlsx", "-o", workbook).Exit.ShouldBe(0);

        var sample = Repo.Sample();
        var outcomes = Workbook.ReadOutcomes(workbook, "resultat.xlsx", null);
        outcomes.Period.ShouldBe(sample.Period);
        var back = outcomes.ApplyTo(Stripped(sample));

        var before = sample.AllGoals().SelectMany(g => g.Indicators).ToList();
        var after = back.AllGoals().SelectMany(g => g.Indicators).ToList();
        after.Count.ShouldBe(73);
        foreach (var (s, b) in before.Zip(after))
            (b.Name, b.Outcome?.Text, b.OutcomeMen?.Text, b.OutcomeWomen?.Text, b.LastYearOutcome?.Text, b.Forecast?.Text, b.AnnualTarget?.Text, b.CityTarget?.Text, b.Periodicity, b.Analysis)
                .ShouldBe((s.Name, s.Outcome?.Text, s.OutcomeMen?.Text, s.OutcomeWomen?.Text, s.LastYearOutcome?.Text, s.Forecast?.Text, s.AnnualTarget?.Text, s.CityTarget?.Text, s.Periodicity, s.Analysis));
        back.AllGoals().SelectMany(g => g.Activities).Select(a => (a.Name, a.Deviation, a.Note))
            .ShouldBe(sample.AllGoals().SelectMany(g => g.Activities).Select(a => (a.Name, a.Deviation, a.Note)));
    }

    [Fact]
    public void Text_that_looks_like_a_generated_id_is_kept_in_the_workbook()
    {
        const string name = "Mätning R0123456789abcdef0123456789abcdef";
        var sample = Repo.Sample();
        var first = sample.AllGoals().SelectMany(g => g.Indicators).First();
        Goal Rename(Goal g) => g with
        {
            Indicators = g.Indicators.Select(i => ReferenceEquals(i, first) ? i with { Name = name, Analysis = name } : i).ToList(),
            Children = g.Children.Select(Rename).ToList(),
        };
        var renamed = sample with { Goals = sample.Goals.Select(Rename).ToList() };
        var workbook = Path.Combine(_dir.FullName, "id.xlsx");
        File.WriteAllBytes(workbook, Assessment.Reports.ResultWorkbook.Write(Repo.StockholmRules.Assess(renamed)));

        var read = Workbook.ReadOutcomes(workbook, "id.xlsx", null).Indicators.First();

        (read.Name, read.Analysis).ShouldBe((name, name));
    }

    [Fact]
    public void The_same_input_gives_a_byte_identical_workbook()
    {
        var a = Path.Combine(_dir.FullName, "a.xlsx");
        var b = Path.Combine(_dir.FullName, "b.xlsx");
        Run("run", "--format", "xlsx", "-o", a).Exit.ShouldBe(0);
        Run("run", "--format", "xlsx", "-o", b).Exit.ShouldBe(0);
        File.ReadAllBytes(a).ShouldBe(File.ReadAllBytes(b));
    }

    [Fact]
    public void An_outcome_given_twice_is_an_error_at_the_second_not_a_silent_replacement()
    {
        var errors = Should.Throw<InputException>(() => OutcomesReader.Read("""
            period: T1 2025
            indikatorer:
              - mal: "1.1"
                namn: "Andel barn"
                utfall: "2,6 %"
              - mal: "1.1"
                namn: "Andel barn"
                utfall: "2,4 %"
            mal:
              - id: "1.1"
                redovisat: delvis
              - id: "1.1"
                redovisat: helt
            """, "utfall.yaml")).Errors;
        errors.Select(e => e.ToString()).ShouldBe([
            "fel A207: utfall.yaml:7:11: indikatorn \"Andel barn\" under mål 1.1 har redan ett utfall (rad 4)",
            "fel A207: utfall.yaml:12:9: målet \"1.1\" finns redan under \"mal\" (rad 10)",
        ]);
    }

    [Theory]
    [InlineData("a\rb")]
    [InlineData("a\u2028b")]
    [InlineData("a\u2029b")]
    [InlineData("a\u0085b")]
    [InlineData("a\u0001b")]
    public void Any_character_in_a_title_or_reason_is_written_so_that_it_reads_back(string text)
    {
        var sample = Repo.Sample();
        Goal Change(Goal g) => g with
        {
            Title = g.Title + text,
            Override = g.Override is { } o ? o with { Reason = text } : null,
            Analysis = text,
            Children = g.Children.Select(Change).ToList(),
        };
        var changed = sample with { Goals = sample.Goals.Select(Change).ToList() };

        var back = DatasetReader.Read(DatasetText.Write(changed, "x", []), "tillbaka.yaml");

        back.AllGoals().Count().ShouldBe(sample.AllGoals().Count());
        back.AllGoals().Single(g => g.Id == "3.4").Override!.Reason.ShouldStartWith("a");
    }

    [Fact]
    public void A_dataset_written_back_keeps_direction_and_paragraphs_with_line_breaks()
    {
        var sample = Repo.Sample();
        var indicator = sample.AllGoals().SelectMany(g => g.Indicators).First();
        const string analysis = "Första raden\nandra raden, samma stycke.\n\nEtt nytt stycke.";
        var changed = sample with { Goals = sample.Goals.Select(g => Change(g, indicator, analysis)).ToList() };

        var back = DatasetReader.Read(DatasetText.Write(changed, "x", ["rad ett", "rad två"]), "tillbaka.yaml");

        var read = back.AllGoals().SelectMany(g => g.Indicators).First();
        read.Direction.ShouldBe(Direction.LowerIsBetter);
        read.Analysis.ShouldBe(analysis);
        back.AllGoals().SelectMany(g => g.Indicators).Count().ShouldBe(sample.AllGoals().SelectMany(g => g.Indicators).Count());
    }

    private static Goal Change(Goal g, Indicator target, string analysis) => g with
    {
        Indicators = g.Indicators.Select(i => ReferenceEquals(i, target) ? i with { Direction = Direction.LowerIsBetter, Analysis = analysis } : i).ToList(),
        Children = g.Children.Select(c => Change(c, target, analysis)).ToList(),
    };

    [Fact]
    public void Merge_writes_a_dataset_the_engine_reads()
    {
        var workbook = Path.Combine(_dir.FullName, "resultat.xlsx");
        Run("run", "--format", "xlsx", "-o", workbook).Exit.ShouldBe(0);
        var plan = Path.Combine(_dir.FullName, "plan.yaml");
        File.WriteAllText(plan, Assessment.Import.DatasetText.Write(Stripped(Repo.Sample()), "x", []));
        var output = Path.Combine(_dir.FullName, "t1.yaml");
        var (exit, _, error) = Run("merge", plan, workbook, "-o", output);
        exit.ShouldBe(0, error);
        Run("run", output).Exit.ShouldBe(0);
        DatasetReader.ReadFile(output).AllGoals().SelectMany(g => g.Indicators).Count(i => i.Forecast is not null).ShouldBe(23);
    }

    [Fact]
    public void A_workbook_with_a_bad_value_names_sheet_row_and_column()
    {
        var path = Path.Combine(_dir.FullName, "fel.xlsx");
        using (var stream = File.Create(path))
            MiniExcelLibs.MiniExcel.SaveAs(stream, new Dictionary<string, object>
            {
                [Workbook.IndicatorSheet] = new[] { WorkbookWriter.Row(("Mål", "1.1"), ("Indikator", "X"), ("Periodens utfall", "två procent")) },
            });
        var error = Should.Throw<InputException>(() => Workbook.ReadOutcomes(path, "fel.xlsx", new ReportingPeriod(PeriodKind.T1, 2026))).Errors.ShouldHaveSingleItem();
        error.Position.ShouldBe(new SourcePosition("fel.xlsx[Indikatorer]", 2, 3));
    }

    [Fact]
    public void Backtest_on_the_annual_report_2023_gives_a_confusion_matrix_per_level()
    {
        var (exit, output, _) = Run("backtest", Repo.PathOf("examples/importerade/hasselby-vallingby-vb-2023.yaml"));
        exit.ShouldBe(0);
        output.ShouldContain("Inriktningsmål: ");
        output.ShouldContain("Verksamhetsområdesmål: ");
        output.ShouldContain("Nämndmål: ");
        output.ShouldContain("redovisat \\ härlett");

        var dataset = DatasetReader.ReadFile(Repo.PathOf("examples/importerade/hasselby-vallingby-vb-2023.yaml"));
        var report = Backtest.Run([("vb", Repo.StockholmRules.Assess(dataset))]);
        var serviceArea = report.Levels.Single(l => l.Level == GoalLevel.ServiceAreaGoal);
        serviceArea.Compared.ShouldBe(16);
        serviceArea.Matrix.Where(m => m.Key.Recorded == Rating.Fully).Sum(m => m.Value).ShouldBe(14);
        serviceArea.Matrix.Where(m => m.Key.Recorded == Rating.Partly).Sum(m => m.Value).ShouldBe(2);
        serviceArea.Agreeing.ShouldBe(serviceArea.Matrix.Where(m => m.Key.Recorded == m.Key.Derived).Sum(m => m.Value));
        report.Disagreements.Count.ShouldBe(report.Levels.Sum(l => l.Compared - l.Agreeing));
    }
}
