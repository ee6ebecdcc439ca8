using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Reports.Justification;

namespace Assessment.Tests.Reports;

/// <summary>
/// The load-time check walks every branch of the templates on their syntax tree: a mistake is found whichever
/// rating, period or evidence reaches it, not only on the paths one run takes.
/// </summary>
public sealed class TemplateCheckTests : IDisposable
{
    private readonly DirectoryInfo _dir = TemplateFolder.Copy();

    public void Dispose() => _dir.Delete(recursive: true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir.FullName, name), text);

    private TemplateSet Load() => TemplateSet.Load(_dir.FullName, "mallar");

    private InputError Rejected() => Should.Throw<InputException>(Load).Errors.ShouldHaveSingleItem();

    private static string Summary(TemplateSet templates) =>
        Justifications.Render(Repo.StockholmRules.Assess(Repo.Sample()), templates).Summary;

    [Fact]
    public void A_misspelt_variable_in_a_branch_only_one_rating_reaches_is_found()
    {
        // The run at load takes a goal rated "helt": only the walk of the syntax reaches the "inte" branch.
        Write("namndmal.sbn", "{{ include \"_gemensamt.sbn\" }}\n{{ if betyg == \"helt\" }}Bra.\n{{ else if betyg == \"inte\" }}Ej {{ titell }}.\n{{ end }}");
        var error = Rejected();
        error.Position.ShouldBe(new SourcePosition("mallar/namndmal.sbn", 3, 36));
        error.Message.ShouldBe("mallen kunde inte köras: variabeln eller funktionen `titell` finns inte");
    }

    [Fact]
    public void A_misspelt_member_of_a_loop_variable_is_found_with_the_members_there_are()
    {
        Write("verksamhetsomradesmal.sbn", "{{ if period.plan }}\n{{ for m in missade }}{{ m.namm }}{{ end }}\n{{ end }}");
        var error = Rejected();
        error.Position.ShouldBe(new SourcePosition("mallar/verksamhetsomradesmal.sbn", 2, 28));
        error.Message.ShouldBe("mallen kunde inte köras: okänd variabel \"namm\" (finns: betyg, forra_aret, kalla, mal, mal_text, maltyp, namn, namn_i_mening, uppfyllelse, varde)");
    }

    [Fact]
    public void A_loop_variable_is_not_known_after_its_loop()
    {
        Write("sammanfattning.sbn", "{{ for n in nivaer }}{{ n.namn }}{{ end }}{{ n.namn }}");
        Rejected().Message.ShouldContain("`n` finns inte");
    }

    [Fact]
    public void A_variable_defined_by_an_include_is_known_after_the_include_only()
    {
        Write("_halsning.sbn", "{{ halsning = \"Hej \" + period.typ }}");
        Write("sammanfattning.sbn", "{{ include \"_halsning.sbn\" }}{{ halsning }}");
        Summary(Load()).ShouldBe("Hej T1");

        Write("sammanfattning.sbn", "{{ halsning }}{{ include \"_halsning.sbn\" }}");
        Rejected().Message.ShouldContain("`halsning` finns inte");
    }

    [Fact]
    public void A_misspelt_member_in_an_included_function_is_reported_in_the_included_file()
    {
        Write("_hjalp.sbn", "{{ func arsrad(p)\n ret p.typ + \" \" + p.arr\nend }}");
        Write("sammanfattning.sbn", "{{ include \"_hjalp.sbn\" }}{{ if period.plan }}{{ arsrad period }}{{ end }}");
        var error = Rejected();
        error.Position.ShouldBe(new SourcePosition("mallar/_hjalp.sbn", 2, 22));
        error.Message.ShouldContain("okänd variabel \"arr\"");
    }

    [Fact]
    public void A_function_parameter_is_known_in_its_body_with_the_shape_of_what_is_passed_and_not_outside()
    {
        Write("sammanfattning.sbn", "{{ func ar(p)\n ret p.ar\nend\nar period }}");
        Summary(Load()).ShouldBe("2026");

        Write("sammanfattning.sbn", "{{ func ar(p)\n ret p.ar\nend\nar period\np }}");
        var error = Rejected();
        error.Position.ShouldBe(new SourcePosition("mallar/sammanfattning.sbn", 5, 1));
        error.Message.ShouldContain("`p` finns inte");
    }

    [Fact]
    public void A_function_called_with_a_model_object_has_its_members_checked_and_one_never_called_is_not()
    {
        Write("sammanfattning.sbn", "{{ func ar(p)\n ret p.arr\nend\nfunc aldrig(q)\n ret q.finns_inte\nend\nar period }}");
        var error = Rejected();
        error.Position.ShouldBe(new SourcePosition("mallar/sammanfattning.sbn", 2, 8));
        error.Message.ShouldContain("okänd variabel \"arr\" (finns: ar, plan, prognos, typ)");
    }

    /// <summary>A call is walked again for each other shape of its arguments: a shape checked once does not stand for another.</summary>
    [Fact]
    public void A_function_is_checked_with_each_shape_it_is_called_with()
    {
        Write("sammanfattning.sbn", "{{ func typ(p)\n ret p.typ\nend\ntyp period\ntyp period\nfor n in nivaer\n typ n\nend }}");
        var error = Rejected();
        error.Position.ShouldBe(new SourcePosition("mallar/sammanfattning.sbn", 2, 8));
        error.Message.ShouldContain("okänd variabel \"typ\" (finns: antal, delvis, ej_bedomd, helt, inte, namn, niva)");
    }

    [Fact]
    public void A_name_assigned_in_one_branch_and_read_in_another_is_reported()
    {
        Write("sammanfattning.sbn", "{{ if period.plan\n  text = \"plan\"\nelse\n  text + \"!\"\nend }}");
        var error = Rejected();
        error.Position.ShouldBe(new SourcePosition("mallar/sammanfattning.sbn", 4, 3));
        error.Message.ShouldContain("`text` finns inte");
    }

    [Fact]
    public void A_name_assigned_in_some_branches_only_is_reported_where_it_is_read_after_them()
    {
        Write("sammanfattning.sbn", "{{ if period.plan\n  text = \"plan\"\nelse if period.prognos\n  text = \"prognos\"\nend\ntext }}");
        var error = Rejected();
        error.Position.ShouldBe(new SourcePosition("mallar/sammanfattning.sbn", 6, 1));
        error.Message.ShouldBe("mallen kan inte köras i alla fall: variabeln `text` får ett värde bara i en del av grenarna före den här raden (i en if, case eller loop); ge den ett värde före grenarna");

        Write("sammanfattning.sbn", "{{ for n in nivaer\n  sista = n.namn\nend\nsista }}");
        Rejected().Message.ShouldContain("variabeln `sista` får ett värde bara i en del av grenarna");
    }

    [Fact]
    public void A_name_assigned_in_every_branch_or_before_a_return_is_known()
    {
        Write("sammanfattning.sbn", "{{ if period.plan\n  text = \"plan\"\nelse if period.prognos\n  text = \"prognos\"\nelse\n  text = \"utfall\"\nend\ntext }}");
        Summary(Load()).ShouldBe("prognos");

        Write("sammanfattning.sbn", "{{ func f(p)\n if p.plan\n  ret \"plan\"\n end\n t = \"inte plan\"\n ret t\nend\nf period }}");
        Summary(Load()).ShouldBe("inte plan");
    }

    [Fact]
    public void A_function_without_parameters_assigns_its_callers_variables_at_every_call()
    {
        Write("sammanfattning.sbn", "{{ func satt\n  text = period.typ\nend\nif period.plan\n  satt\nelse\n  satt\nend\ntext }}");
        Summary(Load()).ShouldBe("T1");
    }

    [Fact]
    public void Loops_know_their_loop_object()
    {
        Write("sammanfattning.sbn", "{{ i = 0\nwhile i < 2\n  i = i + while.index + 1\nend\nfor n in nivaer\n  if for.first\n    n.namn\n  end\nend }}");
        Summary(Load()).ShouldBe("inriktningsmål");
    }

    [Fact]
    public void Built_in_objects_have_their_members_checked_and_with_blocks_see_their_object()
    {
        Write("sammanfattning.sbn", "{{ if period.plan }}{{ [\"a\"] | array.joinn \",\" }}{{ end }}");
        Rejected().Message.ShouldBe("mallen kunde inte köras: `joinn` finns inte här");

        Write("sammanfattning.sbn", "{{ with period }}{{ typ }} {{ ar }}{{ end }}");
        Summary(Load()).ShouldBe("T1 2026");
    }

    [Fact]
    public void A_member_of_an_absent_override_is_found_by_the_run_at_load()
    {
        Write("namndmal.sbn", "{{ if avviker }}{{ overstyrning.motivering }}{{ end }}{{ overstyrning.av }}");
        var error = Rejected();
        error.Position!.File.ShouldBe("mallar/namndmal.sbn");
        error.Message.ShouldContain("`overstyrning` är tomt (null)");
    }

    [Fact]
    public void An_include_outside_the_folder_in_a_branch_no_run_reaches_is_refused()
    {
        Write("sammanfattning.sbn", "{{ if period.plan && period.prognos }}{{ include \"../hemligt.sbn\" }}{{ end }}");
        Rejected().Message.ShouldContain("utanför mallmappen");
    }
}
