using Assessment.Domain;

namespace Assessment.Cli;

/// <summary>
/// Inputs loaded side by side: compiling the rule set is most of a cold start, and reading the dataset and
/// templates need not wait for it.
/// </summary>
internal static class Loads
{
    /// <summary>Starts a load on a thread of its own (not the shared pool, which a caller may be using up).</summary>
    public static Task<T> Beside<T>(Func<T> load) =>
        Task.Factory.StartNew(load, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Runs a load on this thread, its result or exception kept for <see cref="InputException.AwaitAll"/>.</summary>
    public static Task<T> Here<T>(Func<T> load)
    {
        try
        {
            return Task.FromResult(load());
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }
}
