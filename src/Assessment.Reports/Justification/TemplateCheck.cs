using Assessment.Domain;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Assessment.Reports.Justification;

/// <summary>
/// The load-time check of one template, made on Scriban's syntax tree rather than by running it: every
/// variable is resolved against what is in scope where it is read – the model's variables
/// (<see cref="TemplateModels.ShapeOf"/>), names given a value before on every path to that point, what an
/// include defines, <c>for</c>, <c>with</c> and <c>func</c> parameters, Scriban's built-ins – and every member
/// of a known object (a model object, a loop variable over an array of them, a function parameter given one,
/// a built-in such as <c>array</c>) against that object's members. Every branch is walked, whichever
/// rating or period reaches it. A function is checked where it is called, with what its arguments are, as
/// Scriban runs it (a function sees its caller's variables); one never called is not checked, as it cannot fail.
/// <para>
/// A name that has a value on some paths only (given one in a branch of an <c>if</c>, a <c>case</c> or a loop)
/// is reported where it is read, as what can fail: Scriban's strict mode would fail only when that path runs.
/// What cannot be known from the syntax – a member of a value the template computed, an index that is not a
/// literal, a null, a type – is not reported here; <see cref="TemplateSet"/> runs each template once or twice for that.
/// </para>
/// </summary>
internal sealed class TemplateCheck
{
    /// <summary>Above this many nodes walked (functions calling each other in many ways) the check stops silently: running limits still hold.</summary>
    private const int MaxVisits = 200_000;

    private readonly ScriptObject _builtins;
    private readonly Func<SourceSpan, string, ScriptPage?> _include;
    private readonly string _file;
    private readonly List<InputError> _errors;
    private readonly HashSet<string> _checkedCalls = new(StringComparer.Ordinal);
    private readonly HashSet<ScriptFunction> _active = [];
    /// <summary>Each shape met, numbered: equal shapes (the same object, array or function) have the same number.</summary>
    private readonly Dictionary<TemplateShape, int> _ids = [];
    private readonly HashSet<string> _included = new(StringComparer.Ordinal);
    private readonly List<Dictionary<string, TemplateShape?>> _loopVariables = [];
    private Scope _scope;
    private int _visits;

    private TemplateCheck(ObjectShape model, ScriptObject builtins, Func<SourceSpan, string, ScriptPage?> include, string file, List<InputError> errors)
    {
        _builtins = builtins;
        _include = include;
        _file = file;
        _errors = errors;
        _scope = new Scope(null, new Dictionary<string, TemplateShape?>(model.Members, StringComparer.Ordinal), open: false);
    }

    /// <summary>
    /// Checks <paramref name="page"/> (of <paramref name="file"/>) against the variables in <paramref name="model"/>;
    /// <paramref name="include"/> gives an included template's syntax (or null, having reported why not). Errors are added to <paramref name="errors"/>.
    /// </summary>
    public static void Check(ScriptPage page, ObjectShape model, ScriptObject builtins, Func<SourceSpan, string, ScriptPage?> include,
        string file, List<InputError> errors) =>
        new TemplateCheck(model, builtins, include, file, errors).Block(page.Body);

    /// <summary>The names of one level of variables (the template's, or a function's with parameters, or a <c>with</c>'s object).</summary>
    private sealed class Scope(Scope? parent, Dictionary<string, TemplateShape?> names, bool open)
    {
        public Scope? Parent { get; } = parent;
        /// <summary>Given a value on every path so far.</summary>
        public Dictionary<string, TemplateShape?> Names { get; set; } = names;
        /// <summary>Given a value on some path so far.</summary>
        public HashSet<string> Sometimes { get; set; } = new(StringComparer.Ordinal);
        /// <summary>Holds names that cannot be known (an object of unknown shape): nothing read through it is reported.</summary>
        public bool Open { get; } = open;

        public (Dictionary<string, TemplateShape?>, HashSet<string>) Save() =>
            (new(Names, StringComparer.Ordinal), new(Sometimes, StringComparer.Ordinal));
    }

    private void Report(SourceSpan span, string message) =>
        TemplateSet.AddNew(_errors, new InputError(ErrorKinds.Template, TemplateSet.Position(span, _file), message));

