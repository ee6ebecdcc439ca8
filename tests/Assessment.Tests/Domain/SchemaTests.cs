using System.Text.Json;
using System.Text.RegularExpressions;
using Assessment.Domain;
using Assessment.Domain.Yaml;
using Assessment.Rules;
using Assessment.Rules.Testing;
using NJsonSchema;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Assessment.Tests.Domain;

/// <summary>
/// The JSON Schemas in schemas/ (which editors use through the yaml-language-server line at the top of
/// each file) agree with the loaders: the shipped files validate, and at every kind of mapping the
/// schema allows exactly the keys the loader reads.
/// </summary>
public class SchemaTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "examples/hasselby-vallingby-t1-2026.yaml", "dataset.schema.json" },
        { "rules/stockholm.yaml", "rules.schema.json" },
        { "rules/stockholm.tests.yaml", "rule-tests.schema.json" },
    };

    private static JsonSchema Schema(string name) =>
        JsonSchema.FromFileAsync(Repo.PathOf($"schemas/{name}")).GetAwaiter().GetResult();

    private static Action<string> Loader(string schema) => schema switch
    {
        "dataset.schema.json" => text => DatasetReader.Read(text, "x.yaml"),
        "rules.schema.json" => text => RuleSetReader.Read(text, "x.yaml"),
        _ => text =>
        {
            var path = Path.Combine(Path.GetTempPath(), $"assess-schema-{Guid.NewGuid():N}.tests.yaml");
            File.WriteAllText(path, text);
            try { RuleTestSuite.ReadFile(path, "x.yaml"); }
            finally { File.Delete(path); }
        },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Shipped_files_name_their_schema_and_validate_against_it(string file, string schema)
    {
        var text = File.ReadAllText(Repo.PathOf(file));
        text.ShouldStartWith($"# yaml-language-server: $schema=../schemas/{schema}");
        var data = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(text);
        var errors = Schema(schema).Validate(JsonSerializer.Serialize(data));
        errors.Select(e => $"{e.Path}: {e.Kind}").ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Schema_and_loader_allow_the_same_keys_everywhere(string file, string schemaName)
    {
        var text = File.ReadAllText(Repo.PathOf(file));
        var schema = Schema(schemaName);
        var load = Loader(schemaName);
        var checkedKinds = new HashSet<JsonSchema>();
        var compared = 0;

        void Walk(YamlNode node, JsonSchema nodeSchema, YamlStream document)
        {
            var s = nodeSchema.ActualSchema;
            switch (node)
            {
                case YamlMappingNode mapping:
                    if (s.AdditionalPropertiesSchema is null && checkedKinds.Add(s))
                    {
                        LoaderKeys(mapping, document, load).ShouldBe(s.ActualProperties.Keys.Order(StringComparer.Ordinal).ToList(),
                            $"keys at line {mapping.Start.Line} ({s.Description ?? s.Title})");
                        compared++;
                    }
                    foreach (var (key, value) in mapping.Children.ToList())
                        if (s.ActualProperties.TryGetValue(((YamlScalarNode)key).Value!, out var property))
                            Walk(value, property, document);
                    break;
                case YamlSequenceNode sequence when s.Item is { } item:
                    foreach (var child in sequence.Children.ToList()) Walk(child, item, document);
                    break;
            }
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        Walk(stream.Documents[0].RootNode, schema, stream);
        compared.ShouldBeGreaterThan(1);
    }

    /// <summary>The keys the loader allows at a mapping, read from its own "okänd nyckel" message.</summary>
    private static IReadOnlyList<string> LoaderKeys(YamlMappingNode mapping, YamlStream document, Action<string> load)
    {
        var probe = new YamlScalarNode("x_okand_nyckel");
        mapping.Children.Add(probe, new YamlScalarNode("1"));
        try
        {
            var writer = new StringWriter();
            document.Save(writer, assignAnchors: false);
            var error = Should.Throw<InputException>(() => load(writer.ToString()))
                .Errors.First(e => e.Message.Contains("x_okand_nyckel"));
            var allowed = Regex.Match(error.Message, @"tillåtna här: (.*)\)$").Groups[1].Value;
            return allowed.Split(", ").Order(StringComparer.Ordinal).ToList();
        }
        finally
        {
            mapping.Children.Remove(probe);
        }
    }
}
