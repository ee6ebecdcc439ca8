using System.Collections.Immutable;
using Assessment.Domain.Model;
using Assessment.Domain.Parsing;

namespace Assessment.Domain.Yaml;

/// <summary>
/// Reads a dataset file: one district, one period, the goal tree with indicators and activities.
/// Every value is written as the reports write it and parsed here; anything that cannot be read is
/// an <see cref="InputException"/> listing each problem with file, line and column.
/// </summary>
public static class DatasetReader
{
    public static Dataset ReadFile(string path, string? displayName = null) =>
        Read(InputText.ReadBytes(path, displayName ?? path), displayName ?? path);

    public static Dataset Read(string text, string file) => ReadAndRecycle(YamlFile.ParseRoot(text, file, new ErrorSink()));

    /// <summary>
    /// Reads a dataset from its file's UTF-8 bytes (a BOM allowed), as <see cref="InputText.ReadBytes"/> or
    /// <see cref="InputText.ReadWithHash"/> give them: no text of the whole file is made. Bytes that are not UTF-8 are
    /// the same error as <see cref="InputText.Read"/> gives.
    /// </summary>
    public static Dataset Read(byte[] utf8, string file) => ReadAndRecycle(YamlFile.ParseRoot(utf8, file, new ErrorSink()));

    private static Dataset ReadAndRecycle(YamlMap root)
    {
        try { return Read(root); }
        finally { YamlFile.Recycle(root); }
    }

    /// <summary>
    /// Reads a dataset from its file's root mapping (<see cref="YamlFile.ParseRoot(byte[], string, ErrorSink)"/>);
    /// the caller may hand the tree back with <see cref="YamlFile.Recycle"/> after.
    /// </summary>
    public static Dataset Read(YamlMap root)
    {
        var errors = root.Errors;
        root.String("$schema");
        var district = root.RequiredString("namnd");
        var period = root.RequiredPeriod();
        var source = root.String("kalla");
        var context = new GoalContext(errors, period ?? new ReportingPeriod(PeriodKind.VB, 1));
        // The goal tree's keys are the levels' codes: inriktningsmal, verksamhetsomradesmal, namndmal.
        var top = GoalLevel.DirectionGoal;
        var goals = root.Maps(top.Code()).Select(m => ReadGoal(m, top, context)).ToList();
        if (goals.Count == 0) root.Error(ErrorKinds.MissingValue, top.Code(), $"\"{top.Code()}\" saknas eller är tom: väntade minst ett {top.Label()}");
        root.Done();
        errors.ThrowIfAny();
        return new Dataset(district, period!, source, goals, root.Position);
    }

    /// <summary>
    /// Whether a file found in a folder is meant as a dataset: its root mapping has "namnd" or "period", so a rule
    /// set or another YAML file beside the datasets is passed over (broken YAML is reported by the caller, not skipped).
    /// </summary>
    public static bool LooksLikeDataset(YamlMap root) => root.Has("namnd") || root.Has("period");

    private sealed class GoalContext(ErrorSink errors, ReportingPeriod period)
    {
        public ErrorSink Errors { get; } = errors;
        public ReportingPeriod Period { get; } = period;
        public Dictionary<string, SourcePosition> SeenIds { get; } = new(StringComparer.Ordinal);
    }

    private static Goal ReadGoal(YamlMap map, GoalLevel level, GoalContext context, string? parentId = null)
    {
        var id = map.RequiredString("id").Trim().TrimEnd('.');
        // The city numbers goals by their place in the tree (3, 3.4, 3.4.1): a goal under the wrong parent is a mistake.
        if (parentId is not null && id.Length > 0 && !id.StartsWith(parentId + ".", StringComparison.Ordinal))
            map.Error(ErrorKinds.Inconsistent, "id", $"målet \"{id}\" står under {parentId} men dess id hör inte dit: väntade ett id som börjar med \"{parentId}.\"");
        if (id.Length > 0 && !context.SeenIds.TryAdd(id, map.PositionOf("id")))
            map.Error(ErrorKinds.Duplicate, "id", $"målet \"{id}\" finns redan (först på rad {context.SeenIds[id].Line}): varje mål-id får bara förekomma en gång");
        var title = map.RequiredString("titel");
        var recorded = map.ParseValue("redovisat", Codes.ParseRatingText);
        var ratingOverride = ReadOverride(map);
        var analysis = map.String("analys");

        string? description = null;
        IReadOnlyList<string> expected = [];
        IReadOnlyList<Indicator> indicators = [];
        IReadOnlyList<Activity> activities = [];
        IReadOnlyList<Goal> children = [];
        switch (level)
        {
            case GoalLevel.DirectionGoal:
                children = map.Maps(GoalLevel.ServiceAreaGoal.Code()).Select(m => ReadGoal(m, GoalLevel.ServiceAreaGoal, context, id)).ToList();
                break;
            case GoalLevel.ServiceAreaGoal:
                indicators = map.Maps("indikatorer").Select(ReadIndicator).ToList();
                activities = map.Maps("aktiviteter").Select(ReadActivity).ToList();
                children = map.Maps(GoalLevel.BoardGoal.Code()).Select(m => ReadGoal(m, GoalLevel.BoardGoal, context, id)).ToList();
                break;
            default:
                description = map.String("beskrivning");
                expected = map.Strings("forvantat_resultat").Select(s => s.Text).ToList();
                indicators = map.Maps("indikatorer").Select(ReadIndicator).ToList();
                activities = map.Maps("aktiviteter").Select(ReadActivity).ToList();
                break;
        }
        map.Done();
        return new Goal(id, level, title, description, expected, analysis, recorded, ratingOverride,
            indicators, activities, children, map.PositionOf("id"));
    }

