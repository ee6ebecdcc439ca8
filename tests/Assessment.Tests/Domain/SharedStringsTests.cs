using System.Text;
using Assessment.Domain;

namespace Assessment.Tests.Domain;

/// <summary>The thread's table of short texts that reading shares: the same text, never a different one, and bounded.</summary>
public class SharedStringsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("År")]
    [InlineData("Uppfylls helt")]
    [InlineData("Andel elever i årskurs 9 som är behöriga till yrkesprogram")]
    [InlineData("𝔸 utanför BMP")]
    public void A_text_read_again_is_the_same_string_and_reads_as_UTF8_decodes_it(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var first = SharedStrings.Get(bytes);
        first.ShouldBe(text);
        ReferenceEquals(SharedStrings.Get(bytes.ToArray()), first).ShouldBeTrue();
        ReferenceEquals(SharedStrings.Get(text.AsSpan()), first).ShouldBeTrue();
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_read_as_the_decoder_reads_them()
    {
        byte[] bad = [(byte)'a', 0xC3, (byte)'b', 0xFF];
        SharedStrings.Get(bad).ShouldBe(Encoding.UTF8.GetString(bad));
    }

    [Fact]
    public void A_long_text_is_made_each_time_and_reads_right()
    {
        var text = new string('å', SharedStrings.MaxChars); // 2 bytes a character: over the limit in bytes
        var bytes = Encoding.UTF8.GetBytes(text);
        var first = SharedStrings.Get(bytes);
        first.ShouldBe(text);
        ReferenceEquals(SharedStrings.Get(bytes), first).ShouldBeFalse();
    }

    [Fact]
    public void A_thread_keeps_at_most_as_many_texts_as_the_table_has_places()
    {
        var texts = Enumerable.Range(0, SharedStrings.Slots * 4).Select(i => $"indikator {i}").ToList();
        var made = texts.Select(t => SharedStrings.Get(Encoding.UTF8.GetBytes(t))).ToList();
        made.ShouldBe(texts);
        // Only the strings still in the table come back as the same object: never more than its places.
        var kept = texts.Where((t, i) => ReferenceEquals(SharedStrings.Get(t.AsSpan()), made[i])).Count();
        kept.ShouldBeGreaterThan(0);
        kept.ShouldBeLessThanOrEqualTo(SharedStrings.Slots);
    }
}
