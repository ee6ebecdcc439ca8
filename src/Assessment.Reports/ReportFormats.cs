using System.Text;
using Assessment.Reports.Justification;
using Assessment.Rules;

namespace Assessment.Reports;

/// <summary>What a report is made from: the result, the dataset as the user named it, and the justification texts.</summary>
/// <param name="Texts">The justifications rendered from the templates; given to every format that <see cref="IReportFormat.NeedsTexts"/>.</param>
public sealed record ReportInput(AssessmentResult Result, string DatasetName, Justifications? Texts)
{
    /// <summary>The justification texts; a format that uses them says so (<see cref="IReportFormat.NeedsTexts"/>).</summary>
    public Justifications Justifications => Texts ?? throw new InvalidOperationException("the format needs the justification texts, but none were rendered");
}

/// <summary>
/// One output format of <c>assess run</c> (<c>--format NAME</c>). The command reads the inputs, renders the texts
/// when the format needs them, and has the format render the whole output as bytes (written whole or not at all).
/// </summary>
public interface IReportFormat
{
    /// <summary>The name after <c>--format</c>, lower case; also the file extension.</summary>
    string Name { get; }

    /// <summary>
    /// What the output is, in Swedish, with its article ("en arbetsbok"): for the message that a binary format
    /// needs <c>-o</c>.
    /// </summary>
    string Kind { get; }

    /// <summary>What the format gives, in Swedish, for the command's help (lines broken with \n).</summary>
    string Description { get; }

    /// <summary>Not text: written to a file only, never to the terminal.</summary>
    bool Binary { get; }

    /// <summary>Whether the format shows the justification texts, so the templates are read and rendered.</summary>
    bool NeedsTexts { get; }

    /// <summary>
    /// Whether the format shows the dataset's prose (analyses, descriptions, expected results), so the dataset is read
    /// with it; a format without it leaves the prose unread (<c>DatasetReader.Read(…, prose: false)</c>).
    /// </summary>
    bool ShowsProse { get; }

    /// <summary>The media type of the output (with its charset when it is text), as a download is served.</summary>
    string MediaType { get; }

    /// <summary>
    /// What the workbench calls the download of this format on a dataset's page ("Excel"), or null when it offers
    /// none: the terminal's text is not a report to save, and the JSON is the workbench's own API.
    /// </summary>
    string? Download { get; }

    /// <summary>Whether the lean native <c>assess</c> writes it (<see cref="ProgramParts"/>); when not, <c>assess-full</c> does.</summary>
    bool InLeanProgram { get; }

    /// <summary>The report rendered whole, as bytes (UTF-8 for the text formats).</summary>
    byte[] Render(ReportInput input);
}

/// <summary>Every format of <c>assess run</c>, declared once: the command's <c>--format</c> list and its dispatch come from here.</summary>
public static class ReportFormats
{
    /// <summary>The formats, the default (text) first.</summary>
    public static IReadOnlyList<IReportFormat> All => Formats;

    // Typed as the record, so that looking one up by name calls its property directly (no interface dispatch at start).
    private static readonly Format[] Formats =
    [
        new Format("text", "en text", "målträdet för terminalen", Binary: false, NeedsTexts: false, "text/plain; charset=utf-8", Download: null,
            input => Encoding.UTF8.GetBytes(TextReport.Render(input.Result, input.DatasetName)))
        {
            ShowsProse = false,
        },
        new Format("json", "ett JSON-dokument", "stabilt format för andra verktyg, med motiveringstexter", Binary: false, NeedsTexts: true,
            "application/json; charset=utf-8", Download: null,
            input => JsonReport.Utf8(input.Result, input.Justifications))
        {
            ShowsProse = false,
        },
        new Format("md", "en Markdown-rapport", "rapport i Markdown, i rapportens egen struktur", Binary: false, NeedsTexts: true,
            "text/markdown; charset=utf-8", "Markdown",
            input => Encoding.UTF8.GetBytes(MarkdownReport.Render(input.Result, input.Justifications))),
        new Format("html", "en HTML-rapport", "en fristående, utskrivbar HTML-fil med \"Varför?\" under varje mål", Binary: false, NeedsTexts: true,
            "text/html; charset=utf-8", "HTML",
            input => Encoding.UTF8.GetBytes(HtmlReport.Render(input.Result, input.Justifications))),
        new Format("xlsx", "en arbetsbok",
            "arbetsbok (kräver -o) med bladen Mål, Bedömning, Indikatorer,\nAktiviteter och Uppgifter; Indikatorer och Aktiviteter kan läsas in\nigen med assess merge",
            Binary: true, NeedsTexts: false, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel",
            input => ProgramParts.Lean ? throw ProgramParts.Lacks("xlsx") : ResultWorkbook.Write(input.Result))
        {
            InLeanProgram = false,
        },
        new Format("docx", "ett Word-dokument",
            "målkapitlet som Word-dokument (kräver -o): rubrik per mål med\nWords rubrikformat, betygsrad, Analys, indikator- och aktivitetstabell",
            Binary: true, NeedsTexts: true, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word",
            input => ProgramParts.Lean ? throw ProgramParts.Lacks("docx") : DocxReport.Render(input.Result, input.Justifications))
        {
            InLeanProgram = false,
        },
    ];

    public static IReadOnlyList<string> Names => Lists.Names;

    /// <summary>The formats the workbench offers as downloads of a dataset, in this order.</summary>
    public static IReadOnlyList<IReportFormat> Downloads => Lists.Downloads;

    /// <summary>The lists made from the formats, made when first asked for (a run asks for none of them).</summary>
    private static class Lists
    {
        public static readonly IReadOnlyList<string> Names = [.. Formats.Select(f => f.Name)];

        public static readonly IReadOnlyList<IReportFormat> Downloads = [.. Formats.Where(f => f.Download is not null)];
    }

    /// <summary>The format of that name (as <see cref="Names"/> spell it).</summary>
    public static IReportFormat Named(string name)
    {
        foreach (var format in Formats)
            if (format.Name == name) return format;
        throw new ArgumentException($"no report format is named \"{name}\"", nameof(name));
    }

    // Each format renders its bytes itself: a text is encoded once into its own array, not copied on into a stream
    // and out of it again (two more copies of the output at the end of every run).
    private sealed record Format(string Name, string Kind, string Description, bool Binary, bool NeedsTexts, string MediaType, string? Download,
        Func<ReportInput, byte[]> Renderer) : IReportFormat
    {
        public bool InLeanProgram { get; init; } = true;

        public bool ShowsProse { get; init; } = true;

        public byte[] Render(ReportInput input) => Renderer(input);
    }
}
