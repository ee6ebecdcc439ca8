using System.Globalization;
using System.Net;
using System.Net.Sockets;

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

    [Fact]
    public async Task A_port_in_use_is_a_coded_error_and_exit_2()
    {
        using var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        var port = ((IPEndPoint)occupier.LocalEndpoint).Port;
        await ShouldRefuse(port);
    }

    [Fact]
    public async Task A_second_workbench_on_the_same_port_is_refused_with_a_code()
    {
        await using var first = TestWorkbench.Start(listen: true);
        await ShouldRefuse(new Uri(first.Address!).Port);
        (await first.Get("/")).Status.ShouldBe(200); // the first goes on serving
    }

    /// <summary>assess serve on a taken port: "fel A001: …", exit 2, never the bare "fel:" nor .NET's English.</summary>
    private static async Task ShouldRefuse(int port)
    {
        // Bounded: were the port free after all, serve would run until stopped.
        var (exit, output, error) = await Task.Run(() => Assess.Run("serve", "--port", port.ToString(CultureInfo.InvariantCulture)))
            .WaitAsync(TimeSpan.FromMinutes(3));
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldBe($"fel A001: kan inte lyssna på port {port}: porten används redan (välj en annan med --port, eller --port 0 för en ledig){Environment.NewLine}");
    }
}
