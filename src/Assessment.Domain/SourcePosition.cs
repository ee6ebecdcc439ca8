namespace Assessment.Domain;

/// <summary>
/// A place in an input file, 1-based, as editors show it. A problem with the file as a whole (it is
/// missing, empty, too large) has no line: <see cref="InFile"/>, shown as the file's name alone; one
/// whose line is known but not its column (a report line an imported value came from) has column 0.
/// </summary>
public sealed record SourcePosition(string File, int Line, int Column)
{
    /// <summary>The file as a whole: no line or column, since the problem has none.</summary>
    public static SourcePosition InFile(string file) => new(file, 0, 0);

    public bool HasLine => Line > 0;

    public override string ToString() => !HasLine ? File : Column > 0 ? $"{File}:{Line}:{Column}" : $"{File}:{Line}";
}

/// <summary>
/// One problem with the input or the command line: its kind (a stable code, see <see cref="ErrorKinds"/>),
/// where it is when it is somewhere, and what was expected – in Swedish.
/// </summary>
public sealed record InputError(ErrorKind Kind, SourcePosition? Position, string Message)
{
    public string Code => Kind.Code;

    /// <summary>One line: "fel A201: fil:rad:kolumn: meddelande" (the position left out where there is none).</summary>
    public override string ToString() => Position is null ? $"fel {Code}: {Message}" : $"fel {Code}: {Position}: {Message}";
}

/// <summary>
/// Thrown when an input file (dataset, rule set) or the command line cannot be used. Carries every problem
/// found, each with its code and position, so a user fixes them all in one go.
/// </summary>
public class InputException : Exception
{
    public InputException(IReadOnlyList<InputError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        if (errors.Count == 0) throw new ArgumentException("An input exception needs at least one error.", nameof(errors));
        Errors = errors;
    }

    public InputException(ErrorKind kind, SourcePosition? position, string message) : this([new InputError(kind, position, message)]) { }

    /// <summary>A problem with a file as a whole (no line): missing, too large, the wrong kind of file.</summary>
    public InputException(ErrorKind kind, string file, string message) : this(kind, SourcePosition.InFile(file), message) { }

    public IReadOnlyList<InputError> Errors { get; }

    /// <summary>
    /// Waits for inputs loaded side by side and reports the problems of all of them together, in the order given.
    /// An unexpected exception – a bug – is rethrown as it is.
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
