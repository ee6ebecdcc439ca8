namespace Assessment.Tests.Web;

/// <summary>assess serve's usage errors: a Swedish message and exit code 2, before anything listens.</summary>
public class ServeCommandTests
{
    [Fact]
    public void A_missing_folder_is_a_positioned_input_error()
    {
        var (exit, _, error) = Assess.Run("serve", "finns/inte");
        exit.ShouldBe(2);
        error.ShouldContain("finns/inte: mappen finns inte");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("70000")]
    [InlineData("-1")]
    public void A_port_that_is_no_port_is_a_usage_error(string port)
    {
        var (exit, _, error) = Assess.Run("serve", "--port", port);
        exit.ShouldBe(2);
        error.ShouldContain("väntade ett portnummer 0–65535");
    }

    [Fact]
    public void A_rules_folder_that_cannot_be_read_is_reported_before_listening()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.PathOf("trasig.yaml"), "id: x\n");
        var (exit, _, error) = Assess.Run("serve", "--rules", temp.PathOf("trasig.yaml"), "--port", "0");
        exit.ShouldBe(2);
        error.ShouldContain("trasig.yaml");
    }
}
