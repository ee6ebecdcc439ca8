using System.Linq.Dynamic.Core;
using System.Linq.Expressions;
using Assessment.Domain;
using Assessment.Domain.Yaml;
using Assessment.Rules.Facts;
using Assessment.Rules.Model;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace Assessment.Rules.Engine;

/// <summary>
/// The one seam between our rule sets and Microsoft RulesEngine. Each rule's condition is compiled once,
/// at load, by RulesEngine's expression compiler (<see cref="RuleExpressionParser"/>, the one its
/// workflows use for lambda-expression rules) into a delegate over a single input, "fakta": the scope's
/// facts plus the rule set's named thresholds, as properties of one generated type. Rules then run in
/// order until one holds (first match wins), so an error is always attributed to its own rule. Nothing
/// turns an expression error into a silent false: a rule that fails to compile is an
/// <see cref="InputException"/> at load, naming the rule and its position; one that throws while rating
/// is an <see cref="InputException"/> too.
/// </summary>
internal sealed class CompiledRules
{
    private const string InputName = "fakta";

    private static readonly ReSettings Settings = new()
    {
        EnableExceptionAsErrorMessage = false,
        IgnoreException = false,
        IsExpressionCaseSensitive = true,
        AutoRegisterInputType = false,
        EnableScopedParams = false,
    };

    private readonly Func<object[], bool>[] _conditions;
    private readonly Func<object[], object> _createInput;
    private readonly RuleParameter[] _parameters;
    private readonly IReadOnlyDictionary<string, double> _thresholds;

    private CompiledRules(IReadOnlyList<RuleDefinition> rules, Func<object[], bool>[] conditions,
        Func<object[], object> createInput, RuleParameter[] parameters, IReadOnlyDictionary<string, double> thresholds)
    {
        Rules = rules;
        _conditions = conditions;
        _createInput = createInput;
        _parameters = parameters;
        _thresholds = thresholds;
    }

    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>
    /// Checks and compiles a scope's rules. Every problem goes to <paramref name="errors"/> with the
    /// rule's position; returns null when there was any.
    /// </summary>
    public static CompiledRules? Compile(string scope, FactSchema schema, IReadOnlyList<Threshold> thresholds,
        IReadOnlyList<RuleDefinition> rules, ErrorSink errors)
    {
        // A threshold named like a fact is reported by the reader; it is left out here so the input type stays valid.
        thresholds = thresholds.Where(t => !schema.Contains(t.Name)).DistinctBy(t => t.Name).ToList();
        var names = schema.Facts.Select(f => f.Name).Concat(thresholds.Select(t => t.Name)).ToList();
        var known = names.ToHashSet(StringComparer.Ordinal);
        var inputType = DynamicClassFactory.CreateType(
            schema.Facts.Select(f => new DynamicProperty(f.Name, f.ClrType))
                .Concat(thresholds.Select(t => new DynamicProperty(t.Name, typeof(double))))
                .ToList(),
            createParameterCtor: false);
        var createInput = InputFactory(inputType, schema, thresholds);
        var neutral = createInput(FactValues.For(schema).Build().Values);
        var parameters = new[] { new RuleParameter(InputName, neutral) };
        var parser = new RuleExpressionParser(Settings);

        var before = errors.Errors.Count;
        var compiled = new List<(RuleDefinition Rule, Func<object[], bool> Condition)>();
        foreach (var rule in rules.Where(r => r.Id.Length > 0)) // a rule without id is already reported by the reader
        {
            var problems = ExpressionGuard.Check(rule.Condition, known.Contains, names);
            foreach (var problem in problems)
                errors.Add(rule.PositionAt(problem.Offset), $"regeln \"{rule.Id}\": {problem.Message}");
            if (problems.Count > 0) continue;
            try
            {
                var condition = parser.Compile<bool>(rule.Condition, parameters);
                condition([neutral]); // run once on neutral facts: what cannot run is found now, not mid-assessment
                compiled.Add((rule, condition));
            }
            catch (Exception e)
            {
                errors.Add(rule.Position, $"regeln \"{rule.Id}\": uttrycket \"{rule.Condition}\" kan inte kompileras: {Describe(e)}");
            }
        }
        if (errors.Errors.Count > before) return null;
        return new CompiledRules(compiled.Select(c => c.Rule).ToList(), compiled.Select(c => c.Condition).ToArray(),
            createInput, parameters, thresholds.ToDictionary(t => t.Name, t => t.Value));
    }

