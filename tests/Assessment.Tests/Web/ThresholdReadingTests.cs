using System.Net;
using System.Text.Json;

namespace Assessment.Tests.Web;

/// <summary>The JSON API and the policy form read thresholds through one check: the same bad value gets the same Swedish message.</summary>
public class ThresholdReadingTests
{
    [Theory]
    [InlineData("delvis_grans", "hög", "tröskelvärdet \"delvis_grans\" ska vara ett tal, t.ex. 0.85 (fick \"hög\")")]
    [InlineData("delvis_grans", "NaN", "tröskelvärdet \"delvis_grans\" ska vara ett tal, t.ex. 0.85 (fick \"NaN\")")]
    [InlineData("delvis_grans", "1e300", "tröskelvärdet delvis_grans är orimligt stort: högst 1000000000 till beloppet")]
    [InlineData("delvis_gräns", "0.8", "okänt tröskelvärde \"delvis_gräns\" (menade du delvis_grans?)")]
    public async Task The_api_and_the_form_say_the_same_about_the_same_value(string name, string value, string message)
    {
        await using var bench = TestWorkbench.Start();
        var number = double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) && double.IsFinite(n);
        var json = $"{{\"thresholds\": {{{JsonSerializer.Serialize(name)}: {(number ? value : JsonSerializer.Serialize(value))}}}}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/what-if") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        using var response = await bench.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var fromApi = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;

        var (status, page) = await bench.Get($"/policy/resultat?t.{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
        status.ShouldBe(400);
        var fromForm = WebUtility.HtmlDecode(page.Replace("<p class=\"fel\">", "").Replace("</p>", ""));

        fromApi.ShouldStartWith(message);
        fromForm.ShouldBe(fromApi);
    }
}
