// Eleven commands as assess has them, run's seven flags in full; `run` parses and prints the format.
using System.CommandLine;

var root = new RootCommand("assess – bedömer måluppfyllelse");
foreach (var name in new[] { "explain", "check", "validate", "test", "diff", "import", "backtest", "merge", "sweep", "completion" })
{
    var command = new Command(name, "beskrivning av " + name);
    command.Options.Add(new Option<string>("--rules") { Description = "Regelverk", HelpName = "FIL|MAPP" });
    command.Options.Add(new Option<string>("--output", "-o") { Description = "Skriv till FIL", HelpName = "FIL" });
    command.Arguments.Add(new Argument<string[]>("DATASET") { Arity = ArgumentArity.ZeroOrMore });
    command.SetAction(_ => 0);
    root.Subcommands.Add(command);
}
var run = new Command("run", "Bedömer ett dataset");
var format = new Option<string>("--format") { Description = "Format", HelpName = "FORMAT", DefaultValueFactory = _ => "text" };
format.CompletionSources.Add("text", "json", "md", "html", "xlsx", "docx");
run.Arguments.Add(new Argument<string?>("DATASET") { Arity = ArgumentArity.ZeroOrOne, Description = "Datasetfil" });
run.Options.Add(new Option<string>("--rules") { Description = "Regelverk", HelpName = "FIL|MAPP" });
run.Options.Add(format);
run.Options.Add(new Option<string>("--output", "-o") { Description = "Skriv till FIL", HelpName = "FIL" });
run.Options.Add(new Option<string>("--templates") { Description = "Mallar", HelpName = "MAPP" });
run.Options.Add(new Option<string>("--final") { Description = "Källa", HelpName = "KÄLLA" });
run.Options.Add(new Option<string>("--log") { Description = "Logg", HelpName = "FIL" });
run.SetAction(parse =>
{
    Console.Out.Write(parse.GetValue(format));
    return 0;
});
root.Subcommands.Add(run);
return root.Parse(args).Invoke();
