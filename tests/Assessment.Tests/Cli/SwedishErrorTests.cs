using System.Text.RegularExpressions;
using Assessment.Domain;
using Assessment.Tests.Domain;

namespace Assessment.Tests.Cli;

/// <summary>
/// Every error, whoever raises it – YamlDotNet, Scriban, the rule language, .NET's file system, the command
/// line – reaches the user in Swedish, one line each, with a code from <see cref="ErrorKinds"/>: a corpus of
/// bad inputs goes through the command line and standard error is searched for English.
/// </summary>
public sealed class SwedishErrorTests : IDisposable
{
    private readonly TempFolder _dir = new("assess-svenska-");

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// Common English words and the words of YamlDotNet's, Scriban's and .NET's messages; none is Swedish. "not"
    /// alone is (a note: "med en not när …"), so it is searched for in the phrases English puts it in.
    /// </summary>
    private static readonly string[] English =
    [
        "expected", "expecting", "while", "found", "not found", "not allowed", "not supported", "not valid", "is not", "the", "file", "error", "cannot", "could", "invalid", "unexpected",
        "exception", "directory", "path", "access", "denied", "missing", "does", "is", "of", "and", "or", "to", "with",
        "without", "must", "should", "value", "key", "line", "column", "token", "character", "stream", "scalar", "mapping",
        "sequence", "indentation", "parsing", "scanning", "operation", "state", "object", "unable", "failed", "allowed",
        "already", "member", "function", "variable", "was", "were", "has", "have", "been", "this", "that", "an", "at",
        "by", "on", "from", "into", "no", "name", "such", "could", "valid", "parse", "end of", "duplicate", "reached",
    ];

    private static readonly Regex EnglishWord = new(
        @"\b(" + string.Join("|", English.Select(Regex.Escape)) + @")\b", RegexOptions.IgnoreCase);

    /// <summary>
    /// What the user wrote and the program's own names are not prose: quoted text ("…", `…`), template code
    /// ({{ … }}) and paths are taken out before the search.
    /// </summary>
    private static string Prose(string line) =>
        Regex.Replace(line, "\"[^\"]*\"|`[^`]*`|\\{\\{.*?\\}\\}|'[^']*'|\\S*/\\S*", " ");

    private static readonly string Sample = Repo.SampleDataset;

    /// <summary>Bad YAML, one kind of mistake each: what YamlDotNet's scanner and parser say about them.</summary>
    public static TheoryData<string, string> BrokenYaml() => new()
    {
        { "lista-utan-slut", "namnd: x\nperiod: T1 2026\ninriktningsmal: [1, 2\nkalla: x\n" },
        { "lista-utan-komma", "namnd: x\nperiod: T1 2026\ninriktningsmal: [1 2: 3]\n" },
        { "klammer-utan-slut", "namnd: x\nperiod: T1 2026\ninriktningsmal: [{id: \"1\", titel: x]\n" },
        { "citat-utan-slut", "namnd: \"x\nperiod: T1 2026\n" },
        { "enkelt-citat-utan-slut", "namnd: 'x\n" },
        { "tabb", "namnd: x\ninriktningsmal:\n\t- id: \"1\"\n" },
        { "dubbel-nyckel", "namnd: x\nnamnd: y\nperiod: T1 2026\n" },
        { "kolon-i-varde", "namnd: a: b\nperiod: T1 2026\n" },
        { "fel-indrag", "namnd: x\ninriktningsmal:\n  - id: \"1\"\n    titel: x\n   redovisat: helt\n" },
        { "nyckel-utan-kolon", "namnd: x\nperiod\ninriktningsmal: []\n" },
        { "otillatet-tecken", "namnd: @x\n" },
        { "backtick", "namnd: `x`\n" },
        { "alias", "namnd: &n x\nperiod: *n\n" },
        { "tagg", "namnd: !okand x\nperiod: T1 2026\ninriktningsmal: []\n" },
        { "okand-escape", "namnd: \"x\\q\"\n" },
        { "flera-dokument", "namnd: x\n---\nnamnd: y\n" },
        { "bara-text", "hej\n" },
        { "tom", "" },
        { "direktiv", "%YAML 9.9\n---\nnamnd: x\n" },
        { "blockskalar", "namnd: |x\n  text\n" },
        { "kommentar-utan-mellanslag", "inriktningsmal: [1,#x\n 2]\n" },
    };

    [Theory]
    [MemberData(nameof(BrokenYaml))]
    public void Broken_yaml_is_reported_in_swedish_with_a_code(string name, string text)
    {
        var path = _dir.PathOf(name + ".yaml");
        File.WriteAllText(path, text);
        SwedishErrors(2, "run", path);
        SwedishErrors(2, "validate", path);
    }

    [Theory]
    [MemberData(nameof(BadInputCorpusTests.DatasetFiles), MemberType = typeof(BadInputCorpusTests))]
    public void Every_bad_dataset_in_the_corpus_is_reported_in_swedish(string file) =>
        SwedishErrors(2, "run", Repo.PathOf($"tests/Assessment.Tests/Corpus/dataset/{file}"));

