using System.Globalization;
using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Parsing;
using Assessment.Domain.Yaml;
using Assessment.Rules.Engine;
using Assessment.Rules.Language;
using Assessment.Rules.Facts;
using Assessment.Rules.Model;

namespace Assessment.Rules;

/// <summary>
/// Reads a rule set file and checks every condition in it. All problems are reported together,
/// each with file, line and column; a rule set that loads has no condition that fails to check.
/// </summary>
public static class RuleSetReader
{

    public static CompiledRuleSet ReadFile(string path, string? displayName = null)
    {
        // Read as bytes, as a dataset is: no text of the whole file is made (and then turned back into bytes).
        var file = displayName ?? path;
        var input = InputText.ReadWithHash(path, file);
        var errors = new ErrorSink();
        return Read(YamlFile.ParseRoot(input.Bytes, file, errors), errors, file, input.Sha256);
    }

    /// <summary>Reads a rule set from text; its hash is that of the text's UTF-8 bytes.</summary>
    public static CompiledRuleSet Read(string text, string file)
    {
        var errors = new ErrorSink();
        return Read(YamlFile.ParseRoot(text, file, errors), errors, file, InputFile.HashOf(text));
    }

    private static CompiledRuleSet Read(YamlMap root, ErrorSink errors, string file, string sha)
    {
        root.String("$schema");
        var id = root.RequiredString("id");
        var version = root.RequiredString("version");
        var validFrom = root.ParseValue("giltig_fran", SwedishValues.ParseDate);
        if (!root.Has("giltig_fran")) root.Error(ErrorKinds.MissingValue, "giltig_fran", "\"giltig_fran\" saknas: väntade det datum regelverket gäller från, t.ex. 2026-01-01");
        var description = root.String("beskrivning");
        var rollUp = root.ParseValue("upprullning", ParseRollUp) ?? RollUpSource.Final;
        var thresholds = ReadThresholds(root);
        var checks = ReadChecks(root);

        var indicatorSection = root.Map("indikatorer");
        if (indicatorSection is null) root.Error(ErrorKinds.RuleSetStructure, "indikatorer", "avsnittet \"indikatorer\" saknas");
        var policy = indicatorSection is null ? null : ReadIndicatorPolicy(indicatorSection);

        var rules = new Dictionary<RuleScope, IReadOnlyList<RuleDefinition>>();
        foreach (var scope in RuleScopes.All)
        {
            var section = scope == RuleScope.Indicator ? indicatorSection : root.Map(scope.Key());
            if (section is null && scope != RuleScope.Indicator)
                root.Error(ErrorKinds.RuleSetStructure, scope.Key(), $"avsnittet \"{scope.Key()}\" saknas: varje nivå behöver sina regler");
            rules[scope] = section is null ? [] : ReadRules(section, scope);
            section?.Done();
        }
        root.Done();

        // Expressions are checked even when the structure has errors, so that one run of
        // `assess validate` reports every mistake in the file.
        var compiled = new Dictionary<RuleScope, CompiledRules>();
        foreach (var scope in RuleScopes.All)
        {
            var schema = scope == RuleScope.Indicator ? IndicatorFacts.Schema : GoalFacts.Schema;
            // Each threshold by name to its place in the vector (the first of a name: a repeat is the reader's error). A
            // threshold named like a fact is reported and left out, so the name reads the fact. A plain loop: this runs
            // at every start, and LINQ's chains cost a cold start more.
            var vector = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < thresholds.Count; i++)
            {
                var threshold = thresholds[i];
                if (schema.Contains(threshold.Name))
                    errors.Add(ErrorKinds.RuleSetStructure, threshold.Position, $"tröskelvärdet \"{threshold.Name}\" har samma namn som ett faktum: välj ett annat namn");
                else vector.TryAdd(threshold.Name, i);
            }
            if (CompiledRules.Compile(schema, vector, rules[scope], errors) is { } c) compiled[scope] = c;
        }
        errors.ThrowIfAny();

