using System.Text;
using System.Text.RegularExpressions;
using Assessment.Domain;
using Assessment.Domain.Yaml;
using Assessment.Import;
using CsCheck;
using YamlDotNet.Core;

namespace Assessment.Tests.Domain;

/// <summary>
/// Our own YAML scanner (<see cref="Utf8YamlScanner"/>) against YamlDotNet's parser: for every YAML file in the
/// repository and for rewritten variants of them (CRLF, BOM, no final newline, other quoting, block scalars,
/// comments, indentation, characters outside the BMP) it gives the same tree – kind, text, style, line, column
/// and end line of every node – or leaves the text to YamlDotNet. Random damage to a dataset gives the same
/// dataset or the same errors either way.
/// </summary>
public class YamlScannerTests
{
    private static readonly string[] Files = Directory.EnumerateFiles(Repo.Root, "*.yaml", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                    && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
        .Order(StringComparer.Ordinal).ToArray();

    private static readonly string[] Datasets = Files.Where(f => f.Contains($"examples{Path.DirectorySeparatorChar}")).ToArray();

    /// <summary>The tree YamlDotNet's events give, or null when it finds the text wrong.</summary>
    private static YamlItem? Reference(string text)
    {
        try
        {
            var (tree, root) = YamlTree.FromEvents(new Parser(new StringReader(text)), "f.yaml");
            return root < 0 ? null : new YamlItem(tree, root);
        }
        catch (Exception e) when (e is YamlException or InputException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static YamlItem? Scanned(string text, bool bom = false)
    {
        if (YamlFile.Utf8Of(text) is not { } bytes) return null;
        return bom ? Utf8YamlScanner.TryScan([0xEF, 0xBB, 0xBF, .. bytes], 3) : Utf8YamlScanner.TryScan(bytes, 0);
    }

    /// <summary>Where the two trees differ first, or null when they are the same.</summary>
    private static string? Difference(YamlItem ours, YamlItem theirs, string path)
    {
        var a = (ours.Kind, ours.Style, ours.Value, ours.Line, ours.Column, ours.EndLine, ours.Children.Count);
        var b = (theirs.Kind, theirs.Style, theirs.Value, theirs.Line, theirs.Column, theirs.EndLine, theirs.Children.Count);
        if (a != b) return $"{path}: vår {a} mot YamlDotNets {b}";
        for (var i = 0; i < ours.Children.Count; i++)
            if (Difference(ours.Children[i], theirs.Children[i], $"{path}/{i}") is { } difference) return difference;
        return null;
    }

    /// <summary>The scanner gives YamlDotNet's tree or falls back; returns whether it read the text itself.</summary>
    private static bool SameOrFallback(string text, bool bom = false)
    {
        var ours = Scanned(text, bom);
        if (ours is null) return false;
        var theirs = Reference(text);
        theirs.ShouldNotBeNull($"vår läsare godtog en text som YamlDotNet inte godtar:\n{text}");
        if (Difference(ours.Value, theirs.Value, "") is { } difference)
            throw new ShouldAssertException($"{difference}\n--- text ---\n{text}");
        return true;
    }

    public static TheoryData<string> RepositoryFiles() => new(Files.Select(f => Path.GetRelativePath(Repo.Root, f)));

    [Theory]
    [MemberData(nameof(RepositoryFiles))]
    public void Every_yaml_file_of_the_repository_reads_as_YamlDotNet_reads_it(string file)
    {
        var bytes = File.ReadAllBytes(Repo.PathOf(file));
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            Utf8YamlScanner.TryScan(bytes, 0).ShouldBeNull();
            return;
        }
        var text = InputText.Decode(bytes, file);
        foreach (var variant in Variants(text)) SameOrFallback(variant);
        SameOrFallback(text, bom: true);
    }

    [Fact]
    public void The_rule_sets_are_read_by_our_own_scanner()
    {
        // The rule set is read at every start of `run`; its tests (only `assess test` reads them) may use more of YAML.
        var ruleSets = Files.Where(f => f.StartsWith(Path.Combine(Repo.Root, "rules") + Path.DirectorySeparatorChar) && !f.EndsWith(".tests.yaml")).ToList();
        ruleSets.ShouldNotBeEmpty();
        foreach (var file in ruleSets) SameOrFallback(File.ReadAllText(file)).ShouldBeTrue(file);
    }

    [Fact]
    public void The_datasets_are_read_by_our_own_scanner_in_every_variant()
    {
        Datasets.Length.ShouldBeGreaterThan(3);
        foreach (var file in Datasets)
        {
            var text = File.ReadAllText(file);
            SameOrFallback(text).ShouldBeTrue(file);
            SameOrFallback(text, bom: true).ShouldBeTrue(file);
            SameOrFallback(text.Replace("\n", "\r\n")).ShouldBeTrue(file);
            SameOrFallback(text.TrimEnd('\n')).ShouldBeTrue(file);
            SameOrFallback(Requoted(text, '\'')).ShouldBeTrue(file);
            SameOrFallback(text.Replace("Indikator", "Indikatör 😀").Replace("mål", "må🎯l")).ShouldBeTrue(file);
            // These rewrites may leave the subset (a value that needs its quotes, a line indented past a block
            // scalar's): the tree is YamlDotNet's either way.
            SameOrFallback(Indented(text));
            SameOrFallback(Blocked(text, "|"));
            SameOrFallback(Blocked(text, ">-"));
            SameOrFallback(Blocked(text, "|+"));
            SameOrFallback(Commented(text));
        }
    }

    [Fact]
    public void Datasets_as_the_writer_writes_them_are_read_by_our_own_scanner()
    {
        foreach (var file in Datasets)
        {
            var dataset = DatasetReader.ReadFile(file);
            var written = DatasetText.Write(dataset, "../schemas/dataset.schema.json", ["Skriven för testet."]);
            SameOrFallback(written).ShouldBeTrue(file);
            SameOrFallback(Requoted(written, ' '));
        }
    }

    /// <summary>The rewrites every file is read in.</summary>
    private static IEnumerable<string> Variants(string text)
    {
        yield return text;
        yield return text.Replace("\n", "\r\n");
        yield return text.TrimEnd('\n', '\r', ' ');
        yield return text + "\n\n# slut\n";
        yield return Requoted(text, '\'');
        yield return Requoted(text, ' ');
        yield return Indented(text);
        yield return Blocked(text, "|");
        yield return Blocked(text, ">");
        yield return Blocked(text, "|-");
        yield return Blocked(text, ">+");
        yield return Commented(text);
        yield return text.Replace("a", "🙂a");
    }

    private static readonly Regex QuotedValue = new("""^(?<lead>\s*(?:- )?[A-Za-z_$]+: )"(?<text>[^"\\']*)"(?<rest>[ \t]*(?:#.*)?)$""", RegexOptions.Multiline);

    /// <summary>Double-quoted values without escapes, in single quotes (<paramref name="quote"/> ') or plain (' ').</summary>
    private static string Requoted(string text, char quote) =>
        QuotedValue.Replace(text.Replace("\r\n", "\n"), m => quote == ' '
            ? $"{m.Groups["lead"].Value}{m.Groups["text"].Value}{m.Groups["rest"].Value}"
            : $"{m.Groups["lead"].Value}'{m.Groups["text"].Value}'{m.Groups["rest"].Value}");

    /// <summary>Double-quoted values without escapes as block scalars with the header <paramref name="header"/>.</summary>
    private static string Blocked(string text, string header) =>
        QuotedValue.Replace(text.Replace("\r\n", "\n"), m =>
        {
            var indent = new string(' ', m.Groups["lead"].Value.Replace("- ", "  ").Length - m.Groups["lead"].Value.TrimStart().Replace("- ", "").Length + 2);
            var words = m.Groups["text"].Value.Split(' ');
            var lines = string.Join("\n", words.Chunk(2).Select(w => indent + string.Join(' ', w)));
            return $"{m.Groups["lead"].Value}{header}\n{lines}\n";
        });

    /// <summary>Every indentation doubled.</summary>
    private static string Indented(string text) =>
        Regex.Replace(text.Replace("\r\n", "\n"), "^( +)", m => m.Value + m.Value, RegexOptions.Multiline);

    /// <summary>A comment after every key that opens a block, and comment lines between entries.</summary>
    private static string Commented(string text) =>
        Regex.Replace(text.Replace("\r\n", "\n"), @"^(\s*(?:- )?[a-z_]+:)$", "$1   # kommentar åäö\n  # en rad till", RegexOptions.Multiline);

    public static TheoryData<string, string> OutsideTheSubset() => new()
    {
        { "tagg", "a: !tagg b\n" },
        { "ankare", "a: &x b\nc: *x\n" },
        { "direktiv", "%YAML 1.1\n---\na: b\n" },
        { "dokumentstart", "---\na: b\n" },
        { "flera dokument", "a: b\n---\nc: d\n" },
        { "dokumentslut", "a: b\n...\n" },
        { "komplex nyckel", "? a\n: b\n" },
        { "tabb i indraget", "a:\n\tb: c\n" },
        { "tabb i ett värde", "a: b\tc\n" },
        { "citat inom hakparenteser", "a: ['b', c]\n" },
        { "mellanslag i en post inom hakparenteser", "a: [b c, d]\n" },
        { "hakparenteser i hakparenteser", "a: [b, [c]]\n" },
        { "tom post inom hakparenteser", "a: [b, , c]\n" },
        { "komma sist inom hakparenteser", "a: [b, c,]\n" },
        { "hakparenteser över flera rader", "a: [b,\n  c]\n" },
        { "hakparentes som aldrig stängs", "a: [b, c\n" },
        { "text efter hakparenteserna", "a: [b] c\n" },
        { "hakparenteser som nyckel", "[b]: c\n" },
        { "mappning inom klammerparenteser", "a: {b: c}\n" },
        { "text över flera rader", "a: b\n  c\n" },
        { "citat över flera rader", "a: \"b\n  c\"\n" },
        { "upprepad nyckel", "a: b\na: c\n" },
        { "indragssiffra", "a: |2\n   b\n" },
        { "tom fil", "" },
        { "bara en kommentar", "# a\n" },
        { "lista överst", "- a\n- b\n" },
        { "text överst", "a\n" },
        { "okänd escape", "a: \"\\q\"\n" },
        { "kontrolltecken", "a: b\u0001\n" },
        { "ensam vagnretur", "a: b\rc: d\n" },
        { "radbrytningstecken", "a: b\u2028c\n" },
        { "styckesbrytningstecken", "a: b\u2029c\n" },
        { "C1-tecken (NEL)", "a: b\u0085c\n" },
        { "DEL", "a: b\u007Fc\n" },
        { "BOM inne i texten", "a: b\uFEFFc\n" },
        { "U+FFFE", "a: b\uFFFEc\n" },
        { "U+FFFF", "a: b\uFFFFc\n" },
        { "citattecken som aldrig stängs", "a: \"b\n" },
        { "kolon mitt i ett värde", "a: b: c\n" },
        { "fel indrag", "a:\n  b: c\n d: e\n" },
        { "lista på bindestrecksraden", "a:\n- - b\n" },
        { "för djupt", string.Concat(Enumerable.Range(0, 70).Select(i => new string(' ', i * 2) + "a:\n")) + new string(' ', 140) + "b: c\n" },
        { "tom rad med mellanslag i en text", "a: |\n  b\n    \n  c\n" },
    };

    [Theory]
    [MemberData(nameof(OutsideTheSubset))]
    public void What_is_outside_the_subset_is_left_to_YamlDotNet(string what, string text)
    {
        Scanned(text).ShouldBeNull(what);
        Scanned(text, bom: true).ShouldBeNull(what);
    }

    public static TheoryData<string, string> InsideTheSubset() => new()
    {
        { "tomma samlingar", "a: []\nb: {}\nc: d\n" },
        { "ord inom hakparenteser", "a: [b, c_d,e ,  1.5 ]  # k\nf:\n  - [g]\n  - [5, x-y]\nh: [i]\n" },
        { "tomt värde", "a:\nb: c\n" },
        { "tomt värde sist", "a: b\nc:\n" },
        { "tomt värde sist utan radslut", "a: b\nc:" },
        { "tomt värde före en lista på samma indrag", "a:\n- b\n- c: d\n  e: f\nx: y\n" },
        { "escape-sekvenser", "a: \"b\\\"c\\\\d\\te\\u00e5\\x41\\U0001F600\\n\\/\"\n" },
        { "enkla citattecken", "a: 'b''c'\n'd e': f\n" },
        { "citerad nyckel", "\"a b\": c\n'd': e\n" },
        { "block med tomma rader", "a: |\n\n  b\n\n  c\n\n\nd: e\n" },
        { "veckad text", "a: >\n  b\n  c\n\n  d\ne: f\n" },
        { "block sist utan radslut", "a: |+\n  b" },
        { "block med kommentar i huvudet", "a: |- # k\n  b\n# slut\n" },
        { "kommentarer", "# a\na: b # c\n# d\n  # e\nf: 'g' # h\n" },
        { "å ä ö före värdet", "åäö: 'ö'\nb:\n  - ä: ö\n    ü: \"é\"\n" },
        { "tecken utanför BMP", "a😀: b😀c\nd: \"😀\"\n" },
        { "tecken som börjar som de som inte läses (C2, E2, EF)", "a: b\u00A0c ©\nd: € – f ✓\ng: \uFB01 \uFFFD\n" },
        { "nullvärden", "a: ~\nb: null\nc: ''\n" },
        { "nyckel med kolon", "a:b: c\nhttp://x: 'y'\n" },
        { "tal och tecken", "a: -5\nb: 10:30\nc: x#y\nd: 5 %\n" },
        { "mappning på bindestrecksraden", "a:\n  -   b: c\n      d:\n        - e\n  - f\n" },
        { "tomma listposter", "a:\n  -\n  - b\n  -\n    c: d\n" },
        // Three nodes a line and more: the node table, made for two a line, grows while the file is read.
        { "fler noder än två per rad", "a:\n" + string.Concat(Enumerable.Repeat("  - b: c\n", 200)) },
    };

    [Theory]
    [MemberData(nameof(InsideTheSubset))]
    public void What_is_inside_the_subset_is_read_as_YamlDotNet_reads_it(string what, string text)
    {
        foreach (var variant in new[] { text, text.Replace("\n", "\r\n") })
        {
            SameOrFallback(variant).ShouldBeTrue(what);
            SameOrFallback(variant, bom: true).ShouldBeTrue(what);
        }
    }

    private const string Alphabet = "abcåäö019 \n:-\"'[]{}#&*!|>%@,.?\\~😀\t";

    [Fact]
    public void Random_damage_to_a_dataset_gives_the_same_tree_or_the_same_errors()
    {
        var text = File.ReadAllText(Repo.SampleDataset);
        var edit = Gen.Select(Gen.Int[0, 2], Gen.Int[0, text.Length], Gen.Int[0, 40], Gen.String[Gen.Char[Alphabet], 1, 12]);
        edit.Array[1, 3].Select(edits => edits.Aggregate(text, (t, e) => Apply(t, e.Item1, e.Item2 % (t.Length + 1), e.Item3, e.Item4)))
            .Sample(damaged =>
            {
                SameOrFallback(damaged);
                Outcome(() => DatasetReader.Read(damaged, "d.yaml"))
                    .ShouldBe(Outcome(() => DatasetReader.Read(YamlFile.ParseWithYamlDotNet(damaged, "d.yaml", new ErrorSink()))));
            }, iter: 300);
    }

    private static string Apply(string text, int kind, int at, int length, string insert) => kind switch
    {
        0 => text.Remove(at, Math.Min(length, text.Length - at)),
        1 => text.Insert(at, insert),
        _ => string.Join('\n', text.Split('\n').Select((l, i) => i == at % 200 ? new string(' ', length % 5) + l : l)),
    };

    /// <summary>A dataset as written text with every position, or the errors.</summary>
    private static string Outcome(Func<Assessment.Domain.Model.Dataset> read)
    {
        try
        {
            var dataset = read();
            var positions = string.Join(";", dataset.AllGoals().SelectMany(g =>
                new[] { g.Position }.Concat(g.Indicators.Select(i => i.Position)).Concat(g.Activities.Select(a => a.Position))));
            return DatasetText.Write(dataset, "s", []) + positions + dataset.Position;
        }
        catch (InputException e)
        {
            return string.Join("\n", e.Errors);
        }
    }
}
