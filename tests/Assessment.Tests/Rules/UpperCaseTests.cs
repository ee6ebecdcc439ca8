using Assessment.Rules.Facts;
using Shouldly;

namespace Assessment.Tests.Rules;

/// <summary>The direction keywords' upper case is exactly the runtime's invariant upper case.</summary>
public class UpperCaseTests
{
    [Fact]
    public void Every_character_of_the_basic_plane_maps_as_ToUpperInvariant_does()
    {
        var differing = new List<string>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            var text = ((char)c).ToString();
            if (UpperCase.Of(text) != text.ToUpperInvariant()) differing.Add($"U+{c:X4}");
        }
        differing.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Andel elever i åk 9 som är behöriga till gymnasiet – även hösten")]
    [InlineData("Antal hemlösa (ÿ, ß, µ, ÷)")]
    [InlineData("Deseret 𐐨 och å")] // a surrogate pair, mapped as one character
    [InlineData("")]
    public void Texts_map_as_ToUpperInvariant_does(string text) => UpperCase.Of(text).ShouldBe(text.ToUpperInvariant());
}
