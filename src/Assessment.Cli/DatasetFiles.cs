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
    /// caller can count the others and report it.
    /// </summary>
    public static IEnumerable<(LoadedDataset? Dataset, (string Dataset, IReadOnlyList<InputError> Errors)? Failed)> Read(
        IEnumerable<string> given, TextWriter stderr)
    {
        foreach (var (path, display, inFolder) in Files(given))
        {
            LoadedDataset? dataset = null;
            IReadOnlyList<InputError>? errors = null;
            try
            {
                var input = InputText.Read(path, display);
                if (inFolder && !DatasetReader.LooksLikeDataset(input.Text, display))
                {
                    stderr.WriteLine($"hoppar över {display}: inte ett dataset (varken \"namnd\" eller \"period\")");
                    continue;
                }
                dataset = new LoadedDataset(DatasetReader.Read(input.Text, display), display, input.Sha256);
            }
            catch (InputException e)
            {
                errors = e.Errors;
            }
            yield return (dataset, errors is null ? null : (display, errors));
        }
    }

    /// <summary>
    /// The files named, a folder standing for every *.yaml in it and under it (in name order, shown by their
    /// path from the folder as given); a file named directly is always read as a dataset.
    /// </summary>
    private static IEnumerable<(string Path, string Display, bool InFolder)> Files(IEnumerable<string> given)
    {
        foreach (var target in given)
        {
            Inputs.Record(target);
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