        var ruleSet = new RuleSet(id, version, validFrom!.Value, description, thresholds, policy!, rollUp, checks, rules, file, sha);
        return new CompiledRuleSet(ruleSet, compiled);
    }

    private static List<Threshold> ReadThresholds(YamlMap root)
    {
        var result = new List<Threshold>();
        var map = root.Map("troskelvarden");
        if (map is null) return result;
        foreach (var (name, position, value) in map.Entries())
        {
            if (!IsIdentifier(name))
            {
                map.Errors.Add(ErrorKinds.RuleSetStructure, position, $"tröskelvärdets namn \"{name}\" duger inte i uttryck: använd bokstäver a–z, siffror och _");
                continue;
            }
            if (Lexer.IsReserved(name))
            {
                map.Errors.Add(ErrorKinds.RuleSetStructure, position, $"tröskelvärdets namn \"{name}\" är ett reserverat ord i uttrycksspråket: välj ett annat namn");
                continue;
            }
            var valuePosition = value.StartOf(map.File);
            if (value is { Kind: YamlItemKind.Scalar, Value: var text } && TryParseNumber(text, out var number))
                result.Add(new Threshold(name, number, position));
            else
            {
                map.Errors.Add(ErrorKinds.BadValue, valuePosition, $"tröskelvärdet \"{name}\": väntade ett tal, t.ex. 0.85 eller 0,85");
                result.Add(new Threshold(name, 0, position)); // still a known name: no follow-on errors in the rules
            }
        }
        return result;
    }

    private static PlausibilityLimits ReadChecks(YamlMap root)
    {
        var map = root.Map("kontroller");
        if (map is null) return PlausibilityLimits.Default;
        var limits = new PlausibilityLimits(
            Number(map, "prognos_utfall_avstand") ?? PlausibilityLimits.Default.ForecastOutcomeGap,
            Number(map, "kf_mal_faktor") ?? PlausibilityLimits.Default.CityTargetFactor);
        map.Done();
        return limits;
    }

    private static double? Number(YamlMap map, string key) =>
        map.ParseValue(key, text => TryParseNumber(text, out var n) ? n : throw new FormatException($"väntade ett tal, fick \"{text}\""));

    private static IndicatorPolicy ReadIndicatorPolicy(YamlMap section)
    {
        var sources = new Dictionary<PeriodKind, IReadOnlyList<ValueSource>>();
        var valueMap = section.Map("varde");
        if (valueMap is null) section.Error(ErrorKinds.MissingValue, "varde", "\"varde\" saknas: ange för T1, T2 och VB vilket värde som jämförs med målet");
        foreach (var (kind, code) in Vocabularies.PeriodKinds.Terms.Select(t => (t.Value, t.Code)))
        {
            var list = valueMap is null ? [] : ReadCodes(valueMap, code, Vocabularies.ValueSources);
            // A plan (VP) has targets and no outcomes: it needs no value sources unless a rule set gives some.
            if (valueMap is not null && kind != PeriodKind.VP && valueMap.Strings(code).Count == 0)
                valueMap.Error(ErrorKinds.MissingValue, code, $"\"{code}\": ange minst en värdekälla ({string.Join(", ", Vocabularies.ValueSources.Codes)})");
            sources[kind] = list;
        }
        valueMap?.Done();

        var targets = ReadCodes(section, "mal", Vocabularies.TargetSources);
        if (section.Strings("mal").Count == 0) section.Error(ErrorKinds.MissingValue, "mal", $"\"mal\": ange minst en målkolumn ({string.Join(", ", Vocabularies.TargetSources.Codes)})");

        var directionMap = section.Map("riktning");
        var defaultDirection = directionMap?.ParseValue("standard", SwedishValues.ParseDirection) ?? Direction.HigherIsBetter;
        List<DirectionKeyword> Keywords(string key) =>
            directionMap?.Strings(key).Select(k => new DirectionKeyword(k.Text, k.Position)).ToList() ?? [];
        var higher = Keywords("hogre_ar_battre_om_namnet_innehaller");
        var lower = Keywords("lagre_ar_battre_om_namnet_innehaller");
        directionMap?.Done();
        return new IndicatorPolicy(sources, targets, defaultDirection, higher, lower);
    }

    private static List<T> ReadCodes<T, TTerm>(YamlMap map, string key, Vocabulary<T, TTerm> codes) where T : struct, Enum where TTerm : ITerm<T>
    {
        var result = new List<T>();
        foreach (var (text, position) in map.Strings(key))
        {
            if (codes.Terms.FirstOrDefault(t => t.Code == text) is { } term) { result.Add(term.Value); continue; }
            var hint = Suggest.Closest(text, codes.Codes) is { } close ? $" – menade du \"{close}\"?" : "";
            map.Errors.Add(ErrorKinds.BadValue, position, $"\"{key}\": okänt värde \"{text}\"{hint} (tillåtna: {string.Join(", ", codes.Codes)})");
        }
        return result;
    }

    private static List<RuleDefinition> ReadRules(YamlMap section, RuleScope scope)
    {
        var result = new List<RuleDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rules = section.Maps("regler").ToList();
        if (rules.Count == 0) section.Error(ErrorKinds.RuleSetStructure, "regler", $"\"{scope.Key()}\" har inga regler: väntade en lista under \"regler\"");
        foreach (var map in rules)
        {
            var id = map.RequiredString("id");
            var duplicate = id.Length > 0 && !seen.Add(id);
            if (duplicate) map.Error(ErrorKinds.Duplicate, "id", $"regel-id \"{id}\" finns redan i \"{scope.Key()}\"");
            var description = map.String("beskrivning");
            var condition = map.RequiredString("om");
            var rating = map.ParseValue("betyg", Codes.ParseRatingText);
            if (!map.Has("betyg")) map.Error(ErrorKinds.MissingValue, "betyg", "\"betyg\" saknas: väntade helt, delvis, inte eller ej_bedomd");
            map.Done();
            if (rating is { } r && !duplicate) result.Add(new RuleDefinition(id, description, condition, r, map.PositionOf("om"), map.InlineTextStart("om")));
        }
        var catchAll = rules.FindIndex(r => r.String("om")?.Trim() == "true");
        if (rules.Count > 0 && catchAll < 0)
            rules[^1].Error(ErrorKinds.RuleSetStructure, "om", $"\"{scope.Key()}\": sista regeln ska vara en uppsamlingsregel med om: \"true\", så att varje fall får ett betyg");
        else if (catchAll >= 0 && catchAll < rules.Count - 1)
            rules[catchAll + 1].Error(ErrorKinds.RuleSetStructure, "id", $"\"{scope.Key()}\": regeln kan aldrig gälla, eftersom regeln ovanför (om: \"true\") alltid gäller först");
        return result;
    }

    private static RollUpSource ParseRollUp(string text) =>
        Vocabularies.RollUps.Parse(text, Vocabularies.RollUps.Listed(t => $"\"{t.Code}\" ({t.Label})"));

    /// <summary>A finite number, with decimal point or comma: how thresholds and test facts are written.</summary>
    internal static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_') &&
        name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
