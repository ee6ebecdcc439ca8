using System.Linq.Dynamic.Core;
using System.Reflection;
using Assessment.Domain;
using Assessment.Domain.Yaml;
using Assessment.Rules.Facts;
using Assessment.Rules.Model;
using RulesEngine.Models;
using MsRulesEngine = RulesEngine.RulesEngine;

namespace Assessment.Rules.Engine;

/// <summary>
/// The one seam between our rule sets and Microsoft RulesEngine. Each ordered rule becomes a
/// RulesEngine workflow of one lambda-expression rule over a single input, "fakta": the scope's facts
/// plus the rule set's named thresholds, as properties of one generated type. Rules are executed in
/// order until one holds (first match wins), so an error is always attributed to its own rule.
/// RulesEngine's default of turning an expression error into a silent false is switched off: a rule
/// that fails to compile is an <see cref="InputException"/> at load, naming the rule and its
/// position; one that throws while rating is an <see cref="InputException"/> too.
/// </summary>
public sealed class CompiledRules
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

    private readonly MsRulesEngine _engine;
    private readonly string[] _workflows;
    private readonly Type _inputType;
    private readonly PropertyInfo[] _factProperties;
    private readonly IReadOnlyList<(PropertyInfo Property, double Value)> _thresholds;
    private readonly FactSchema _schema;
    private readonly IReadOnlyList<Threshold> _thresholdList;

    private CompiledRules(string scope, IReadOnlyList<RuleDefinition> rules, Type inputType,
        FactSchema schema, IReadOnlyList<Threshold> thresholds)
    {
        Rules = rules;
        _inputType = inputType;
        _schema = schema;
        _thresholdList = thresholds;
        _factProperties = schema.Facts.Select(f => inputType.GetProperty(f.Name)!).ToArray();
        _thresholds = thresholds.Select(t => (inputType.GetProperty(t.Name)!, t.Value)).ToList();
        _workflows = rules.Select((r, i) => $"{scope}/{i}/{r.Id}").ToArray(); // unique even if ids repeat
        _engine = new MsRulesEngine(rules.Select((r, i) => ToWorkflow(_workflows[i], r)).ToArray(), Settings);
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

        var before = errors.Errors.Count;
        var guarded = new List<RuleDefinition>();
        foreach (var rule in rules.Where(r => r.Id.Length > 0)) // a rule without id is already reported by the reader
        {
            var problems = ExpressionGuard.Check(rule.Condition, known.Contains, names);
            foreach (var problem in problems)
                errors.Add(rule.PositionAt(problem.Offset), $"regeln \"{rule.Id}\": {problem.Message}");
            if (problems.Count == 0) guarded.Add(rule);
        }

        // RulesEngine compiles a rule when it first runs: run each once on neutral facts so that
        // every compile error is found now, at load, rather than halfway through an assessment.
        CompiledRules compiled;
        try
        {
            compiled = new CompiledRules(scope, guarded, inputType, schema, thresholds);
        }
        catch (Exception e) when (e is not InputException)
        {
            errors.Add(guarded.FirstOrDefault()?.Position ?? SourcePosition.StartOf("regelverk"), $"reglerna för \"{scope}\" kunde inte läsas in: {e.Message}");
            return null;
        }
        var neutral = compiled.CreateInput(FactValues.For(schema).Build());
        for (var i = 0; i < guarded.Count; i++)
        {
            try
            {
                compiled.Execute(i, neutral);
            }
            catch (InputException e)
            {
                errors.Add(guarded[i].Position, $"regeln \"{guarded[i].Id}\": uttrycket \"{guarded[i].Condition}\" kan inte kompileras: {e.Errors[0].Message}");
            }
        }
        return errors.Errors.Count > before ? null : compiled;
    }

    /// <summary>
    /// Runs the rules in order on the facts until one holds. Returns whether each rule ran held:
    /// all false but the last, which is true when a rule matched.
    /// </summary>
    public IReadOnlyList<bool> EvaluateUntilMatch(FactValues facts)
    {
        var input = CreateInput(facts);
        var results = new List<bool>(Rules.Count);
        for (var i = 0; i < Rules.Count; i++)
        {
            bool matched;
            try
            {
                matched = Execute(i, input);
            }
            catch (InputException e)
            {
                throw new InputException(Rules[i].Position, $"regeln \"{Rules[i].Id}\" kunde inte utvärderas: {e.Errors[0].Message}");
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
        var input = CreateInput(facts);
        var values = facts.All().ToDictionary(f => f.Fact.Name, f => f.Value, StringComparer.Ordinal);
        foreach (var (property, value) in _thresholds) values[property.Name] = value;
        var explained = parts.Select(part =>
        {
            var probe = new CompiledRules("förklaring", [rule with { Condition = part }], _inputType, _schema, _thresholdList);
            var names = ExpressionGuard.Names(part, values.ContainsKey);
            return new ConditionPart(part, probe.Execute(0, input), names.Select(n => (n, values[n])).ToList());
        }).ToList();
        return new ConditionExplanation(op, explained);
    }

    /// <summary>Runs rule <paramref name="index"/>; any failure inside RulesEngine becomes an <see cref="InputException"/>.</summary>
    private bool Execute(int index, object input)
    {
        try
        {
            var result = _engine.ExecuteAllRulesAsync(_workflows[index], new RuleParameter(InputName, input))
                .GetAwaiter().GetResult().Single();
            if (!string.IsNullOrEmpty(result.ExceptionMessage))
                throw new InputException(Rules[index].Position, result.ExceptionMessage);
            return result.IsSuccess;
        }
        catch (Exception e) when (e is not InputException)
        {
            throw new InputException(Rules[index].Position, Describe(e, Rules[index].Id));
        }
    }

    private object CreateInput(FactValues facts)
    {
        var input = Activator.CreateInstance(_inputType)!;
        var i = 0;
        foreach (var (_, value) in facts.All()) _factProperties[i++].SetValue(input, value);
        foreach (var (property, value) in _thresholds) property.SetValue(input, value);
        return input;
    }

    /// <summary>The innermost useful message, without RulesEngine's "Error while compiling rule" prefix.</summary>
    private static string Describe(Exception e, string ruleId)
    {
        var inner = e;
        while (string.IsNullOrEmpty(inner.Message) || inner.Message.StartsWith("Exception of type", StringComparison.Ordinal))
        {
            if (inner.InnerException is null) break;
            inner = inner.InnerException;
        }
        if (inner.InnerException is { } cause && inner.GetType().Name == "RuleException") inner = cause;
        var message = inner.Message;
        var prefix = $"Error while compiling rule `{ruleId}`: ";
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }

    private static Workflow ToWorkflow(string name, RuleDefinition rule) => new()
    {
        WorkflowName = name,
        Rules =
        [
            new Rule
            {
                RuleName = rule.Id,
                Expression = rule.Condition,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                SuccessEvent = rule.Rating.ToString(),
            },
        ],
    };
}

/// <summary>One top-level part of a condition, whether it held, and the values of the names it reads.</summary>
public sealed record ConditionPart(string Text, bool Holds, IReadOnlyList<(string Name, object Value)> Values);

/// <summary>A condition taken apart at its top-level &amp;&amp; or || (Operator is empty for a single part).</summary>
public sealed record ConditionExplanation(string Operator, IReadOnlyList<ConditionPart> Parts);
