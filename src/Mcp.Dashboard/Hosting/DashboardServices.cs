using System.Text.Json;
using System.Text.Json.Serialization;
using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Communication;
using Mcp.Dashboard.Compatibility;
using Mcp.Dashboard.Data;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Inventory;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Localization;
using Mcp.Dashboard.Plans;
using Mcp.Dashboard.Reports;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Rollouts.Metrics;
using Mcp.Dashboard.Rollouts.Targets;
using Mcp.Dashboard.Schedule;
using Mcp.Dashboard.Status;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Quartz;

namespace Mcp.Dashboard.Hosting;

/// <summary>Every registration of the dashboard, grouped by what it is for.</summary>
public static class DashboardServices
{
    public const string SignedIn = "SignedIn";
    public const string Authors = "Authors";
    public const string Operators = "Operators";
    public const string Admins = "Admins";

    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Options, validated at start so a bad setting fails loudly and says which.
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, ValidateDashboardOptions>();
        services.AddOptions<BootstrapOptions>().Bind(configuration.GetSection(BootstrapOptions.Section));
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        // Data: a factory, so each operation (and each Blazor event) gets its own short-lived
        // context; Identity's stores get a scoped one from the same registration.
        services.AddDbContextFactory<DashboardDbContext>(options =>
        {
            DatabaseProvider.Configure(options, database, connectionString);
            options.AddInterceptors(AppendOnlyAuditInterceptor.Instance);
        });
        services.AddHostedService<DatabaseMigrator>();

        AddAccounts(builder);
        AddScheduler(services, database, connectionString);

        // Feature services are singletons: they hold no per-user state and open a context per call.
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditReader>();
        services.AddSingleton<PlanService>();
        services.AddSingleton<PlanReadinessService>();
        services.AddSingleton<InventoryService>();
        services.AddSingleton<CompatibilityService>();
        services.AddSingleton<ScheduleService>();
        services.AddSingleton<IPlanWindowFacts>(provider => provider.GetRequiredService<ScheduleService>());
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<Feeds.CalendarFeed>();
        services.AddSingleton<UserAccounts>();
        services.AddScoped<IdentityBootstrapper>();
        services.AddScoped<DemoSeeder>();
        services.AddSingleton<DemoRehearsals>();
        services.AddTransient<DemoRehearsalJob>();
        services.ConfigureAllQuartzSchedulers(quartz =>
        {
            // A demo server runs for days: keep a live canary to break and one to start.
            quartz.AddJob<DemoRehearsalJob>(job => job.WithIdentity(DemoRehearsalJob.Key).StoreDurably()
                .WithDescription("Demo mode: keeps a live staging rehearsal and a ready one going."));
            quartz.AddTrigger(trigger => trigger.ForJob(DemoRehearsalJob.Key).WithIdentity(DemoRehearsalJob.TriggerKey)
                .WithCronSchedule("0 */5 * * * ?", schedule => schedule.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        });
        services.AddRolloutMetrics(configuration);

        // What rollout steps act on and read from; the engine asks the factory per plan.
        services.AddRolloutTargets(configuration);
        services.AddPrometheusMetricSource();
        services.AddRollouts(configuration);
        services.AddStatusPage(configuration);
        services.AddReports();
        services.AddCommunication(configuration);

        // The web: Blazor Server with MudBlazor, minimal APIs with problem details, OpenAPI.
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddSignalR().AddJsonProtocol(json => ConfigureJson(json.PayloadSerializerOptions));
        services.AddMudServices();
        services.AddDashboardLocalization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHttpContextAccessor();
        services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        services.AddHealthChecks()
            .AddDbContextCheck<DashboardDbContext>("database", tags: ["ready"])
            .AddQuartz(options => options.Tags.Add("ready"));

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;

        // "name": null on a field that cannot be null is an error the caller should hear about.
        options.RespectNullableAnnotations = true;
        options.MaxDepth = 32;
    }

    private static void AddAccounts(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var dashboard = builder.Configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = "Dashboard";
                options.DefaultChallengeScheme = "Dashboard";
            })
            .AddPolicyScheme("Dashboard", "Cookie or API token", options =>
            {
                // A bearer header means a script; everything else is a browser with a cookie.
                options.ForwardDefaultSelector = context =>
                    ApiTokenAuthenticationHandler.TryReadBearer(context.Request, out _) ? ApiTokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/signin";
            cookie.AccessDeniedPath = "/denied";
            cookie.Cookie.Name = "mcp.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;

            // API callers get a status code and problem details, never a redirect to a page.
            cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<DashboardUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = dashboard.MaxFailedSignIns;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(dashboard.LockoutMinutes);
                identity.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<DashboardClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Authors, policy => policy.RequireRole(DashboardRoles.Authors))
            .AddPolicy(Operators, policy => policy.RequireRole(DashboardRoles.Operators))
            .AddPolicy(Admins, policy => policy.RequireRole(DashboardRoles.Admin));

        // Data protection keys live beside the database so cookies and protected secrets
        // survive restarts.
        var keys = builder.Configuration["DataProtection:KeysDirectory"] ?? Path.Combine(builder.Environment.ContentRootPath, "data", "keys");
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("Mcp.Dashboard");
    }

    private static void AddScheduler(IServiceCollection services, DatabaseOptions database, string connectionString)
    {
        services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                // Quartz's tables are created by our EF migrations, in the same database.
                store.UseSystemTextJsonSerializer(_ => { });
                switch (database.Provider)
                {
                    case DatabaseProvider.Sqlite:
                        store.UseSqlite(DatabaseProvider.SqliteForScheduler, DatabaseProvider.PrepareSqlite(connectionString));
                        break;
                    default:
                        throw new InvalidOperationException($"No scheduler store for database provider '{database.Provider}'.");
                }
            });
        });

        // Let a running step finish its database write before the process exits.
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
