namespace Assessment.Rules.Facts;

public enum FactType { Number, Boolean, Text }

/// <summary>One named fact a rule expression may read, with its meaning in Swedish for policy staff.</summary>
public sealed record FactDefinition(string Name, FactType Type, string Description)
{
    public object DefaultValue => Type switch
    {
        FactType.Number => Boxed.Count(0),
        FactType.Boolean => Boxed.False,
        _ => "",
    };
}

/// <summary>
/// The vocabulary of one kind of rule (indicator or goal): every fact name an expression may use.
/// Numbers are doubles, so shares never fall into integer division.
/// </summary>
public sealed class FactSchema
{
    private readonly Dictionary<string, int> _index;

    public FactSchema(string name, IReadOnlyList<FactDefinition> facts)
    {
        Name = name;
        Facts = facts;
        _index = new Dictionary<string, int>(facts.Count, StringComparer.Ordinal);
        for (var i = 0; i < facts.Count; i++) _index.Add(facts[i].Name, i);
    }

    public string Name { get; }

    public IReadOnlyList<FactDefinition> Facts { get; }

    public bool Contains(string name) => _index.ContainsKey(name);

    public int IndexOf(string name) =>
        _index.TryGetValue(name, out var i) ? i : throw new KeyNotFoundException($"Fact '{name}' is not in the {Name} schema.");
}

/// <summary>The values of one schema's facts for one indicator or goal. Immutable once built.</summary>
public sealed class FactValues
{
    private readonly object[] _values;

    private FactValues(FactSchema schema, object[] values)
    {
        Schema = schema;
        _values = values;
    }

    public FactSchema Schema { get; }

    public object this[string name] => _values[Schema.IndexOf(name)];

    public double Number(string name) => (double)this[name];

    public IEnumerable<(FactDefinition Fact, object Value)> All() => Schema.Facts.Select((f, i) => (f, _values[i]));

    /// <summary>The values in schema order, for the engine seam; not to be changed.</summary>
    internal object[] Values => _values;

    public static Builder For(FactSchema schema) => new(schema);

    /// <summary>Values already in schema order, one per fact and each of its fact's type (not checked): not to be changed after.</summary>
    internal static FactValues Of(FactSchema schema, object[] values) =>
        values.Length == schema.Facts.Count ? new(schema, values) : throw new ArgumentException("One value per fact.", nameof(values));

    public sealed class Builder(FactSchema schema)
    {
        private readonly object[] _values = Defaults(schema);

        // A loop, not Select(…).ToArray(): made for every indicator and goal rated.
        private static object[] Defaults(FactSchema schema)
        {
            var values = new object[schema.Facts.Count];
            for (var i = 0; i < values.Length; i++) values[i] = schema.Facts[i].DefaultValue;
            return values;
        }

        public Builder Set(string name, double value) => Put(name, FactType.Number, value);

        public Builder Set(string name, bool value) => Put(name, FactType.Boolean, value);

        public Builder Set(string name, string value) => Put(name, FactType.Text, value);

        public FactValues Build() => new(schema, (object[])_values.Clone());

        private Builder Put(string name, FactType type, object value)
        {
            var index = schema.IndexOf(name);
            if (schema.Facts[index].Type != type)
                throw new InvalidOperationException($"Fact '{name}' is {schema.Facts[index].Type}, not {type}.");
            _values[index] = value;
            return this;
        }
    }
}
