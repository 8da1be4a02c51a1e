using System.Security.Claims;
using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Inventory;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Plans;
using Bunit.Rendering;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Mcp.Dashboard.Components.Tests.Pages;

/// <summary>
/// A bUnit context for whole pages: MudBlazor without transitions, a signed-in user, and the
/// real feature services over a real SQLite file of its own, so pages are tested against the
/// same queries production runs.
/// </summary>
public abstract class PageTestContext : BunitContext
{
    private readonly string _folder;
    private readonly BunitAuthorizationContext _authorization;

    protected PageTestContext()
    {
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;

        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });

        _folder = Path.Combine(Path.GetTempPath(), "mcp-pages-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "dashboard.db") }.ToString();
        Services.AddLogging();
        Services.AddSingleton(TimeProvider.System);
        Services.AddDataProtection();
        Services.AddDbContextFactory<DashboardDbContext>(options => options.UseSqlite(connectionString));
        Services.AddSingleton<AuditTrail>();
        Services.AddSingleton<AuditReader>();
        Services.AddSingleton<ChangeFeed>();
        Services.AddSingleton<InventoryService>();
        Services.AddSingleton<PlanService>();
        Services.AddSingleton<ApiTokenService>();

        _authorization = AddAuthorization();

        // Migrate through a context of our own: asking the provider for anything would lock it
        // against the registrations tests (and AddAuthorization) still make.
        using var db = new DashboardDbContext(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(connectionString).Options);
        db.Database.Migrate();
    }

    /// <summary>The person the tests act as; <see cref="SignIn"/> makes the page see them too.</summary>
    protected Actor Actor { get; private set; } = new("user-1", "li.wei@example.com", "Li Wei", new HashSet<string> { DashboardRoles.ReleaseManager });

    protected IDbContextFactory<DashboardDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();

    /// <summary>Signs in as a user with the given roles (and stores them, for services that need a real user row).</summary>
    protected Actor SignIn(string email, params string[] roles)
    {
        var id = "user-" + email.Split('@')[0].Replace('.', '-');
        Actor = new Actor(id, email, email.Split('@')[0], roles.ToHashSet());
        _authorization.SetAuthorized(email);
        _authorization.SetRoles(roles);
        _authorization.SetClaims(
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

        // SQLite keeps pooled connections to the file open; release them before removing it.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing a passed test over it is not.
        }
    }
}
