namespace Mcp.Dashboard.Domain.Compatibility;

/// <summary>One end of a <see cref="VersionRange"/>; a missing bound means the range is open on that side.</summary>
internal readonly record struct VersionBound(PlatformVersion Version, bool IsInclusive)
{
    public bool AdmitsFromBelow(PlatformVersion version)
    {
        var order = version.CompareTo(Version);
        return order < 0 || (order == 0 && IsInclusive);
    }

    public bool AdmitsFromAbove(PlatformVersion version)
    {
        var order = version.CompareTo(Version);
        return order > 0 || (order == 0 && IsInclusive);
    }

    /// <summary>The tighter of two lower bounds; <see langword="null"/> stands for "no bound".</summary>
    public static VersionBound? TighterLower(VersionBound? left, VersionBound? right) =>
        IsLowerAtMost(left, right) ? right : left;

    /// <summary>The tighter of two upper bounds; <see langword="null"/> stands for "no bound".</summary>
    public static VersionBound? TighterUpper(VersionBound? left, VersionBound? right) =>
        IsUpperAtLeast(left, right) ? right : left;

    /// <summary>Whether lower bound <paramref name="left"/> admits everything <paramref name="right"/> admits.</summary>
    public static bool IsLowerAtMost(VersionBound? left, VersionBound? right)
    {
        if (left is not { } l)
        {
            return true;
        }

        return right is { } r && (r.Version > l.Version || (r.Version == l.Version && (l.IsInclusive || !r.IsInclusive)));
    }

    /// <summary>Whether upper bound <paramref name="left"/> admits everything <paramref name="right"/> admits.</summary>
    public static bool IsUpperAtLeast(VersionBound? left, VersionBound? right)
    {
        if (left is not { } l)
        {
            return true;
        }

        return right is { } r && (r.Version < l.Version || (r.Version == l.Version && (l.IsInclusive || !r.IsInclusive)));
    }
}
