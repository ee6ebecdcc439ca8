using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Assessment.Reports;

/// <summary>
/// An Office package (xlsx, docx) made the same bytes for the same input: its writers stamp every zip entry with
/// the time of writing and name relationships with random ids (MiniExcel "R" + 32 hex digits, the Open XML SDK "R"
/// + 16); both are replaced by fixed values. An edit may change the parts' XML on the way.
/// </summary>
internal static partial class StablePackage
{
    [GeneratedRegex("^R[0-9a-f]{16}(?:[0-9a-f]{16})?$")]
    private static partial Regex GeneratedId();

    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Rewrite(byte[] package, Action<Dictionary<string, XDocument>>? edit = null)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var documents = input.Entries.Select(e => (e.FullName, Document: XDocument.Load(e.Open(), LoadOptions.PreserveWhitespace))).ToList();
        edit?.Invoke(documents.ToDictionary(d => d.FullName, d => d.Document));
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, document) in documents)
            {
                // Only attribute values that are a whole generated id are renamed: text is never touched.
                foreach (var attribute in document.Descendants().Attributes().Where(a => GeneratedId().IsMatch(a.Value)))
                    attribute.Value = ids.TryGetValue(attribute.Value, out var id) ? id : ids[attribute.Value] = $"rId{ids.Count + 1}";
                var copy = zip.CreateEntry(name, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedTime;
                using var writer = XmlWriter.Create(copy.Open(), new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = true });
                document.Save(writer);
            }
        }
        return output.ToArray();
    }
}
