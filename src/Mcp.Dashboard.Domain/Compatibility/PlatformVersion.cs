using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mcp.Dashboard.Domain.Compatibility;

/// <summary>
/// A version of the platform as SemVer 2.0 writes it: <c>major.minor.patch</c> with an optional
/// <c>-prerelease</c> tag. Ordering follows SemVer precedence, so <c>2.4.0-rc.1 &lt; 2.4.0 &lt; 2.10.0</c>.
/// </summary>
/// <remarks>
/// Build metadata (<c>+build.5</c>) is rejected rather than ignored: SemVer gives it no precedence, so
/// two versions differing only there would compare equal while reading differently in a plan.
/// </remarks>
public sealed class PlatformVersion : IComparable<PlatformVersion>, IEquatable<PlatformVersion>, IParsable<PlatformVersion>
{
    private const string Example = "e.g. 2.4.1 or 2.5.0-rc.1";

    private readonly string[] _prereleaseIdentifiers;

    public PlatformVersion(int major, int minor, int patch, string? prerelease = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(major);
        ArgumentOutOfRangeException.ThrowIfNegative(minor);
        ArgumentOutOfRangeException.ThrowIfNegative(patch);

        prerelease ??= "";
        if (prerelease.Length > 0 && DescribePrereleaseProblem(prerelease) is { } problem)
        {
            throw new ArgumentException($"'{prerelease}' is not a valid pre-release tag: {problem}", nameof(prerelease));
        }

        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
        _prereleaseIdentifiers = prerelease.Length == 0 ? [] : prerelease.Split('.');
    }

    public int Major { get; }

    public int Minor { get; }

    public int Patch { get; }

    /// <summary>The pre-release tag without its leading dash (<c>rc.1</c>), or empty for a release.</summary>
    public string Prerelease { get; }

    public bool IsPrerelease => Prerelease.Length > 0;

    /// <exception cref="FormatException">The text is not a version; the message says why.</exception>
    public static PlatformVersion Parse(string text) =>
        TryParse(text, out var version, out var error) ? version : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PlatformVersion? version) =>
        TryParse(text, out version, out _);

    /// <summary>Parses <paramref name="text"/>, or explains in one sentence why it is not a version.</summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out PlatformVersion? version,
        [NotNullWhen(false)] out string? error)
    {
        error = Read(text?.Trim() ?? "", out version);
        return version is not null;
    }

    static PlatformVersion IParsable<PlatformVersion>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<PlatformVersion>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out PlatformVersion result) =>
        TryParse(s, out result);

    public int CompareTo(PlatformVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var core = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (core != 0)
        {
            return core;
        }

        // A release outranks every pre-release of the same core version.
        return (IsPrerelease, other.IsPrerelease) switch
        {
            (false, false) => 0,
            (false, true) => 1,
            (true, false) => -1,
            _ => ComparePrerelease(_prereleaseIdentifiers, other._prereleaseIdentifiers),
        };
    }

    public bool Equals(PlatformVersion? other) =>
        other is not null
        && Major == other.Major
        && Minor == other.Minor
        && Patch == other.Patch
        && string.Equals(Prerelease, other.Prerelease, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as PlatformVersion);

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, StringComparer.Ordinal.GetHashCode(Prerelease));

    public override string ToString() =>
        IsPrerelease
            ? string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}-{Prerelease}")
            : string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");

    public static bool operator ==(PlatformVersion? left, PlatformVersion? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(PlatformVersion? left, PlatformVersion? right) => !(left == right);

    public static bool operator <(PlatformVersion? left, PlatformVersion? right) => Compare(left, right) < 0;

    public static bool operator <=(PlatformVersion? left, PlatformVersion? right) => Compare(left, right) <= 0;

    public static bool operator >(PlatformVersion? left, PlatformVersion? right) => Compare(left, right) > 0;

    public static bool operator >=(PlatformVersion? left, PlatformVersion? right) => Compare(left, right) >= 0;

    private static int Compare(PlatformVersion? left, PlatformVersion? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    /// <summary>SemVer 2.0 §11.4: identifier by identifier, numbers below words, shorter lists first.</summary>
    private static int ComparePrerelease(string[] left, string[] right)
    {
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var leftIsNumber = IsNumeric(left[i]);
            var rightIsNumber = IsNumeric(right[i]);
            var order = (leftIsNumber, rightIsNumber) switch
            {
                // Numeric identifiers have no leading zeros, so the longer one is the larger number;
                // comparing this way also works for numbers too big for any integer type.
                (true, true) => left[i].Length != right[i].Length
                    ? left[i].Length.CompareTo(right[i].Length)
                    : string.CompareOrdinal(left[i], right[i]),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(left[i], right[i]),
            };
            if (order != 0)
            {
                return Math.Sign(order);
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    /// <returns>Null when <paramref name="text"/> is a version, otherwise the reason it is not.</returns>
    private static string? Read(string text, out PlatformVersion? version)
    {
        version = null;
        if (text.Length == 0)
        {
            return $"Enter a version, {Example}.";
        }

        if (text.Contains('+', StringComparison.Ordinal))
        {
            return $"'{text}' has build metadata after '+'; use major.minor.patch with an optional -prerelease, {Example}.";
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var core = dash < 0 ? text : text[..dash];
        var prerelease = dash < 0 ? "" : text[(dash + 1)..];

        var parts = core.Split('.');
        if (parts.Length != 3)
        {
            return $"'{text}' is not a full version: expected major.minor.patch, {Example}.";
        }

        string[] names = ["major", "minor", "patch"];
        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (DescribeNumberProblem(parts[i]) is { } problem)
            {
                return $"'{text}' is not a version: the {names[i]} part '{parts[i]}' {problem}.";
            }

            numbers[i] = int.Parse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (dash >= 0 && DescribePrereleaseProblem(prerelease) is { } prereleaseProblem)
        {
            return $"'{text}' is not a version: {prereleaseProblem}";
        }

        version = new PlatformVersion(numbers[0], numbers[1], numbers[2], prerelease);
        return null;
    }

    /// <summary>Why <paramref name="part"/> cannot be a major, minor or patch number, or null when it can.</summary>
    internal static string? DescribeNumberProblem(string part)
    {
        if (part.Length == 0 || !part.All(char.IsAsciiDigit))
        {
            return "must be a number";
        }

        if (part.Length > 1 && part[0] == '0')
        {
            return "must not have leading zeros";
        }

        return int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? null : "is too large";
    }

    private static string? DescribePrereleaseProblem(string prerelease)
    {
        foreach (var identifier in prerelease.Split('.'))
        {
            if (identifier.Length == 0 || !identifier.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return "the pre-release tag must be dot-separated identifiers of letters, digits and '-', e.g. rc.1.";
            }

            if (IsNumeric(identifier) && identifier.Length > 1 && identifier[0] == '0')
            {
                return $"the pre-release identifier '{identifier}' is a number with a leading zero.";
            }
        }

        return null;
    }

    private static bool IsNumeric(string identifier) => identifier.All(char.IsAsciiDigit);
}
