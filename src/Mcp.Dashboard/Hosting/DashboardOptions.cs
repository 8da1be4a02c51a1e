using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Hosting;

/// <summary>The <c>Dashboard</c> configuration section.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Seed demo inventory, plans, blackouts and users, and show their sign-in.</summary>
    public bool DemoMode { get; set; }

    /// <summary>
    /// Demo mode publishes known passwords, so the Production environment refuses it unless
    /// this is set too (a public demo server, say).
    /// </summary>
    public bool AllowDemoInProduction { get; set; }

    /// <summary>The password every demo user gets; shown on the sign-in page in demo mode only.</summary>
    public string DemoPassword { get; set; } = "Demo-pass-2026";

    /// <summary>
    /// In demo mode, also run three short "Demo history" canaries (one succeeds, two roll back)
    /// when the demo is seeded, so reports and delivery insight have content. Test hosts turn
    /// it off: it adds a few minutes of background rollouts to every host.
    /// </summary>
    public bool DemoHistory { get; set; } = true;

    /// <summary>Failed sign-ins before an account is locked for <see cref="LockoutMinutes"/>.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Largest API request body in bytes; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The time zone the calendar and plans default to (IANA id).</summary>
    public string DefaultTimeZone { get; set; } = "UTC";
}

/// <summary>Says exactly which setting is wrong at start, instead of failing later.</summary>
public sealed class ValidateDashboardOptions(IHostEnvironment environment) : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var failures = new List<string>();
        if (options.MaxFailedSignIns is < 1 or > 100)
        {
            failures.Add("Dashboard:MaxFailedSignIns must be between 1 and 100.");
        }

        if (options.LockoutMinutes is < 1 or > 1440)
        {
            failures.Add("Dashboard:LockoutMinutes must be between 1 and 1440.");
        }

        if (options.MaxRequestBodyBytes is < 1024 or > 100 * 1024 * 1024)
        {
            failures.Add("Dashboard:MaxRequestBodyBytes must be between 1 KiB and 100 MiB.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.DefaultTimeZone, out _))
        {
            failures.Add($"Dashboard:DefaultTimeZone '{options.DefaultTimeZone}' is not a known IANA time zone.");
        }

        if (options.DemoMode && environment.IsProduction() && !options.AllowDemoInProduction)
        {
            failures.Add("Dashboard:DemoMode is on in Production: demo users with a published password would be created. Turn it off, or set Dashboard:AllowDemoInProduction for a demo server.");
        }

        if (options.DemoMode && options.DemoPassword.Length < 8)
        {
            failures.Add("Dashboard:DemoPassword must be at least 8 characters.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
