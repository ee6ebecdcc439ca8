using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;

namespace Assessment.Tests.Domain;

public class DatasetReaderTests
{
    private static InputException Rejected(string yaml) => Should.Throw<InputException>(() => Yaml.Read(yaml));

    private const string OneGoal = """
        - id: "1.1"
          titel: Mål
          redovisat: helt
        """;

    [Fact]
    public void Reads_a_small_tree_with_typed_values()
    {
        var dataset = Yaml.Read(Yaml.Dataset($"""
        - id: "1.1"
          titel: Verksamhetsområdesmål
          redovisat: delvis
          indikatorer:
        {Yaml.Indent(Yaml.Indicator("Andel nöjda", "82 %", "85 %", lastYear: "80 %", outcome: "81,5 %"), 4)}
          aktiviteter:
            - namn: Aktivitet
              start: 2026-01-01
              slut: 2026-04-30
              avvikelse: true
              analys: Försenad
          namndmal:
            - id: "1.1.1"
              titel: Nämndmål
              beskrivning: Text
              forvantat_resultat: [Ett, Två]
        """));

        dataset.District.ShouldBe("Teststadsdelsnämnd");
        dataset.Period.ShouldBe(new ReportingPeriod(PeriodKind.T1, 2026));
        var goal = dataset.Goals[0].Children[0];
        goal.Level.ShouldBe(GoalLevel.ServiceAreaGoal);
        goal.Recorded.ShouldBe(Rating.Partly);
        goal.IndicatorKind.ShouldBe(IndicatorKind.Kf);
        var indicator = goal.Indicators.ShouldHaveSingleItem();
        indicator.Forecast!.Value.ShouldBe(82m);
        indicator.Outcome!.Value.ShouldBe(81.5m);
        indicator.AnnualTarget.ShouldBeOfType<Target.Level>().Value.Value.ShouldBe(85m);
        indicator.Periodicity.ShouldBe(Periodicity.Tertial);
        indicator.Position.Line.ShouldBe(11);
        var activity = goal.Activities.ShouldHaveSingleItem();
        activity.Deviation.ShouldBeTrue();
        activity.End.ShouldBe(new DateOnly(2026, 4, 30));
        var board = goal.Children.ShouldHaveSingleItem();
        board.Level.ShouldBe(GoalLevel.BoardGoal);
        board.ExpectedResults.ShouldBe(["Ett", "Två"]);
        board.Recorded.ShouldBeNull();
    }

    [Fact]
    public void Override_without_reason_is_rejected_at_its_position()
    {
        var error = Rejected(Yaml.Dataset("""
        - id: "1.1"
          titel: Mål
          overstyrning:
            betyg: helt
        """)).Errors.ShouldHaveSingleItem();
        error.Position!.Line.ShouldBe(10); // the override's mapping, where the reason belongs
        error.Message.ShouldContain("motivering");
    }

