using Microsoft.AspNetCore.Identity;

namespace Mcp.Dashboard.Accounts;

/// <summary>A person who signs in. Roles come from ASP.NET Core Identity.</summary>
public sealed class DashboardUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsDemo { get; set; }
}
