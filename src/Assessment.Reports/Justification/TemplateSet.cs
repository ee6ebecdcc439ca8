using System.Text.RegularExpressions;
using Assessment.Domain.Model;
using Assessment.Domain;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Assessment.Reports.Justification;

/// <summary>
/// The justification templates (Scriban) of one folder, parsed and checked at load. Policy staff edit
/// them without a rebuild. A template cannot include a file outside its folder (symbolic links resolved),
/// reads only plain files within the input size limit, cannot read the clock, and is held to loop,
/// recursion, total-work and output limits; a syntax error or an unknown variable or member is an
/// <see cref="InputException"/> with file, line and column, found at load rather than mid-report
/// (<see cref="TemplateCheck"/>, on the syntax tree, in every branch).
/// </summary>
public sealed class TemplateSet
{
    public const string Summary = "sammanfattning";

    public static readonly IReadOnlyList<string> Required = [.. Vocabularies.Levels.Codes, Summary];

    public const int LoopLimit = 1_000;
    public const int RecursiveLimit = 20;
    /// <summary>
    /// Per rendered text. Far above any real justification, and above what the data alone can make (an
    /// override's reason is quoted whole), so only a runaway template reaches it.
    /// </summary>
    public const int MaxOutputChars = 1_000_000;

    /// <summary>
    /// Steps (evaluated expressions and statements) per rendered text. The loop and recursion limits bound
    /// each loop and the depth, not their product: a function calling itself twice per level, or a loop
    /// inside a recursion, does exponential work within them. The shipped templates take under 1 000 steps per text.
    /// </summary>
    public const int MaxSteps = 200_000;

    /// <summary>Per regex call in a template; every real pattern on a justification's text takes microseconds.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<string, Template> _templates;
    private readonly SandboxedLoader _loader;

    /// <summary>
    /// The included templates, by the name the loader gives them, parsed once at load (<see cref="IncludeSyntax"/>)
    /// and given to every render: Scriban caches an include per context only, and parsed `_gemensamt.sbn` anew
    /// for each goal's text. Written only while loading.
    /// </summary>
    private readonly Dictionary<string, Template?> _includes = new(StringComparer.Ordinal);

    private TemplateSet(Dictionary<string, Template> templates, SandboxedLoader loader)
    {
        _templates = templates;
        _loader = loader;
    }

    /// <summary>Loads and checks the templates in <paramref name="directory"/> (<paramref name="display"/> in messages).</summary>
    public static TemplateSet Load(string directory, string display)
    {
        if (!Directory.Exists(directory))
            throw new InputException(ErrorKinds.FileMissing, display, SystemMessages.Missing(directory, "mallmappen"));
        var errors = new List<InputError>();
        var templates = new Dictionary<string, Template>();
        foreach (var name in Required)
        {
            var path = Path.Combine(directory, name + ".sbn");
            var file = $"{display.TrimEnd('/')}/{name}.sbn";
            if (!File.Exists(path))
            {
                errors.Add(new InputError(ErrorKinds.Template, SourcePosition.InFile(file), $"mallen saknas: varje mallmapp behöver {string.Join(", ", Required.Select(r => r + ".sbn"))}"));
                continue;
            }
            var template = Template.Parse(ReadInside(directory, path, file), file);
            errors.AddRange(ParseErrors(template, file));
            templates[name] = template;
        }
        if (errors.Count > 0) throw new InputException(errors);

        var set = new TemplateSet(templates, new SandboxedLoader(directory, display));
        set.Check();
        return set;
    }

    /// <summary>
    /// Scriban's built-in functions, made once and shared by every render, read-only: a fresh copy for each text
    /// (Scriban's default) cost more than many a text itself, and a set is rendered once per goal (and a few times
    /// by <see cref="Check"/>). No clock and no chance: the same input renders the same text. Made here as
    /// Scriban's own set less <c>date</c>, each object when a template first names it (<see cref="LazyBuiltins"/>).
    /// </summary>
    private static readonly ScriptObject Builtins = new LazyBuiltins();

