using Assessment.Rules;
using Assessment.Web;

namespace Assessment.Tests.Web;

/// <summary>A new rules version is the old file with version, giltig_fran and the moved thresholds' lines changed, nothing else.</summary>
public class RuleVersionsTests
{
    [Fact]
    public void Only_the_version_the_date_and_the_thresholds_lines_change()
    {
        var original = Repo.ReadRulesText();
        var edited = RuleVersions.Edit(original, new Dictionary<string, double> { ["delvis_grans"] = 0.8, ["inte_minsta_andel"] = 0.45 },
            "2.0", new DateOnly(2027, 1, 1));

        var changed = original.Split('\n').Zip(edited.Split('\n')).Where(p => p.First != p.Second).ToList();
        changed.Select(p => p.Second.Trim()).ShouldBe(["version: \"2.0\"", "giltig_fran: 2027-01-01", "delvis_grans: 0.8", "inte_minsta_andel: 0.45"]);
        var read = RuleSetReader.Read(edited, "ny.yaml").RuleSet;
        (read.Version, read.ValidFrom).ShouldBe(("2.0", new DateOnly(2027, 1, 1)));
        read.Thresholds.Single(t => t.Name == "delvis_grans").Value.ShouldBe(0.8);
        read.Thresholds.Single(t => t.Name == "helt_minsta_andel").Value.ShouldBe(0.75);
    }

    [Fact]
    public void A_key_named_like_a_threshold_outside_troskelvarden_is_left_alone()
    {
        var text = "id: x\nversion: \"1\"\ngiltig_fran: 2020-01-01\ntroskelvarden:\n  # kommentar\n\n  grans: 0.5  # behåll\nannat:\n  grans: 0.5\n";
        RuleVersions.Edit(text, new Dictionary<string, double> { ["grans"] = 0.7 }, "2", new DateOnly(2021, 1, 1))
            .ShouldBe("id: x\nversion: \"2\"\ngiltig_fran: 2021-01-01\ntroskelvarden:\n  # kommentar\n\n  grans: 0.7  # behåll\nannat:\n  grans: 0.5\n");
    }
}