    /// <summary>A goal's "overstyrning", which must give a reason; used by outcomes files too.</summary>
    public static RatingOverride? ReadOverride(YamlMap goal)
    {
        var map = goal.Map("overstyrning");
        if (map is null) return null;
        var rating = map.ParseValue("betyg", Codes.ParseRatingText);
        if (!map.Has("betyg")) map.Error(ErrorKinds.MissingValue, "betyg", "överstyrningen saknar \"betyg\": väntade helt, delvis, inte eller ej_bedomd");
        var reason = map.String("motivering");
        if (reason is null)
            map.Error(ErrorKinds.Inconsistent, "motivering", "en överstyrning måste ha en \"motivering\": skriv varför du bedömer målet annorlunda än regelverket");
        var by = map.String("av");
        map.Done();
        return rating is { } r && reason is not null ? new RatingOverride(r, reason.Trim(), by, map.Position) : null;
    }

    /// <summary>One indicator row, as in a dataset; used by rule-set tests too.</summary>
    public static Indicator ReadIndicator(YamlMap map)
    {
        var indicator = new Indicator(
            Name: map.RequiredString("namn"),
            Outcome: map.Parse("utfall", SwedishValues.ParseQuantity),
            OutcomeMen: map.Parse("utfall_man", SwedishValues.ParseQuantity),
            OutcomeWomen: map.Parse("utfall_kvinnor", SwedishValues.ParseQuantity),
            LastYearOutcome: map.Parse("utfall_forra_aret", SwedishValues.ParseQuantity),
            Forecast: map.Parse("prognos", SwedishValues.ParseQuantity),
            AnnualTarget: map.Parse("arsmal", ParseTarget),
            CityTarget: map.Parse("kf_arsmal", ParseTarget),
            Periodicity: map.ParseValue("periodicitet", SwedishValues.ParsePeriodicity) ?? Periodicity.Year,
            Direction: map.ParseValue("riktning", SwedishValues.ParseDirection),
            Analysis: map.String("analys"),
            Position: map.PositionOf("namn")) { Uncertain = ReadUncertain(map, UncertainCells.IndicatorKeys) };
        if (!map.Has("periodicitet"))
            map.Error(ErrorKinds.MissingValue, "periodicitet", $"indikatorn \"{indicator.Name}\" saknar \"periodicitet\": väntade {SwedishValues.PeriodicityExpectation}");
        map.Done();
        return indicator;
    }

    private static Activity ReadActivity(YamlMap map)
    {
        var activity = new Activity(
            Name: map.RequiredString("namn"),
            Start: map.ParseValue("start", SwedishValues.ParseDate),
            End: map.ParseValue("slut", SwedishValues.ParseDate),
            Deviation: map.Bool("avvikelse", false),
            Note: map.String("analys"),
            Position: map.PositionOf("namn")) { Uncertain = ReadUncertain(map, UncertainCells.ActivityKeys) };
        if (activity is { Start: { } start, End: { } end } && end < start)
            map.Error(ErrorKinds.Inconsistent, "slut", $"slutdatum {end:yyyy-MM-dd} ligger före startdatum {start:yyyy-MM-dd}");
        map.Done();
        return activity;
    }

    /// <summary>
    /// A row's <c>osakert</c>: for each of its cells the import could not place with certainty, the reason.
    /// A key that is not one of the row's cells is an unknown key, with a suggestion.
    /// </summary>
    private static ImmutableSortedDictionary<string, string> ReadUncertain(YamlMap row, IReadOnlyList<string> keys)
    {
        var map = row.Map("osakert");
        if (map is null) return UncertainCells.None;
        var cells = UncertainCells.None.ToBuilder();
        foreach (var key in keys)
        {
            if (map.String(key) is { } reason) cells[key] = reason.Trim();
            else if (map.Has(key)) map.Error(ErrorKinds.MissingValue, key, $"osakert \"{key}\": skälet saknas: skriv varför cellen är osäker, eller ta bort raden");
        }
        map.Done();
        return cells.ToImmutable();
    }

    // The reader hands over only non-empty text, so a target is always found or an error.
    private static Target ParseTarget(string text) => SwedishValues.ParseTarget(text)!;
}
