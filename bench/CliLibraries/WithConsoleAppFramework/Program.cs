// Eleven commands as assess has them, run's seven flags in full; `run` parses and prints the format.
using ConsoleAppFramework;

var app = ConsoleApp.Create();
app.Add<Commands>();
app.Run(args);

public class Commands
{
    /// <summary>Bedömer ett dataset.</summary>
    /// <param name="dataset">Datasetfil</param>
    /// <param name="rules">Regelverk</param>
    /// <param name="format">Format</param>
    /// <param name="output">-o, Skriv till FIL</param>
    /// <param name="templates">Mallar</param>
    /// <param name="final">Källa</param>
    /// <param name="log">Logg</param>
    [Command("run")]
    public int Run([Argument] string? dataset = null, string? rules = null, string format = "text", string? output = null,
        string? templates = null, string? final = null, string? log = null)
    {
        Console.Out.Write(format);
        return 0;
    }

    /// <summary>beskrivning av explain</summary>
    [Command("explain")] public int Explain([Argument] string goal, string? rules = null, string? output = null) => 0;
    /// <summary>beskrivning av check</summary>
    [Command("check")] public int Check(string? rules = null, string? output = null) => 0;
    /// <summary>beskrivning av validate</summary>
    [Command("validate")] public int Validate(string? rules = null, string? output = null) => 0;
    /// <summary>beskrivning av test</summary>
    [Command("test")] public int Test(string? rules = null, string? output = null) => 0;
    /// <summary>beskrivning av diff</summary>
    [Command("diff")] public int Diff(string[]? rules = null, string? output = null) => 0;
    /// <summary>beskrivning av import</summary>
    [Command("import")] public int Import(string? rules = null, string? output = null) => 0;
    /// <summary>beskrivning av backtest</summary>
    [Command("backtest")] public int Backtest(string? rules = null, string? output = null) => 0;
    /// <summary>beskrivning av merge</summary>
    [Command("merge")] public int Merge(string? rules = null, string? output = null) => 0;
    /// <summary>beskrivning av sweep</summary>
    [Command("sweep")] public int Sweep(string? rules = null, string? output = null) => 0;
    /// <summary>beskrivning av completion</summary>
    [Command("completion")] public int Completion(string? rules = null, string? output = null) => 0;
}
