namespace Mcp.Dashboard.Domain.Access;

/// <summary>
/// The signed-in person (or API token owner) on whose behalf an action runs. Domain rules
/// take an actor rather than reaching for an HTTP context, so they are testable and the
/// audit trail always knows who.
/// </summary>
public sealed record Actor(string UserId, string Email, string DisplayName, IReadOnlySet<string> Roles)
{
    /// <summary>The scheduler and other background work act as this actor.</summary>
    public static Actor System { get; } = new("system", "system", "Mcp.Dashboard", new HashSet<string>());

    public bool IsAdmin => Roles.Contains(DashboardRoles.Admin);

    public bool IsInAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    public bool Is(string email) => string.Equals(Email, email, StringComparison.OrdinalIgnoreCase);
}
