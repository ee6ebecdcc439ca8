using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Assessment.Domain;
using Assessment.Rules;

namespace Assessment.Web;

/// <summary>
/// "Spara som ny version": the rule set in force for the newest loaded period, with the thresholds moved, written as a
/// new file beside it – a new version and giltig_fran, checked by reading it as a rule set, never over an existing file.
/// Only the changed lines differ from the file it is based on.
/// </summary>
internal static partial class RuleVersions
{
    public sealed record Saved(string? File, string? Message, string? Error);

    [GeneratedRegex(@"^(?<key>version|giltig_fran):[^\r\n]*", RegexOptions.Multiline)]
    private static partial Regex Header();

    [GeneratedRegex(@"^troskelvarden:[^\n]*\n(?<body>(?:(?:[ \t#][^\n]*)?\n)*)", RegexOptions.Multiline)]
    private static partial Regex Section();

    [GeneratedRegex(@"^[\p{L}0-9_.-]+$")]
    private static partial Regex VersionText();

    /// <summary>Saves the new version, based on the rule set in force for the newest of <paramref name="entries"/> (the request's listing).</summary>
    public static Saved Save(DatasetStore store, IReadOnlyList<DatasetEntry> entries, WorkbenchOptions options, IReadOnlyDictionary<string, double> thresholds,
        string? version, string? validFrom)
    {
        var basis = entries.Where(e => e.Rules is not null).OrderBy(e => e.Dataset!.Period.EndDate).LastOrDefault()?.Rules!.RuleSet;
        if (basis is null) return new(null, null, "inget dataset är inläst, så inget regelverk gäller att utgå från");
        version = string.IsNullOrWhiteSpace(version) ? NextVersion(basis.Version) : version.Trim();
        if (!VersionText().IsMatch(version)) return new(null, null, $"versionen \"{version}\" går inte att använda i ett filnamn: använd siffror, bokstäver, punkt och bindestreck");
        DateOnly from;
        if (string.IsNullOrWhiteSpace(validFrom)) from = DateOnly.FromDateTime(DateTime.Today);
        else if (!DateOnly.TryParseExact(validFrom.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
            return new(null, null, $"giltig_fran \"{validFrom}\" är inget datum: skriv ÅÅÅÅ-MM-DD, t.ex. 2027-01-01");

        var folder = Directory.Exists(options.Rules) ? options.Rules : Path.GetDirectoryName(Path.GetFullPath(options.Rules))!;
        var basisPath = Directory.Exists(options.Rules) ? Path.Combine(options.Rules, Path.GetFileName(basis.File)) : options.Rules;
        string text;
        try { text = InputText.ReadFile(basisPath, options.RulesDisplay); }
        catch (InputException e) { return new(null, null, string.Join("; ", e.Errors.Select(x => x.Message))); }
        var edited = Edit(text, thresholds, version, from);
        var name = $"{basis.Id}-{version}.yaml";
        var path = Path.Combine(folder, name);
        var display = Directory.Exists(options.Rules)
            ? $"{options.RulesDisplay.TrimEnd('/')}/{name}"
            : Path.GetDirectoryName(options.RulesDisplay) is { Length: > 0 } beside ? $"{beside}/{name}" : name;
        CompiledRuleSet compiled;
        try
        {
            compiled = RuleSetReader.Read(edited, display);
        }
        catch (InputException e)
        {
            return new(null, null, $"den nya versionen går inte att läsa som regelverk: {string.Join("; ", e.Errors)}");
        }
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            file.Write(new UTF8Encoding(false).GetBytes(edited));
        }
        catch (IOException) when (File.Exists(path))
        {
            return new(null, null, $"{name} finns redan och skrivs aldrig över: välj en annan version");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(null, null, $"{display} kunde inte skrivas: {SystemMessages.Describe(e)}");
        }
        if (Directory.Exists(options.Rules))
        {
            try { store.ReplaceRules(RuleSetCatalog.Load(options.Rules, options.RulesDisplay)); }
            catch (InputException e)
            {
                File.Delete(path);
                return new(null, null, $"den nya versionen krockar med regelverken i mappen: {string.Join("; ", e.Errors)}");
            }
        }
        return new(display, $"sparade {display}: {compiled.RuleSet.Id} {version}, gäller från {from:yyyy-MM-dd}", null);
    }

    /// <summary>The rule file's text with version, giltig_fran and the given thresholds' values replaced on their own lines.</summary>
    internal static string Edit(string text, IReadOnlyDictionary<string, double> thresholds, string version, DateOnly validFrom)
    {
        text = Header().Replace(text, m => m.Groups["key"].Value == "version"
            ? $"version: \"{version}\"" : $"giltig_fran: {validFrom:yyyy-MM-dd}");
        // Only inside "troskelvarden:": from its line to the next line that starts a top-level key.
        var section = Section().Match(text);
        if (!section.Success) return text;
        var body = section.Groups["body"];
        var edited = body.Value;
        foreach (var (name, value) in thresholds)
            edited = Regex.Replace(edited, $@"^(?<lead>[ ]+{Regex.Escape(name)}:[ ]*)(?<value>[^\s#]+)", m => m.Groups["lead"].Value + WhatIf.Format(value),
                RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        return string.Concat(text.AsSpan(0, body.Index), edited, text.AsSpan(body.Index + body.Length));
    }

    private static string NextVersion(string version)
    {
        var parts = version.Split('.');
        return int.TryParse(parts[^1], out var last) ? string.Join('.', parts[..^1].Append((last + 1).ToString(CultureInfo.InvariantCulture))) : version + ".1";
    }
}
