using Assessment.Domain.Model;
using Assessment.Reports.Justification;
using Assessment.Rules;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Assessment.Reports;

/// <summary>
/// The goal chapter as a Word document, in the structure of the district's report: a heading per goal (Word's
/// own heading styles, so it pastes into the district's template and takes its look), the rating line with the
/// city's symbol, Analys (the justification), the indicator table in the report's columns and the activity
/// table. Written with the Open XML SDK.
/// </summary>
public static class DocxReport
{
    public static byte[] Render(AssessmentResult result, Justifications texts)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            var dataset = result.Dataset;
            body.Append(Paragraph($"Bedömning av måluppfyllelse {dataset.Period} – {dataset.District}", "Title"));
            body.Append(Paragraph($"Regelverk {result.RuleSet.Id} {result.RuleSet.Version}, giltigt från {result.RuleSet.ValidFrom:yyyy-MM-dd} " +
                                  $"(sha256 {result.RuleSet.Sha256[..12]}…)."));
            if (result.RuleSet.Note is { } note) body.Append(Paragraph($"Not: {note}"));
            body.Append(Paragraph(texts.Summary));
            foreach (var goal in result.AllGoals()) Goal(body, goal, texts.ByGoal[goal.Goal.Id], dataset.Period);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
        }
        return StablePackage.Rewrite(stream.ToArray());
    }

    private static void Goal(Body body, GoalResult goal, string justification, ReportingPeriod period)
    {
        var g = goal.Goal;
        var heading = g.Level switch { GoalLevel.DirectionGoal => "Heading1", GoalLevel.ServiceAreaGoal => "Heading2", _ => "Heading3" };
        body.Append(Paragraph(ReportParts.Heading(g), heading));
        var rating = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Betygsrad" }),
            new Run(new RunProperties(new Color { Val = SymbolColour(goal.Final) }), new Text(goal.Final.Symbol() + " ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new Text(goal.Final.Phrase())));
        body.Append(rating);
        body.Append(Paragraph(ReportParts.DerivedLine(goal), "Betygsunderlag"));
        if (g.Override is { } ov)
            body.Append(Paragraph($"Överstyrt till {ov.Rating.Label()}{(ov.By is null ? "" : $" av {ov.By}")}: {ov.Reason}", "Betygsunderlag"));
        if (g.Description is { } description)
        {
            body.Append(Paragraph("Beskrivning", "Rubrikord"));
            foreach (var part in Paragraphs(description)) body.Append(Paragraph(part));
        }
        if (g.ExpectedResults.Count > 0)
        {
            body.Append(Paragraph("Förväntat resultat", "Rubrikord"));
            foreach (var expected in g.ExpectedResults) body.Append(Paragraph("• " + expected));
        }
        body.Append(Paragraph("Analys", "Rubrikord"));
        foreach (var part in Paragraphs(justification)) body.Append(Paragraph(part));
        if (goal.Indicators.Count > 0)
            body.Append(Table(ReportParts.IndicatorColumns(period), goal.Indicators.Select(i => ReportParts.IndicatorCells(i, period))));
        if (g.Activities.Count > 0)
            body.Append(Table(ReportParts.ActivityColumns, g.Activities.Select(ReportParts.ActivityCells)));
    }

    private static IEnumerable<string> Paragraphs(string text) =>
        text.ReplaceLineEndings("\n").Split("\n\n").Select(p => p.Replace('\n', ' ').Trim()).Where(p => p.Length > 0);

    private static string SymbolColour(Rating rating) => ReportParts.Colour(rating).ToUpperInvariant();

    private static Paragraph Paragraph(string text, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(new Run(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    /// <summary>Characters XML cannot hold (control characters from a PDF) become spaces.</summary>
    private static string Clean(string text) => new(text.Select(c => char.IsControl(c) && c != '\t' ? ' ' : c).ToArray());

    private static Table Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "Tabell" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLook { Val = "04A0" }));
        table.Append(new TableGrid(columns.Select(_ => new GridColumn { Width = (9638 / columns.Count).ToString() })));
        table.Append(Row(columns, header: true));
        foreach (var row in rows) table.Append(Row(row, header: false));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var cell in cells)
        {
            var run = new Run(new Text(Clean(cell)) { Space = SpaceProcessingModeValues.Preserve });
            if (header) run.PrependChild(new RunProperties(new Bold()));
            row.Append(new TableCell(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Tabelltext" }), run)));
        }
        return row;
    }

    /// <summary>
    /// Word's built-in heading styles by their own ids and names ("heading 1" …), so a pasted chapter takes the
    /// district template's headings; a few styles of our own for the rating line and the tables.
    /// </summary>
    private static Styles Styles()
    {
        static Style Paragraph(string id, string name, bool builtIn, RunProperties run, ParagraphProperties? paragraph = null, int? outline = null)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id, CustomStyle = !builtIn };
            style.Append(new StyleName { Val = name });
            if (id != "Normal") style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
            style.Append(new PrimaryStyle());
            var properties = paragraph ?? new ParagraphProperties();
            if (outline is { } level) properties.Append(new OutlineLevel { Val = level });
            style.Append(properties, run);
            return style;
        }
        static ParagraphProperties Spacing(string before, string after) => new(new KeepNext(), new SpacingBetweenLines { Before = before, After = after });

        var table = new Style { Type = StyleValues.Table, StyleId = "Tabell", CustomStyle = true };
        table.Append(new StyleName { Val = "Tabell" }, new BasedOn { Val = "TableNormal" },
            new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "999999" })));
        var normalTable = new Style { Type = StyleValues.Table, StyleId = "TableNormal", Default = true };
        normalTable.Append(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(),
            new StyleTableProperties(new TableCellMarginDefault(
                new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })));

        var normal = Paragraph("Normal", "Normal", true, new RunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" }, new FontSize { Val = "21" }),
            new ParagraphProperties(new SpacingBetweenLines { After = "120" }));
        normal.Default = true;
        return new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new Languages { Val = "sv-SE" }))),
            normal,
            Paragraph("Title", "Title", true, new RunProperties(new Bold(), new FontSize { Val = "36" })),
            Paragraph("Heading1", "heading 1", true, new RunProperties(new Bold(), new FontSize { Val = "32" }), Spacing("360", "120"), 0),
            Paragraph("Heading2", "heading 2", true, new RunProperties(new Bold(), new FontSize { Val = "28" }), Spacing("280", "120"), 1),
            Paragraph("Heading3", "heading 3", true, new RunProperties(new Bold(), new FontSize { Val = "24" }), Spacing("240", "120"), 2),
            Paragraph("Betygsrad", "Betygsrad", false, new RunProperties(new Bold())),
            Paragraph("Betygsunderlag", "Betygsunderlag", false, new RunProperties(new Italic(), new FontSize { Val = "18" })),
            Paragraph("Rubrikord", "Rubrikord", false, new RunProperties(new Bold()), Spacing("120", "60")),
            Paragraph("Tabelltext", "Tabelltext", false, new RunProperties(new FontSize { Val = "16" }), new ParagraphProperties(new SpacingBetweenLines { After = "0" })),
            normalTable,
            table);
    }
}
