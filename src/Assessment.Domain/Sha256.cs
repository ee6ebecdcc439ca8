using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Assessment.Domain;

/// <summary>
/// SHA-256 (FIPS 180-4) in managed code, for the hashes of input files. .NET's own
/// <c>System.Security.Cryptography.SHA256</c> calls OpenSSL, and a native <c>assess</c> then loads libssl and
/// libcrypto, looks up their functions and reads openssl.cnf at every start – about a sixth of a cold
/// <c>assess run</c> on the sample (BENCHMARKS.md, "Cold start"), for hashing 170 KB. Checked against .NET's
/// implementation and the standard's test vectors (Sha256Tests).
/// </summary>
public static class Sha256
{
    private static ReadOnlySpan<uint> K =>
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>The 32-byte digest of <paramref name="data"/>.</summary>
    public static byte[] HashData(ReadOnlySpan<byte> data)
    {
        Span<uint> state = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
        Span<uint> w = stackalloc uint[64];
        var whole = data.Length - data.Length % 64;
        for (var offset = 0; offset < whole; offset += 64) Compress(state, w, data.Slice(offset, 64));

        // The last partial block, the 0x80 byte, zeros and the length in bits (big-endian): one block or two.
        Span<byte> tail = stackalloc byte[128];
        tail.Clear();
        var rest = data[whole..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var tailLength = rest.Length + 1 + 8 <= 64 ? 64 : 128;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(tailLength - 8)..], (ulong)data.Length * 8);
        for (var offset = 0; offset < tailLength; offset += 64) Compress(state, w, tail.Slice(offset, 64));

        var digest = new byte[32];
        for (var i = 0; i < 8; i++) BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(i * 4), state[i]);
        return digest;
    }

    /// <summary>The digest as 64 lower-case hexadecimal digits, as the decision log and the reports show it.</summary>
    public static string Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(HashData(data));

    /// <remarks>
    /// The rounds eight at a time, the working variables' roles rotated in the code instead of moved at each round,
    /// the round's functions inlined (left as calls, they were not): hashing the rule set at every start took
    /// 675 000 instructions instead of the textbook loop's 800 000 (BENCHMARKS.md, "Where the rest goes").
    /// </remarks>
    private static void Compress(Span<uint> state, Span<uint> w, ReadOnlySpan<byte> block)
    {
        w = w[..64];
        block = block[..64];
        for (var t = 0; t < 16; t++) w[t] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(t * 4, 4));
        for (var t = 16; t < 64; t++)
        {
            uint w15 = w[t - 15], w2 = w[t - 2];
            var s0 = BitOperations.RotateRight(w15, 7) ^ BitOperations.RotateRight(w15, 18) ^ (w15 >> 3);
            var s1 = BitOperations.RotateRight(w2, 17) ^ BitOperations.RotateRight(w2, 19) ^ (w2 >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (var t = 0; t < 64; t += 8)
        {
            var k = K.Slice(t, 8);
            var x = w.Slice(t, 8);
            h += Sum1(e) + Choose(e, f, g) + k[0] + x[0]; d += h; h += Sum0(a) + Majority(a, b, c);
            g += Sum1(d) + Choose(d, e, f) + k[1] + x[1]; c += g; g += Sum0(h) + Majority(h, a, b);
            f += Sum1(c) + Choose(c, d, e) + k[2] + x[2]; b += f; f += Sum0(g) + Majority(g, h, a);
            e += Sum1(b) + Choose(b, c, d) + k[3] + x[3]; a += e; e += Sum0(f) + Majority(f, g, h);
            d += Sum1(a) + Choose(a, b, c) + k[4] + x[4]; h += d; d += Sum0(e) + Majority(e, f, g);
            c += Sum1(h) + Choose(h, a, b) + k[5] + x[5]; g += c; c += Sum0(d) + Majority(d, e, f);
            b += Sum1(g) + Choose(g, h, a) + k[6] + x[6]; f += b; b += Sum0(c) + Majority(c, d, e);
            a += Sum1(f) + Choose(f, g, h) + k[7] + x[7]; e += a; a += Sum0(b) + Majority(b, c, d);
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Sum0(uint a) => BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Sum1(uint e) => BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);

    /// <summary>f where e is set, g where it is not: (e &amp; f) ^ (~e &amp; g).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Choose(uint e, uint f, uint g) => g ^ (e & (f ^ g));

    /// <summary>The majority of each bit: (a &amp; b) ^ (a &amp; c) ^ (b &amp; c).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Majority(uint a, uint b, uint c) => (a & b) | (c & (a | b));
}
