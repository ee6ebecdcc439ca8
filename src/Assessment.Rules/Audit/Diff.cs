using Assessment.Domain.Model;
using Assessment.Domain.Parsing;
using Assessment.Rules.Model;

namespace Assessment.Rules.Audit;

/// <summary>One goal or indicator whose derived rating changes between two rule sets, and why.</summary>
public sealed record RatingChange(
    GoalLevel? Level,
    string GoalId,
    string? Indicator,
    Rating From,
    Rating To,
    string FromRule,
    string ToRule,
    string Cause)
{
    public bool IsGoal => Indicator is null;
}

/// <summary>
/// What a change of rule set changes: for each goal and indicator whose derived rating differs, from
/// what to what, and what caused it – a threshold, a changed rating underneath, or a rule – as the
/// decisions' recorded traces show. Pure: a function of the two assessments.
/// </summary>
public static class Diff
{
    public static IReadOnlyList<RatingChange> Compare(AssessmentResult before, AssessmentResult after, RuleSet oldRules, RuleSet newRules)
    {
        var changedRules = ChangedRules(oldRules, newRules);
        var afterGoals = after.AllGoals().ToDictionary(g => g.Goal.Id);
        var changes = new List<RatingChange>();

        foreach (var oldGoal in before.AllGoals())
        {
            var newGoal = afterGoals[oldGoal.Goal.Id];
            var underneath = new List<string>();
            foreach (var (oldIndicator, newIndicator) in oldGoal.Indicators.Zip(newGoal.Indicators))
            {
                if (oldIndicator.Rating == newIndicator.Rating) continue;
                underneath.Add($"indikator \"{oldIndicator.Indicator.Name}\" {oldIndicator.Rating.Label()} → {newIndicator.Rating.Label()}");
                changes.Add(new RatingChange(null, oldGoal.Goal.Id, oldIndicator.Indicator.Name, oldIndicator.Rating, newIndicator.Rating,
                    oldIndicator.Decision.Rule.Id, newIndicator.Decision.Rule.Id,
                    Cause(oldIndicator.Decision, newIndicator.Decision, changedRules, RuleScope.Indicator, [])));
            }
            foreach (var (oldChild, newChild) in oldGoal.Children.Zip(newGoal.Children))
            {
                var (from, to) = oldRules.RollUp == RollUpSource.Final ? (oldChild.Final, newChild.Final) : (oldChild.Derived.Rating, newChild.Derived.Rating);
                if (from != to) underneath.Add($"delmål {oldChild.Goal.Id} {from.Label()} → {to.Label()}");
                else if (Changed(oldChild, afterGoals)) underneath.Add($"betyg under delmål {oldChild.Goal.Id}");
            }
            if (oldGoal.Derived.Rating == newGoal.Derived.Rating) continue;
            changes.Add(new RatingChange(oldGoal.Goal.Level, oldGoal.Goal.Id, null, oldGoal.Derived.Rating, newGoal.Derived.Rating,
                oldGoal.Derived.Rule.Id, newGoal.Derived.Rule.Id,
                Cause(oldGoal.Derived, newGoal.Derived, changedRules, RuleScopes.ForLevel(oldGoal.Goal.Level), underneath)));
        }
        return changes;
    }

    /// <summary>Whether any rating in the goal's subtree (below the goal itself) changed.</summary>
    private static bool Changed(GoalResult goal, IReadOnlyDictionary<string, GoalResult> after) =>
        goal.SelfAndDescendants().Any(c => after[c.Goal.Id].Final != c.Final || after[c.Goal.Id].Derived.Rating != c.Derived.Rating ||
                                           after[c.Goal.Id].Indicators.Zip(c.Indicators).Any(p => p.First.Rating != p.Second.Rating));

