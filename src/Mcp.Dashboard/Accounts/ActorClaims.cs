using System.Security.Claims;
using Mcp.Dashboard.Domain.Access;

namespace Mcp.Dashboard.Accounts;

/// <summary>Turns the signed-in principal (cookie or API token) into the domain's actor.</summary>
public static class ActorClaims
{
    public const string DisplayName = "mcp:display_name";

    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            throw new UnauthorizedAccessException("Sign in first.");
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity.Name ?? id;
        var name = principal.FindFirstValue(DisplayName) ?? email;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Actor(id, email, name, roles);
    }

    public static Actor? ToActorOrNull(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true ? principal.ToActor() : null;
}
