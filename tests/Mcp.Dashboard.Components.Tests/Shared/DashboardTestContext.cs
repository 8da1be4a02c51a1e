using System.Security.Claims;
using Bunit.TestDoubles;
using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Domain.Access;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Mcp.Dashboard.Components.Tests.Shared;

/// <summary>
/// The base of every component test: MudBlazor without transitions or a popover provider,
/// loose JS interop, a generous wait for live updates, and a signed-in test user.
/// </summary>
public abstract class DashboardTestContext : BunitContext
{
    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        // As the app registers it: components inject IStringLocalizer<TheirType>, English is the key.
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Authorization = AddAuthorization();
    }

    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Signs the test user in with these roles; returns the matching domain actor.</summary>
    protected Actor SignIn(string email, string displayName, params string[] roles)
    {
        Authorization.SetAuthorized(email);
        Authorization.SetRoles(roles);
        Authorization.SetClaims(
            new Claim(ClaimTypes.Email, email),
            new Claim(ClaimTypes.NameIdentifier, email),
            new Claim(ActorClaims.DisplayName, displayName));
        return TestActors.Create(email, displayName, roles);
    }
}

/// <summary>The demo people, as actors for calling services directly.</summary>
public static class TestActors
{
    public static Actor LiWei { get; } = Create("li.wei@example.com", "Li Wei", DashboardRoles.ReleaseManager);

    public static Actor MeiChen { get; } = Create("mei.chen@example.com", "Mei Chen", DashboardRoles.ReleaseManager);

    public static Actor SamOkafor { get; } = Create("sam.okafor@example.com", "Sam Okafor", DashboardRoles.Engineer);

    public static Actor Admin { get; } = Create("ada.admin@example.com", "Ada Admin", DashboardRoles.Admin);

    public static Actor Create(string email, string displayName, params string[] roles) =>
        new(email, email, displayName, roles.ToHashSet(StringComparer.Ordinal));
}
