namespace Assessment.Rules.Facts;

/// <summary>
/// Fact values as the engine reads them (objects in schema order), boxed once where they repeat: yes and no,
/// and whole counts. Every indicator and goal rated gets a fact vector, so a box per count or yes/no was most of
/// what rating allocated. The boxes are never changed.
/// </summary>
internal static class Boxed
{
    public static readonly object True = true;

    public static readonly object False = false;

    /// <summary>Counts below this are shared boxes; larger ones (a goal with thousands of indicators) get their own.</summary>
    private const int Shared = 1024;

    private static readonly object?[] Counts = new object?[Shared];

    public static object YesNo(bool value) => value ? True : False;

    /// <summary>A count as a number fact. Filled on first use (from any thread: two boxes of one count are equal).</summary>
    public static object Count(int count) =>
        (uint)count < Shared ? Counts[count] ??= (double)count : (double)count;
}
