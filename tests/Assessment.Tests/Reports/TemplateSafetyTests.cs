using Assessment.Domain.Model;
using Assessment.Domain;
using Assessment.Reports.Justification;

namespace Assessment.Tests.Reports;

/// <summary>Policy staff edit the templates; mistakes are reported at load with their position, and no template runs away.</summary>
public sealed class TemplateSafetyTests : IDisposable
{
    private readonly DirectoryInfo _dir = TemplateFolder.Copy();

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    private void Write(string name, string text) => File.WriteAllText(PathOf(name), text);

    private InputException Rejected() => Should.Throw<InputException>(() => TemplateSet.Load(_dir.FullName, "mallar"));

    [Fact]
    public void The_shipped_templates_load() => TemplateSet.Load(_dir.FullName, "mallar").ShouldNotBeNull();

    [Fact]
    public void A_syntax_error_is_reported_with_file_line_and_column()
    {
        Write("namndmal.sbn", "{{ include \"_gemensamt.sbn\" }}\nRad två\n{{ if betyg == }}\n");
        var error = Rejected().Errors.First();
        error.Position!.File.ShouldBe("mallar/namndmal.sbn");
        error.Position.Line.ShouldBe(3);
        error.Position.Column.ShouldBeGreaterThan(1);
        error.Message.ShouldContain("går inte att tolka");
    }

    [Fact]
    public void An_unknown_variable_is_reported_at_load_with_its_position()
    {
        File.AppendAllText(PathOf("verksamhetsomradesmal.sbn"), "\n{{ betyg_text }}\n");
        var lines = File.ReadAllLines(PathOf("verksamhetsomradesmal.sbn")).Length;
        var error = Rejected().Errors.ShouldHaveSingleItem();
        error.Position.ShouldBe(new SourcePosition("mallar/verksamhetsomradesmal.sbn", lines, 4));
        error.Message.ShouldContain("betyg_text");
    }

    [Fact]
    public void A_misspelt_variable_in_the_shared_include_is_reported_in_that_file()
    {
        Write("_gemensamt.sbn", File.ReadAllText(PathOf("_gemensamt.sbn")).Replace("o.motivering", "o.motivring"));
        Rejected().Errors.ShouldContain(e => e.Position!.File == "mallar/_gemensamt.sbn" && e.Message.Contains("motivring"));
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("../../rules/stockholm.yaml")]
    public void Templates_cannot_include_files_outside_their_folder(string path)
    {
        File.WriteAllText(Path.Combine(_dir.Parent!.FullName, "secret.txt"), "hemligt");
        Write("sammanfattning.sbn", $"{{{{ include \"{path}\" }}}}");
        Rejected().Errors.ShouldContain(e => e.Message.Contains("utanför mallmappen"));
    }

    private const string FiveHundredChars =
        "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789" +
        "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789" +
        "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789" +
        "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789" +
        "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789";

    [Theory]
    [InlineData("{{ for i in 1..100000 }}x{{ end }}", "längre än en loop får gå")]
    [InlineData("{{ func f(x)\n ret f(x + 1)\nend\nf 1 }}", "djupare än tillåtet")]
    [InlineData("{{ for i in 1..999 }}" + FiveHundredChars + FiveHundredChars + FiveHundredChars + "{{ end }}", "1000000 tecken")]
    [InlineData("{{ date.now }}", "date")]
    [InlineData("{{ math.random 1 1000000 }}", "`random` finns inte")]
    [InlineData("{{ math.uuid }}", "`uuid` finns inte")]
    [InlineData("{{ period.ty }}", "ty")]
    [InlineData("{{ regex.match ((\"a\" * 30) + \"b\") \"^(a+)+$\" }}", "reguljärt uttryck")]
    // Three calls per level, 19 levels: inside the recursion limit, 3^19 calls – stopped by the step limit.
    [InlineData("{{ func f(n)\n if n > 0\n f(n - 1)\n f(n - 1)\n f(n - 1)\n end\nend\nf 19 }}", "mer än 200000 steg")]
    public void Runaway_and_clock_reading_templates_are_stopped(string text, string expected)
    {
        Write("sammanfattning.sbn", text);
        Rejected().Errors.ShouldContain(e => e.Message.Contains(expected));
    }

