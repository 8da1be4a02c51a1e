using System.Security.Claims;
using Bunit.Rendering;
using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Mcp.Dashboard.Components.Tests.Pages;

/// <summary>
/// A bUnit context for whole pages: MudBlazor without transitions, a signed-in user, and the
/// real feature services over a real SQLite file of its own, so pages are tested against the
/// same queries production runs.
/// </summary>
public abstract class PageTestContext : DashboardTestContext
{
    private readonly TestDashboardData _data;

    protected PageTestContext()
    {
        _data = new TestDashboardData(Services);
        _data.Migrate();
    }

    /// <summary>The person the tests act as; <see cref="SignIn"/> makes the page see them too.</summary>
    protected Actor Actor { get; private set; } = new("user-1", "li.wei@example.com", "Li Wei", new HashSet<string> { DashboardRoles.ReleaseManager });

    protected IDbContextFactory<DashboardDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();

    /// <summary>Signs in as a user with the given roles (and stores them, for services that need a real user row).</summary>
    protected Actor SignIn(string email, params string[] roles)
    {
        var id = "user-" + email.Split('@')[0].Replace('.', '-');
        Actor = new Actor(id, email, email.Split('@')[0], roles.ToHashSet());
        Authorization.SetAuthorized(email);
        Authorization.SetRoles(roles);
        Authorization.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, id),
            new Claim(ClaimTypes.Email, email),
            new Claim(ActorClaims.DisplayName, Actor.DisplayName));

        using var db = Contexts.CreateDbContext();
        if (db.Users.Find(id) is null)
        {
            db.Users.Add(new DashboardUser { Id = id, UserName = email, Email = email, DisplayName = Actor.DisplayName, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant() });
            db.SaveChanges();
        }

        return Actor;
    }

    /// <summary>Renders a page beside the providers MudBlazor dialogs and popovers need.</summary>
    protected IRenderedComponent<ContainerFragment> RenderWithProviders<TPage>()
        where TPage : IComponent => Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<TPage>(2);
            builder.CloseComponent();
        });

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _data.Dispose();
    }
}
