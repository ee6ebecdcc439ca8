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
/// The one seam between our rule sets and Microsoft RulesEngine. A scope's ordered rules become one
/// RulesEngine workflow of lambda-expression rules over a single input, "fakta": the scope's facts
/// plus the rule set's named thresholds, as properties of one generated type. RulesEngine's default
/// of turning an expression error into a silent false is switched off: a rule that fails to compile
/// is an <see cref="InputException"/> at load, naming the rule and its position; one that throws
/// while evaluating is one too.
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
    private readonly string _workflow;
    private readonly IReadOnlyList<RuleDefinition> _rules;
    private readonly Type _inputType;
    private readonly PropertyInfo[] _factProperties;
    private readonly IReadOnlyList<(PropertyInfo Property, double Value)> _thresholds;

    private CompiledRules(string workflow, IReadOnlyList<RuleDefinition> rules, Type inputType,
        FactSchema schema, IReadOnlyList<Threshold> thresholds)
    {
        _workflow = workflow;
        _rules = rules;
        _inputType = inputType;
        _factProperties = schema.Facts.Select(f => inputType.GetProperty(f.Name)!).ToArray();
        _thresholds = thresholds.Select(t => (inputType.GetProperty(t.Name)!, t.Value)).ToList();
        _engine = new MsRulesEngine([ToWorkflow(workflow, rules)], Settings);
    }

    public IReadOnlyList<RuleDefinition> Rules => _rules;

    /// <summary>
    /// Checks and compiles a scope's rules. Every problem goes to <paramref name="errors"/> with the
    /// rule's position; returns null when there was any.
    /// </summary>
    public static CompiledRules? Compile(string workflow, FactSchema schema, IReadOnlyList<Threshold> thresholds,
        IReadOnlyList<RuleDefinition> rules, ErrorSink errors)
    {
        var names = schema.Facts.Select(f => f.Name).Concat(thresholds.Select(t => t.Name)).ToList();
        var known = names.ToHashSet(StringComparer.Ordinal);
        var inputType = DynamicClassFactory.CreateType(
            schema.Facts.Select(f => new DynamicProperty(f.Name, f.ClrType))
                .Concat(thresholds.Select(t => new DynamicProperty(t.Name, typeof(double))))
                .ToList(),
            createParameterCtor: false);

        var before = errors.Errors.Count;
        foreach (var rule in rules)
        {
            var problems = ExpressionGuard.Check(rule.Condition, known.Contains, names);
            foreach (var problem in problems)
                errors.Add(rule.Position, $"regeln \"{rule.Id}\": {problem.Message} (tecken {problem.Offset + 1} i uttrycket)");
            if (problems.Count == 0 && CompileError(rule, inputType, schema, thresholds) is { } message)
                errors.Add(rule.Position, $"regeln \"{rule.Id}\": uttrycket \"{rule.Condition}\" kan inte kompileras: {message}");
        }
        return errors.Errors.Count > before ? null : new CompiledRules(workflow, rules, inputType, schema, thresholds);
    }

    /// <summary>Evaluates every rule, in order, on the facts. Index i tells whether rule i's condition holds.</summary>
    public IReadOnlyList<bool> Evaluate(FactValues facts)
    {
        var input = CreateInput(facts);
        var results = _engine.ExecuteAllRulesAsync(_workflow, new RuleParameter(InputName, input)).GetAwaiter().GetResult();
        var matched = new bool[_rules.Count];
        for (var i = 0; i < _rules.Count; i++)
        {
            var result = results.Single(r => r.Rule.RuleName == _rules[i].Id);
            if (!string.IsNullOrEmpty(result.ExceptionMessage))
                throw new InputException(_rules[i].Position, $"regeln \"{_rules[i].Id}\" kunde inte utvärderas: {result.ExceptionMessage}");
            matched[i] = result.IsSuccess;
        }
        return matched;
    }

    private object CreateInput(FactValues facts)
    {
        var input = Activator.CreateInstance(_inputType)!;
        var i = 0;
        foreach (var (_, value) in facts.All()) _factProperties[i++].SetValue(input, value);
        foreach (var (property, value) in _thresholds) property.SetValue(input, value);
        return input;
    }

    /// <summary>Compiles one rule on its own (RulesEngine compiles on first use), so an error names its rule.</summary>
    private static string? CompileError(RuleDefinition rule, Type inputType, FactSchema schema, IReadOnlyList<Threshold> thresholds)
    {
        try
        {
            var single = new CompiledRules("kontroll", [rule], inputType, schema, thresholds);
            single.Evaluate(FactValues.For(schema).Build());
            return null;
        }
        catch (InputException e)
        {
            return e.Errors[0].Message;
        }
        catch (Exception e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            var prefix = $"Error while compiling rule `{rule.Id}`: ";
            return message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
        }
    }

    private static Workflow ToWorkflow(string name, IReadOnlyList<RuleDefinition> rules) => new()
    {
        WorkflowName = name,
        Rules = rules.Select(r => new Rule
        {
            RuleName = r.Id,
            Expression = r.Condition,
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            SuccessEvent = r.Rating.ToString(),
        }).ToList(),
    };
}
