using System.Text;
using System.Text.RegularExpressions;
using Assessment.Cli;
using Assessment.Reports;
using Assessment.Reports.Justification;

namespace Assessment.Tests.Reports;

/// <summary>The one output seam: every format of <c>assess run</c> is an <see cref="IReportFormat"/> in <see cref="ReportFormats"/>.</summary>
public class ReportFormatTests
{
    private static readonly Lazy<ReportInput> Input = new(() =>
    {
        var result = Repo.StockholmRules.Assess(Repo.Sample());
        return new ReportInput(result, "exempel.yaml", Justifications.Render(result, TemplateSet.Load(Repo.PathOf("templates"), "templates")));
    });

    public static TheoryData<string> Names => [.. ReportFormats.Names];

    [Fact]
    public void Names_are_unique_lower_case_and_text_comes_first()
    {
        ReportFormats.Names.Distinct().Count().ShouldBe(ReportFormats.All.Count);
        ReportFormats.Names.ShouldAllBe(n => n == n.ToLowerInvariant());
        ReportFormats.Names[0].ShouldBe("text");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Run_help_and_readme_list_every_format(string name)
    {
        var usage = $"--format {string.Join("|", ReportFormats.Names)}";
        var help = HelpText.For(RunCommand.Command);
        help.ShouldContain(usage);
        File.ReadAllText(Repo.PathOf("README.md")).ShouldContain(usage);
        Regex.IsMatch(help, $@"^\s+(--format FORMAT\s+)?{name}( \(standard\))?:", RegexOptions.Multiline).ShouldBeTrue($"assess run --help beskriver inte {name}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_format_writes_what_the_command_writes(string name)
    {
        var format = ReportFormats.Named(name);
        var bytes = format.Render(Input.Value);
        bytes.Length.ShouldBeGreaterThan(1000);
        if (format.Binary)
        {
            bytes[..2].ShouldBe("PK"u8.ToArray(), "a binary format here is an Office file (a zip)");
            format.MediaType.ShouldStartWith("application/vnd.openxmlformats-officedocument.");
            return;
        }
        format.MediaType.ShouldEndWith("; charset=utf-8", customMessage: "a text format is served as UTF-8, as it is written");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        text.ShouldContain(Input.Value.Result.RuleSet.Sha256[..12]);
        text.ShouldEndWith("\n");
    }

    [Fact]
    public void A_format_that_needs_texts_without_them_is_a_programming_error()
    {
        var input = Input.Value with { Texts = null };
        Should.Throw<InvalidOperationException>(() => ReportFormats.Named("json").Render(input));
        ReportFormats.Named("text").Render(input).Length.ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Text_formats_are_named_in_any_case(string name)
    {
        var format = ReportFormats.Named(name);
        if (format.Binary) return;
        var (exit, _, err) = Assess.Run("run", "--format", name.ToUpperInvariant());
        exit.ShouldBe(0, err);
    }

    [Fact]
    public void Binary_formats_need_an_output_file()
    {
        foreach (var format in ReportFormats.All.Where(f => f.Binary))
        {
            var (exit, _, err) = Assess.Run("run", "--format", format.Name);
            exit.ShouldBe(2);
            err.ShouldContain($"{format.Kind} skrivs till en fil: ange -o RESULTAT.{format.Name}");
        }
    }

    [Fact]
    public void An_unknown_format_names_every_format()
    {
        var (exit, _, err) = Assess.Run("run", "--format", "pdf");
        exit.ShouldBe(2);
        err.ShouldContain($"väntade {string.Join(", ", ReportFormats.Names.SkipLast(1))} eller {ReportFormats.Names[^1]}");
    }
}