    /// <summary>A template error met running it (or found where a run would meet it), as Scriban says it, in Swedish.</summary>
    internal static string Running(string scribanMessage) => CouldNotRun(ScribanMessages.Describe(scribanMessage, running: true));

    /// <summary>As <see cref="Running(string)"/>, for an error thrown while running: one of ours keeps its message.</summary>
    internal static string Running(ScriptRuntimeException e) => CouldNotRun(ScribanMessages.Describe(e));

    private static string CouldNotRun(string swedish) => $"mallen kunde inte köras: {swedish}";

    private bool Budget() => ++_visits <= MaxVisits;

    // ---- statements: each returns whether the path goes on after it (not after ret, break or continue)

    private bool Block(ScriptBlockStatement? block)
    {
        if (block is null) return true;
        foreach (var statement in block.Statements)
            if (!Statement(statement)) return false; // what follows is never run
        return true;
    }

    private bool Statement(ScriptStatement? statement)
    {
        if (statement is null || !Budget()) return true;
        switch (statement)
        {
            case ScriptExpressionStatement e:
                Expression(e.Expression);
                return true;
            case ScriptBlockStatement b:
                return Block(b);
            case ScriptIfStatement i:
                return If(i);
            case ScriptElseStatement e:
                return Block(e.Body);
            case ScriptCaseStatement c:
                Expression(c.Value);
                return Block(c.Body);
            case ScriptWhenStatement w:
                foreach (var value in w.Values) Expression(value);
                return Branches(() => Block(w.Body), w.Next is null ? null : () => Statement(w.Next));
            case ScriptForStatement f:
                For(f);
                return true;
            case ScriptWhileStatement w:
                Expression(w.Condition);
                Loop(new(StringComparer.Ordinal) { ["while"] = null }, () => Block(w.Body), null);
                return true;
            case ScriptFunction f:
                if (f.NameOrDoToken is ScriptVariableGlobal name) Assign(name.Name, new FunctionShape(f));
                return true;
            case ScriptReturnStatement r:
                Expression(r.Expression);
                return false;
            case ScriptBreakStatement or ScriptContinueStatement:
                return false;
            case ScriptCaptureStatement c:
                Block(c.Body);
                AssignTo(c.Target, null);
                return true;
            case ScriptWithStatement w:
                With(w);
                return true;
            case ScriptImportStatement import:
                Import(import);
                return true;
            case ScriptWrapStatement w:
                Expression(w.Target);
                Block(w.Body);
                return true;
            case ScriptReadOnlyStatement { Variable: { } readOnly }:
                Read(readOnly);
                return true;
            default: // raw text, escapes, end, nop, front matter: children, if any
                Children(statement);
                return true;
        }
    }

    private bool If(ScriptIfStatement statement)
    {
        Expression(statement.Condition);
        return Branches(() => Block(statement.Then), statement.Else is null ? null : () => Statement(statement.Else));
    }

    /// <summary>
    /// Two ways on from here (<paramref name="otherwise"/> null: none, the path goes on as it was). After them, a
    /// name has a value if it has one at the end of every way that goes on.
    /// </summary>
    private bool Branches(Func<bool> first, Func<bool>? otherwise)
    {
        var (names, sometimes) = _scope.Save();
        var scope = _scope;
        var ends = new List<Dictionary<string, TemplateShape?>>();
        if (first()) ends.Add(scope.Names);
        scope.Names = new(names, StringComparer.Ordinal);
        if (otherwise is null || otherwise()) ends.Add(scope.Names);
        var assigned = ends.SelectMany(e => e.Keys).Concat(scope.Sometimes).ToHashSet(StringComparer.Ordinal);
        sometimes.UnionWith(assigned);
        scope.Sometimes = sometimes;
        if (ends.Count == 0)
        {
            scope.Names = names;
            return false;
        }
        scope.Names = ends[0].Where(n => ends.All(e => e.ContainsKey(n.Key)))
            .ToDictionary(n => n.Key, n => ends.All(e => Equals(e[n.Key], n.Value)) ? n.Value : null, StringComparer.Ordinal);
        return true;
    }