    /// <summary>
    /// The built-in objects, each made on first use: making one finds its functions by reflection, and
    /// <c>regex</c>'s (as <c>date</c>'s) are delegates whose lookup builds a map of every method of the native
    /// program – together most of a templated run's cost, for objects the shipped templates never name (they use
    /// <c>array</c> and <c>string</c>). Read by Scriban, and by <see cref="TemplateCheck"/>, through
    /// <see cref="TryGetValue(TemplateContext, SourceSpan, string, out object)"/>.
    /// </summary>
    private sealed class LazyBuiltins : ScriptObject
    {
        private readonly Dictionary<string, Lazy<ScriptObject>> _objects = new(StringComparer.Ordinal)
        {
            ["array"] = Made(() => new ArrayFunctions()),
            ["html"] = Made(() => new HtmlFunctions()),
            ["math"] = Made(() =>
            {
                var math = new MathFunctions();
                math.Remove("random");
                math.Remove("uuid");
                return math;
            }),
            ["object"] = Made(() => new ObjectFunctions()),
            ["regex"] = Made(() => new RegexFunctions()),
            ["string"] = Made(() => new StringFunctions()),
            ["timespan"] = Made(() => new TimeSpanFunctions()),
        };

        public LazyBuiltins()
        {
            this["blank"] = EmptyScriptObject.Default;
            this["empty"] = EmptyScriptObject.Default;
            this["include"] = new IncludeFunction();
            this["include_join"] = new IncludeJoinFunction();
            IsReadOnly = true;
        }

        private static Lazy<ScriptObject> Made(Func<ScriptObject> make) => new(() =>
        {
            var functions = make();
            functions.IsReadOnly = true;
            return functions;
        });

        public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
        {
            if (_objects.TryGetValue(member, out var functions))
            {
                value = functions.Value;
                return true;
            }
            return base.TryGetValue(context, span, member, out value);
        }
    }

