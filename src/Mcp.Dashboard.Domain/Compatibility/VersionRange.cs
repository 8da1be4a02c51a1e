using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mcp.Dashboard.Domain.Compatibility;

/// <summary>
/// A set of platform versions, written the way release managers write them in rules:
/// an exact version (<c>2.4.1</c>), a wildcard (<c>2.4.x</c>, <c>2.x</c>, <c>x</c>) or
/// comparators that must all hold (<c>&gt;=2.3.0 &lt;2.5.0</c>).
/// </summary>
/// <remarks>
/// <para>
/// A wildcard means every version with that prefix, pre-releases included: <c>2.4.x</c> contains
/// <c>2.4.0-rc.1</c>, because a rule about "2.4" is about its release candidates too. Comparators
/// follow SemVer precedence literally, so <c>&gt;=2.5.0</c> does not contain <c>2.5.0-rc.1</c>
/// (write <c>&gt;=2.5.0-0</c> to include it).
/// </para>
/// <para>
/// <see cref="ToString"/> gives the canonical spelling (<c>2.4.*</c> becomes <c>2.4.x</c>, comparators
/// are separated by one space), and parsing that spelling gives an equal range. Two ranges are equal
/// when their canonical spellings are.
/// </para>
/// </remarks>
public sealed class VersionRange : IEquatable<VersionRange>, IParsable<VersionRange>
{
    private const string Examples = "e.g. 2.4.1, 2.4.x or >=2.3.0 <2.5.0";

    private readonly string _text;

    private VersionRange(VersionBound? lower, VersionBound? upper, string text)
    {
        Lower = lower;
        Upper = upper;
        _text = text;
    }

    /// <summary>Every version (<c>x</c>).</summary>
    public static VersionRange Any { get; } = new(null, null, "x");

    internal VersionBound? Lower { get; }

    internal VersionBound? Upper { get; }

    public static VersionRange Exactly(PlatformVersion version) =>
        new(new VersionBound(version, true), new VersionBound(version, true), version.ToString());

    public bool Contains(PlatformVersion version) =>
        (Lower is not { } lower || lower.AdmitsFromAbove(version))
        && (Upper is not { } upper || upper.AdmitsFromBelow(version));

    /// <summary>Whether every version in <paramref name="other"/> is also in this range.</summary>
    internal bool Covers(VersionRange other) =>
        VersionBound.IsLowerAtMost(Lower, other.Lower) && VersionBound.IsUpperAtLeast(Upper, other.Upper);

