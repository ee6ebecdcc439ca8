using Assessment.Reports.Json;

namespace Assessment.Tests.Reports;

/// <summary>The one JSON serializer (source-generated System.Text.Json): its three forms and the fields it leaves out.</summary>
public class JsonOutputTests
{
    private static readonly RuleSetJson RuleSet = new("stockholm", "1.0", "abc", "2023-01-01", Note: null);

    [Fact]
    public void A_document_is_indented_keeps_swedish_letters_and_ends_in_a_newline()
    {
        var json = JsonOutput.Document(new PeriodJson("T1", 2026, "2026-04-30") with { Kind = "Hässelby <T1>" });
        json.ShouldBe("{\n  \"kind\": \"Hässelby <T1>\",\n  \"year\": 2026,\n  \"end\": \"2026-04-30\"\n}\n".ReplaceLineEndings());
    }

    [Fact]
    public void A_log_line_is_one_line()
    {
        var line = System.Text.Encoding.UTF8.GetString(JsonOutput.LineOf(new LoggedGoalJson("1.1", "helt", "r", null, "helt", null)));
        line.ShouldBe("{\"id\":\"1.1\",\"derived\":\"helt\",\"rule\":\"r\",\"recorded\":null,\"final\":\"helt\"}\n");
    }

    [Fact]
    public void Json_for_a_page_escapes_what_could_end_its_script_element()
    {
        var json = JsonOutput.ForHtml(new ChartSeriesJson("</script>ä", [1, 0.5]));
        json.ShouldNotContain("</script>");
        json.ShouldNotContain("ä");
        json.ShouldEndWith("\"data\":[1,0.5]}");
    }

    [Fact]
    public void Fields_that_only_sometimes_apply_are_left_out_and_the_others_written_as_null()
    {
        var json = JsonOutput.Document(RuleSet);
        json.ShouldNotContain("note");
        json.ShouldContain("\"sha256\": \"abc\"");
        json.ShouldContain("\"valid_from\": \"2023-01-01\"");
        JsonOutput.Document(RuleSet with { Note = "äldre" }).ShouldContain("\"note\": \"äldre\"");
        JsonOutput.Document(new OverrideJson("helt", "skäl", null)).ShouldContain("\"by\": null");
    }

    [Fact]
    public void Facts_are_numbers_rounded_truth_values_or_text_in_their_order()
    {
        var values = JsonOutput.Values([("b", 0.123456789), ("a", true), ("c", 3), ("b", 9.0)], digits: 4);
        values.Keys.ShouldBe(["b", "a", "c"]);
        JsonOutput.Document(new FailingPartJson("x", values)).ShouldContain("\"b\": 0.1235,\n    \"a\": true,\n    \"c\": \"3\"".ReplaceLineEndings());
    }
}