    [Theory]
    [MemberData(nameof(BadInputCorpusTests.RuleFiles), MemberType = typeof(BadInputCorpusTests))]
    public void Every_bad_rule_set_in_the_corpus_is_reported_in_swedish(string file) =>
        SwedishErrors(2, "validate", Repo.PathOf($"tests/Assessment.Tests/Corpus/rules/{file}"));

    /// <summary>Templates that Scriban cannot parse or run: its English never reaches the user.</summary>
    [Theory]
    [InlineData("{{ if x }}")]
    [InlineData("{{ 1 + }}")]
    [InlineData("{{ \"text }}")]
    [InlineData("{{ end }}")]
    [InlineData("{{ for x y }}{{ end }}")]
    [InlineData("{{ math.random 1 10 }}")]
    [InlineData("{{ saknas.del }}")]
    [InlineData("{{ x = [1, 2] | array.finns_inte }}")]
    [InlineData("{{ x = }}")]
    [InlineData("{{ func f(x)\n ret f(x + 1)\nend\nf 1 }}")]
    [InlineData("{{ for i in 1..100000 }}x{{ end }}")]
    public void Broken_templates_are_reported_in_swedish(string text)
    {
        var templates = _dir.PathOf("mallar");
        Directory.CreateDirectory(templates);
        foreach (var file in Directory.GetFiles(Repo.PathOf("templates")))
            File.Copy(file, Path.Combine(templates, Path.GetFileName(file)), overwrite: true);
        File.WriteAllText(Path.Combine(templates, "sammanfattning.sbn"), text);
        SwedishErrors(2, "run", Sample, "--format", "md", "--templates", templates);
    }

    /// <summary>Files that are missing, of the wrong kind or not what they claim to be, and mistakes in the command line.</summary>
    public static TheoryData<string> OtherMistakes() =>
    [
        "saknad-fil", "saknad-mapp", "mapp-som-dataset", "utdata-i-saknad-mapp", "utdata-ar-mapp", "inte-en-arbetsbok",
        "okant-kommando", "okand-flagga", "okant-format", "okant-mal", "saknat-regelverk", "logg-ar-mapp",
        "saknad-mallmapp", "trasig-zip",
    ];

