using Assessment.Domain.Model;
using Assessment.Reports.Justification;
using Assessment.Rules;

namespace Assessment.Tests.Reports;

/// <summary>The phrasing of DOMAIN.md's recurring sentences, per level, tense and evidence.</summary>
public class JustificationTextTests
{
    private static string Ind(string name, string rating, string periodicity = "Tertial", bool outcome = true) => rating switch
    {
        "helt" => Yaml.Indicator(name, "100 %", "100 %", outcome: outcome ? "100 %" : null, periodicity: periodicity),
        _ => Yaml.Indicator(name, "90 %", "100 %", outcome: outcome ? "90 %" : null, periodicity: periodicity),
    };

    private static Justifications Render(string serviceAreas, string period, FinalSource final = FinalSource.Derived)
    {
        var result = Repo.StockholmRules.Assess(Yaml.Read(Yaml.Dataset(serviceAreas, period)), final);
        return Justifications.Render(result, Templates.Shipped);
    }

    private static string BoardGoal(string id, string indicators = "", string activities = "") =>
        $"- id: \"{id}\"\n  titel: Nämndmål\n" + Yaml.Indent(indicators + activities, 2);

    private static string ServiceArea(string id, IEnumerable<string> kf, IEnumerable<string> boardGoals, string extra = "") =>
        $"- id: \"{id}\"\n  titel: Mål\n" + Yaml.Indent(extra, 2) + "\n" + Yaml.Indent(Yaml.Section("indikatorer", kf), 2) + "\n" +
        Yaml.Indent(Yaml.Section("namndmal", boardGoals), 2);

    private static readonly string Activities = Yaml.Section("aktiviteter", ["- namn: A\n  start: 2026-01-01\n  slut: 2026-12-31"]);

    [Fact]
    public void Year_end_uses_outcome_tense_and_lists_the_evidence_that_exists()
    {
        var texts = Render(ServiceArea("1.1", [Ind("A", "helt"), Ind("B", "helt")],
            [BoardGoal("1.1.1", activities: Activities), BoardGoal("1.1.2", activities: Activities)], extra: Activities), "VB 2025");
        texts.ByGoal["1"].ShouldBe("Förvaltningen bedömer att inriktningsmålet uppfyllts helt. Bedömningen grundar sig på det sammantagna resultatet för underliggande verksamhetsområdesmål.");
        texts.ByGoal["1.1"].ShouldBe("Förvaltningen bedömer att verksamhetsområdesmålet uppfylls helt. Bedömningen grundar sig på kommunfullmäktiges indikatorer, nämndmålens resultat för året samt genomförda aktiviteter.");
        texts.ByGoal["1.1.1"].ShouldBe("Förvaltningen bedömer att nämndmålet uppfylls helt. Bedömningen grundar sig på genomförda aktiviteter.");
        texts.Summary.ShouldBe("Bedömningen är att 1 inriktningsmål uppfylls helt. Bedömningen är att 1 verksamhetsområdesmål uppfylls helt.");
    }

    [Fact]
    public void Year_end_with_one_namndmal_and_no_activities()
    {
        var texts = Render(ServiceArea("1.1", [Ind("A", "helt")], [BoardGoal("1.1.1", activities: Activities)]), "VB 2025");
        texts.ByGoal["1.1"].ShouldBe("Förvaltningen bedömer att verksamhetsområdesmålet uppfylls helt. Bedömningen grundar sig på kommunfullmäktiges indikator samt nämndmålets resultat för året.");
    }

    [Fact]
    public void Tertial_without_KF_indicators_leaves_that_clause_out()
    {
        var texts = Render(ServiceArea("1.7", [], [BoardGoal("1.7.1", activities: Activities)]), "T1 2026");
        texts.ByGoal["1.7"].ShouldBe("Förvaltningen bedömer att verksamhetsområdesmålet kommer att uppfyllas helt under året. Bedömningen grundar sig på nämndmålet resultat för perioden och prognos för året.");
    }

    [Fact]
    public void Tertial_with_only_yearly_KF_indicators_speaks_of_the_forecast_in_singular_or_plural()
    {
        var one = Render(ServiceArea("1.8", [Ind("A", "helt", "År", outcome: false)], [BoardGoal("1.8.1", activities: Activities)]), "T1 2026");
        one.ByGoal["1.8"].ShouldContain("Bedömningen grundar sig på prognosen för kommunfullmäktiges indikator samt nämndmålet");
        var two = Render(ServiceArea("1.4", [Ind("A", "helt", "År", outcome: false), Ind("B", "helt", "År", outcome: false)],
            [BoardGoal("1.4.1", activities: Activities)]), "T1 2026");
        two.ByGoal["1.4"].ShouldContain("Bedömningen grundar sig på prognosen för kommunfullmäktiges indikatorer samt nämndmålet");
    }

