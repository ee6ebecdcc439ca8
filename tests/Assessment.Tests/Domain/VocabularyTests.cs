using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Assessment.Domain.Model;
using Assessment.Reports;

namespace Assessment.Tests.Domain;

/// <summary>
/// Each vocabulary is one table (Domain/Model/Vocabulary.cs): the JSON schemas' enums are checked against the tables,
/// and a word of a vocabulary written as a string literal anywhere else in src/ fails the build's tests.
/// </summary>
public partial class VocabularyTests
{
    /// <summary>Every table, as (its words, the spellings a reader accepts).</summary>
    private static readonly (string Name, IReadOnlyList<string> Codes, IReadOnlyList<string> Spellings, IEnumerable<string> Words)[] Tables =
    [
        ("betyg", Vocabularies.Ratings.Codes, Vocabularies.Ratings.Spellings,
            Vocabularies.Ratings.Terms.SelectMany(t => new[] { t.Code, t.Label, t.Phrase, t.Symbol })),
        ("nivå", Vocabularies.Levels.Codes, Vocabularies.Levels.Spellings,
            Vocabularies.Levels.Terms.SelectMany(t => new[] { t.Code, t.Label, t.Heading })),
        ("riktning", Vocabularies.Directions.Codes, Vocabularies.Directions.Spellings,
            Vocabularies.Directions.Terms.SelectMany(t => new[] { t.Code, t.Label, t.Word })),
        ("periodicitet", Vocabularies.Periodicities.Codes, Vocabularies.Periodicities.Spellings,
            Vocabularies.Periodicities.Terms.SelectMany(t => t.Spellings)),
        ("indikatorslag", Vocabularies.IndicatorKinds.Codes, Vocabularies.IndicatorKinds.Spellings, Vocabularies.IndicatorKinds.Terms.Select(t => t.Label)),
        ("period", Vocabularies.PeriodKinds.Codes, Vocabularies.PeriodKinds.Spellings, Vocabularies.PeriodKinds.Terms.Select(t => t.Label)),
        ("värdekälla", Vocabularies.ValueSources.Codes, Vocabularies.ValueSources.Spellings, ["utfall_tertial"]),
        ("målkälla", Vocabularies.TargetSources.Codes, Vocabularies.TargetSources.Spellings, []),
        ("upprullning", Vocabularies.RollUps.Codes, Vocabularies.RollUps.Spellings, Vocabularies.RollUps.Codes),
        ("slutligt betyg", Vocabularies.FinalSources.Codes, Vocabularies.FinalSources.Spellings, Vocabularies.FinalSources.Codes),
    ];

    [Fact]
    public void Every_value_has_one_term_and_every_spelling_reads_back_as_it()
    {
        void Check<T, TTerm>(Vocabulary<T, TTerm> vocabulary) where T : struct, Enum where TTerm : ITerm<T>
        {
            // Every value once, in the enum's order: code that lists a table's values (the text report's levels,
            // the rule set's period kinds) gives them in the order Enum.GetValues would, without its reflection.
            vocabulary.Terms.Select(t => t.Value).ShouldBe(Enum.GetValues<T>());
            vocabulary.Codes.Distinct().Count().ShouldBe(vocabulary.Terms.Count);
            foreach (var term in vocabulary.Terms)
            {
                vocabulary[term.Value].ShouldBe(term);
                foreach (var spelling in term.Spellings) vocabulary.Parse($" {spelling} ").ShouldBe(term.Value);
            }
            Should.Throw<FormatException>(() => vocabulary.Parse("kanske")).Message.ShouldContain(vocabulary.Unknown + " \"kanske\"");
        }
        Check(Vocabularies.Ratings);
        Check(Vocabularies.Levels);
        Check(Vocabularies.Directions);
        Check(Vocabularies.Periodicities);
        Check(Vocabularies.IndicatorKinds);
        Check(Vocabularies.PeriodKinds);
        Check(Vocabularies.ValueSources);
        Check(Vocabularies.TargetSources);
        Check(Vocabularies.RollUps);
        Check(Vocabularies.FinalSources);
    }

    [Fact]
    public void Case_matters_for_codes_but_not_for_the_datasets_words()
    {
        Vocabularies.Ratings.Find("Helt").ShouldBeNull();
        Vocabularies.Periodicities.Find("TERTIAL").ShouldBe(Periodicity.Tertial);
        Vocabularies.Directions.Find("Lägre").ShouldBe(Direction.LowerIsBetter);
    }

    [Fact]
    public void Period_kinds_are_spelled_as_the_enum_names_them()
    {
        // ReportingPeriod writes a period with the enum's name ("T1 2026"); the table must agree.
        foreach (var term in Vocabularies.PeriodKinds.Terms) term.Code.ShouldBe(term.Value.ToString());
    }

    [Fact]
    public void Every_level_has_its_template()
    {
        foreach (var code in Vocabularies.Levels.Codes) File.Exists(Repo.PathOf($"templates/{code}.sbn")).ShouldBeTrue(code);
    }