    [Theory]
    [InlineData("[\"två värden\"]", "väntade")]
    [InlineData("\"\"", "skälet saknas")]
    public void An_uncertain_cell_without_a_text_reason_is_one_error(string reason, string message)
    {
        var error = Rejected(Yaml.Dataset($"""
        - id: "1.1"
          titel: Mål
          indikatorer:
            - namn: Andel nöjda
              periodicitet: Tertial
              prognos: "82 %"
              osakert:
                prognos: {reason}
        """)).Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void A_required_text_given_as_a_list_is_one_error()
    {
        var error = Rejected(Yaml.Dataset("""
        - id: "1.1"
          titel: [Mål, två]
        """)).Errors.ShouldHaveSingleItem();
        error.Message.ShouldNotContain("saknas");
    }

    [Fact]
    public void Override_with_blank_reason_is_rejected()
    {
        Rejected(Yaml.Dataset("""
        - id: "1.1"
          titel: Mål
          overstyrning:
            betyg: helt
            motivering: "   "
        """)).Errors.ShouldHaveSingleItem().Message.ShouldContain("motivering");
    }

    [Fact]
    public void Override_with_reason_is_kept()
    {
        var goal = Yaml.Read(Yaml.Dataset("""
        - id: "1.1"
          titel: Mål
          overstyrning:
            betyg: delvis
            motivering: Enkätresultatet visar en försämring.
            av: Controller
        """)).Goals[0].Children[0];
        goal.Override.ShouldNotBeNull();
        goal.Override.Rating.ShouldBe(Rating.Partly);
        goal.Override.Reason.ShouldBe("Enkätresultatet visar en försämring.");
        goal.Override.By.ShouldBe("Controller");
    }

    [Fact]
    public void All_problems_are_reported_at_once_with_line_and_column()
    {
        var errors = Rejected(Yaml.Dataset("""
        - id: "1.1"
          titel: Mål
          redovisat: hel
          indikatorer:
            - namn: X
              periodicitet: Tertial
              prognos: "2.5 procent"
              arsmal: "ca 5"
              progos: "1"
        """)).Errors;
        errors.Select(e => (e.Position!.Line, e.Position!.Column)).ShouldBe([(9, 20), (13, 22), (14, 21), (15, 13)]);
        errors[0].Message.ShouldContain("väntade helt, delvis, inte, ej_bedomd");
        errors[1].Message.ShouldContain("decimalkomma");
        errors[2].Message.ShouldContain("okänt målvärde");
        errors[3].Message.ShouldContain("menade du \"prognos\"");
        errors.ShouldAllBe(e => e.Position!.File == "test.yaml");
    }

    [Fact]
    public void Duplicate_goal_ids_are_rejected()
    {
        var error = Rejected(Yaml.Dataset(OneGoal + "\n" + OneGoal)).Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("\"1.1\" finns redan");
        error.Position!.Line.ShouldBe(10);
    }

    [Fact]
    public void Indicator_without_periodicity_is_rejected()
    {
        Rejected(Yaml.Dataset("""
        - id: "1.1"
          titel: Mål
          indikatorer:
            - namn: X
              prognos: "1"
        """)).Errors.ShouldHaveSingleItem().Message.ShouldContain("periodicitet");
    }

    [Fact]
    public void End_before_start_is_rejected()
    {
        Rejected(Yaml.Dataset("""
        - id: "1.1"
          titel: Mål
          aktiviteter:
            - namn: A
              start: 2026-05-01
              slut: 2026-04-30
        """)).Errors.ShouldHaveSingleItem().Message.ShouldContain("före startdatum");
    }

    [Theory]
    [InlineData("", "tom")]
    [InlineData("- bara\n- en lista\n", "mappning")]
    [InlineData("namnd: x\nperiod: T1 2026\n  fel: [\n", "ogiltig YAML")]
    [InlineData("namnd: x\nperiod: T4 2026\ninriktningsmal: []\n", "okänd period")]
    [InlineData("namnd: x\nnamnd: y\nperiod: T1 2026\n", "två gånger")]
    public void Malformed_files_give_a_clear_message(string yaml, string expected) =>
        Rejected(yaml).Errors.ShouldContain(e => e.Message.Contains(expected));

    [Fact]
    public void Direction_goals_carry_no_indicators_of_their_own()
    {
        Rejected("""
            namnd: x
            period: T1 2026
            inriktningsmal:
              - id: "1"
                titel: Mål
                indikatorer: []
            """).Errors.ShouldHaveSingleItem().Message.ShouldContain("okänd nyckel \"indikatorer\"");
    }

    [Fact]
    public void A_list_item_that_is_no_mapping_is_an_error_and_the_rows_around_it_are_read_with_their_own_keys()
    {
        // The rows of a list are read through one map object moved along the list: the second row's unknown key
        // must be its own, the first row's keys must not count for it, and the scalar between them is an error.
        var errors = Rejected(Yaml.Dataset("""
        - id: "1.1"
          titel: Mål
          indikatorer:
            - namn: A
              periodicitet: Tertial
              prognos: "1 %"
            - bara text
            - namn: B
              periodicitet: År
              progos: "2 %"
          aktiviteter:
            - namn: C
              start: 2026-01-01
            - namn: D
              slutt: 2026-02-01
        """)).Errors;
        errors.Select(e => e.Position!.Line).ShouldBe([13, 16, 21]);
        errors[0].Message.ShouldStartWith("\"indikatorer\": varje post i listan ska vara en mappning");
        errors[1].Message.ShouldStartWith("okänd nyckel \"progos\" – menade du \"prognos\"?");
        errors[2].Message.ShouldStartWith("okänd nyckel \"slutt\" – menade du \"slut\"?");
    }

    [Fact]
    public void Rows_read_through_one_moved_map_are_each_their_own()
    {
        var goal = Yaml.Read(Yaml.Dataset("""
        - id: "1.1"
          titel: Mål
          indikatorer:
            - namn: A
              periodicitet: Tertial
              prognos: "1 %"
            - namn: B
              periodicitet: År
              utfall: "2,5 st"
          aktiviteter:
            - namn: C
              avvikelse: true
            - namn: D
          namndmal:
            - id: "1.1.1"
              titel: Första
              forvantat_resultat: [Ett, Två]
            - id: "1.1.2"
              titel: Andra
              indikatorer:
                - namn: E
                  periodicitet: År
        """)).Goals[0].Children[0];
        goal.Indicators.Select(i => (i.Name, i.Periodicity, i.Forecast?.Text, i.Outcome?.Text, i.Position.Line))
            .ShouldBe([("A", Periodicity.Tertial, "1 %", null, 10), ("B", Periodicity.Year, null, "2,5 st", 13)]);
        goal.Activities.Select(a => (a.Name, a.Deviation, a.Position.Line)).ShouldBe([("C", true, 17), ("D", false, 19)]);
        goal.Children.Select(g => (g.Id, g.Title, g.ExpectedResults.Count, g.Indicators.Count)).ShouldBe([("1.1.1", "Första", 2, 0), ("1.1.2", "Andra", 0, 1)]);
        goal.Children[0].ExpectedResults.ShouldBe(["Ett", "Två"]);
    }

    [Fact]
    public void The_same_file_read_again_and_on_other_threads_gives_the_same_dataset()
    {
        var bytes = File.ReadAllBytes(Repo.SampleDataset);
        var first = DatasetReader.Read(bytes, "a.yaml");
        var again = DatasetReader.Read(bytes, "a.yaml");
        var others = Enumerable.Range(0, 4).AsParallel().Select(_ => DatasetReader.Read(bytes, "a.yaml")).ToList();
        foreach (var other in others.Prepend(again))
        {
            Texts(other).ShouldBe(Texts(first));
        }

        static List<string> Texts(Dataset d) => [.. d.AllGoals().SelectMany(g => g.Indicators.Select(i =>
            $"{g.Id}|{i.Name}|{i.Outcome}|{i.Forecast}|{i.LastYearOutcome}|{i.AnnualTarget}|{i.CityTarget}|{i.Periodicity}|{i.Direction}|{i.Analysis}|{i.Position}"))];
    }

    [Fact]
    public void Without_prose_a_dataset_reads_the_same_but_for_its_prose()
    {
        var bytes = File.ReadAllBytes(Repo.SampleDataset);
        var whole = DatasetReader.Read(bytes, "prov.yaml");
        var lean = DatasetReader.Read(bytes, "prov.yaml", prose: false);

        static IEnumerable<Goal> All(IEnumerable<Goal> goals) => goals.SelectMany(g => All(g.Children).Prepend(g));
        var wholeGoals = All(whole.Goals).ToList();
        wholeGoals.Count(g => g.Analysis is not null).ShouldBeGreaterThan(10, "the sample has prose to leave out");
        var stripped = wholeGoals.Select(g => g with
        {
            Analysis = null,
            Description = null,
            ExpectedResults = [],
            Indicators = [.. g.Indicators.Select(i => i with { Analysis = null })],
            Activities = [.. g.Activities.Select(a => a with { Note = null })],
            Children = [],
        });
        var leanGoals = All(lean.Goals).Select(g => g with { Children = [] });
        leanGoals.Select(Describe).ShouldBe(stripped.Select(Describe));
        (lean.District, lean.Period, lean.Source).ShouldBe((whole.District, whole.Period, whole.Source));
        Repo.StockholmRules.Assess(lean).AllGoals().Select(r => r.Derived.Rating).ShouldBe(Repo.StockholmRules.Assess(whole).AllGoals().Select(r => r.Derived.Rating));
    }

    [Theory]
    [InlineData("analys: [en, lista]", "\"analys\": väntade ett enkelt värde")]
    [InlineData("beskrivning: {a: b}", "\"beskrivning\": väntade ett enkelt värde")]
    [InlineData("forvantat_resultat: [{a: b}]", "\"forvantat_resultat\": varje post i listan ska vara en text")]
    [InlineData("analyz: Okänd nyckel", "analyz")]
    public void Without_prose_its_keys_are_still_checked(string line, string message)
    {
        var yaml = Yaml.Dataset($"""
        - id: "1.1"
          titel: Mål
          namndmal:
            - id: "1.1.1"
              titel: Nämndmål
              {line}
        """);
        var bytes = System.Text.Encoding.UTF8.GetBytes(yaml);
        var whole = Should.Throw<InputException>(() => DatasetReader.Read(bytes, "prov.yaml")).Errors.Select(e => e.ToString()).ToList();
        var lean = Should.Throw<InputException>(() => DatasetReader.Read(bytes, "prov.yaml", prose: false)).Errors.Select(e => e.ToString()).ToList();
        lean.ShouldBe(whole);
        string.Join("\n", lean).ShouldContain(message);
    }

    /// <summary>A goal's own fields and rows as text (records with lists compare by reference).</summary>
    private static string Describe(Goal g) =>
        $"{g.Id}|{g.Level}|{g.Title}|{g.Description}|{string.Join(";", g.ExpectedResults)}|{g.Analysis}|{g.Recorded}|{g.Override}|{g.Position}|" +
        string.Join(";", g.Indicators.Select(i => i with { Uncertain = UncertainCells.None })) + "|" + string.Join(";", g.Activities.Select(a => a with { Uncertain = UncertainCells.None }));
}
