using Assessment.Domain.Model;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Assessment.Tests.Reports;

/// <summary><c>run --format docx</c>: the goal chapter as a Word document that pastes into the district's template.</summary>
public class DocxReportTests
{
    [Fact]
    public void The_word_document_is_valid_and_holds_every_goal_rating_and_table()
    {
        using var dir = new TempFolder("assess-docx-");
        var file = dir.PathOf("rapport.docx");
        var (exit, _, error) = Assess.Run("run", "--format", "docx", "-o", file);
        exit.ShouldBe(0, error);

        using var document = WordprocessingDocument.Open(file, false);
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();

        var body = document.MainDocumentPart!.Document!.Body!;
        string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var paragraphs = body.Elements<Paragraph>().ToList();
        var sample = Repo.Sample();
        var goals = sample.AllGoals().ToList();
        paragraphs.Count(p => Style(p) is "Heading1").ShouldBe(goals.Count(g => g.Level == GoalLevel.DirectionGoal));
        paragraphs.Count(p => Style(p) is "Heading2").ShouldBe(goals.Count(g => g.Level == GoalLevel.ServiceAreaGoal));
        paragraphs.Count(p => Style(p) is "Heading3").ShouldBe(goals.Count(g => g.Level == GoalLevel.BoardGoal));
        paragraphs.First(p => p.InnerText.StartsWith("KF:s mål för verksamhetsområdet: 3.4")).ShouldNotBeNull();
        paragraphs.Count(p => Style(p) is "Betygsrad").ShouldBe(goals.Count);
        paragraphs.Where(p => Style(p) is "Betygsrad").ShouldAllBe(p => p.InnerText.StartsWith("●") || p.InnerText.StartsWith("◐") || p.InnerText.StartsWith("○") || p.InnerText.StartsWith("–"));

        // One indicator table per goal with indicators, one activity table per goal with activities, in the report's columns.
        var tables = body.Elements<Table>().ToList();
        tables.Count.ShouldBe(goals.Count(g => g.Indicators.Count > 0) + goals.Count(g => g.Activities.Count > 0));
        var indicatorRows = tables.Where(t => t.Elements<TableRow>().First().InnerText.StartsWith("Indikator")).Sum(t => t.Elements<TableRow>().Count() - 1);
        indicatorRows.ShouldBe(goals.Sum(g => g.Indicators.Count));
        body.InnerText.ShouldContain("Aktivt Medskapandeindex");

        // Word's own heading styles, by their built-in names, so the district template's look applies on paste.
        var styles = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ToList();
        styles.Single(s => s.StyleId == "Heading1").StyleName!.Val!.Value.ShouldBe("heading 1");
    }

    [Fact]
    public void A_word_document_needs_a_file()
    {
        var (exit, _, error) = Assess.Run("run", "--format", "docx");
        exit.ShouldBe(2);
        error.ShouldContain("-o RESULTAT.docx");
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes()
    {
        using var dir = new TempFolder("assess-docx-");
        Assess.Run("run", "--format", "docx", "-o", dir.PathOf("a.docx")).Exit.ShouldBe(0);
        Thread.Sleep(2100); // zip entries keep time to two seconds: a later run must not differ by its clock
        Assess.Run("run", "--format", "docx", "-o", dir.PathOf("b.docx")).Exit.ShouldBe(0);
        File.ReadAllBytes(dir.PathOf("b.docx")).ShouldBe(File.ReadAllBytes(dir.PathOf("a.docx")));
    }
}
