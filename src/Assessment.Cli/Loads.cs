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

    /// <summary>Runs a load on this thread, its result or exception kept for <see cref="AwaitAll"/>.</summary>
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

    /// <summary>
    /// Waits for the loads and reports the problems of all of them together, in the order given. An unexpected
    /// exception – a bug – is rethrown as it is.
    /// </summary>
    public static void AwaitAll(params Task[] loads)
    {
        try
        {
            Task.WaitAll(loads);
        }
        catch (AggregateException)
        {
            // Each load's own exception is looked at below, in order.
        }
        var errors = new List<InputError>();
        foreach (var load in loads)
        {
            if (load.Exception?.InnerException is InputException input) errors.AddRange(input.Errors);
            else if (load.Exception?.InnerException is { } other) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(other);
        }
        if (errors.Count > 0) throw new InputException(errors);
    }
}
