using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Web;

namespace Assessment.Tests.Web;

/// <summary>
/// An override saved from the workbench is a text edit: the goal's overstyrning is set or removed, read back as asked,
/// and every other byte of the file is as it was – on the real example and on variants written in other styles.
/// </summary>
public class OverrideEditTests
{
    private static readonly OverrideText Wanted = new(Rating.Partly, "Indikatorerna når inte \"målet\" – se analysen.\nAndra stycket.", "Controller Åsa");

    private static string Sample => File.ReadAllText(Repo.SampleDataset);

    /// <summary>Reads the text back and returns the goal's override; the text must still be a dataset.</summary>
    private static RatingOverride? OverrideOf(string text, string goal) =>
        DatasetReader.Read(text, "test.yaml").AllGoals().Single(g => g.Id == goal).Override;

    /// <summary>
    /// The bytes that differ between <paramref name="before"/> and <paramref name="after"/>: what is left of each once
    /// their common start and common end are taken away.
    /// </summary>
    private static (string Before, string After) Changed(string before, string after)
    {
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix]) prefix++;
        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)]) suffix++;
        return (before[prefix..^suffix], after[prefix..^suffix]);
    }

    [Fact]
    public void Setting_an_override_on_the_example_adds_only_its_lines_and_removing_it_gives_the_file_back()
    {
        var original = Sample;
        var edited = OverrideEdit.Apply(original, "test.yaml", "1.1.1", Wanted);

        var saved = OverrideOf(edited, "1.1.1")!;
        saved.Rating.ShouldBe(Rating.Partly);
        saved.Reason.ShouldBe(Wanted.Reason);
        saved.By.ShouldBe("Controller Åsa");
        var (removed, added) = Changed(original, edited);
        removed.ShouldBeEmpty();
        added.ShouldContain("overstyrning:");
        added.ShouldNotContain("titel");
        // every other goal reads as before
        var (a, b) = (DatasetReader.Read(original, "t").AllGoals().ToList(), DatasetReader.Read(edited, "t").AllGoals().ToList());
        b.Select(g => (g.Id, g.Title, g.Recorded, g.Override?.Reason, g.Indicators.Count)).Where(g => g.Id != "1.1.1")
            .ShouldBe(a.Select(g => (g.Id, g.Title, g.Recorded, g.Override?.Reason, g.Indicators.Count)).Where(g => g.Id != "1.1.1"));

        OverrideEdit.Apply(edited, "test.yaml", "1.1.1", null).ShouldBe(original);
    }

    [Fact]
    public void The_examples_existing_override_is_replaced_in_place_and_removed_without_touching_its_comment()
    {
        var original = Sample;
        OverrideOf(original, "3.4").ShouldNotBeNull();

        var replaced = OverrideEdit.Apply(original, "test.yaml", "3.4", Wanted);
        OverrideOf(replaced, "3.4")!.Reason.ShouldBe(Wanted.Reason);
        var (removed, added) = Changed(original, replaced);
        removed.ShouldNotContain("analys:");
        removed.ShouldNotContain("#");
        added.ShouldNotContain("analys:");

        var without = OverrideEdit.Apply(original, "test.yaml", "3.4", null);
        OverrideOf(without, "3.4").ShouldBeNull();
        var (gone, nothing) = Changed(original, without);
        nothing.ShouldBeEmpty();
        gone.ShouldContain("overstyrning:");
        gone.ShouldContain("av: Hässelby-Vällingby stadsdelsförvaltning");
        gone.ShouldNotContain("#");
        without.ShouldContain("inlagd som överstyrning så att härlett och slutligt betyg båda syns."); // the comment above stays
        without.ShouldContain("redovisat: helt  # rad 1111");
    }

    /// <summary>Small datasets in other styles, each with goal "1.1" to edit.</summary>
    public static TheoryData<string, string> Variants => new()
    {
        {
            "kommentarer och citerade nycklar", """
            # överst
            "namnd": "Testnämnd"   # nämnden
            period: "T1 2026"
            inriktningsmal:
              - "id": "1"
                "titel": "Första"   # kommentar
                verksamhetsomradesmal:
                  # före målet
                  - "id": '1.1'
                    'titel': "Andra: med kolon"
                    "redovisat": delvis  # rad 9
                    # efter redovisat
                    analys: |-
                      Text
                  - id: "1.2"
                    titel: Tredje
            """
        },
        {
            "befintlig överstyrning i flödesstil", """
            namnd: Testnämnd
            period: T1 2026
            inriktningsmal:
              - id: "1"
                titel: Första
                verksamhetsomradesmal:
                  - id: "1.1"
                    titel: Andra
                    overstyrning: {betyg: helt, motivering: "Gammal", av: X}   # gammal
                    redovisat: helt
                  - id: "1.2"
                    titel: Tredje
            """
        },
        {
            "befintlig överstyrning som block, sist i filen", """
            namnd: Testnämnd
            period: T1 2026
            inriktningsmal:
              - id: "1"
                titel: Första
                verksamhetsomradesmal:
                  - id: "1.1"
                    titel: Andra
                    overstyrning:
                      betyg: inte
                      motivering: >-
                        Lång
                        motivering

                      av: Y
            """
        },
        {
            "en kommentar under överstyrningen, om nästa nyckel", """
            namnd: Testnämnd
            period: T1 2026
            inriktningsmal:
              - id: "1"
                titel: Första
                verksamhetsomradesmal:
                  - id: "1.1"
                    titel: Andra
                    overstyrning:
                      betyg: inte
                      # inne i överstyrningen
                      motivering: Gammal
                        # en kommentar om redovisat
                    redovisat: helt
            """
        },
        {
            "målet i flödesstil", """
            namnd: Testnämnd
            period: T1 2026
            inriktningsmal:
              - id: "1"
                titel: Första
                verksamhetsomradesmal:
                  - {id: "1.1", titel: "Andra", redovisat: helt}
                  - {id: "1.2", titel: Tredje, overstyrning: {betyg: inte, motivering: kvar}}
            """
        },
        {
            "målet i flödesstil med överstyrning", """
            namnd: Testnämnd
            period: T1 2026
            inriktningsmal:
              - id: "1"
                titel: Första
                verksamhetsomradesmal:
                  - {id: "1.1", overstyrning: {betyg: inte, motivering: "gammal"}, titel: "Andra"}
            """
        },
        {
            "fyra stegs indrag, inget radslut sist", "namnd: Testnämnd\nperiod: T1 2026\ninriktningsmal:\n    -   id: \"1\"\n        titel: Första\n        verksamhetsomradesmal:\n            -   id: \"1.1\"\n                titel: Andra"
        },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_style_keeps_the_rest_of_the_file(string name, string text)
    {
        foreach (var newLine in new[] { "\n", "\r\n" })
        {
            var original = text.ReplaceLineEndings(newLine);
            var before = OverrideOf(original, "1.1");
            var edited = OverrideEdit.Apply(original, "test.yaml", "1.1", Wanted);
            OverrideOf(edited, "1.1").ShouldBe(new RatingOverride(Wanted.Rating, Wanted.Reason, Wanted.By, OverrideOf(edited, "1.1")!.Position), name);
            var (removed, added) = Changed(original, edited);
            if (before is null) removed.ShouldBeEmpty(name);
            removed.ShouldNotContain("titel", Case.Insensitive, name);
            removed.ShouldNotContain("redovisat", Case.Insensitive, name);
            if (newLine == "\r\n") edited.Replace("\r\n", "").ShouldNotContain('\n', name);
            else edited.ShouldNotContain('\r', name);

            var cleared = OverrideEdit.Apply(edited, "test.yaml", "1.1", null);
            OverrideOf(cleared, "1.1").ShouldBeNull(name);
            if (before is null) cleared.ShouldBe(original, name);
            else Changed(original, cleared).After.ShouldBeEmpty(name);
        }
    }

    [Fact]
    public void An_unknown_goal_is_an_input_error()
    {
        Should.Throw<InputException>(() => OverrideEdit.Apply(Sample, "test.yaml", "9.9", Wanted)).Message.ShouldContain("målet \"9.9\" finns inte");
    }

    [Theory]
    [InlineData("enkel")]
    [InlineData("citat \" och \\ bakåtsnedstreck")]
    [InlineData("rader\nflera\r\noch\ttabb")]
    [InlineData("# inte en kommentar: {[,]} & * ! | > ' % @ `")]
    [InlineData("  blanksteg runt  ")]
    public void A_reason_is_read_back_exactly_whatever_it_contains(string reason)
    {
        var edited = OverrideEdit.Apply(Sample, "test.yaml", "2.1", new OverrideText(Rating.NotMet, reason, reason));
        var read = OverrideOf(edited, "2.1")!;
        read.Reason.ShouldBe(reason.Trim());
        read.By.ShouldBe(reason);
    }
}
