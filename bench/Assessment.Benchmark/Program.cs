using System.Diagnostics;
using System.Globalization;
using Assessment.Benchmark;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Import;
using Assessment.Reports;
using Assessment.Reports.Justification;
using Assessment.Rules;
using Assessment.Rules.Audit;

// assess benchmarks: dotnet run -c Release --project bench/Assessment.Benchmark -- [scenario|all] [--repeat N]
// Scenarios: sample, city, national, double, compile, yaml, sweep, sweep-national, files, explain. Reports medians,
// allocations and peak memory. `all` leaves out sweep-national, files and explain, which write
// their data as YAML files to a folder (--dir, standard: a new folder under the system's temporary folder) and
// leave them there for whole-process runs of `assess`.

var scenario = args.FirstOrDefault(a => !a.StartsWith("--")) ?? "all";
var repeat = args.SkipWhile(a => a != "--repeat").Skip(1).Select(int.Parse).FirstOrDefault(5);
var dir = args.SkipWhile(a => a != "--dir").Skip(1).FirstOrDefault()
    ?? Path.Combine(Path.GetTempPath(), $"assess-bench-{Environment.ProcessId}");
var root = FindRoot();
var rulesPath = Path.Combine(root, "rules", "stockholm.yaml");
var samplePath = Path.Combine(root, "examples", "hasselby-vallingby-t1-2026.yaml");
var templatesPath = Path.Combine(root, "templates");

Console.WriteLine($"Maskin: {Environment.ProcessorCount} kärnor, .NET {Environment.Version}, upprepningar {repeat} (median)");
Console.WriteLine($"{"scenario",-44}{"median",12}{"min",12}{"allokerat",14}{"topp-minne",14}");

var rules = RuleSetReader.ReadFile(rulesPath);
var results = new Dictionary<string, double>();

if (scenario is "all" or "sample")
    Measure("ett distrikt: exemplet, läsa + bedöma + JSON", () =>
    {
        var r = RuleSetReader.ReadFile(rulesPath);
        var result = r.Assess(DatasetReader.ReadFile(samplePath));
        JsonReport.Render(result, Justifications.Render(result, TemplateSet.Load(templatesPath, "templates")));
    });

if (scenario is "all" or "compile")
{
    Measure("regelverket: läsa och kontrollera en gång", () => RuleSetReader.ReadFile(rulesPath));
    var one = DatasetReader.ReadFile(samplePath);
    var perIndicator = Measure("exemplet bedömt med färdigt regelverk", () => rules.Assess(one)) / one.AllGoals().Sum(g => g.Indicators.Count);
    Console.WriteLine($"  → {perIndicator * 1000:F1} µs per indikator (mål inräknade); inläsningen av regelverket ingår inte");
}

if (scenario is "all" or "yaml")
{
    var text = DatasetText.Write(Generator.Dataset(new Random(7), "Nämnd", new ReportingPeriod(PeriodKind.T1, 2026), 73), "s.json", []);
    var ms = Measure($"YAML: läsa ett genererat distrikt ({text.Length / 1024} KiB)", () => DatasetReader.Read(text, "g.yaml"));
    Console.WriteLine($"  → {text.Length / 1024.0 / 1024 / (ms / 1000):F1} MiB/s");
}

if (scenario is "all" or "city")
{
    var city = Generator.Datasets(13 * 3, 73, seed: 1);
    Measure($"staden: 13 stadsdelar × 3 perioder ({Count(city)} indikatorer)", () => AssessAll(city));
}

if (scenario is "all" or "national" or "double")
{
    var national = Generator.Datasets(2_900, 103, seed: 2);
    var single = Measure($"nationellt: 2 900 dataset ({Count(national):N0} indikatorer)", () => AssessAll(national));
    var parallel = Measure("nationellt, parallellt över kärnorna", () => AssessParallel(national));
    results["national"] = Math.Min(single, parallel);
    national = null;
    GC.Collect();
    if (scenario is "all" or "double")
    {
        var twice = Generator.Datasets(5_800, 103, seed: 3);
        var singleTwice = Measure($"dubbla: 5 800 dataset ({Count(twice):N0} indikatorer)", () => AssessAll(twice));
        var parallelTwice = Measure("dubbla, parallellt över kärnorna", () => AssessParallel(twice));
        Console.WriteLine($"  → dubbla / nationellt: {singleTwice / single:F2}× (en tråd), {parallelTwice / parallel:F2}× (parallellt); mål ≤ 2,2×");
    }
}

if (scenario is "all" or "sweep")
{
    // The bundled datasets (as `assess sweep` reads them by default), rated once and then under 101 values of
    // delvis_grans, as `assess sweep delvis_grans=0.80..0.99:0.0019` does; the same rule set for each.
    var bundled = Directory.GetFiles(Path.Combine(root, "examples"), "*.yaml", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal).Select(f => DatasetReader.ReadFile(f)).ToList();
    var axis = SweepAxis.Parse("delvis_grans=0.80..0.99:0.0019");
    var once = Measure($"de medföljande {bundled.Count} dataseten bedömda en gång", () => AssessAll(bundled));
    var swept = Measure($"svep: {axis.Count} värden över dem", () => SweepAll(bundled, axis));
    Console.WriteLine($"  → {swept / axis.Count:F2} ms per variant, {swept / axis.Count / once:F2}× en bedömning");
}

