using Mcp.Dashboard.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Accounts;

/// <summary>Creates the roles, and the bootstrap admin and token when configured.</summary>
public sealed class IdentityBootstrapper(
    RoleManager<IdentityRole> roles,
    UserAccounts accounts,
    ApiTokenService tokens,
    IOptions<BootstrapOptions> options,
    ILogger<IdentityBootstrapper> logger)
{
    public const int MinimumTokenLength = 32;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var role in DashboardRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var bootstrap = options.Value;
        if (string.IsNullOrWhiteSpace(bootstrap.AdminEmail))
        {
            if (!string.IsNullOrWhiteSpace(bootstrap.ApiToken))
            {
                logger.LogWarning("Bootstrap:ApiToken is set but Bootstrap:AdminEmail is not; the token was not provisioned");
            }

            return;
        }

        var admin = await accounts.EnsureUserAsync(bootstrap.AdminEmail, "Administrator", bootstrap.AdminPassword, [DashboardRoles.Admin], isDemo: false, cancellationToken);
        if (!string.IsNullOrWhiteSpace(bootstrap.ApiToken))
        {
            if (bootstrap.ApiToken.Length < MinimumTokenLength)
            {
                throw new InvalidOperationException($"Bootstrap:ApiToken must be at least {MinimumTokenLength} characters.");
            }

            await tokens.EnsureBootstrapAsync(admin.Id, bootstrap.ApiToken, cancellationToken);
            logger.LogInformation("Bootstrap API token provisioned for {Email}", admin.Email);
        }
    }
}
