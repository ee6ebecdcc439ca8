using Assessment.Domain;
using Assessment.Domain.Model;

namespace Assessment.Cli;

/// <summary>A mistake in the command line itself; reported with the command's help.</summary>
internal sealed class UsageException(string message, string help) : InputException(ErrorKinds.Usage, (SourcePosition?)null, message)
{
    public string Help { get; } = help;
}

/// <summary>Flags with values (<c>--rules FIL</c> or <c>--rules=FIL</c>), -h/--help, and positional arguments.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public bool Help { get; private set; }

    /// <summary>The flag's value; <paramref name="alias"/> is another spelling of the same flag (-o, --output).</summary>
    public string? Value(string flag, string? alias = null) =>
        _values.GetValueOrDefault(flag)?[0] ?? (alias is null ? null : _values.GetValueOrDefault(alias)?[0]);

    /// <summary>
    /// The --format value, text unless given, whatever its case; one that is not in <paramref name="formats"/> is a
    /// usage error naming those that are.
    /// </summary>
    public string Format(string help, params IReadOnlyList<string> formats)
    {
        var format = (Value("--format") ?? formats[0]).ToLowerInvariant();
        if (formats.Contains(format)) return format;
        throw new UsageException($"okänt format \"{Value("--format")}\": väntade {Vocabularies.Listed(formats)}", help);
    }

    /// <summary>Every value of a flag that may be given more than once, in order.</summary>
    public IReadOnlyList<string> Values(string flag) => _values.GetValueOrDefault(flag) ?? [];

    public static Options Parse(string[] args, string help, IReadOnlyCollection<string> valueFlags, int maxPositional,
        IReadOnlyCollection<string>? repeatable = null)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help") { options.Help = true; continue; }
            if (arg.StartsWith('-') && arg.Length > 1)
            {
                var (flag, inline) = arg.Split('=', 2) is [var f, var v] ? (f, v) : (arg, null);
                if (!valueFlags.Contains(flag))
                    throw new UsageException($"okänd flagga \"{flag}\"", help);
                var value = inline ?? (i + 1 < args.Length ? args[++i] : throw new UsageException($"flaggan {flag} behöver ett värde", help));
                var values = options._values.TryGetValue(flag, out var list) ? list : options._values[flag] = [];
                if (values.Count > 0 && repeatable?.Contains(flag) != true)
                    throw new UsageException($"flaggan {flag} är angiven två gånger", help);
                if (value.Length == 0) throw new UsageException($"flaggan {flag} har ett tomt värde", help);
                values.Add(value);
                continue;
            }
            if (arg.Length == 0) throw new UsageException("ett argument är tomt (\"\"): ange en fil", help);
            options.Positional.Add(arg);
        }
        if (options.Positional.Count > maxPositional)
            throw new UsageException($"för många argument: {string.Join(" ", options.Positional.Skip(maxPositional))}", help);
        return options;
    }
}
