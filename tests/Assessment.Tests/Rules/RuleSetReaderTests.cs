using Assessment.Rules.Language;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Rules;
using Assessment.Rules.Model;

namespace Assessment.Tests.Rules;

public class RuleSetReaderTests
{
    private static string Shipped => Repo.ReadRulesText();

    /// <summary>The shipped rules with one text replaced; fails if the text is not there exactly once.</summary>
    private static string ShippedWith(string old, string replacement)
    {
        Shipped.Split(old).Length.ShouldBe(2, $"\"{old}\" should occur once in rules/stockholm.yaml");
        return Shipped.Replace(old, replacement);
    }

    private static InputException Rejected(string text) =>
        Should.Throw<InputException>(() => RuleSetReader.Read(text, "regler.yaml"));

    private static int LineOf(string text, string fragment) =>
        text[..text.IndexOf(fragment, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public void The_shipped_rule_set_loads_with_identity_and_thresholds()
    {
        var ruleSet = Repo.StockholmRules.RuleSet;
        ruleSet.Id.ShouldBe("stockholm");
        ruleSet.Version.ShouldNotBeNullOrWhiteSpace();
        ruleSet.ValidFrom.ShouldBe(new DateOnly(2023, 1, 1)); // covers the seed reports 2023–2026
        ruleSet.Sha256.Length.ShouldBe(64);
        ruleSet.Thresholds.Select(t => t.Name).ShouldContain("delvis_grans");
        RuleScopes.All.ShouldAllBe(scope => ruleSet.Rules[scope].Last().Condition == "true");
    }

    [Fact]
    public void A_broken_expression_is_an_error_naming_the_rule_and_its_position()
    {
        var text = ShippedWith("om: uppfyllelse >= delvis_grans", "om: uppfyllelse >= (delvis_grans");
        var error = Rejected(text).Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("regeln \"nara-malet\"");
        error.Message.ShouldContain("\"(\" saknar sin \")\"");
        error.Position.ShouldBe(new SourcePosition("regler.yaml", LineOf(text, "uppfyllelse >= (delvis_grans"), 26));
    }

    [Fact]
    public void A_type_error_is_reported_not_evaluated_as_false()
    {
        var text = ShippedWith("om: mal_uppnatt\n", "om: maltyp >= 1\n");
        Rejected(text).Errors.ShouldHaveSingleItem().Message.ShouldContain("regeln \"mal-uppnatt\"");
    }

    [Fact]
    public void An_expression_that_throws_is_an_error_at_load_when_it_can_be_seen_there()
    {
        var text = ShippedWith("om: mal_uppnatt\n", "om: 1 / 0 > 0 || mal_uppnatt\n");
        Rejected(text).Errors.ShouldHaveSingleItem().Message.ShouldContain("regeln \"mal-uppnatt\"");
    }

    [Fact]
    public void An_expression_that_throws_while_rating_is_an_error_never_a_silent_false()
    {
        // A constant divisor of zero is found when the rules are read; one that depends on the facts only when rating.
        var rules = RuleSetReader.Read(ShippedWith("om: mal_uppnatt\n", "om: mal_uppnatt && 1 / (varde - mal) > 0\n"), "regler.yaml");
        var met = new Indicator("Andel", null, null, null, null, Assessment.Domain.Parsing.SwedishValues.ParseQuantity("90 %"),
            Assessment.Domain.Parsing.SwedishValues.ParseTarget("90 %"), null, Periodicity.Tertial, null, null, SourcePosition.InFile("t"));
        var error = Should.Throw<InputException>(() =>
            rules.AssessIndicator(met, "1.1", IndicatorKind.Kf, new ReportingPeriod(PeriodKind.T1, 2026))).Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("regeln \"mal-uppnatt\" kunde inte utvärderas: division med noll i \"(varde - mal)\"");
        error.Position!.File.ShouldBe("regler.yaml");
    }

    [Fact]
    public void Unknown_names_get_a_did_you_mean()
    {
        var text = ShippedWith("om: uppfyllelse >= delvis_grans", "om: uppfylelse >= delvis_gräns");
        var errors = Rejected(text).Errors;
        errors.Count.ShouldBe(2);
        errors[0].Message.ShouldContain("menade du \"uppfyllelse\"");
        errors[1].Message.ShouldContain("menade du \"delvis_grans\"");
    }

    [Theory]
    [InlineData("\"\".GetType().Assembly != null")]
    [InlineData("System.IO.File.ReadAllText(\\\"/etc/passwd\\\") != \\\"\\\"")]
    [InlineData("Environment.Exit(1) == 0")]
    [InlineData("maltyp.Length > 0")]
    [InlineData("np(maltyp) != null")]
    [InlineData("varde = 1")]
    public void Expressions_cannot_reach_beyond_facts_and_thresholds(string expression)
    {
        var text = ShippedWith("om: mal_uppnatt\n", $"om: \"{expression}\"\n");
        Rejected(text).Errors.ShouldNotBeEmpty();
    }

    public static TheoryData<string, string> DeepExpressions() => new()
    {
        { new string('(', 100) + "mal_uppnatt" + new string(')', 100), "nästlat djupare än 16 nivåer" },
        { string.Concat(Enumerable.Repeat("mal_uppnatt ? true : ", 40)) + "false", "nästlat djupare än 16 nivåer" },
        { string.Join(" || ", Enumerable.Repeat("mal_uppnatt", 200)), "längre än 1000 tecken" },
    };

    [Theory]
    [MemberData(nameof(DeepExpressions))]
    public void Expressions_too_deep_or_long_for_the_compiler_are_refused_not_crashed_on(string expression, string message)
    {
        var text = ShippedWith("om: mal_uppnatt\n", $"om: \"{expression}\"\n");
        Rejected(text).Errors.ShouldContain(e => e.Message.Contains(message));
    }

    [Theory]
    [InlineData('!')]
    [InlineData('-')]
    public void A_long_chain_of_unary_operators_within_the_length_limit_compiles_or_is_an_input_error(char unary)
    {
        var expression = new string(unary, Lexer.MaxLength - 40) + (unary == '!' ? "mal_uppnatt" : "uppfyllelse > 0");
        var text = ShippedWith("om: mal_uppnatt\n", $"om: \"{expression}\"\n");
        try { RuleSetReader.Read(text, "regler.yaml"); }
        catch (InputException) { }
    }

    [Theory]
    [InlineData("null")]
    [InlineData("in")]
    [InlineData("int")]
    [InlineData("eq")]
    [InlineData("and")]
    public void A_threshold_named_like_a_word_of_the_expression_language_is_refused(string name)
    {
        var text = ShippedWith("  delvis_grans: 0.85", $"  delvis_grans: 0.85\n  {name}: 0.5");
        Rejected(text).Errors.ShouldContain(e => e.Message.Contains($"\"{name}\" är ett reserverat ord"));
    }

    [Fact]
    public void Several_mistakes_are_all_reported()
    {
        var text = ShippedWith("delvis_grans: 0.85", "delvis_grans: mycket")
            .Replace("betyg: ej_bedomd\n    - id: varde-saknas", "betyg: kanske\n    - id: varde-saknas")
            .Replace("version: \"1.0\"", "versoin: \"1.0\"");
        var messages = Rejected(text).Errors.Select(e => e.Message).ToList();
        messages.ShouldContain(m => m.Contains("\"delvis_grans\": väntade ett tal"));
        messages.ShouldContain(m => m.Contains("okänt betyg \"kanske\""));
        messages.ShouldContain(m => m.Contains("okänd nyckel \"versoin\" – menade du \"version\""));
    }

    [Fact]
    public void A_rule_list_without_a_catch_all_is_rejected()
    {
        var text = ShippedWith("      beskrivning: Värdet ligger under delvis-bandet.\n      om: \"true\"",
            "      beskrivning: Värdet ligger under delvis-bandet.\n      om: uppfyllelse < delvis_grans");
        Rejected(text).Errors.ShouldHaveSingleItem().Message.ShouldContain("uppsamlingsregel");
    }

    [Fact]
    public void A_threshold_is_a_one_line_edit_that_changes_ratings()
    {
        var indicator = new Indicator("Aktivt Medskapandeindex", Assessment.Domain.Parsing.SwedishValues.ParseQuantity("81"),
            null, null, null, null, Assessment.Domain.Parsing.SwedishValues.ParseTarget("82"), null,
            Periodicity.Year, null, null, SourcePosition.InFile("t"));
        var period = new ReportingPeriod(PeriodKind.T1, 2026);
        Repo.StockholmRules.AssessIndicator(indicator, "3.4", IndicatorKind.Kf, period).Rating.ShouldBe(Rating.Partly);

        var stricter = RuleSetReader.Read(ShippedWith("delvis_grans: 0.85", "delvis_grans: 0.99"), "strängare.yaml");
        stricter.AssessIndicator(indicator, "3.4", IndicatorKind.Kf, period).Rating.ShouldBe(Rating.NotMet);
        stricter.RuleSet.Sha256.ShouldNotBe(Repo.StockholmRules.RuleSet.Sha256);
    }

    [Fact]
    public void Other_threshold_values_need_no_second_reading_of_the_rules()
    {
        var indicator = new Indicator("Aktivt Medskapandeindex", Assessment.Domain.Parsing.SwedishValues.ParseQuantity("81"),
            null, null, null, null, Assessment.Domain.Parsing.SwedishValues.ParseTarget("82"), null,
            Periodicity.Year, null, null, SourcePosition.InFile("t"));
        var period = new ReportingPeriod(PeriodKind.T1, 2026);
        var stricter = Repo.StockholmRules.WithThresholds(new Dictionary<string, double> { ["delvis_grans"] = 0.99 });

        var result = stricter.AssessIndicator(indicator, "3.4", IndicatorKind.Kf, period);
        result.Rating.ShouldBe(Rating.NotMet);
        result.Decision.Checked.Single(c => c.Rule.Id == "nara-malet").Trace.Thresholds.ShouldBe([("delvis_grans", 0.99)]);
        stricter.RuleSet.Thresholds.Single(t => t.Name == "delvis_grans").Value.ShouldBe(0.99);
        Repo.StockholmRules.AssessIndicator(indicator, "3.4", IndicatorKind.Kf, period).Rating.ShouldBe(Rating.Partly);
        Should.Throw<ArgumentException>(() => Repo.StockholmRules.WithThresholds(new Dictionary<string, double> { ["delvis_gräns"] = 1 }));
    }

    [Fact]
    public void Reused_indicator_facts_give_the_same_ratings_under_every_threshold_value()
    {
        var indicator = new Indicator("Aktivt Medskapandeindex", Assessment.Domain.Parsing.SwedishValues.ParseQuantity("81"),
            null, null, null, null, Assessment.Domain.Parsing.SwedishValues.ParseTarget("82"), null,
            Periodicity.Year, null, null, SourcePosition.InFile("t"));
        var period = new ReportingPeriod(PeriodKind.T1, 2026);
        var reusing = Repo.StockholmRules.ReusingIndicatorFacts();

        var asWritten = reusing.AssessIndicator(indicator, "3.4", IndicatorKind.Kf, period);
        var stricter = reusing.WithThresholds(new Dictionary<string, double> { ["delvis_grans"] = 0.99 }).AssessIndicator(indicator, "3.4", IndicatorKind.Kf, period);
        asWritten.Rating.ShouldBe(Rating.Partly);
        stricter.Rating.ShouldBe(Rating.NotMet);
        stricter.Decision.Facts.ShouldBeSameAs(asWritten.Decision.Facts); // computed once, read under both values
        // Under another kind the facts differ (kf_indikator) and are computed again, not reused.
        var board = reusing.AssessIndicator(indicator, "3.4", IndicatorKind.Board, period);
        board.Decision.Facts["kf_indikator"].ShouldBe(false);
        board.Rating.ShouldBe(Repo.StockholmRules.AssessIndicator(indicator, "3.4", IndicatorKind.Board, period).Rating);
    }
}
