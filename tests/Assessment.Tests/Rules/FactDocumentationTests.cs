using System.Text.RegularExpressions;
using Assessment.Rules.Facts;

namespace Assessment.Tests.Rules;

/// <summary>Policy staff write rules from the README's fact list: it must name every fact the engine offers.</summary>
public class FactDocumentationTests
{
    private static readonly string Readme = File.ReadAllText(Repo.PathOf("README.md"));

    [Fact]
    public void Every_indicator_fact_is_documented()
    {
        foreach (var fact in IndicatorFacts.Schema.Facts)
            Readme.ShouldContain($"`{fact.Name}`");
    }

    [Fact]
    public void Every_goal_fact_is_documented_by_name_or_by_its_group_pattern()
    {
        string[] groups = ["indikatorer", "kf_indikatorer", "namnd_indikatorer", "delmal"];
        foreach (var group in groups) Readme.ShouldContain($"`{group}`");
        var pattern = new Regex($"^({string.Join("|", groups)})(_bedomda|_helt|_delvis|_inte|_ej_bedomda|_andel_helt|_andel_delvis|_andel_inte)?$");
        foreach (var fact in GoalFacts.Schema.Facts)
        {
            if (pattern.Match(fact.Name) is { Success: true } match)
                Readme.ShouldContain($"`G{match.Groups[2].Value}`");
            else
                Readme.ShouldContain($"`{fact.Name}`");
        }
    }

    [Fact]
    public void Every_fact_has_a_swedish_description() =>
        IndicatorFacts.Schema.Facts.Concat(GoalFacts.Schema.Facts).ShouldAllBe(f => f.Description.Length > 10);
}
