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

    public static Dataset Read(string text, string file) => ReadAndRecycle(YamlFile.ParseRoot(text, file, new ErrorSink()), prose: true);

    /// <summary>
    /// Reads a dataset from its file's UTF-8 bytes (a BOM allowed), as <see cref="InputText.ReadBytes"/> or
    /// <see cref="InputText.ReadWithHash"/> give them: no text of the whole file is made. Bytes that are not UTF-8 are
    /// the same error as <see cref="InputText.Read"/> gives.
    /// </summary>
    /// <param name="prose">
    /// False leaves the prose out – every goal's, indicator's and activity's <c>analys</c>, and a goal's
    /// <c>beskrivning</c> and <c>forvantat_resultat</c> (null and empty in the model) – for a command that shows none
    /// of it: most of a dataset's bytes are prose, and its text is then never made. Its keys are still checked.
    /// </param>
    public static Dataset Read(byte[] utf8, string file, bool prose = true) => ReadAndRecycle(YamlFile.ParseRoot(utf8, file, new ErrorSink()), prose);

    private static Dataset ReadAndRecycle(YamlMap root, bool prose)
    {
        try { return Read(root, prose); }
        finally { YamlFile.Recycle(root); }
    }

    /// <summary>
    /// Reads a dataset from its file's root mapping (<see cref="YamlFile.ParseRoot(byte[], string, ErrorSink)"/>);
    /// the caller may hand the tree back with <see cref="YamlFile.Recycle"/> after.
    /// </summary>
    /// <param name="prose">As <see cref="Read(byte[], string, bool)"/> has it.</param>
    public static Dataset Read(YamlMap root, bool prose = true)
    {
        var errors = root.Errors;
        root.String("$schema");
        var district = root.RequiredString("namnd");
        var period = root.RequiredPeriod();
        var source = root.String("kalla");
        var context = new GoalContext(errors, period ?? new ReportingPeriod(PeriodKind.VB, 1), prose);
        // The goal tree's keys are the levels' codes: inriktningsmal, verksamhetsomradesmal, namndmal.
        var top = GoalLevel.DirectionGoal;
        var goals = ReadGoals(root, top, context, null);
        if (goals.Length == 0) root.Error(ErrorKinds.MissingValue, top.Code(), $"\"{top.Code()}\" saknas eller är tom: väntade minst ett {top.Label()}");
        root.Done();
        context.HandBack();
        errors.ThrowIfAny();
        return new Dataset(district, period!, source, goals, root.Position);
    }

    /// <summary>
    /// Whether a file found in a folder is meant as a dataset: its root mapping has "namnd" or "period", so a rule
    /// set or another YAML file beside the datasets is passed over (broken YAML is reported by the caller, not skipped).
    /// </summary>
    public static bool LooksLikeDataset(YamlMap root) => root.Has("namnd") || root.Has("period");

    private sealed class GoalContext(ErrorSink errors, ReportingPeriod period, bool prose)
    {
        /// <summary>Whether the prose is read (<see cref="Read(byte[], string, bool)"/>).</summary>
        public bool Prose { get; } = prose;

        [ThreadStatic] private static Dictionary<string, int>? _spare;

        public ErrorSink Errors { get; } = errors;
        public ReportingPeriod Period { get; } = period;

        /// <summary>Each goal id read so far, with the line it stands on: a table of the thread's, used again for its next file.</summary>
        public Dictionary<string, int> SeenIds { get; } = Interlocked.Exchange(ref _spare, null) ?? new(StringComparer.Ordinal);

        /// <summary>Hands the table of ids to the thread's next file; a large one (over 4 096 goals) is left to the collector.</summary>
        public void HandBack()
        {
            if (SeenIds.Count > 4096) return;
            SeenIds.Clear();
            _spare = SeenIds;
        }
    }

    /// <summary>The goals of one level listed under <paramref name="parent"/>'s key for that level.</summary>
    private static Goal[] ReadGoals(YamlMap parent, GoalLevel level, GoalContext context, string? parentId)
    {
        var maps = parent.EachMap(level.Code());
        if (maps.Count == 0) return [];
        var goals = new Goal[maps.Count];
        var read = 0;
        foreach (var map in maps) goals[read++] = ReadGoal(map, level, context, parentId);
        return Fitted(goals, read);
    }

    /// <summary>A goal's rows under <paramref name="key"/> (indikatorer, aktiviteter), each read by <paramref name="read"/> (a static method: no closure).</summary>
    private static T[] ReadRows<T>(YamlMap goal, string key, bool prose, Func<YamlMap, bool, T> read)
    {
        var maps = goal.EachMap(key);
        if (maps.Count == 0) return [];
        var rows = new T[maps.Count];
        var count = 0;
        foreach (var map in maps) rows[count++] = read(map, prose);
        return Fitted(rows, count);
    }

    /// <summary>The first <paramref name="count"/> items: all of them unless some list items were no mappings (an error).</summary>
    private static T[] Fitted<T>(T[] items, int count)
    {
        if (count < items.Length) Array.Resize(ref items, count);
        return items;
    }

    private static Goal ReadGoal(YamlMap map, GoalLevel level, GoalContext context, string? parentId)
    {
        var id = map.RequiredString("id").Trim().TrimEnd('.');
        var position = map.PositionOf("id");
        // The city numbers goals by their place in the tree (3, 3.4, 3.4.1): a goal under the wrong parent is a mistake.
        if (parentId is not null && id.Length > 0
            && !(id.Length > parentId.Length && id[parentId.Length] == '.' && id.StartsWith(parentId, StringComparison.Ordinal)))
            map.Error(ErrorKinds.Inconsistent, "id", $"målet \"{id}\" står under {parentId} men dess id hör inte dit: väntade ett id som börjar med \"{parentId}.\"");
        if (id.Length > 0 && !context.SeenIds.TryAdd(id, position.Line))
            map.Error(ErrorKinds.Duplicate, "id", $"målet \"{id}\" finns redan (först på rad {context.SeenIds[id]}): varje mål-id får bara förekomma en gång");
        var title = map.RequiredString("titel");
        var recorded = map.ParseValue("redovisat", Codes.ParseRatingText);
        var ratingOverride = ReadOverride(map);
        var prose = context.Prose;
        var analysis = Prose(map, "analys", prose);

        string? description = null;
        IReadOnlyList<string> expected = [];
        IReadOnlyList<Indicator> indicators = [];
        IReadOnlyList<Activity> activities = [];
        IReadOnlyList<Goal> children = [];
        switch (level)
        {
            case GoalLevel.DirectionGoal:
                children = ReadGoals(map, GoalLevel.ServiceAreaGoal, context, id);
                break;
            case GoalLevel.ServiceAreaGoal:
                indicators = ReadRows(map, "indikatorer", prose, ReadIndicator);
                activities = ReadRows(map, "aktiviteter", prose, ReadActivity);
                children = ReadGoals(map, GoalLevel.BoardGoal, context, id);
                break;
            default:
                description = Prose(map, "beskrivning", prose);
                expected = prose ? map.Texts("forvantat_resultat") : map.SkipTexts("forvantat_resultat");
                indicators = ReadRows(map, "indikatorer", prose, ReadIndicator);
                activities = ReadRows(map, "aktiviteter", prose, ReadActivity);
                break;
        }
        map.Done();
        return new Goal(id, level, title, description, expected, analysis, recorded, ratingOverride,
            indicators, activities, children, position);
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

    /// <summary>A prose text (<c>analys</c>, <c>beskrivning</c>): read, or only checked when <paramref name="prose"/> is false.</summary>
    private static string? Prose(YamlMap map, string key, bool prose) => prose ? map.String(key) : map.SkipText(key);

    /// <summary>One indicator row, as in a dataset; used by rule-set tests too.</summary>
    public static Indicator ReadIndicator(YamlMap map) => ReadIndicator(map, prose: true);

    private static Indicator ReadIndicator(YamlMap map, bool prose)
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
            Analysis: Prose(map, "analys", prose),
            Position: map.PositionOf("namn")) { Uncertain = ReadUncertain(map, ofIndicator: true) };
        if (!map.Has("periodicitet"))
            map.Error(ErrorKinds.MissingValue, "periodicitet", $"indikatorn \"{indicator.Name}\" saknar \"periodicitet\": väntade {SwedishValues.PeriodicityExpectation}");
        map.Done();
        return indicator;
    }

    private static Activity ReadActivity(YamlMap map, bool prose)
    {
        var activity = new Activity(
            Name: map.RequiredString("namn"),
            Start: map.ParseValue("start", SwedishValues.ParseDate),
            End: map.ParseValue("slut", SwedishValues.ParseDate),
            Deviation: map.Bool("avvikelse", false),
            Note: Prose(map, "analys", prose),
            Position: map.PositionOf("namn")) { Uncertain = ReadUncertain(map, ofIndicator: false) };
        if (activity is { Start: { } start, End: { } end } && end < start)
            map.Error(ErrorKinds.Inconsistent, "slut", $"slutdatum {end:yyyy-MM-dd} ligger före startdatum {start:yyyy-MM-dd}");
        map.Done();
        return activity;
    }

    /// <summary>
    /// A row's <c>osakert</c>: for each of its cells the import could not place with certainty, the reason.
    /// A key that is not one of the row's cells is an unknown key, with a suggestion.
    /// </summary>
    private static ImmutableSortedDictionary<string, string> ReadUncertain(YamlMap row, bool ofIndicator)
    {
        var map = row.Map("osakert");
        if (map is null) return UncertainCells.None;
        var cells = UncertainCells.None.ToBuilder();
        foreach (var key in ofIndicator ? UncertainCells.IndicatorKeys : UncertainCells.ActivityKeys)
        {
            if (map.String(key) is { } reason) cells[key] = reason.Trim();
            // Empty: the reason is missing. A list or a mapping is already an error of its own (not a text), not two.
            else if (map.Has(key) && !map.IsCollection(key))
                map.Error(ErrorKinds.MissingValue, key, $"osakert \"{key}\": skälet saknas: skriv varför cellen är osäker, eller ta bort raden");
        }
        map.Done();
        return cells.ToImmutable();
    }

    // The reader hands over only non-empty text, so a target is always found or an error.
    private static Target ParseTarget(string text) => SwedishValues.ParseTarget(text)!;
}
