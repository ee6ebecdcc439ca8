using Assessment.Domain;
using Assessment.Domain.Model;
using Assessment.Domain.Parsing;
using Assessment.Domain.Yaml;
using Assessment.Rules.Facts;
using Assessment.Rules.Model;

namespace Assessment.Rules.Testing;

/// <summary>One test case: given facts (or an indicator row) at one level, the expected rating and, optionally, rule.</summary>
public sealed record RuleTestCase(string Name, RuleScope Scope, ReportingPeriod Period, Indicator? Indicator,
    IReadOnlyDictionary<string, (object Value, SourcePosition Position)> Facts, Rating Expected, string? ExpectedRule,
    SourcePosition Position);

public sealed record RuleTestResult(RuleTestCase Case, bool Passed, Rating Actual, string ActualRule);

/// <summary>
/// Tests for a rule set, written next to it as <c>NAMN.tests.yaml</c> (like OPA's policy tests):
/// each case gives facts or an indicator row and the rating the rules must give.
/// </summary>
public sealed record RuleTestSuite(string File, string RuleSetFile, string RuleSetDisplay, IReadOnlyList<RuleTestCase> Cases)
{
    public static RuleTestSuite ReadFile(string path, string display)
    {
        var errors = new ErrorSink();
        var root = YamlFile.ParseRoot(InputText.ReadFile(path, display), display, errors);
        root.String("$schema");
        var ruleFile = root.RequiredString("regelverk");
        var cases = root.Maps("fall").Select(ReadCase).ToList();
        if (cases.Count == 0) root.Error(ErrorKinds.MissingValue, "fall", "\"fall\" saknas eller är tom: väntade minst ett testfall");
        foreach (var duplicate in cases.GroupBy(c => c.Name).Where(g => g.Count() > 1))
            errors.Add(ErrorKinds.Duplicate, duplicate.Last().Position, $"testfallet \"{duplicate.Key}\" finns redan: ge varje fall ett eget namn");
        root.Done();
        errors.ThrowIfAny();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var displayDirectory = Path.GetDirectoryName(display) is { Length: > 0 } d ? d.Replace('\\', '/') + "/" : "";
        return new RuleTestSuite(display, Path.Combine(directory, ruleFile), displayDirectory + ruleFile, cases);
    }

    public IReadOnlyList<RuleTestResult> Run(CompiledRuleSet rules) => Cases.Select(c =>
    {
        var decision = c.Indicator is { } indicator
            ? rules.AssessIndicator(indicator, "test", IndicatorKind.Kf, c.Period).Decision
            : rules.Decide(c.Scope, BuildFacts(c));
        var passed = decision.Rating == c.Expected && (c.ExpectedRule is null || c.ExpectedRule == decision.Rule.Id);
        return new RuleTestResult(c, passed, decision.Rating, decision.Rule.Id);
    }).ToList();

    private static FactValues BuildFacts(RuleTestCase c)
    {
        var schema = c.Scope == RuleScope.Indicator ? IndicatorFacts.Schema : GoalFacts.Schema;
        var builder = FactValues.For(schema).Set("period", c.Period.Kind.Code());
        foreach (var (name, (value, _)) in c.Facts)
        {
            switch (value)
            {
                case double d: builder.Set(name, d); break;
                case bool b: builder.Set(name, b); break;
                default: builder.Set(name, (string)value); break;
            }
        }
        return builder.Build();
    }

    private static readonly Dictionary<string, RuleScope> Levels = RuleScopes.All.ToDictionary(s => s.Key() switch
    {
        "indikatorer" => "indikator",
        var key => key,
    });

    private static RuleTestCase ReadCase(YamlMap map)
    {
        var name = map.RequiredString("namn");
        var period = map.Parse("period", SwedishValues.ParsePeriod) ?? new ReportingPeriod(PeriodKind.T1, 2026);
        var indicatorMap = map.Map("indikator");
        var indicator = indicatorMap is null ? null : DatasetReader.ReadIndicator(indicatorMap);
        var level = map.ParseValue("niva", ParseLevel);
        var scope = indicator is not null ? RuleScope.Indicator : level;
        if (indicator is null && !map.Has("niva"))
            map.Error(ErrorKinds.MissingValue, "niva", $"testfallet \"{name}\" behöver \"niva\" ({string.Join(", ", Levels.Keys)}) eller \"indikator\"");
        if (indicator is not null && level is not (null or RuleScope.Indicator))
            map.Error(ErrorKinds.Inconsistent, "niva", "ett fall med \"indikator\" prövar indikatorreglerna: ta bort \"niva\" eller sätt den till indikator");
        var schema = scope == RuleScope.Indicator ? IndicatorFacts.Schema : GoalFacts.Schema;
        var facts = ReadFacts(map, schema);
        if (indicator is not null && facts.Count > 0)
            map.Error(ErrorKinds.Inconsistent, "fakta", "ge antingen \"indikator\" eller \"fakta\", inte båda");
        var expected = map.ParseValue("forvantat", Codes.ParseRatingText);
        if (!map.Has("forvantat")) map.Error(ErrorKinds.MissingValue, "forvantat", "\"forvantat\" saknas: väntat betyg (helt, delvis, inte, ej_bedomd)");
        var rule = map.String("regel");
        map.Done();
        return new RuleTestCase(name, scope ?? RuleScope.Indicator, period, indicator, facts, expected ?? Rating.NotAssessed, rule, map.Position);
    }

    private static Dictionary<string, (object, SourcePosition)> ReadFacts(YamlMap map, FactSchema schema)
    {
        var result = new Dictionary<string, (object, SourcePosition)>(StringComparer.Ordinal);
        var factsMap = map.Map("fakta");
        if (factsMap is null) return result;
        foreach (var (key, position, node) in factsMap.Entries())
        {
            if (!schema.Contains(key))
            {
                var hint = Suggest.Closest(key, schema.Facts.Select(f => f.Name)) is { } close ? $" – menade du \"{close}\"?" : "";
                factsMap.Errors.Add(ErrorKinds.UnknownName, position, $"okänt faktum \"{key}\"{hint}");
                continue;
            }
            var text = node.Kind == YamlItemKind.Scalar ? node.Value : "";
            var fact = schema.Facts[schema.IndexOf(key)];
            object? value = fact.Type switch
            {
                FactType.Number => RuleSetReader.TryParseNumber(text, out var d) ? d : null,
                FactType.Boolean => text switch { "true" => true, "false" => false, _ => null },
                _ => text,
            };
            if (value is null) factsMap.Errors.Add(ErrorKinds.BadValue, position, $"faktumet \"{key}\" är {(fact.Type == FactType.Number ? "ett tal" : "true eller false")}, fick \"{text}\"");
            else result[key] = (value, position);
        }
        return result;
    }

    private static RuleScope ParseLevel(string text) => Levels.TryGetValue(text.Trim(), out var scope)
        ? scope
        : throw new FormatException($"okänd nivå \"{text}\": väntade {string.Join(", ", Levels.Keys)}");
}
