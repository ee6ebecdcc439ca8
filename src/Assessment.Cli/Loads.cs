using Assessment.Domain;

namespace Assessment.Cli;

/// <summary>
/// Inputs loaded, each load's error kept so that all of them are reported at once (<see cref="InputException.AwaitAll"/>):
/// on this thread, or beside it. A thread of its own pays off for the templates (Scriban), not for the rule set of a
/// cold run: two threads first touching memory at once made the kernel and the collector's allocation lock wait on
/// each other, and a cold text run took 1.05 times the time and 1.26 times the processor time (BENCHMARKS.md).
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