    private void For(ScriptForStatement statement)
    {
        var items = Expression(statement.Iterator);
        foreach (var argument in statement.NamedArguments ?? []) Expression(argument.Value);
        var variables = new Dictionary<string, TemplateShape?>(StringComparer.Ordinal)
        {
            // for.index, for.first … (tablerow. …): Scriban's loop object, members not checked
            [statement is ScriptTableRowStatement ? "tablerow" : "for"] = null,
        };
        if (statement.Variable is ScriptVariable variable) variables[variable.Name] = (items as ArrayShape)?.Item;
        Loop(variables, () => Block(statement.Body), statement.Else is null ? null : () => Block(statement.Else.Body));
    }

    /// <summary>
    /// A loop runs its body, with its <paramref name="variables"/>, any number of times, perhaps none: what the body
    /// assigns has a value after it only sometimes (with an else, one of the two has run).
    /// </summary>
    private void Loop(Dictionary<string, TemplateShape?> variables, Func<bool> body, Func<bool>? otherwise)
    {
        bool Body()
        {
            _loopVariables.Add(variables);
            try { body(); }
            finally { _loopVariables.RemoveAt(_loopVariables.Count - 1); }
            return true; // a break or continue ends an iteration, not the path after the loop
        }
        Branches(Body, otherwise is null ? null : () => { otherwise(); return true; });
    }

    private void With(ScriptWithStatement statement)
    {
        var shape = Expression(statement.Name);
        var names = shape is ObjectShape o ? new Dictionary<string, TemplateShape?>(o.Members, StringComparer.Ordinal) : new(StringComparer.Ordinal);
        _scope = new Scope(_scope, names, open: shape is not ObjectShape);
        try { Block(statement.Body); }
        finally { _scope = _scope.Parent!; }
    }

    private void Import(ScriptImportStatement statement)
    {
        if (Expression(statement.Expression) is ObjectShape o)
            foreach (var (name, shape) in o.Members) Assign(name, shape);
        else // members not known: from here on any name may exist
            _scope = new Scope(_scope, new(StringComparer.Ordinal), open: true);
    }

    // ---- expressions: each returns the shape of its value where known

    private TemplateShape? Expression(ScriptExpression? expression)
    {
        if (expression is null || !Budget()) return null;
        switch (expression)
        {
            case ScriptVariableGlobal v:
                return Called(Read(v), []);
            case ScriptVariableLocal:
                return null; // $0, $x: a function's arguments and locals, not checked
            case ScriptLiteral:
                return null;
            case ScriptIsEmptyExpression e: // x.empty?
                Expression(e.Target);
                return null;
            case ScriptMemberExpression { Member: { } member } m:
                return Member(Expression(m.Target), member.Name, member.Span);
            case ScriptIndexerExpression i:
                return Indexer(i);
            case ScriptFunctionCall call:
                return Call(call, []);
            case ScriptNamedArgument named:
                return Expression(named.Value);
            case ScriptObjectInitializerExpression initializer: // {name: value}: the names are keys, not variables read
                foreach (var member in initializer.Members) Expression(member.Value);
                return null;
            case ScriptPipeCall pipe:
                return Pipe(pipe);
            case ScriptAssignExpression a:
                Assignment(a);
                return null;
            case ScriptNestedExpression n:
                return Expression(n.Expression);
            case ScriptUnaryExpression { Operator: ScriptUnaryOperator.FunctionAlias or ScriptUnaryOperator.FunctionParametersExpand } u:
                // @f: the function as a value, called later with arguments not known here
                if (u.Right is ScriptVariableGlobal alias) { if (Read(alias) is FunctionShape f) CheckCall(f, null); }
                else Expression(u.Right);
                return null;
            case ScriptIncrementDecrementExpression step:
                Expression(step.Right);
                return null;
            case ScriptAnonymousFunction anonymous:
                if (anonymous.Function is { } function) Function(function, null);
                return null;
            case ScriptArrayInitializerExpression array:
                foreach (var value in array.Values) Expression(value);
                return null;
            default: // binary, conditional, object initializers, interpolated strings …: their parts
                Children(expression);
                return null;
        }
    }

    private void Children(ScriptNode node)
    {
        for (var i = 0; i < node.ChildrenCount; i++)
        {
            switch (node.GetChildren(i))
            {
                case ScriptStatement s: Statement(s); break;
                case ScriptExpression e: Expression(e); break;
                case ScriptNode { ChildrenCount: > 0 } other when other is not ScriptVerbatim: Children(other); break;
            }
        }
    }