    /// <summary>
    /// Why a decision changed, read from the two decisions' traces. The deciding point is the first rule,
    /// in the order both tried them, whose outcome differs; its cause is what that rule read differently – a
    /// threshold's value, or facts that come from the ratings underneath – or a change to the rule itself.
    /// A new rule that now decides, or a changed one that decided before and is no longer reached, is a cause
    /// too. A threshold or rule that changed but did not move the outcome is not named. Facts of an indicator
    /// that differ come from the rule set's choice of value, target or direction.
    /// </summary>
    private static string Cause(Decision before, Decision after, IReadOnlySet<(RuleScope, string)> changedRules, RuleScope scope,
        IReadOnlyList<string> underneath)
    {
        var causes = new List<string>();
        var beforeChecks = before.Checked.ToDictionary(c => c.Rule.Id);
        foreach (var check in after.Checked)
        {
            var changed = changedRules.Contains((scope, check.Rule.Id));
            if (!beforeChecks.TryGetValue(check.Rule.Id, out var old))
            {
                // Not tried before: a new rule (or one moved up) that now decides.
                if (changed && check.Matched) causes.Add($"regeln {check.Rule.Id} är ändrad");
                continue;
            }
            if (old.Matched == check.Matched && !(changed && check.Matched)) continue;
            // The deciding point: this rule held before and not now, or the other way round (or, changed, gives another rating).
            if (changed) causes.Add($"regeln {check.Rule.Id} är ändrad");
            var oldThresholds = old.Trace.Thresholds.ToDictionary(t => t.Name, t => t.Value);
            causes.AddRange(check.Trace.Thresholds
                .Where(t => oldThresholds.TryGetValue(t.Name, out var v) && v != t.Value)
                .Select(t => $"tröskelvärdet {t.Name} {SwedishFormat.Number(oldThresholds[t.Name], 6)} → {SwedishFormat.Number(t.Value, 6)}"));
            var oldFacts = old.Trace.Facts.ToDictionary(f => f.Name, f => f.Value);
            var facts = check.Trace.Facts.Where(f => oldFacts.TryGetValue(f.Name, out var v) && !Equals(v, f.Value))
                .Select(f => $"{f.Name} {Show(oldFacts[f.Name])} → {Show(f.Value)}").ToList();
            if (facts.Count > 0)
                causes.Add(scope != RuleScope.Indicator && underneath.Count > 0
                    ? $"betyg under målet har ändrats ({string.Join(", ", underneath.Take(3))}{(underneath.Count > 3 ? $" och {underneath.Count - 3} till" : "")}): {string.Join(", ", facts)}"
                    : $"regelverkets val av värde, mål eller riktning är ändrat: {string.Join(", ", facts)}");
            break;
        }
        // The rule that decided before, changed so that it is no longer tried.
        causes.AddRange(before.Checked.Where(c => c.Matched && changedRules.Contains((scope, c.Rule.Id)) && after.Checked.All(a => a.Rule.Id != c.Rule.Id))
            .Select(c => $"regeln {c.Rule.Id} är ändrad"));
        if (causes.Count == 0) causes.Add("regelverkets val av värde, mål eller riktning är ändrat");
        return $"regel {before.Rule.Id} → {after.Rule.Id}: {string.Join("; ", causes.Distinct())}";
    }

    private static string Show(object value) => value switch
    {
        double d => SwedishFormat.Number(d, 4),
        bool b => b ? "sant" : "falskt",
        _ => $"\"{value}\"",
    };

    /// <summary>Rules (by scope and id) whose condition or rating differs, or that exist in only one of the sets.</summary>
    private static HashSet<(RuleScope, string)> ChangedRules(RuleSet oldRules, RuleSet newRules)
    {
        var changed = new HashSet<(RuleScope, string)>();
        foreach (var scope in RuleScopes.All)
        {
            var before = oldRules.Rules[scope].ToDictionary(r => r.Id);
            var after = newRules.Rules[scope].ToDictionary(r => r.Id);
            foreach (var id in before.Keys.Union(after.Keys))
                if (!before.TryGetValue(id, out var b) || !after.TryGetValue(id, out var a) || b.Condition != a.Condition || b.Rating != a.Rating)
                    changed.Add((scope, id));
        }
        return changed;
    }
}