    /// <exception cref="FormatException">The text is not a range; the message says why.</exception>
    public static VersionRange Parse(string text) =>
        TryParse(text, out var range, out var error) ? range : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out VersionRange? range) =>
        TryParse(text, out range, out _);

    /// <summary>Parses <paramref name="text"/>, or explains in one sentence why it is not a range.</summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out VersionRange? range,
        [NotNullWhen(false)] out string? error)
    {
        var trimmed = text?.Trim() ?? "";
        error = trimmed switch
        {
            "" => Fail($"Enter a version range, {Examples}.", out range),
            _ when IsComparator(trimmed) => ReadComparators(trimmed, out range),
            _ when trimmed.Any(c => char.IsWhiteSpace(c) || c == ',') =>
                Fail($"'{trimmed}' has several terms, but only comparators can be combined, e.g. >=2.3.0 <2.5.0.", out range),
            _ => ReadSingle(trimmed, out range),
        };
        return range is not null;
    }

    static VersionRange IParsable<VersionRange>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<VersionRange>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out VersionRange result) =>
        TryParse(s, out result);

    public bool Equals(VersionRange? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as VersionRange);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);

    public override string ToString() => _text;

    public static bool operator ==(VersionRange? left, VersionRange? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(VersionRange? left, VersionRange? right) => !(left == right);

    private static bool IsComparator(string term) => term[0] is '>' or '<' or '=';

    private static bool IsWildcard(string part) => part is "x" or "X" or "*";

    private static string Fail(string message, out VersionRange? range)
    {
        range = null;
        return message;
    }

    /// <summary>An exact version or a wildcard such as <c>2.4.x</c>.</summary>
    private static string? ReadSingle(string text, out VersionRange? range)
    {
        var parts = text.Split('.');
        var firstWildcard = Array.FindIndex(parts, IsWildcard);
        if (firstWildcard < 0)
        {
            return ReadExact(text, parts, out range);
        }

        if (parts.Length > 3)
        {
            return Fail($"'{text}' is not a range: a version has at most three parts, {Examples}.", out range);
        }

        if (parts.Skip(firstWildcard).FirstOrDefault(p => !IsWildcard(p)) is { } afterWildcard)
        {
            return Fail($"'{text}' is not a range: '{afterWildcard}' comes after a wildcard, so write {WildcardSpelling(parts[..firstWildcard])} instead.", out range);
        }

        var prefix = new int[firstWildcard];
        for (var i = 0; i < firstWildcard; i++)
        {
            if (PlatformVersion.DescribeNumberProblem(parts[i]) is { } problem)
            {
                return Fail($"'{text}' is not a range: '{parts[i]}' {problem} or x.", out range);
            }

            prefix[i] = int.Parse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture);
        }

        range = Wildcard(prefix, WildcardSpelling(parts[..firstWildcard]));
        return null;
    }

    private static string? ReadExact(string text, string[] parts, out VersionRange? range)
    {
        if (PlatformVersion.TryParse(text, out var version, out var error))
        {
            range = Exactly(version);
            return null;
        }

        // "2.4" is the most common slip, and it is ambiguous, so name both things it could mean.
        if (parts.Length < 3 && parts.All(p => PlatformVersion.DescribeNumberProblem(p) is null))
        {
            var padded = string.Join('.', parts.Concat(Enumerable.Repeat("0", 3 - parts.Length)));
            return Fail($"'{text}' is incomplete: write {text}.x for any {text} release, or {padded} for exactly that version.", out range);
        }

        return Fail(error, out range);
    }

    /// <summary>
    /// A wildcard is the half-open interval from the lowest version with the prefix (its first
    /// possible pre-release, <c>-0</c>) up to the lowest version of the next prefix.
    /// </summary>
    private static VersionRange Wildcard(int[] prefix, string text)
    {
        return prefix.Length switch
        {
            0 => Any,
            1 => new VersionRange(
                Inclusive(new PlatformVersion(prefix[0], 0, 0, "0")),
                prefix[0] == int.MaxValue ? null : Exclusive(new PlatformVersion(prefix[0] + 1, 0, 0, "0")),
                text),
            _ => new VersionRange(
                Inclusive(new PlatformVersion(prefix[0], prefix[1], 0, "0")),
                prefix[1] == int.MaxValue ? null : Exclusive(new PlatformVersion(prefix[0], prefix[1] + 1, 0, "0")),
                text),
        };

        static VersionBound Inclusive(PlatformVersion version) => new(version, true);
        static VersionBound Exclusive(PlatformVersion version) => new(version, false);
    }

    private static string WildcardSpelling(string[] numericPrefix) =>
        numericPrefix.Length == 0 ? "x" : string.Join('.', numericPrefix) + ".x";

    /// <summary>Comparators such as <c>&gt;=2.3.0 &lt;2.5.0</c>; all of them must hold.</summary>
    private static string? ReadComparators(string text, out VersionRange? range)
    {
        VersionBound? lower = null;
        VersionBound? upper = null;
        var spelled = new List<string>();

        foreach (var term in SplitTerms(text))
        {
            var operatorLength = term.TakeWhile(c => c is '>' or '<' or '=').Count();
            var op = term[..operatorLength];
            var versionText = term[operatorLength..];

            if (op.Length == 0)
            {
                return Fail($"'{term}' has no comparator; in a range every term needs one of >=, >, <=, < or =.", out range);
            }

            if (op is not (">=" or ">" or "<=" or "<" or "="))
            {
                return Fail($"'{op}' is not a comparator; use >=, >, <=, < or =.", out range);
            }

            if (!PlatformVersion.TryParse(versionText, out var version, out var versionError))
            {
                return Fail(versionText.Length == 0
                    ? $"'{op}' needs a version after it, e.g. {op}2.4.0."
                    : $"In '{term}': {versionError}", out range);
            }

            var bound = new VersionBound(version, IsInclusive: op.Contains('=', StringComparison.Ordinal));
            if (op[0] is '>' or '=')
            {
                lower = VersionBound.TighterLower(lower, bound);
            }

            if (op[0] is '<' or '=')
            {
                upper = VersionBound.TighterUpper(upper, bound);
            }

            spelled.Add(op + version);
        }

        if (lower is { } l && upper is { } u)
        {
            var order = l.Version.CompareTo(u.Version);
            if (order > 0 || (order == 0 && !(l.IsInclusive && u.IsInclusive)))
            {
                return Fail($"'{text}' matches no version: its lower bound is above its upper bound.", out range);
            }
        }

        range = new VersionRange(lower, upper, string.Join(' ', spelled));
        return null;
    }

    /// <summary>
    /// Splits on whitespace and commas, re-joining an operator written apart from its version
    /// (<c>&gt;= 2.3.0</c>), which people type often enough to accept.
    /// </summary>
    private static List<string> SplitTerms(string text)
    {
        var terms = new List<string>();
        var pendingOperator = "";
        foreach (var piece in text.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (piece.All(c => c is '>' or '<' or '='))
            {
                pendingOperator += piece;
                continue;
            }

            terms.Add(pendingOperator + piece);
            pendingOperator = "";
        }

        if (pendingOperator.Length > 0)
        {
            terms.Add(pendingOperator);
        }

        return terms;
    }
}