    /// <summary>
    /// The shape of a variable read where it is: a loop variable, then the variables level by level down to the
    /// template's and the model's, then Scriban's built-ins. An unknown name is reported as Scriban's strict mode does.
    /// </summary>
    private TemplateShape? Read(ScriptVariable variable)
    {
        var name = variable.Name;
        for (var i = _loopVariables.Count - 1; i >= 0; i--)
            if (_loopVariables[i].TryGetValue(name, out var loop)) return loop;
        for (var scope = _scope; scope is not null; scope = scope.Parent)
        {
            if (scope.Names.TryGetValue(name, out var shape)) return shape;
            if (scope.Open) return null;
        }
        if (_builtins.TryGetValue(null, default, name, out var builtin)) return builtin is ScriptObject functions ? new BuiltinShape(functions) : null;
        for (var scope = _scope; scope is not null; scope = scope.Parent)
            if (scope.Sometimes.Contains(name))
            {
                Report(variable.Span, $"mallen kan inte köras i alla fall: variabeln `{name}` får ett värde bara i en del av grenarna före den här raden (i en if, case eller loop); ge den ett värde före grenarna");
                return null;
            }
        Report(variable.Span, Running($"The variable or function `{name}` was not found"));
        return null;
    }

    /// <summary>A variable holding a function is called when read (Scriban calls it with no arguments).</summary>
    private TemplateShape? Called(TemplateShape? shape, IReadOnlyList<TemplateShape?> arguments)
    {
        if (shape is not FunctionShape f) return shape;
        CheckCall(f, arguments);
        return null;
    }

    private TemplateShape? Member(TemplateShape? target, string member, SourceSpan span)
    {
        switch (target)
        {
            case ObjectShape o when o.Members.TryGetValue(member, out var shape):
                return shape;
            case ObjectShape { Strict: true } o:
                Report(span, Running(StrictObject.UnknownMember(member, o.Members.Keys)));
                return null;
            case BuiltinShape b when b.Functions.TryGetValue(member, out var value):
                return value is ScriptObject nested ? new BuiltinShape(nested) : null;
            case BuiltinShape:
                Report(span, Running($"Cannot get member with name {member}."));
                return null;
            default: // an array's size, a computed value's members: not known here
                return null;
        }
    }

    private TemplateShape? Indexer(ScriptIndexerExpression indexer)
    {
        var target = Expression(indexer.Target);
        Expression(indexer.Index);
        return target switch
        {
            ArrayShape a => a.Item,
            ObjectShape o when indexer.Index is ScriptLiteral { Value: string member } => Member(o, member, indexer.Index.Span),
            _ => null,
        };
    }

    private void Assignment(ScriptAssignExpression assignment)
    {
        if (assignment.EqualToken is { TokenType: not TokenType.Equal } && assignment.Target is ScriptVariableGlobal updated)
            Read(updated); // x += 1 reads x first
        AssignTo(assignment.Target, Expression(assignment.Value));
    }

    private void AssignTo(ScriptExpression? target, TemplateShape? shape)
    {
        switch (target)
        {
            case ScriptVariableGlobal v:
                Assign(v.Name, shape);
                break;
            case ScriptMemberExpression m: // a member set (a new one is allowed): only its object is read
                Expression(m.Target);
                break;
            case ScriptIndexerExpression i:
                Expression(i.Target);
                Expression(i.Index);
                break;
        }
    }

    private void Assign(string name, TemplateShape? shape)
    {
        foreach (var loop in _loopVariables)
            if (loop.ContainsKey(name)) return; // a loop variable changed, not a new name
        _scope.Names[name] = shape;
    }

    // ---- calls

    private TemplateShape? Pipe(ScriptPipeCall pipe)
    {
        var from = Expression(pipe.From);
        switch (pipe.To)
        {
            case ScriptFunctionCall call:
                return Call(call, [from]);
            case ScriptVariableGlobal v:
                return Called(Read(v), [from]);
            default:
                Expression(pipe.To);
                return null;
        }
    }

