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
    /// <summary>
    /// The shape of <paramref name="model"/>, a model as <see cref="TemplateModels"/> builds it: each object's members
    /// as they are (a null one's not known), an array's items as its first item (the model's are alike).
    /// </summary>
    public static ObjectShape Of(ScriptObject model) =>
        new(model.ToDictionary(m => m.Key, m => ShapeOf(m.Value), StringComparer.Ordinal), model is StrictObject);

    private static TemplateShape? ShapeOf(object? value) => value switch
    {
        ScriptObject o => Of(o),
        ScriptArray { Count: > 0 } items => new ArrayShape(ShapeOf(items[0])),
        ScriptArray => new ArrayShape(null),
        _ => null,
    };
}

/// <summary>An array of the model, each item of shape <paramref name="Item"/>.</summary>
internal sealed record ArrayShape(TemplateShape? Item) : TemplateShape;

/// <summary>A function defined in a template (<c>func</c>): checked where it is called, with its arguments' shapes.</summary>
internal sealed record FunctionShape(Scriban.Syntax.ScriptFunction Function) : TemplateShape;

/// <summary>One of Scriban's built-in objects (<c>array</c>, <c>string</c> …): its members are its functions.</summary>
internal sealed record BuiltinShape(ScriptObject Functions) : TemplateShape;
