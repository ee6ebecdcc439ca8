using Assessment.Domain;
using Assessment.Domain.Model;

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
}
