using System.Runtime.ExceptionServices;
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
        IEnumerable<string> given, CommandContext context) => Read(given, context, dataset => dataset);

    /// <summary>
    /// As <see cref="Read(IEnumerable{string}, CommandContext)"/>, with <paramref name="then"/> applied to each
    /// dataset on the core that read it (rating is pure, so a corpus is rated on every core too); only what it
    /// returns is kept. Everything it throws reaches the caller at that dataset's turn, as if it had been called
    /// there; the results and notes come in the order named, whichever core finished first.
    /// </summary>
    public static IEnumerable<(T? Value, (string Dataset, IReadOnlyList<InputError> Errors)? Failed)> Read<T>(
        IEnumerable<string> given, CommandContext context, Func<LoadedDataset, T> then) where T : class
    {
        var files = Files(given, context.Reads).ToList();
        using var work = new Pipeline<T>(files, then);
        for (var i = 0; i < files.Count; i++)
        {
            var (value, failed, skipped) = work.Take(i);
            if (skipped is not null)
            {
                context.Stderr.WriteLine($"hoppar över {skipped}: inte ett dataset (varken \"namnd\" eller \"period\")");
                continue;
            }
            yield return (value, failed);
        }
    }

    /// <summary>One file: its value, its errors, or (for a file in a folder that is no dataset) its name to skip.</summary>
    private static (T? Value, (string Dataset, IReadOnlyList<InputError> Errors)? Failed, string? Skipped) ReadOne<T>(
        (string Path, string Display, bool InFolder) file, Func<LoadedDataset, T> then) where T : class
    {
        LoadedDataset dataset;
        try
        {
            var input = InputText.ReadWithHash(file.Path, file.Display);
            // Broken YAML in a folder counts as a dataset: it is reported, not skipped.
            var root = YamlFile.ParseRoot(input.Bytes, file.Display, new ErrorSink());
            try
            {
                if (file.InFolder && !DatasetReader.LooksLikeDataset(root)) return (null, null, file.Display);
                // Backtest and sweep, which read here, show no prose: it is left unread (most of a dataset's bytes).
                dataset = new LoadedDataset(DatasetReader.Read(root, prose: false), file.Display, input.Sha256);
            }
            finally
            {
                YamlFile.Recycle(root); // the node table serves this thread's next file
            }
        }
        catch (InputException e)
        {
            return (null, (file.Display, e.Errors), null);
        }
        return (then(dataset), null, null);
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

    /// <summary>
    /// The files worked through by one thread per core, each taking the next file not yet taken; each outcome
    /// (or what was thrown) waits in its place until taken in order. Disposing it stops the threads after the
    /// file each is on, so a caller that stops early (an error) does not wait for the rest.
    /// </summary>
    private sealed class Pipeline<T> : IDisposable where T : class
    {
        private readonly List<(string Path, string Display, bool InFolder)> _files;
        private readonly Func<LoadedDataset, T> _then;
        private readonly Outcome?[] _done;
        private int _next = -1;
        private volatile bool _stopped;

        public Pipeline(List<(string Path, string Display, bool InFolder)> files, Func<LoadedDataset, T> then)
        {
            _files = files;
            _then = then;
            _done = new Outcome?[files.Count];
            // The process's own thread waits for the results in order; the work goes to threads of their own
            // (started, not queued, so none waits for the thread pool to grow). One file is read in place.
            if (files.Count == 1) Work();
            else
                for (var i = Math.Min(Environment.ProcessorCount, files.Count); i > 0; i--)
                    new Thread(Work) { IsBackground = true, Name = "dataset" }.Start();
        }

        /// <summary>The outcome of file <paramref name="index"/>, once done; what its work threw is thrown here.</summary>
        public (T? Value, (string Dataset, IReadOnlyList<InputError> Errors)? Failed, string? Skipped) Take(int index)
        {
            Outcome outcome;
            lock (_done)
            {
                while (_done[index] is null) Monitor.Wait(_done);
                outcome = _done[index]!;
                _done[index] = null;
            }
            outcome.Thrown?.Throw();
            return outcome.Result;
        }

        public void Dispose() => _stopped = true;

        private void Work()
        {
            for (int i; !_stopped && (i = Interlocked.Increment(ref _next)) < _files.Count;)
            {
                Outcome outcome;
                try
                {
                    outcome = new Outcome(ReadOne(_files[i], _then), null);
                }
                catch (Exception e)
                {
                    outcome = new Outcome(default, ExceptionDispatchInfo.Capture(e));
                }
                lock (_done)
                {
                    _done[i] = outcome;
                    Monitor.PulseAll(_done);
                }
            }
        }

        private sealed record Outcome(
            (T? Value, (string Dataset, IReadOnlyList<InputError> Errors)? Failed, string? Skipped) Result, ExceptionDispatchInfo? Thrown);
    }
}