    [Fact]
    public void A_delvis_namndmal_at_year_end_names_its_evidence_and_figures()
    {
        var texts = Render(ServiceArea("1.6", [], [BoardGoal("1.6.1", Yaml.Section("indikatorer", [Ind("Andel trygga", "delvis"), Ind("Andel nöjda", "helt")]))]), "VB 2025");
        texts.ByGoal["1.6.1"].ShouldBe(
            "Förvaltningen bedömer att nämndmålet uppfylls delvis. Bedömningen grundar sig på nämndens indikatorer. " +
            "Utfallet för andel trygga är 90\u00A0% mot årsmålet 100\u00A0%, vilket bedöms som uppfylls delvis.");
    }

    [Fact]
    public void An_override_reason_that_is_not_a_report_sentence_becomes_one()
    {
        var extra = "overstyrning:\n  betyg: helt\n  motivering: brukarundersökningen visar en tydlig förbättring";
        var texts = Render(ServiceArea("1.1", [Ind("A", "delvis"), Ind("B", "delvis")], [], extra), "T1 2026");
        texts.ByGoal["1.1"].ShouldBe(
            "Förvaltningen bedömer att verksamhetsområdesmålet kommer att uppfyllas helt under året. " +
            "Bedömningen grundar sig på resultat och prognos för kommunfullmäktiges indikatorer. " +
            "Bedömningen grundar sig även på att brukarundersökningen visar en tydlig förbättring. " +
            "Prognosen för helåret för A är 90\u00A0% mot årsmålet 100\u00A0%, vilket bedöms som uppfylls delvis. " +
            "Prognosen för helåret för B är 90\u00A0% mot årsmålet 100\u00A0%, vilket bedöms som uppfylls delvis.");
    }

    [Fact]
    public void Extreme_figures_render_in_every_format_without_error()
    {
        var huge = Yaml.Indicator("Enorm", null, "0,0001 %", outcome: "70 000 000 000 000 000 000 000 000 000 %");
        var tiny = Yaml.Indicator("Liten", null, "70 000 000 000 000 000 000 000 000 000 %", outcome: "0,0000001 %");
        var result = Repo.StockholmRules.Assess(Yaml.Read(Yaml.Dataset(ServiceArea("1.1", [huge, tiny], []), "VB 2025")));
        var texts = Justifications.Render(result, Templates.Shipped);
        Assessment.Reports.HtmlReport.Render(result, texts).ShouldContain("Enorm");
        Assessment.Reports.MarkdownReport.Render(result, texts).ShouldContain("Liten");
        Assessment.Reports.JsonReport.Render(result, texts).ShouldContain("Enorm");
        texts.ByGoal["1.1"].ShouldContain("Utfallet för liten");
    }

    [Fact]
    public void Markup_in_dataset_text_is_shown_as_written_in_markdown_and_html()
    {
        const string name = "Andel <script>x</script> *nöjda* `kod` [länk](http://x) & | mer";
        var indicator = Yaml.Indicator(name, "90 %", "80 %");
        var result = Repo.StockholmRules.Assess(Yaml.Read(Yaml.Dataset(ServiceArea("1.1", [indicator], []), "VB 2025")));
        var texts = Justifications.Render(result, Templates.Shipped);

        var md = Assessment.Reports.MarkdownReport.Render(result, texts);
        md.ShouldContain(@"Andel \<script\>x\</script\> \*nöjda\* \`kod\` \[länk\](http://x) \& \| mer");
        md.ShouldNotContain("<script>");

        var html = Assessment.Reports.HtmlReport.Render(result, texts);
        html.ShouldNotContain("<script>x");
        html.ShouldContain("&lt;script&gt;x");
    }

    [Theory]
    [InlineData("Sjukfrånvaro", "sjukfrånvaro")]
    [InlineData("ANDT-förebyggande insatser", "ANDT-förebyggande insatser")]
    [InlineData("Andel nöjda barn och äldre. ", "andel nöjda barn och äldre")]
    public void Indicator_names_fit_inside_a_sentence(string name, string expected) =>
        TemplateModels.InSentence(name).ShouldBe(expected);

    [Fact]
    public void Goals_that_cannot_be_assessed_say_so()
    {
        var texts = Render(ServiceArea("1.1", [], [BoardGoal("1.1.1")]), "T1 2026");
        texts.ByGoal["1.1.1"].ShouldBe("Nämndmålet kan inte bedömas eftersom det saknar indikatorer och aktiviteter att bedöma.");
        texts.ByGoal["1.1"].ShouldBe("Verksamhetsområdesmålet kan inte bedömas eftersom underlag saknas.");
        texts.ByGoal["1"].ShouldStartWith("Inriktningsmålet kan inte bedömas för perioden");
    }
}
