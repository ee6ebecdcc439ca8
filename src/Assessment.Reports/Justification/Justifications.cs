using Assessment.Rules;

namespace Assessment.Reports.Justification;

/// <summary>The rendered texts of one assessment: the summary and each goal's justification (by goal id).</summary>
public sealed record Justifications(string Summary, IReadOnlyDictionary<string, string> ByGoal)
{
    public static Justifications Render(AssessmentResult result, TemplateSet templates)
    {
        var period = result.Dataset.Period;
        var byGoal = result.AllGoals().ToDictionary(
            g => g.Goal.Id,
            g => templates.Render(TemplateModels.TemplateFor(g.Goal.Level), TemplateModels.Goal(g, period)));
        return new Justifications(templates.Render(TemplateSet.Summary, TemplateModels.Summary(result)), byGoal);
    }
}