    private string Outside(string name, string text)
    {
        var path = Path.Combine(_dir.Parent!.FullName, $"{_dir.Name}-{name}");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void An_include_of_a_name_no_file_can_have_is_a_template_error_not_a_crash()
    {
        Write("sammanfattning.sbn", "{{ include \"a\\0b.sbn\" }}");
        Rejected().Errors.ShouldContain(e => e.Message.Contains("inget giltigt filnamn") && e.Position!.Line == 1);
    }

    /// <summary>Every template includes `_gemensamt.sbn`: its mistake is told once, not again by each template that runs into it.</summary>
    [Fact]
    public void A_broken_include_is_reported_once_by_the_first_template_that_includes_it()
    {
        Write("_gemensamt.sbn", "{{ if }}");
        var errors = Rejected().Errors;
        errors.Count.ShouldBe(2);
        errors.ShouldAllBe(e => e.Position!.File == "mallar/_gemensamt.sbn" && e.Message.StartsWith("mallen går inte att tolka: "));

        var secret = Outside("hemligt.txt", "hemligt");
        try
        {
            File.Delete(PathOf("_gemensamt.sbn"));
            File.CreateSymbolicLink(PathOf("_gemensamt.sbn"), secret);
            Rejected().Errors.ShouldHaveSingleItem().Message.ShouldContain("\"mallar/_gemensamt.sbn\" kan inte inkluderas: mallen pekar utanför mallmappen");
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void A_missing_include_is_named_where_each_template_includes_it_found_by_the_check_or_by_a_run()
    {
        File.Delete(PathOf("_gemensamt.sbn"));
        var errors = Rejected().Errors;
        errors.Select(e => e.Position!.File).ShouldBe(TemplateSet.Required.Select(t => $"mallar/{t}.sbn"), ignoreOrder: true);
        errors.ShouldAllBe(e => e.Message == "mallen kunde inte köras: mallen \"_gemensamt.sbn\" finns inte i mallmappen");

        File.Copy(Repo.PathOf("templates/_gemensamt.sbn"), PathOf("_gemensamt.sbn"));
        Write("sammanfattning.sbn", "{{ namn = \"saknas.sbn\"\ninclude namn }}"); // which file is known by running only
        var error = Rejected().Errors.ShouldHaveSingleItem();
        error.Position.ShouldBe(new SourcePosition("mallar/sammanfattning.sbn", 2, 1));
        error.Message.ShouldBe("mallen kunde inte köras: mallen \"saknas.sbn\" finns inte i mallmappen");
    }

    [Fact]
    public void An_include_through_a_link_to_a_file_outside_the_folder_is_refused()
    {
        var secret = Outside("hemligt.txt", "hemligt");
        try
        {
            File.CreateSymbolicLink(PathOf("hemligt.sbn"), secret);
            Write("sammanfattning.sbn", "{{ include \"hemligt.sbn\" }}");
            Rejected().Errors.ShouldContain(e => e.Message.Contains("pekar utanför mallmappen"));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void A_template_that_is_a_link_to_a_file_outside_the_folder_is_refused()
    {
        var secret = Outside("hemligt.sbn", "hemligt");
        try
        {
            File.Delete(PathOf("namndmal.sbn"));
            File.CreateSymbolicLink(PathOf("namndmal.sbn"), secret);
            Rejected().Errors.ShouldContain(e => e.Position!.File == "mallar/namndmal.sbn" && e.Message.Contains("pekar utanför mallmappen"));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void A_link_that_stays_inside_the_folder_is_followed()
    {
        File.CreateSymbolicLink(PathOf("gemensamt-länk.sbn"), PathOf("_gemensamt.sbn"));
        Write("sammanfattning.sbn", "{{ include \"gemensamt-länk.sbn\" }}Sammanfattning");
        var result = Repo.StockholmRules.Assess(Repo.Sample());
        Justifications.Render(result, TemplateSet.Load(_dir.FullName, "mallar")).Summary.ShouldBe("Sammanfattning");
    }

    [SkippableFact]
    public void An_include_of_a_device_is_refused_not_read_without_end()
    {
        Skip.IfNot(File.Exists("/dev/zero"), "needs /dev/zero");
        File.CreateSymbolicLink(PathOf("noll.sbn"), "/dev/zero");
        Write("sammanfattning.sbn", "{{ include \"noll.sbn\" }}");
        Rejected().Errors.ShouldContain(e => e.Message.Contains("noll.sbn"));
    }

    [SkippableFact]
    public void An_include_of_a_named_pipe_in_the_folder_is_refused_without_opening_it()
    {
        Skip.IfNot(Posix.Available, "mkfifo needs Linux");
        Posix.MakeFifo(PathOf("rör.sbn"));
        Write("sammanfattning.sbn", "{{ include \"rör.sbn\" }}");
        var load = Task.Factory.StartNew(Rejected, TaskCreationOptions.LongRunning);
        load.Wait(TimeSpan.FromSeconds(60)).ShouldBeTrue("blocked opening the pipe");
        load.Result.Errors.ShouldContain(e => e.Message.Contains("mallen är en namngiven pipe (FIFO), inte en vanlig fil"));
    }

    [Fact]
    public void A_template_that_is_a_dangling_link_is_named()
    {
        File.Delete(PathOf("namndmal.sbn"));
        File.CreateSymbolicLink(PathOf("namndmal.sbn"), PathOf("borta.sbn"));
        Rejected().Errors.ShouldContain(e => e.Position!.File == "mallar/namndmal.sbn" && e.Message.Contains("en symbolisk länk till en fil som inte finns"));
    }

    [Fact]
    public void An_include_over_the_input_size_limit_is_refused_before_it_is_read()
    {
        using (var big = File.Create(PathOf("stor.sbn"))) big.SetLength(InputText.MaxBytes + 1); // sparse: takes no disk
        Write("sammanfattning.sbn", "{{ include \"stor.sbn\" }}");
        Rejected().Errors.ShouldContain(e => e.Message.Contains("större än de 64 MiB som läses"));
    }

    [Fact]
    public void A_missing_template_is_named()
    {
        File.Delete(PathOf("namndmal.sbn"));
        Rejected().Errors.ShouldHaveSingleItem().Position!.File.ShouldBe("mallar/namndmal.sbn");
    }

    [Fact]
    public void Edited_templates_are_used_without_a_rebuild()
    {
        Write("sammanfattning.sbn", "{{ \"Sammanfattning för \" + period.typ + \" \" + period.ar }}");
        var result = Repo.StockholmRules.Assess(Repo.Sample());
        Justifications.Render(result, TemplateSet.Load(_dir.FullName, "mallar")).Summary.ShouldBe("Sammanfattning för T1 2026");
    }

    [Fact]
    public void A_long_override_reason_is_quoted_whole_not_taken_for_a_runaway_template()
    {
        var reason = string.Concat(Enumerable.Repeat("Trots att målet inte nås fullt ut bedöms det uppfyllt. ", 600));
        var sample = Repo.Sample();
        Goal WithReason(Goal g) => g with
        {
            Override = g.Override is { } o ? o with { Reason = reason } : null,
            Children = g.Children.Select(WithReason).ToList(),
        };
        var result = Repo.StockholmRules.Assess(sample with { Goals = sample.Goals.Select(WithReason).ToList() });

        var texts = Justifications.Render(result, TemplateSet.Load(Repo.PathOf("templates"), "templates"));

        texts.ByGoal["3.4"].ShouldContain(reason.Trim());
    }
}
