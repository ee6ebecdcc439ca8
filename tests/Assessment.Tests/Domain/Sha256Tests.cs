using System.Text;
using Assessment.Domain;

namespace Assessment.Tests.Domain;

/// <summary>
/// The managed SHA-256 against the test vectors of FIPS 180-4 (NIST's examples) and against .NET's own
/// implementation for every length around the block and padding boundaries.
/// </summary>
public class Sha256Tests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
    public void Gives_the_standards_digests(string message, string digest) =>
        Sha256.Hex(Encoding.ASCII.GetBytes(message)).ShouldBe(digest);

    [Fact]
    public void Gives_the_standards_digest_of_a_million_as() =>
        Sha256.Hex(Encoding.ASCII.GetBytes(new string('a', 1_000_000))).ShouldBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");

    [Fact]
    public void Agrees_with_dotnets_sha256_for_every_length_up_to_three_blocks_and_beyond()
    {
        var random = new Random(180_4);
        var lengths = Enumerable.Range(0, 200).Concat([255, 256, 257, 1000, 4095, 4096, 65_537, 160_100]);
        foreach (var length in lengths)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Sha256.HashData(data).ShouldBe(System.Security.Cryptography.SHA256.HashData(data), $"length {length}");
        }
    }

    [Fact]
    public void Hashes_the_sample_as_dotnet_does()
    {
        var bytes = File.ReadAllBytes(Repo.PathOf("examples/hasselby-vallingby-t1-2026.yaml"));
        Sha256.Hex(bytes).ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }
}
