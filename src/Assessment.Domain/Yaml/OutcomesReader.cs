using Assessment.Domain.Model;
using Assessment.Domain.Parsing;

namespace Assessment.Domain.Yaml;

/// <summary>
/// Reads an outcomes file: the period, and per goal id the indicators' figures, the activities'
/// deviation flags and the goals' ratings, to lay on a plan.
/// </summary>
public static class OutcomesReader
{
    public static Outcomes ReadFile(string path, string? displayName = null) =>
        Read(InputText.ReadFile(path, displayName ?? path), displayName ?? path);

    public static Outcomes Read(string text, string file)
    {
        var errors = new ErrorSink();
        var root = YamlFile.ParseRoot(text, file, errors);
        root.String("$schema");
        var period = root.RequiredPeriod();
        var indicators = root.Maps("indikatorer").Select(m =>
        {
            var o = new IndicatorOutcome(m.RequiredString("mal"), m.RequiredString("namn"),
                m.Parse("utfall", SwedishValues.ParseQuantity), m.Parse("utfall_man", SwedishValues.ParseQuantity),
                m.Parse("utfall_kvinnor", SwedishValues.ParseQuantity), m.Parse("utfall_forra_aret", SwedishValues.ParseQuantity),
                m.Parse("prognos", SwedishValues.ParseQuantity), m.String("analys"), m.PositionOf("namn"));
            m.Done();
            return o;
        }).ToList();
        var activities = root.Maps("aktiviteter").Select(m =>
        {
            var o = new ActivityOutcome(m.RequiredString("mal"), m.RequiredString("namn"), m.Bool("avvikelse", false),
                m.String("analys"), m.PositionOf("namn"));
            m.Done();
            return o;
        }).ToList();
        var goals = root.Maps("mal").Select(m =>
        {
            var id = m.RequiredString("id");
            var recorded = m.ParseValue("redovisat", Codes.ParseRatingText);
            var over = DatasetReader.ReadOverride(m);
            var o = new GoalOutcome(id, recorded, over, m.String("analys"), m.PositionOf("id"));
            m.Done();
            return o;
        }).ToList();
        root.Done();
        errors.ThrowIfAny();
        var outcomes = new Outcomes(period!, indicators, activities, goals);
        foreach (var repeated in outcomes.Repeated()) errors.Add(repeated.Kind, repeated.Position!, repeated.Message);
        errors.ThrowIfAny();
        return outcomes;
    }
}