    /// <summary>A call, its arguments after <paramref name="piped"/> (the value piped into it, if any).</summary>
    private TemplateShape? Call(ScriptFunctionCall call, IReadOnlyList<TemplateShape?> piped)
    {
        var arguments = piped.ToList();
        if (call.Target is ScriptVariableGlobal { Name: "include" or "include_join" } include && IsBuiltin(include.Name))
        {
            foreach (var argument in call.Arguments) Expression(argument);
            if (include.Name == "include" && call.Arguments.Count > 0 && call.Arguments[0] is ScriptLiteral { Value: string path })
                Include(path, call.Span);
            else // which file is not known here
                _scope = new Scope(_scope, new(StringComparer.Ordinal), open: true);
            return null;
        }
        var target = call.Target is ScriptVariableGlobal name ? Read(name) : Expression(call.Target);
        foreach (var argument in call.Arguments)
            arguments.Add(Expression(argument is ScriptNamedArgument named ? named.Value : argument));
        if (target is FunctionShape f) CheckCall(f, arguments);
        return null;
    }

    private bool IsBuiltin(string name)
    {
        for (var scope = _scope; scope is not null; scope = scope.Parent)
        {
            if (scope.Names.ContainsKey(name) || scope.Open) return false;
        }
        return _builtins.ContainsKey(name);
    }

    /// <summary>
    /// An included template runs with the includer's variables: what it assigns and defines is the includer's.
    /// Each file is walked once per template (an include of itself would not end, and is left to the run's limits).
    /// </summary>
    private void Include(string path, SourceSpan span)
    {
        var page = _include(span, path);
        if (page is null)
        {
            _scope = new Scope(_scope, new(StringComparer.Ordinal), open: true);
            return;
        }
        if (_included.Add(page.Span.FileName ?? path)) Block(page.Body);
    }

    /// <summary>
    /// Walks a function's body as a call with <paramref name="arguments"/> (null: not known) runs it; one with
    /// parameters once per arguments and names in scope (one without assigns its caller's variables, so is walked
    /// at every call). A function calling itself is walked once.
    /// </summary>
    private void CheckCall(FunctionShape function, IReadOnlyList<TemplateShape?>? arguments)
    {
        var f = function.Function;
        if (_active.Contains(f)) return;
        if (f.HasParameters && !_checkedCalls.Add($"{KeyOf(function)}|{string.Join(",", (arguments ?? []).Select(KeyOf))}|{Visible()}")) return;
        _active.Add(f);
        try { Function(f, arguments); }
        finally { _active.Remove(f); }
    }

    /// <summary>
    /// A function with parameters runs with a level of variables of its own (its parameters, and what it assigns);
    /// one without (<c>$0</c>, <c>$1</c> …) assigns its caller's.
    /// </summary>
    private void Function(ScriptFunction f, IReadOnlyList<TemplateShape?>? arguments)
    {
        if (!f.HasParameters)
        {
            var (names, sometimes) = _scope.Save();
            Statement(f.Body);
            if (f.IsAnonymous) (_scope.Names, _scope.Sometimes) = (names, sometimes); // runs later, if at all
            return;
        }
        var parameters = new Dictionary<string, TemplateShape?>(StringComparer.Ordinal);
        for (var i = 0; i < f.Parameters!.Count; i++)
            parameters[f.Parameters[i].Name!.Name] = arguments is not null && i < arguments.Count ? arguments[i] : null;
        _scope = new Scope(_scope, parameters, open: false);
        try { Statement(f.Body); }
        finally { _scope = _scope.Parent!; }
    }

    /// <summary>A shape in a call's key: its number, "?" where none is known.</summary>
    private string KeyOf(TemplateShape? shape)
    {
        if (shape is null) return "?";
        if (!_ids.TryGetValue(shape, out var id)) _ids[shape] = id = _ids.Count;
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private string Visible()
    {
        var names = new List<string>();
        for (var scope = _scope; scope is not null; scope = scope.Parent)
            names.Add(string.Join(",", scope.Names.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => $"{n.Key}:{KeyOf(n.Value)}")) + (scope.Open ? "*" : ""));
        foreach (var loop in _loopVariables) names.Add(string.Join(",", loop.Select(n => $"{n.Key}:{KeyOf(n.Value)}")));
        return string.Join(";", names);
    }
}
