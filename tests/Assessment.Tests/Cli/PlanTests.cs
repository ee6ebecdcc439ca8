using System.Text.Json;
using Assessment.Reports.Justification;
using Assessment.Tests.Reports;

namespace Assessment.Tests.Cli;

/// <summary>
/// A plan is not an assessment: the bundled plan (VP 2025, no outcomes) derives ej_bedomd everywhere by
/// the rule set's plan-ej-bedomd, and no text claims evidence – results, forecasts, carried-out activities – it does not have.
/// </summary>
public sealed class PlanTests
{
    private const string Plan = "examples/importerade/hasselby-vallingby-vp-2025.yaml";

    private static JsonElement RunJson(params string[] args)
    {
        var (exit, output, error) = Assess.Run(["run", Repo.PathOf(Plan), "--format", "json", .. args]);
        exit.ShouldBe(0, error);
        error.ShouldBeEmpty();
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public void Every_goal_and_indicator_in_the_plan_is_not_assessed_by_the_plan_rule()
    {
        var json = RunJson();
        json.GetProperty("period").GetProperty("kind").GetString().ShouldBe("VP");
        var goals = json.GetProperty("goals").EnumerateArray().ToList();
        goals.Count.ShouldBeGreaterThan(30);
        foreach (var goal in goals)
        {
            goal.GetProperty("derived").GetString().ShouldBe("ej_bedomd", goal.GetProperty("id").GetString());
            goal.GetProperty("final").GetString().ShouldBe("ej_bedomd");
            goal.GetProperty("rule").GetString().ShouldBe("plan-ej-bedomd");
            goal.GetProperty("rule_description").GetString()!.ShouldStartWith("En verksamhetsplan har inga utfall");
        }
        var indicators = json.GetProperty("indicators").EnumerateArray().ToList();
        indicators.ShouldNotBeEmpty();
        indicators.ShouldAllBe(i => i.GetProperty("rating").GetString() == "ej_bedomd" && i.GetProperty("rule").GetString() == "plan-ej-bedomd");
    }

    [Fact]
    public void No_text_about_the_plan_claims_results_or_forecasts()
    {
        var json = RunJson();
        var summary = json.GetProperty("summary").GetString()!;
        summary.ShouldBe("En verksamhetsplan har inga utfall: 3 inriktningsmål och 16 verksamhetsområdesmål " +
                         "bedöms inte i planen utan i tertialrapporterna och verksamhetsberättelsen.");
        foreach (var goal in json.GetProperty("goals").EnumerateArray())
        {
            var text = goal.GetProperty("justification").GetString()!;
            text.ShouldEndWith("bedöms inte i verksamhetsplanen; bedömningen görs i tertialrapporterna och verksamhetsberättelsen.");
            foreach (var claim in new[] { "prognos", "resultat", "grundar sig", "uppfyll", "genomför" })
                text.ShouldNotContain(claim, Case.Insensitive);
        }
    }

    [Fact]
    public void The_terminal_text_says_it_is_a_plan_and_rates_nothing()
    {
        var (exit, output, error) = Assess.Run("run", Repo.PathOf(Plan));
        exit.ShouldBe(0, error);
        output.ShouldContain("VP 2025 (verksamhetsplan: mål utan utfall)");
        output.ShouldNotContain("prognos för helåret");
        output.ShouldNotContain("härlett helt");
        output.ShouldNotContain("härlett delvis");
        output.ShouldNotContain("härlett inte");
    }

    [Fact]
    public void Check_on_the_plan_finds_no_rating_gaps_and_only_what_a_plan_can_lack()
    {
        var (exit, output, error) = Assess.Run("check", Repo.PathOf(Plan));
        exit.ShouldBe(1, error); // the plan has goals and indicators without targets: worth a look, not an error
        output.ShouldContain("Redovisade betyg: datasetet har inga att pröva.");
        output.ShouldContain("0 betygsavvikelser");
        output.ShouldNotContain("Prognos lika med årsmålet");
        output.ShouldNotContain("slutdatum");
    }

    [Fact]
    public void An_override_in_a_plan_is_given_with_its_reason_and_no_invented_evidence()
    {
        var dataset = Yaml.Dataset("""
            - id: "1.1"
              titel: Mål
              overstyrning:
                betyg: helt
                motivering: "Trots att planen saknar utfall är målet redan nått."
              indikatorer:
                - namn: "Andel nöjda"
                  arsmal: "90 %"
                  periodicitet: År
              aktiviteter:
                - namn: A
                  start: 2025-01-01
                  slut: 2025-12-31
              namndmal:
                - id: "1.1.1"
                  titel: Nämndmål
                  aktiviteter:
                    - namn: B
                      start: 2025-01-01
                      slut: 2025-12-31
            """, period: "VP 2025");
        var result = Repo.StockholmRules.Assess(Yaml.Read(dataset));
        var texts = Justifications.Render(result, Templates.Shipped);

        texts.ByGoal["1.1"].ShouldBe("Förvaltningen bedömer att verksamhetsområdesmålet kommer att uppfyllas helt under året. " +
                                     "Trots att planen saknar utfall är målet redan nått.");
        texts.ByGoal["1.1.1"].ShouldBe("Nämndmålet bedöms inte i verksamhetsplanen; bedömningen görs i tertialrapporterna och verksamhetsberättelsen.");
        texts.ByGoal["1"].ShouldBe("Inriktningsmålet bedöms inte i verksamhetsplanen; bedömningen görs i tertialrapporterna och verksamhetsberättelsen.");
        texts.Summary.ShouldBe("En verksamhetsplan har inga utfall: 1 inriktningsmål bedöms inte i planen utan i tertialrapporterna och " +
                               "verksamhetsberättelsen. Bedömningen är att 1 verksamhetsområdesmål kommer att uppfyllas helt under året.");
    }
}
