using Assessment.Cli;
using Assessment.Domain;

namespace Assessment.Tests.Cli;

/// <summary>What a command has read belongs to its own context: another run's reads neither protect nor block its outputs.</summary>
public class CommandContextTests
{
    [Fact]
    public void An_output_is_refused_only_by_the_context_that_read_it_as_input()
    {
        using var dir = new TempFolder();
        var dataset = dir.PathOf("dataset.yaml");
        File.Copy(Repo.SampleDataset, dataset);
        var link = dir.PathOf("länk.yaml");
        File.CreateSymbolicLink(link, dataset);

        using var reader = new CommandContext(new StringWriter(), new StringWriter());
        reader.Dataset(dataset).Dataset.District.ShouldBe("Hässelby-Vällingby stadsdelsnämnd");
        Should.Throw<InputException>(() => reader.Reads.RefuseAsOutput(link, "-o")).Message.ShouldContain("indatafilen");

        using (var other = new CommandContext(new StringWriter(), new StringWriter()))
            other.Reads.RefuseAsOutput(dataset, "-o"); // it read nothing: any file may be its output

        // The inner context gave the readers' report back: a file any reader opens now is the outer one's input.
        var rules = dir.PathOf("regler.yaml");
        File.Copy(Repo.DefaultRules, rules);
        InputText.ReadFile(rules, "regler.yaml");
        Should.Throw<InputException>(() => reader.Reads.RefuseAsOutput(rules, "--log")).Message.ShouldContain("indatafilen");
    }

    [Fact]
    public void A_note_about_a_rule_set_used_before_its_start_is_written_once_per_context()
    {
        using var dir = new TempFolder();
        var old = dir.PathOf("t1-2021.yaml");
        File.WriteAllText(old, File.ReadAllText(Repo.SampleDataset).Replace("period: \"T1 2026\"", "period: \"T1 2021\""));
        var notes = new List<string>();
        for (var run = 0; run < 2; run++)
        {
            var error = new StringWriter();
            using var context = new CommandContext(new StringWriter(), error);
            var rules = context.Rules(Repo.DefaultRules);
            var dataset = context.Dataset(old);
            context.InForce(rules, dataset);
            context.InForce(rules, dataset);
            notes.AddRange(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        notes.Count.ShouldBe(2);
        notes.ShouldAllBe(n => n.StartsWith("not: regelverket stockholm 1.0 gäller från 2023-01-01 men perioden T1 2021"));
    }
}