    /// <summary>
    /// Runs the rules in order on the facts until one holds. Returns whether each rule ran held:
    /// all false but the last, which is true when a rule matched.
    /// </summary>
    public IReadOnlyList<bool> EvaluateUntilMatch(FactValues facts)
    {
        object[] input = [_createInput(facts.Values)];
        var results = new List<bool>(4);
        for (var i = 0; i < _conditions.Length; i++)
        {
            bool matched;
            try
            {
                matched = _conditions[i](input);
            }
            catch (Exception e)
            {
                throw new InputException(Rules[i].Position, $"regeln \"{Rules[i].Id}\" kunde inte utvärderas: {Describe(e)}");
            }
            results.Add(matched);
            if (matched) break;
        }
        return results;
    }

    /// <summary>
    /// Why rule <paramref name="index"/> held or not: its condition's top-level parts, each evaluated on
    /// the facts, with the values of the names it reads. For auditors; compiled on demand.
    /// </summary>
    public ConditionExplanation Explain(int index, FactValues facts)
    {
        var rule = Rules[index];
        var (op, parts) = ExpressionGuard.SplitTopLevel(rule.Condition);
        object[] input = [_createInput(facts.Values)];
        var values = facts.All().ToDictionary(f => f.Fact.Name, f => f.Value, StringComparer.Ordinal);
        foreach (var (name, value) in _thresholds) values[name] = value;
        var parser = new RuleExpressionParser(Settings);
        ConditionPart Part(string text, bool holds) =>
            new(text, holds, ExpressionGuard.Names(text, values.ContainsKey).Select(n => (n, values[n])).ToList());
        try
        {
            return new ConditionExplanation(op, parts.Select(part => Part(part, parser.Compile<bool>(part, _parameters)(input))).ToList());
        }
        catch (Exception) when (parts.Count > 1)
        {
            // A part that does not stand on its own: the whole condition, which compiled at load, is the one part.
            return new ConditionExplanation("", [Part(rule.Condition, _conditions[index](input))]);
        }
    }

    /// <summary>A compiled constructor: fact values in schema order in, the input object out, thresholds built in.</summary>
    private static Func<object[], object> InputFactory(Type type, FactSchema schema, IReadOnlyList<Threshold> thresholds)
    {
        var values = Expression.Parameter(typeof(object[]), "values");
        var bindings = schema.Facts.Select((fact, i) => Expression.Bind(type.GetProperty(fact.Name)!,
                Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(i)), fact.ClrType)))
            .Concat(thresholds.Select(t => Expression.Bind(type.GetProperty(t.Name)!, Expression.Constant(t.Value))));
        var body = Expression.Convert(Expression.MemberInit(Expression.New(type), bindings), typeof(object));
        return Expression.Lambda<Func<object[], object>>(body, values).Compile();
    }

    /// <summary>The innermost useful message of an expression failure.</summary>
    private static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null && (string.IsNullOrEmpty(inner.Message) || inner is System.Reflection.TargetInvocationException))
            inner = inner.InnerException;
        return string.IsNullOrEmpty(inner.Message) ? inner.GetType().Name : inner.Message;
    }
}

/// <summary>One top-level part of a condition, whether it held, and the values of the names it reads.</summary>
public sealed record ConditionPart(string Text, bool Holds, IReadOnlyList<(string Name, object Value)> Values);

/// <summary>A condition taken apart at its top-level &amp;&amp; or || (Operator is empty for a single part).</summary>
public sealed record ConditionExplanation(string Operator, IReadOnlyList<ConditionPart> Parts);