    [Theory]
    [MemberData(nameof(OtherMistakes))]
    public void Other_mistakes_are_reported_in_swedish(string mistake)
    {
        var missing = _dir.PathOf("finns-inte.yaml");
        var notWorkbook = _dir.PathOf("utfall.xlsx");
        File.WriteAllText(notWorkbook, "det här är ingen arbetsbok");
        var brokenZip = _dir.PathOf("trasig.xlsx");
        File.WriteAllBytes(brokenZip, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        string[] args = mistake switch
        {
            "saknad-fil" => ["run", missing],
            "saknad-mapp" => ["run", _dir.PathOf("finns-inte/dataset.yaml")],
            "mapp-som-dataset" => ["run", _dir.FullName],
            "utdata-i-saknad-mapp" => ["run", Sample, "-o", _dir.PathOf("finns-inte/ut.txt")],
            "utdata-ar-mapp" => ["run", Sample, "-o", _dir.FullName],
            "inte-en-arbetsbok" => ["merge", Sample, notWorkbook],
            "trasig-zip" => ["merge", Sample, brokenZip],
            "okant-kommando" => ["runn"],
            "okand-flagga" => ["run", "--fromat", "json"],
            "okant-format" => ["run", "--format", "pdf"],
            "okant-mal" => ["explain", "9.9.9", Sample],
            "saknat-regelverk" => ["run", Sample, "--rules", missing],
            "logg-ar-mapp" => ["run", Sample, "--log", _dir.FullName],
            "saknad-mallmapp" => ["run", Sample, "--format", "md", "--templates", _dir.PathOf("finns-inte")],
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };
        SwedishErrors(2, args);
    }

    [Fact]
    public void A_missing_file_gets_the_nearest_name_in_its_folder()
    {
        File.WriteAllText(_dir.PathOf("hasselby-t1-2026.yaml"), "x");
        var error = SwedishErrors(2, "run", _dir.PathOf("hasselby-t1-2062.yaml"));
        error.ShouldContain($"fel A101: {_dir.PathOf("hasselby-t1-2062.yaml")}: filen finns inte – menade du \"{_dir.PathOf("hasselby-t1-2026.yaml")}\"?");

        Directory.CreateDirectory(_dir.PathOf("exempel"));
        SwedishErrors(2, "run", _dir.PathOf("exempl/x.yaml"))
            .ShouldContain($"filen finns inte: mappen {_dir.PathOf("exempl")} finns inte – menade du mappen \"{_dir.PathOf("exempel")}\"?");
    }

    [Fact]
    public void A_problem_with_a_file_as_a_whole_has_no_made_up_position()
    {
        var error = SwedishErrors(2, "run", _dir.PathOf("finns-inte.yaml"));
        error.ShouldStartWith($"fel A101: {_dir.PathOf("finns-inte.yaml")}: filen finns inte");
        error.ShouldNotContain(":1:1");
    }

    [Fact]
    public void The_error_codes_are_unique_well_formed_and_in_order()
    {
        ErrorKinds.All.Select(k => k.Code).ShouldBeUnique();
        ErrorKinds.All.ShouldAllBe(k => Regex.IsMatch(k.Code, @"^A\d{3}$") && k.Description.Length > 0);
        ErrorKinds.All.Select(k => k.Code).ShouldBe(ErrorKinds.All.Select(k => k.Code).Order(StringComparer.Ordinal));
        typeof(ErrorKinds).GetFields().Where(f => f.FieldType == typeof(ErrorKind)).Select(f => (ErrorKind)f.GetValue(null)!)
            .ShouldBe(ErrorKinds.All, ignoreOrder: true); // every kind declared is listed
    }

    [Fact]
    public void A_missing_default_file_names_the_places_searched()
    {
        var error = Should.Throw<InputException>(() => Assessment.Cli.DefaultFiles.Find("examples/finns-inte.yaml")).Errors.ShouldHaveSingleItem();
        error.Kind.ShouldBe(ErrorKinds.FileMissing);
        error.Position.ShouldBe(SourcePosition.InFile("examples/finns-inte.yaml"));
        error.Message.ShouldStartWith("standardfilen finns inte: sökte i ");
        error.Message.ShouldContain(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        error.Message.ShouldContain(Path.TrimEndingDirectorySeparator(Directory.GetCurrentDirectory()));
        error.Message.ShouldContain("varje mapp ovanför dem");
    }

    /// <summary>YamlDotNet's sentences, known and (for a newer version) unknown, and Scriban's unknown ones come out Swedish.</summary>
    [Theory]
    [InlineData("While parsing a flow sequence, did not find expected ',' or ']'.")]
    [InlineData("While scanning a quoted scalar, found unexpected end of stream.")]
    [InlineData("While scanning a mapping, found invalid tab as indentation.")]
    [InlineData("Mapping values are not allowed in this context.")]
    [InlineData("Duplicate key namnd")]
    [InlineData("While scanning a literal block scalar, found extra spaces in first line.")]
    [InlineData("While scanning a tag, did not find expected '!'.")]
    [InlineData("While scanning a brand new construct, found something unforeseen.")]
    [InlineData("Something YamlDotNet may say one day about the stream.")]
    public void YamlDotNet_messages_are_translated(string message)
    {
        var swedish = Assessment.Domain.Yaml.YamlMessages.Describe(message);
        EnglishWord.Match(Prose(swedish)).Success.ShouldBeFalse(swedish);
        swedish.ShouldNotBe(message);
    }

    [Fact]
    public void An_unknown_scriban_message_becomes_a_general_swedish_one_with_the_code_it_quotes()
    {
        Assessment.Reports.Justification.ScribanMessages.Describe("A brand new failure near `period.x` was found", running: true)
            .ShouldBe("ett fel när mallen kördes här (vid `period.x`)");
        Assessment.Reports.Justification.ScribanMessages.Describe("The variable or function `ty` was not found", running: true)
            .ShouldBe("variabeln eller funktionen `ty` finns inte");
        Assessment.Reports.Justification.ScribanMessages.Describe("Something else entirely", running: false)
            .ShouldBe("mallen följer inte Scribans syntax här");
    }

    /// <summary>The README's list of codes ("Felkoder") is the table in the code, row for row.</summary>
    [Fact]
    public void The_readme_lists_every_error_code_as_the_code_declares_it()
    {
        var readme = File.ReadAllText(Repo.PathOf("README.md"));
        var section = readme[readme.IndexOf("\n### Felkoder\n", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n#", 2, StringComparison.Ordinal)];
        var rows = Regex.Matches(section, @"^\| `(A\d{3})` \| (.+) \|$", RegexOptions.Multiline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value.Replace("\\|", "|"))).ToList();
        rows.ShouldBe(ErrorKinds.All.Select(k => (k.Code, k.Description)).ToList());
    }

    /// <summary>
    /// Runs assess; asserts the exit code, that every error line is "fel KOD: …" with a known code, that there is
    /// at least one, that no line holds English prose or a stack trace; returns standard error.
    /// </summary>
    private static string SwedishErrors(int exit, params string[] args)
    {
        var (code, _, error) = Assess.Run(args);
        code.ShouldBe(exit, error);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldNotBeEmpty();
        lines[0].ShouldMatch(@"^fel A\d{3}: ", error);
        var known = ErrorKinds.All.Select(k => k.Code).ToHashSet();
        foreach (var line in lines.Where(l => l.StartsWith("fel", StringComparison.Ordinal)))
        {
            var m = Regex.Match(line, @"^fel (A\d{3}): \S");
            m.Success.ShouldBeTrue($"an error line without a code: {line}");
            known.ShouldContain(m.Groups[1].Value, line);
        }
        foreach (var line in lines)
        {
            var english = EnglishWord.Match(Prose(line));
            english.Success.ShouldBeFalse($"English \"{english.Value}\" in: {line}");
        }
        error.ShouldNotContain("   at ");
        error.ShouldNotContain("Exception");
        return error;
    }
}