if (scenario is "sweep-national")
{
    var count = args.SkipWhile(a => a != "--datasets").Skip(1).Select(int.Parse).FirstOrDefault(2_900);
    var national = Generator.Datasets(count, 103, seed: 2);
    var axis = SweepAxis.Parse("delvis_grans=0.80..0.99:0.0019"); // 101 values, as over the bundled datasets
    // One evaluation and the sweep alternately (after a warm-up of each: A B A B …), the ratio taken pair by pair,
    // so that on a loaded machine both meet the same load.
    AssessAll(national);
    SweepAll(national, axis);
    var pairs = Enumerable.Range(0, repeat).Select(_ => (Once: Timed(() => AssessAll(national)), Swept: Timed(() => SweepAll(national, axis)))).ToList();
    var once = Row($"nationellt: {count} dataset bedömda en gång", pairs.Select(p => p.Once).ToList());
    var swept = Row($"svep nationellt: {axis.Count} värden", pairs.Select(p => p.Swept).ToList());
    var ratio = pairs.Select(p => p.Swept.Ms / p.Once.Ms).Order().ToList()[repeat / 2];
    Console.WriteLine($"  → svep / en bedömning, par för par: median {ratio:F2}× (mål ≤ 5×); medianerna {swept / once:F2}×, {swept / axis.Count / once:F3}× per värde");

    static (double Ms, long Allocated) Timed(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(true);
        var sw = Stopwatch.StartNew();
        action();
        return (sw.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(true) - before);
    }

    static double Row(string name, List<(double Ms, long Allocated)> runs)
    {
        var times = runs.Select(r => r.Ms).Order().ToList();
        Console.WriteLine($"{name,-44}{Ms(times[times.Count / 2]),12}{Ms(times[0]),12}{Mib(runs[^1].Allocated),14}{"",14}");
        return times[times.Count / 2];
    }
}

if (scenario is "files")
{
    // National scale from files: 2 900 dataset files written by the dataset writer (or the *.yaml files of an
    // existing folder, --files DIR), then read as the CLI reads them, against YamlDotNet's own parser (the event
    // stream, nothing built) over the same texts. Reading is file bytes → Dataset objects; the bytes are read
    // into memory once beforehand, and once more with the files read as well.
    var existing = args.SkipWhile(a => a != "--files").Skip(1).FirstOrDefault();
    var folder = existing ?? Path.Combine(dir, "nationellt");
    if (existing is null)
    {
        Directory.CreateDirectory(folder);
        var national = Generator.Datasets(2_900, 103, seed: 2);
        for (var i = 0; i < national.Count; i++)
            File.WriteAllText(Path.Combine(folder, $"dataset-{i + 1:D4}.yaml"),
                DatasetText.Write(national[i], "../schemas/dataset.schema.json", ["Genererad för prestandamätning."]));
    }
    var paths = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToArray();
    var files = paths.Select(File.ReadAllBytes).ToArray();
    var texts = files.Select(b => System.Text.Encoding.UTF8.GetString(b)).ToArray();
    var bytes = files.Sum(b => (long)b.Length);
    Console.WriteLine($"  {files.Length} filer, {bytes / 1024.0 / 1024:F0} MiB, i {folder}");
    var (parser, parserBytes) = MeasureAllocated("YAML: YamlDotNets parser (händelser)", () =>
    {
        foreach (var t in texts)
        {
            var p = new YamlDotNet.Core.Parser(new StringReader(t));
            while (p.MoveNext()) { }
        }
    });
    var (scanner, scannerBytes) = MeasureAllocated("YAML: vår läsare, nodtabellen ur byten", () =>
    {
        foreach (var b in files) YamlFile.Recycle(YamlFile.ParseRoot(b, "d.yaml", new ErrorSink()));
    });
    var (reader, readerBytes) = MeasureAllocated("YAML: DatasetReader ur byten, en tråd", () =>
    {
        foreach (var b in files) DatasetReader.Read(b, "d.yaml");
    });
    var (withoutProse, withoutProseBytes) = MeasureAllocated("YAML: DatasetReader ur byten utan prosa (som backtest och sweep läser), en tråd", () =>
    {
        foreach (var b in files) DatasetReader.Read(b, "d.yaml", prose: false);
    });
    var (fromFiles, fromFilesBytes) = MeasureAllocated("YAML: DatasetReader.ReadFile, en tråd", () =>
    {
        foreach (var path in paths) DatasetReader.ReadFile(path, "d.yaml");
    });
    // What the datasets themselves hold (live after a full collection), against what reading allocates.
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var before = GC.GetTotalMemory(true);
    var kept = files.Select(b => DatasetReader.Read(b, "d.yaml")).ToList();
    var retained = GC.GetTotalMemory(true) - before;
    Console.WriteLine($"  dataseten själva (levande efter läsningen): {Mib(retained)}, {retained / (double)bytes:F2}× de lästa byten");
    GC.KeepAlive(kept);
    kept = null;
    var parallelReader = Measure("YAML: DatasetReader ur byten, parallellt", () => Parallel.ForEach(files, b => DatasetReader.Read(b, "d.yaml")));
    Console.WriteLine($"  → vår läsare / parsern: {scanner / parser:F2}× tid; DatasetReader / parsern: {reader / parser:F2}× (mål ≤ 1,5×), " +
                      $"med filläsningen {fromFiles / parser:F2}×; parallellt {parallelReader / parser:F2}×");
    Console.WriteLine($"  → allokerat per läst byte: parsern {parserBytes / (double)bytes:F2}×, vår läsare {scannerBytes / (double)bytes:F2}×, " +
                      $"DatasetReader {readerBytes / (double)bytes:F2}×, med filläsningen {fromFilesBytes / (double)bytes:F2}× (mål ≤ 3×); " +
                      $"utan prosa {withoutProseBytes / (double)bytes:F2}× på {withoutProse / parser:F2}× parserns tid");
    Console.WriteLine($"  hela processen: assess backtest {folder}");
}

