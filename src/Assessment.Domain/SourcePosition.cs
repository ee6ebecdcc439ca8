namespace Assessment.Domain;

/// <summary>A place in an input file, 1-based, as editors show it.</summary>
public sealed record SourcePosition(string File, int Line, int Column)
{
    public static SourcePosition StartOf(string file) => new(file, 1, 1);

    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>One problem with an input file: where it is and what was expected.</summary>
public sealed record InputError(SourcePosition Position, string Message)
{
    public override string ToString() => $"{Position}: {Message}";
}

/// <summary>
/// Thrown when an input file (dataset, rule set) cannot be used. Carries every problem found,
/// each with its position, so a user fixes them all in one go.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(IReadOnlyList<InputError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        if (errors.Count == 0) throw new ArgumentException("An input exception needs at least one error.", nameof(errors));
        Errors = errors;
    }

    public InputException(SourcePosition position, string message) : this([new InputError(position, message)]) { }

    public IReadOnlyList<InputError> Errors { get; }
}
