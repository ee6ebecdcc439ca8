using Assessment.Domain;
using Assessment.Domain.Yaml;
using Assessment.Rules;

namespace Assessment.Cli;

/// <summary>Datasets named on the command line, a folder standing for every dataset in it (backtest, sweep).</summary>
internal static class DatasetFiles
{
    /// <summary>
    /// Reads each dataset named, or in a folder named; a file in a folder that is no dataset is skipped with a
    /// note on standard error. A dataset that cannot be read is returned with its errors instead, so the
    /// caller can count the others and report it. The files are read and parsed on every core, each once,
    /// and handed over in the order named.
    /// </summary>
    public static IEnumerable<(LoadedDataset? Dataset, (string Dataset, IReadOnlyList<InputError> Errors)? Failed)> Read(
        IEnumerable<string> given, CommandContext context)
    {
        var files = Files(given, context.Reads).ToList();
        var read = files.AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount)
            .Select(file => ReadOne(file.Path, file.Display, file.InFolder));
        foreach (var (dataset, errors, skipped) in read)
        {
            if (skipped is not null)
            {
                context.Stderr.WriteLine($"hoppar över {skipped}: inte ett dataset (varken \"namnd\" eller \"period\")");
                continue;
            }
            yield return (dataset, errors);
        }
    }

    /// <summary>One file: its dataset, its errors, or (for a file in a folder that is no dataset) its name to skip.</summary>
    private static (LoadedDataset? Dataset, (string Dataset, IReadOnlyList<InputError> Errors)? Errors, string? Skipped) ReadOne(
        string path, string display, bool inFolder)
    {
        try
        {
            var input = InputText.Read(path, display);
            // Broken YAML in a folder counts as a dataset: it is reported, not skipped.
            var root = YamlFile.ParseRoot(input.Text, display, new ErrorSink());
            // Whether a file in a folder is meant as a dataset: it names a district or a period.
            if (inFolder && !root.Has("namnd") && !root.Has("period")) return (null, null, display);
            return (new LoadedDataset(DatasetReader.Read(root), display, input.Sha256), null, null);
        }
        catch (InputException e)
        {
            return (null, (display, e.Errors), null);
        }
    }

    /// <summary>
    /// The files named, a folder standing for every *.yaml in it and under it (in name order, shown by their
    /// path from the folder as given); a file named directly is always read as a dataset.
    /// </summary>
    private static IEnumerable<(string Path, string Display, bool InFolder)> Files(IEnumerable<string> given, ReadRecord reads)
    {
        foreach (var target in given)
        {
            reads.Record(target);
            if (!Directory.Exists(target))
            {
                yield return (target, target, false);
                continue;
            }
            foreach (var file in Directory.GetFiles(target, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                yield return (file, RuleSetCatalog.Shown(target, target, file), true);
        }
    }
}
