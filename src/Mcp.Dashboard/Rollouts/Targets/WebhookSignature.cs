using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mcp.Dashboard.Rollouts.Targets;

/// <summary>
/// The webhook signature, shared by the sender and by receivers (and tests): HMAC-SHA256 with
/// the plan's signing key over <c>"{timestamp}.{body}"</c>, sent as
/// <c>X-Mcp-Signature: sha256=&lt;lowercase hex&gt;</c> beside <c>X-Mcp-Timestamp: &lt;unix seconds&gt;</c>.
/// The timestamp is signed so a captured request cannot be replayed after the tolerance.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Mcp-Timestamp";
    public const string SignatureHeader = "X-Mcp-Signature";
    public const string Prefix = "sha256=";

    /// <summary>How far a receiver's clock and the timestamp may differ by default.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The <c>X-Mcp-Signature</c> value for this body at this unix time.</summary>
    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Compute(secret, unixSeconds, body));

    /// <summary>
    /// True when the signature header is this body's signature with this key and the timestamp
    /// is within <paramref name="tolerance"/> of <paramref name="now"/>. Compares in constant time.
    /// </summary>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds)
            || Math.Abs(now.ToUnixTimeSeconds() - unixSeconds) > (tolerance ?? DefaultTolerance).TotalSeconds
            || signatureHeader is null
            || !signatureHeader.StartsWith(Prefix, StringComparison.Ordinal)
            || signatureHeader.Length != Prefix.Length + (HMACSHA256.HashSizeInBytes * 2))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signatureHeader.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Compute(secret, unixSeconds, body));
    }

    private static byte[] Compute(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
