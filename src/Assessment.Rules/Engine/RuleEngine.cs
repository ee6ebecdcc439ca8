using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Yaml;
using Assessment.Rules.Facts;
using Assessment.Rules.Language;
using Assessment.Rules.Model;

namespace Assessment.Rules.Engine;

/// <summary>
/// One scope's rules, each condition parsed and checked once (<see cref="Checker"/>) against the scope's
/// facts and the rule set's thresholds, then interpreted (<see cref="Evaluator"/>) in order until one holds:
/// first match wins, so an error is always attributed to its own rule. Thresholds are read from the
/// vector given at evaluation time, never built into the rules. Nothing turns an expression error into a
/// silent false: a rule that does not check is an <see cref="InputException"/> at load, naming the rule and
/// the position of the part in error; one that cannot be evaluated (division by zero) is one too.
/// </summary>
internal sealed class CompiledRules
{
    private readonly Condition[] _conditions;

    private CompiledRules(IReadOnlyList<RuleDefinition> rules, Condition[] conditions)
    {
        Rules = rules;
        _conditions = conditions;
    }

    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>The checked conditions, in the order of <see cref="Rules"/>.</summary>
    public IReadOnlyList<Condition> Conditions => _conditions;

    /// <summary>
    /// Checks a scope's rules against its facts and the thresholds (by name, their place in the vector).
    /// Every problem goes to <paramref name="errors"/> with its position; returns null when there was any.
    /// </summary>
    public static CompiledRules? Compile(FactSchema schema, IReadOnlyDictionary<string, int> thresholds,
        IReadOnlyList<RuleDefinition> rules, ErrorSink errors)
    {
        // Plain loops: the rule set is checked at every start, and LINQ's chains cost a cold start more.
        var names = new List<string>(schema.Facts.Count + thresholds.Count);
        foreach (var fact in schema.Facts) names.Add(fact.Name);
        names.AddRange(thresholds.Keys);
        Binding? Resolve(string name) =>
            schema.Contains(name) ? new Binding(false, schema.IndexOf(name), Checker.TypeOf(schema.Facts[schema.IndexOf(name)].Type))
            : thresholds.TryGetValue(name, out var index) ? new Binding(true, index, ExprType.Number)
            : null;

        var before = errors.Errors.Count;
        var checkedRules = new List<RuleDefinition>(rules.Count);
        var conditions = new List<Condition>(rules.Count);
        foreach (var rule in rules)
        {
            if (rule.Id.Length == 0) continue; // a rule without id is already reported by the reader
            var (condition, problems) = Checker.Check(rule.Condition, Resolve, names);
            foreach (var problem in problems)
                errors.Add(problem.Kind, rule.PositionAt(problem.Offset), $"regeln \"{rule.Id}\": {problem.Message}");
            if (condition is null) continue;
            checkedRules.Add(rule);
            conditions.Add(condition);
        }
        if (errors.Errors.Count > before) return null;
        return new CompiledRules(checkedRules, conditions.ToArray());
    }

    /// <summary>
    /// The rating of the first rule from <paramref name="from"/> on that holds, nothing recorded (a sweep's
    /// rating); with <paramref name="stopAtThreshold"/> the search stops at the first rule that reads a threshold and
    /// gives its place instead, for a caller that tries the rest under other values.
    /// </summary>
    public (Rating Rating, int StoppedAt) FirstHolding(object[] facts, double[] thresholds, int from = 0, bool stopAtThreshold = false)
    {
        for (var k = from; k < _conditions.Length; k++)
        {
            if (stopAtThreshold && _conditions[k].ThresholdIndexes.Count > 0) return (default, k);
            if (_conditions[k].Holds(facts, thresholds)) return (Rules[k].Rating, -1);
        }
        throw NoRuleHeld();
    }

    /// <summary>A scope whose rules all failed: the reader guarantees a catch-all, so this is a bug.</summary>
    public static InvalidOperationException NoRuleHeld() => new("No rule matched; the reader guarantees a catch-all.");

    /// <summary>
    /// Runs the rules in order on the facts until one holds, recording each: all but the last did not
    /// hold, and the last did when a rule matched.
    /// </summary>
    public List<RuleCheck> EvaluateUntilMatch(FactValues facts, double[] thresholds)
    {
        var results = new List<RuleCheck>(4);
        for (var i = 0; i < _conditions.Length; i++)
        {
            ConditionTrace trace;
            try
            {
                trace = ConditionTrace.Record(_conditions[i], facts.Values, thresholds);
            }
            catch (EvaluationException e)
            {
                throw new InputException(ErrorKinds.ExpressionValue, Rules[i].PositionAt(e.Span.Start),
                    $"regeln \"{Rules[i].Id}\" kunde inte utvärderas: {e.Message} i \"{e.Span.Of(Rules[i].Condition)}\"");
            }
            results.Add(new RuleCheck(Rules[i], trace));
            if (trace.Holds) break;
        }
        return results;
    }
}