    /// <summary>Renders template <paramref name="name"/> with <paramref name="model"/> as its variables.</summary>
    public string Render(string name, ScriptObject model)
    {
        var context = new StepLimitedContext(Builtins)
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false, // a misspelt or removed member is an error, not an empty text
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            LimitToString = MaxOutputChars,
            RegexTimeOut = RegexTimeout, // a pattern that backtracks without end stops, not the run
            TemplateLoader = _loader,
        };
        foreach (var (path, include) in _includes)
            if (include is not null) context.CachedTemplates[path] = include;
        context.PushGlobal(model);
        var output = new LimitedOutput(MaxOutputChars);
        context.PushOutput(output);
        var file = _templates[name].SourceFilePath ?? name;
        try
        {
            _templates[name].Render(context);
            return output.ToString().Trim();
        }
        catch (ScriptRuntimeException e) when (e.InnerException is OutputLimitException)
        {
            throw new InputException(ErrorKinds.Template, Position(e.Span, file), $"mallen skriver mer än {MaxOutputChars} tecken: är en loop utan slut?");
        }
        catch (StepLimitException e)
        {
            throw new InputException(ErrorKinds.Template, Position(e.Span, file), StepLimitMessage);
        }
        catch (ScriptRuntimeException e) when (e.InnerException is StepLimitException limit)
        {
            throw new InputException(ErrorKinds.Template, Position(limit.Span, file), StepLimitMessage);
        }
        catch (ScriptRuntimeException e) when (e.InnerException is RegexMatchTimeoutException)
        {
            throw new InputException(ErrorKinds.Template, Position(e.Span, file),
                $"ett reguljärt uttryck i mallen tog längre än {RegexTimeout.TotalMilliseconds} ms: förenkla mönstret");
        }
        catch (ScriptRuntimeException e)
        {
            throw new InputException(ErrorKinds.Template, Position(e.Span, file), TemplateCheck.Running(e));
        }
    }

    /// <summary>
    /// Checks every template on its syntax tree (<see cref="TemplateCheck"/>: unknown variables and members in any
    /// branch, with what each template includes), then runs each that passes with one or two models
    /// (<see cref="TemplateModels.LoadProbes"/>, seven runs in all) for what only running finds – on those models'
    /// paths: a loop or recursion past the limits, a pattern that backtracks without end, a value of the wrong
    /// type, a member of a null (a goal without an override).
    /// </summary>
    private void Check()
    {
        var errors = new List<InputError>();
        foreach (var (name, template) in _templates)
        {
            var before = errors.Count;
            var brokenInclude = false; // reported where first met: a run would only report it again
            ScriptPage? Include(SourceSpan span, string path)
            {
                var page = IncludeSyntax(span, path, errors);
                brokenInclude |= page is null;
                return page;
            }
            TemplateCheck.Check(template.Page!, TemplateModels.ShapeOf(name), Builtins, Include, template.SourceFilePath ?? name, errors);
            if (brokenInclude || errors.Count > before) continue;
            foreach (var model in TemplateModels.LoadProbes(name))
            {
                try { Render(name, model); }
                catch (InputException e) { AddNew(errors, e.Errors); }
            }
        }
        if (errors.Count > 0) throw new InputException(errors);
    }

    /// <summary>
    /// The syntax of the template <paramref name="name"/> included at <paramref name="span"/>, found and read as a
    /// run would (inside the folder only), parsed once; null, with the reason in <paramref name="errors"/>, when it cannot be.
    /// </summary>
    /// <remarks>
    /// A file that cannot be read or parsed is reported once, by the first template to include it, and is null for
    /// the others; a name that cannot be resolved (missing, outside the folder) is reported where each include names it.
    /// </remarks>
    private ScriptPage? IncludeSyntax(SourceSpan span, string name, List<InputError> errors)
    {
        string? path = null;
        try
        {
            path = _loader.Resolve(span, name);
            if (_includes.TryGetValue(path, out var known)) return known?.Page;
            var template = Template.Parse(_loader.Read(span, path), path);
            AddNew(errors, ParseErrors(template, path));
            return (_includes[path] = template.HasErrors ? null : template)?.Page;
        }
        catch (ScriptRuntimeException e)
        {
            AddNew(errors, new InputError(ErrorKinds.Template, Position(e.Span, span.FileName ?? name), TemplateCheck.Running(e)));
            if (path is not null) _includes[path] = null;
            return null;
        }
    }

    /// <summary>The syntax errors Scriban found parsing <paramref name="template"/> (of <paramref name="file"/>).</summary>
    private static IEnumerable<InputError> ParseErrors(Template template, string file) =>
        template.Messages.Where(m => m.Type == ParserMessageType.Error).Select(m => new InputError(ErrorKinds.Template,
            Position(m.Span, file), $"mallen går inte att tolka: {ScribanMessages.Describe(m.Message, running: false)}"));

    /// <summary>Adds to <paramref name="errors"/> those of <paramref name="added"/> not there yet: a mistake is reported once however often it is met.</summary>
    internal static void AddNew(List<InputError> errors, params IEnumerable<InputError> added)
    {
        foreach (var error in added)
            if (!errors.Contains(error)) errors.Add(error);
    }

    /// <summary>
    /// Scriban counts from 0; an error it gives no span (no file name, no line) concerns <paramref name="file"/>
    /// as a whole and gets no position within it rather than a made-up 1:1.
    /// </summary>
    internal static SourcePosition Position(SourceSpan span, string file) =>
        span.FileName is null || span.Start.Line < 0
            ? SourcePosition.InFile(span.FileName ?? file)
            : new(span.FileName, span.Start.Line + 1, Math.Max(1, span.Start.Column + 1));

    private static readonly string StepLimitMessage =
        $"mallen gör mer än {MaxSteps} steg för en text: är en rekursion eller loop som förgrenar sig utan slut?";

    /// <summary>
    /// A template file's text, read only when its real path – every symbolic link resolved – lies inside the
    /// template folder's, and only when it is a plain file: a link to /etc/passwd or to a device is refused
    /// before it is opened. The size limit is that of every input (<see cref="InputText.MaxBytes"/>).
    /// </summary>
    private static string ReadInside(string directory, string path, string shown)
    {
        if (!FileNode.IsInside(path, directory))
            throw new InputException(ErrorKinds.Template, shown,
                "mallen pekar utanför mallmappen (en symbolisk länk): mallar får bara läsa filer i sin egen mapp");
        if (FileNode.Of(path) is { Kind: not FileKind.Regular } node)
            throw new InputException(node.Kind == FileKind.Missing ? ErrorKinds.FileMissing : ErrorKinds.NotAFile, shown, node.Kind == FileKind.Missing
                ? "mallen finns inte: en symbolisk länk till en fil som inte finns"
                : $"mallen är {node.Described}, inte en vanlig fil");
        return InputText.ReadFile(path, shown);
    }

    /// <summary>
    /// Includes resolve inside the template folder only (the real path, links resolved); each is read once,
    /// as <see cref="ReadInside"/> reads; messages name them as the user knows the folder.
    /// </summary>
    private sealed class SandboxedLoader(string directory, string display) : ITemplateLoader
    {
        private readonly string _root = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => Resolve(callerSpan, templateName);

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => Read(callerSpan, templatePath);

        /// <summary>The name an include of <paramref name="templateName"/> is known by (as the user knows the folder).</summary>
        public string Resolve(SourceSpan callerSpan, string templateName)
        {
            // A name no file can have (a NUL character) is refused here, where .NET's path functions would throw.
            if (templateName.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
                throw new ScribanMessages.OurError(callerSpan, $"\"{templateName.Replace("\0", "\\0")}\" är inget giltigt filnamn: ange en mall i mallmappen");
            var full = Path.GetFullPath(Path.Combine(_root, templateName));
            if (Path.IsPathRooted(templateName) || !full.StartsWith(_root, StringComparison.Ordinal))
                throw new ScribanMessages.OurError(callerSpan, $"\"{templateName}\" ligger utanför mallmappen: mallar får bara inkludera filer i sin egen mapp");
            if (!File.Exists(full))
                throw new ScribanMessages.OurError(callerSpan, $"mallen \"{templateName}\" finns inte i mallmappen");
            var shown = $"{display.TrimEnd('/')}/{Path.GetRelativePath(_root, full).Replace(Path.DirectorySeparatorChar, '/')}";
            lock (_files) _files[shown] = full;
            return shown;
        }

        /// <summary>The text of the include <paramref name="templatePath"/> (<see cref="Resolve"/>), read once.</summary>
        public string Read(SourceSpan callerSpan, string templatePath)
        {
            lock (_files)
            {
                if (_texts.TryGetValue(templatePath, out var text)) return text;
                try
                {
                    return _texts[templatePath] = ReadInside(_root, _files[templatePath], templatePath);
                }
                catch (InputException e)
                {
                    throw new ScribanMessages.OurError(callerSpan, $"\"{templatePath}\" kan inte inkluderas: {e.Errors[0].Message}");
                }
            }
        }

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }

    private sealed class StepLimitException(SourceSpan span) : Exception("step limit reached")
    {
        public SourceSpan Span { get; } = span;
    }

    /// <summary>A context that counts every step of a render and stops it at <see cref="MaxSteps"/>.</summary>
    private sealed class StepLimitedContext(ScriptObject builtins) : TemplateContext(builtins)
    {
        private int _steps;

        public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
        {
            if (++_steps > MaxSteps) throw new StepLimitException(scriptNode?.Span ?? default);
            return base.Evaluate(scriptNode, aliasReturnedFunction);
        }
    }

    private sealed class OutputLimitException() : Exception("output limit reached");

    /// <summary>Template output that stops a runaway template at a fixed size.</summary>
    private sealed class LimitedOutput(int limit) : IScriptOutput
    {
        private readonly StringBuilderOutput _inner = new();

        public void Write(string text, int offset, int count)
        {
            if (_inner.Builder.Length + count > limit) throw new OutputLimitException();
            _inner.Write(text, offset, count);
        }

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Write(text, offset, count);
            return ValueTask.CompletedTask;
        }

        public override string ToString() => _inner.ToString();
    }
}
