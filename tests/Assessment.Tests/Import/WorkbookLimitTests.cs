using System.IO.Compression;
using System.Text;
using Assessment.Import;

namespace Assessment.Tests.Import;

/// <summary>
/// A workbook is a zip: a small file can unpack to hundreds of megabytes. Its parts and its texts are
/// limited while it is unpacked, before the spreadsheet reader holds any of it.
/// </summary>
public sealed class WorkbookLimitTests : IDisposable
{
    private readonly TempFolder _dir = new("assess-arbetsbok-");

    public void Dispose() => _dir.Dispose();

    /// <summary>The sample's results workbook with one part replaced (added when it is not there).</summary>
    private string WorkbookWith(string part, Action<Stream> write)
    {
        var original = _dir.PathOf("resultat.xlsx");
        Assess.Run("run", "--format", "xlsx", "-o", original).Exit.ShouldBe(0);
        var edited = _dir.PathOf("utfall.xlsx");
        using (var source = ZipFile.OpenRead(original))
        using (var target = ZipFile.Open(edited, ZipArchiveMode.Create))
        {
            foreach (var entry in source.Entries.Where(e => e.FullName != part))
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }
            using var replaced = target.CreateEntry(part, CompressionLevel.SmallestSize).Open();
            write(replaced);
        }
        return edited;
    }

    private static void SharedString(Stream to, long chars)
    {
        to.Write(Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="utf-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>"""));
        var chunk = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
        for (var left = chars; left > 0; left -= chunk.Length) to.Write(chunk, 0, (int)Math.Min(left, chunk.Length));
        to.Write(Encoding.UTF8.GetBytes("</t></si></sst>"));
    }

    [Fact]
    public void A_shared_string_that_unpacks_to_hundreds_of_megabytes_is_refused_while_unpacking()
    {
        var bomb = WorkbookWith("xl/sharedStrings.xml", s => SharedString(s, 300L << 20));
        new FileInfo(bomb).Length.ShouldBeLessThan(2 << 20); // about a megabyte on disk

        var before = GC.GetTotalAllocatedBytes();
        var (exit, _, error) = Assess.Run("merge", Repo.SampleDataset, bomb, "-o", _dir.PathOf("ut.yaml"));

        exit.ShouldBe(2);
        error.ShouldContain("delen xl/sharedStrings.xml i arbetsboken packas upp till mer än 16 MiB");
        (GC.GetTotalAllocatedBytes() - before).ShouldBeLessThan(200L << 20);
        File.Exists(_dir.PathOf("ut.yaml")).ShouldBeFalse();
    }

    [Fact]
    public void A_shared_string_longer_than_a_cell_can_hold_is_refused()
    {
        var workbook = WorkbookWith("xl/sharedStrings.xml", s => SharedString(s, Workbook.MaxCellChars + 1));

        var (exit, _, error) = Assess.Run("merge", Repo.SampleDataset, workbook);

        exit.ShouldBe(2);
        error.ShouldContain("text nr 1 i xl/sharedStrings.xml har mer än 32767 tecken (Excels gräns för en cell)");
    }

    [Fact]
    public void A_cell_longer_than_a_cell_can_hold_is_refused_with_its_reference()
    {
        var original = _dir.PathOf("original.xlsx");
        Assess.Run("run", "--format", "xlsx", "-o", original).Exit.ShouldBe(0);
        string sheet;
        using (var zip = ZipFile.OpenRead(original))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            using var reader = new StreamReader(entry.Open());
            sheet = reader.ReadToEnd();
        }
        var first = sheet.IndexOf("<x:v>", StringComparison.Ordinal) + "<x:v>".Length;
        var edited = sheet[..first] + new string('b', Workbook.MaxCellChars + 1) + sheet[first..];
        var workbook = WorkbookWith("xl/worksheets/sheet1.xml", s => s.Write(Encoding.UTF8.GetBytes(edited)));

        var (exit, _, error) = Assess.Run("merge", Repo.SampleDataset, workbook);

        exit.ShouldBe(2);
        error.ShouldContain("cellen A1 i xl/worksheets/sheet1.xml har mer än 32767 tecken");
    }
}