if (scenario is "explain")
{
    // One goal with 5 000 indicators: `assess explain` on it against `assess run` on the same file.
    Directory.CreateDirectory(dir);
    var file = Path.Combine(dir, "stort-mal.yaml");
    var big = Generator.OneGoal(new Random(11), new ReportingPeriod(PeriodKind.T2, 2026), 5_000);
    File.WriteAllText(file, DatasetText.Write(big, "../schemas/dataset.schema.json", ["Genererad för prestandamätning."]));
    var goal = big.AllGoals().Single(g => g.Indicators.Count > 0).Id;
    var run = Measure("ett mål med 5 000 indikatorer: run (text)", () =>
        TextReport.Render(rules.Assess(DatasetReader.ReadFile(file)), file));
    var explain = Measure("explain på målet", () =>
    {
        var result = rules.Assess(DatasetReader.ReadFile(file));
        ExplainReport.Text(result, result.AllGoals().Single(g => g.Goal.Id == goal));
    });
    var explainJson = Measure("explain på målet, JSON", () =>
    {
        var result = rules.Assess(DatasetReader.ReadFile(file));
        ExplainReport.Json(result, result.AllGoals().Single(g => g.Goal.Id == goal));
    });
    Console.WriteLine($"  → explain / run: {explain / run:F2}× (text), {explainJson / run:F2}× (JSON); mål ≤ 3×");
    Console.WriteLine($"  hela processen: assess explain {goal} {file}  mot  assess run {file}");
}

double Measure(string name, Action action) => MeasureAllocated(name, action).Median;

(double Median, long Allocated) MeasureAllocated(string name, Action action)
{
    action(); // warm-up: JIT and caches
    var times = new List<double>();
    long allocated = 0;
    long peak = 0;
    for (var i = 0; i < repeat; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(true);
        using var sampler = new PeakSampler();
        var sw = Stopwatch.StartNew();
        action();
        sw.Stop();
        times.Add(sw.Elapsed.TotalMilliseconds);
        allocated = GC.GetTotalAllocatedBytes(true) - before;
        peak = Math.Max(peak, sampler.Peak);
    }
    times.Sort();
    var median = times[times.Count / 2];
    Console.WriteLine($"{name,-44}{Ms(median),12}{Ms(times[0]),12}{Mib(allocated),14}{Mib(peak),14}");
    return (median, allocated);
}

void AssessAll(IReadOnlyList<Dataset> datasets)
{
    foreach (var d in datasets) rules.Assess(d);
}

void SweepAll(IReadOnlyList<Dataset> datasets, SweepAxis axis) =>
    Sweep.Run(datasets, _ => rules, [axis]);

void AssessParallel(IReadOnlyList<Dataset> datasets) => Parallel.ForEach(datasets, d => rules.Assess(d));

static int Count(IReadOnlyList<Dataset> datasets) => datasets.Sum(d => d.AllGoals().Sum(g => g.Indicators.Count));

static string Ms(double ms) => ms >= 1000 ? $"{ms / 1000:F2} s" : $"{ms:F1} ms";

static string Mib(long bytes) => $"{bytes / 1024.0 / 1024:F0} MiB";

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Assessment.sln"))) return dir.FullName;
    throw new InvalidOperationException("Assessment.sln not found");
}

/// <summary>Samples the process's working set every 10 ms; the highest value seen is the peak.</summary>
internal sealed class PeakSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public PeakSampler()
    {
        _peak = Environment.WorkingSet;
        _timer = new Timer(_ => Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), Environment.WorkingSet)), null, 0, 10);
    }

    public long Peak => Math.Max(Interlocked.Read(ref _peak), Environment.WorkingSet);

    public void Dispose() => _timer.Dispose();
}
