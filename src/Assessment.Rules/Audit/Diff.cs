using Assessment.Domain.Model;
using Assessment.Domain.Parsing;
using Assessment.Rules.Language;
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
/// what to what, and which threshold or rule caused it. Pure: a function of the two assessments.
/// </summary>
public static class Diff
{
    public static IReadOnlyList<RatingChange> Compare(AssessmentResult before, AssessmentResult after, RuleSet oldRules, RuleSet newRules)
    {
        var changedThresholds = ChangedThresholds(oldRules, newRules);
        var changedRules = ChangedRules(oldRules, newRules);
        var afterGoals = after.AllGoals().ToDictionary(g => g.Goal.Id);
        var changes = new List<RatingChange>();

        foreach (var oldGoal in before.AllGoals())
        {
            var newGoal = afterGoals[oldGoal.Goal.Id];
            var indicatorChanged = false;
            foreach (var (oldIndicator, newIndicator) in oldGoal.Indicators.Zip(newGoal.Indicators))
            {
                if (oldIndicator.Rating == newIndicator.Rating) continue;
                indicatorChanged = true;
                changes.Add(new RatingChange(null, oldGoal.Goal.Id, oldIndicator.Indicator.Name, oldIndicator.Rating, newIndicator.Rating,
                    oldIndicator.Decision.Rule.Id, newIndicator.Decision.Rule.Id,
                    Cause(oldIndicator.Decision, newIndicator.Decision, changedThresholds, changedRules, RuleScope.Indicator, underneath: false)));
            }
            if (oldGoal.Derived.Rating == newGoal.Derived.Rating) continue;
            var underneath = indicatorChanged || oldGoal.SelfAndDescendants().Skip(1)
                .Any(c => afterGoals[c.Goal.Id].Final != c.Final || afterGoals[c.Goal.Id].Indicators.Zip(c.Indicators).Any(p => p.First.Rating != p.Second.Rating));
            changes.Add(new RatingChange(oldGoal.Goal.Level, oldGoal.Goal.Id, null, oldGoal.Derived.Rating, newGoal.Derived.Rating,
                oldGoal.Derived.Rule.Id, newGoal.Derived.Rule.Id,
                Cause(oldGoal.Derived, newGoal.Derived, changedThresholds, changedRules, RuleScopes.ForLevel(oldGoal.Goal.Level), underneath)));
        }
        return changes;
    }

    private static string Cause(Decision before, Decision after, IReadOnlyDictionary<string, string> thresholds,
        IReadOnlySet<(RuleScope, string)> rules, RuleScope scope, bool underneath)
    {
        var causes = new List<string>();
        var involved = before.Checked.Concat(after.Checked).Select(c => c.Rule).DistinctBy(r => r.Id).ToList();
        var names = involved.SelectMany(r => Lexer.Read(r.Condition).Tokens)
            .Where(t => t.Kind == TokenKind.Name && thresholds.ContainsKey(t.Text)).Select(t => t.Text).Distinct().ToList();
        causes.AddRange(names.Select(n => $"tröskelvärdet {thresholds[n]}"));
        causes.AddRange(involved.Where(r => rules.Contains((scope, r.Id))).Select(r => $"regeln {r.Id} är ändrad"));
        if (underneath) causes.Add("betyg under målet har ändrats");
        if (causes.Count == 0) causes.Add("regelverkets val av värde, mål eller riktning är ändrat");
        return $"regel {before.Rule.Id} → {after.Rule.Id}: {string.Join("; ", causes)}";
    }

    /// <summary>Thresholds added, removed or changed, described as "delvis_grans 0,85 → 0,99".</summary>
    private static Dictionary<string, string> ChangedThresholds(RuleSet oldRules, RuleSet newRules)
    {
        var before = oldRules.Thresholds.ToDictionary(t => t.Name, t => t.Value);
        var after = newRules.Thresholds.ToDictionary(t => t.Name, t => t.Value);
        return before.Keys.Union(after.Keys)
            .Where(n => !before.TryGetValue(n, out var b) || !after.TryGetValue(n, out var a) || b != a)
            .ToDictionary(n => n, n => $"{n} {Show(before, n)} → {Show(after, n)}");

        static string Show(Dictionary<string, double> values, string name) =>
            values.TryGetValue(name, out var v) ? SwedishFormat.Number(v, 6) : "(saknas)";
    }

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