    /// <summary>The schema enums, by the key that holds them, and the table each must equal.</summary>
    public static TheoryData<string, string, string[]> SchemaEnums => new()
    {
        { "dataset.schema.json", "betyg", [.. Vocabularies.Ratings.Spellings] },
        { "dataset.schema.json", "periodicitet", [.. Vocabularies.Periodicities.Spellings] },
        { "dataset.schema.json", "riktning", [.. Vocabularies.Directions.Spellings] },
        { "rules.schema.json", "upprullning", [.. Vocabularies.RollUps.Spellings] },
        { "rules.schema.json", "standard", [.. Vocabularies.Directions.Spellings] },
        { "rules.schema.json", "betyg", [.. Vocabularies.Ratings.Spellings] },
        { "rules.schema.json", "mal", [.. Vocabularies.TargetSources.Spellings] },
        { "rules.schema.json", "vardekallor", [.. Vocabularies.ValueSources.Spellings] },
        { "rules.schema.json", "VP", [.. Vocabularies.ValueSources.Spellings] },
        { "rule-tests.schema.json", "forvantat", [.. Vocabularies.Ratings.Spellings] },
        { "rule-tests.schema.json", "niva", ["indikator", .. Vocabularies.Levels.Spellings] },
    };

    [Theory]
    [MemberData(nameof(SchemaEnums))]
    public void The_schemas_enums_are_the_tables(string schema, string key, string[] expected)
    {
        var enums = EnumsUnder(JsonNode.Parse(File.ReadAllText(Repo.PathOf($"schemas/{schema}")))!, null)
            .Where(e => e.Key == key).Select(e => e.Values).ToList();
        enums.ShouldNotBeEmpty($"{schema} has no enum under \"{key}\"");
        foreach (var values in enums) values.ShouldBe(expected, ignoreOrder: true, $"{schema}: \"{key}\"");
    }

    [Fact]
    public void Every_enum_in_the_schemas_is_checked_against_a_table()
    {
        var checkedKeys = SchemaEnums.Select(row => ((string)row[0], (string)row[1])).ToHashSet();
        foreach (var schema in Directory.GetFiles(Repo.PathOf("schemas"), "*.json"))
        {
            var name = Path.GetFileName(schema);
            foreach (var (key, _) in EnumsUnder(JsonNode.Parse(File.ReadAllText(schema))!, null))
                checkedKeys.ShouldContain((name, key ?? ""), $"{name}: the enum under \"{key}\" is not compared with a vocabulary");
        }
    }

    /// <summary>Each "enum" in a schema with the nearest property name above it ("items" and the like skipped).</summary>
    private static IEnumerable<(string? Key, string[] Values)> EnumsUnder(JsonNode node, string? key)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array.OfType<JsonNode>()) foreach (var e in EnumsUnder(item, key)) yield return e;
            yield break;
        }
        if (node is not JsonObject obj) yield break;
        foreach (var (name, child) in obj)
        {
            if (child is null) continue;
            if (name == "enum" && child is JsonArray values) yield return (key, [.. values.Select(v => v!.GetValue<string>())]);
            else foreach (var e in EnumsUnder(child, name is "items" or "properties" or "definitions" or "additionalProperties" or "patternProperties" ? key : name)) yield return e;
        }
    }

    /// <summary>Files where a vocabulary word may stand as a literal, and why.</summary>
    private static readonly (string File, string Word, string Why)[] Allowed =
    [
        ("src/Assessment.Domain/Model/Vocabulary.cs", "*", "the tables themselves"),
        ("src/Assessment.Import/FlatCells.cs", "*", "words of the published report's page layout, recognised in extracted text"),
        ("src/Assessment.Import/ReportImporter.cs", "*", "patterns for the published report's headings and rating lines"),
        ("src/Assessment.Reports/Justification/TemplateModels.cs", "harlett", "a key of the template model (the derived rating), not the roll-up code"),
    ];

    [GeneratedRegex(@"(?<![\\@])""((?:[^""\\\n]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [Fact]
    public void No_vocabulary_word_is_spelled_as_a_literal_outside_its_table()
    {
        // The en dash (not assessed) is also ordinary punctuation; every other word of every table is checked.
        var words = Tables.SelectMany(t => t.Codes.Concat(t.Words)).Where(w => w != "–").ToHashSet(StringComparer.Ordinal);
        // Codes that are also keys of the dataset file (prognos, utfall, arsmal, kf_arsmal, kf, namnd …) or the
        // period's own names (T1 …) are left out: as literals they are mostly those keys.
        words.ExceptWith([.. Vocabularies.ValueSources.Codes.Where(c => c != "utfall_tertial"), .. Vocabularies.TargetSources.Codes,
            .. Vocabularies.IndicatorKinds.Codes, .. Vocabularies.PeriodKinds.Codes, "ar"]);
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Repo.PathOf("src"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repo.Root, file).Replace('\\', '/');
            if (relative.Contains("/obj/") || relative.Contains("/bin/")) continue;
            foreach (var (line, number) in File.ReadLines(file).Select((l, i) => (l, i + 1)))
            {
                if (line.TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                foreach (Match literal in StringLiteral().Matches(line))
                {
                    var word = literal.Groups[1].Value;
                    if (!words.Contains(word) || Allowed.Any(a => a.File == relative && (a.Word == "*" || a.Word == word))) continue;
                    found.Add($"{relative}:{number}: \"{word}\"");
                }
            }
        }
        found.ShouldBeEmpty("vocabulary words belong in Domain/Model/Vocabulary.cs; use the table (Vocabularies.…) instead");
    }

    [Fact]
    public void The_scan_sees_a_literal_it_should_refuse()
    {
        StringLiteral().Matches("""x = rating == "ej_bedomd" ? "Ej bedömd" : "";""").Select(m => m.Groups[1].Value).ShouldBe(["ej_bedomd", "Ej bedömd", ""]);
    }

    [Fact]
    public void Reports_write_the_tables_words()
    {
        ReportParts.LevelCountColumns.Skip(2).Take(4).ShouldBe(Vocabularies.Ratings.Terms.Select(t => t.Phrase));
    }
}
