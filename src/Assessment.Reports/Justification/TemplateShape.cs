using Scriban.Runtime;

namespace Assessment.Reports.Justification;

/// <summary>
/// What a template variable holds, as far as the load-time check (<see cref="TemplateCheck"/>) needs to know:
/// an object and its members, an array and its items, a user function, one of Scriban's built-in
/// objects – or, where no shape is given (null), a value whose members are not checked.
/// </summary>
internal abstract record TemplateShape;

/// <summary>An object of the model. <paramref name="Strict"/>: a missing member is an error (<see cref="StrictObject"/>).</summary>
internal sealed record ObjectShape(IReadOnlyDictionary<string, TemplateShape?> Members, bool Strict) : TemplateShape
{
    public static ObjectShape Of(bool strict, params (string Name, TemplateShape? Shape)[] members) =>
        new(members.ToDictionary(m => m.Name, m => m.Shape, StringComparer.Ordinal), strict);

    /// <summary>
    /// Where <paramref name="value"/> (a model as <see cref="TemplateModels"/> builds it) differs from this shape: a member
    /// missing or extra, a strict object that is plain or the other way round. Empty when it conforms.
    /// </summary>
    public IEnumerable<string> Differences(object? value, string path)
    {
        if (value is null) yield break; // an absent object (no override): nothing to read, the template tests for null
        if (value is not ScriptObject model)
        {
            yield return $"{path}: {value.GetType().Name}, not an object";
            yield break;
        }
        if (Strict != model is StrictObject) yield return $"{path}: strict {model is StrictObject}, shape says {Strict}";
        foreach (var missing in Members.Keys.Except(model.Keys).Order(StringComparer.Ordinal)) yield return $"{path}.{missing}: missing in the model";
        foreach (var extra in model.Keys.Except(Members.Keys).Order(StringComparer.Ordinal)) yield return $"{path}.{extra}: not in the shape";
        foreach (var (name, member) in model) // as stored: a strict object's lookup throws for a missing member
            if (Members.TryGetValue(name, out var shape))
                foreach (var difference in Differ(shape, member, $"{path}.{name}")) yield return difference;
    }

    internal static IEnumerable<string> Differ(TemplateShape? shape, object? value, string path) => shape switch
    {
        ObjectShape o => o.Differences(value, path),
        ArrayShape a => a.Differences(value, path),
        _ when value is ScriptObject or ScriptArray => [$"{path}: an object or array the shape does not describe"],
        _ => [],
    };
}

/// <summary>An array of the model, each item of shape <paramref name="Item"/>.</summary>
internal sealed record ArrayShape(TemplateShape? Item) : TemplateShape
{
    public IEnumerable<string> Differences(object? value, string path)
    {
        if (value is not ScriptArray items)
        {
            if (value is not null) yield return $"{path}: {value.GetType().Name}, not an array";
            yield break;
        }
        for (var i = 0; i < items.Count; i++)
            foreach (var difference in ObjectShape.Differ(Item, items[i], $"{path}[{i}]")) yield return difference;
    }
}

/// <summary>A function defined in a template (<c>func</c>): checked where it is called, with its arguments' shapes.</summary>
internal sealed record FunctionShape(Scriban.Syntax.ScriptFunction Function) : TemplateShape;

/// <summary>One of Scriban's built-in objects (<c>array</c>, <c>string</c> …): its members are its functions.</summary>
internal sealed record BuiltinShape(ScriptObject Functions) : TemplateShape;
