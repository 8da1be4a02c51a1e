using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Accounts;

/// <summary>A user as the admin page lists them.</summary>
public sealed record UserSummary(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut, bool IsDemo);

/// <summary>Creating users and assigning roles (the admin page), plus set-up helpers.</summary>
/// <remarks>
/// Identity's UserManager works on a scoped DbContext. A Blazor circuit's scope lives for
/// hours, so each operation here opens its own short scope instead of holding one.
/// </remarks>
public sealed class UserAccounts(
    IServiceScopeFactory scopes,
    IDbContextFactory<DashboardDbContext> contexts,
    AuditTrail audit,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var links = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return all.Select(u => new UserSummary(
            u.Id,
            u.Email ?? u.UserName ?? "",
            u.DisplayName,
            links.Where(l => l.UserId == u.Id).Select(l => roleNames[l.RoleId]).Order().ToList(),
            u.LockoutEnd is { } end && end > now,
            u.IsDemo)).ToList();
    }

    public async Task<UserSummary> CreateAsync(Actor admin, string email, string displayName, string password, IReadOnlyList<string> roles, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        AccessRules.RequireAdmin(admin, "create users");
        var errors = new ValidationErrors();
        if (!Domain.Plans.PlanDefinitionValidator.LooksLikeEmail(email))
        {
            errors.Add("email", "Give an e-mail address.");
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 100)
        {
            errors.Add("displayName", "Give a name of 1 to 100 characters.");
        }

        foreach (var role in roles.Where(r => !DashboardRoles.All.Contains(r)))
        {
            errors.Add("roles", $"'{role}' is not a role.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            errors.Add("email", "A user with this e-mail already exists.");
        }

        if (!errors.IsValid)
        {
            throw new ValidationFailed(errors);
        }

        var user = new DashboardUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName.Trim(), CreatedAt = clock.GetUtcNow() };
        var result = await users.CreateAsync(user, password);
        ThrowIfFailed(result, "password");
        ThrowIfFailed(await users.AddToRolesAsync(user, roles), "roles");
        await AuditAsync(admin, "user.created", user.Id, null, new { email, displayName, roles }, cancellationToken);
        return new UserSummary(user.Id, email, user.DisplayName, roles.Order().ToList(), false, false);
    }

    public async Task SetRolesAsync(Actor admin, string userId, IReadOnlyList<string> roles, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        AccessRules.RequireAdmin(admin, "change roles");
        var user = await users.FindByIdAsync(userId) ?? throw new NotFound($"User {userId}");
        if (roles.Any(r => !DashboardRoles.All.Contains(r)))
        {
            throw ValidationFailed.For("roles", "Unknown role.");
        }

        if (user.Id == admin.UserId && !roles.Contains(DashboardRoles.Admin))
        {
            throw ValidationFailed.For("roles", "You cannot remove your own Admin role; ask another admin.");
        }

        var current = await users.GetRolesAsync(user);
        ThrowIfFailed(await users.RemoveFromRolesAsync(user, current.Except(roles)), "roles");
        ThrowIfFailed(await users.AddToRolesAsync(user, roles.Except(current)), "roles");

        // Existing cookies carry the old roles; a new stamp makes the next validation refresh them.
        ThrowIfFailed(await users.UpdateSecurityStampAsync(user), "roles");
        await AuditAsync(admin, "user.roles-changed", user.Id, new { roles = current }, new { roles }, cancellationToken);
    }

    public async Task UnlockAsync(Actor admin, string userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        AccessRules.RequireAdmin(admin, "unlock users");
        var user = await users.FindByIdAsync(userId) ?? throw new NotFound($"User {userId}");
        ThrowIfFailed(await users.SetLockoutEndDateAsync(user, null), "lockout");
        ThrowIfFailed(await users.ResetAccessFailedCountAsync(user), "lockout");
        await AuditAsync(admin, "user.unlocked", user.Id, null, null, cancellationToken);
    }

    /// <summary>Creates the user if missing and makes sure they hold the roles. Used by set-up and demo mode.</summary>
    public async Task<DashboardUser> EnsureUserAsync(string email, string displayName, string? password, IReadOnlyList<string> roles, bool isDemo, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new DashboardUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = clock.GetUtcNow(), IsDemo = isDemo };
            var result = string.IsNullOrEmpty(password) ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
            ThrowIfFailed(result, "password");
            await AuditAsync(Actor.System, "user.created", user.Id, null, new { email, roles, isDemo }, cancellationToken);
        }

        var missing = roles.Except(await users.GetRolesAsync(user)).ToList();
        if (missing.Count > 0)
        {
            ThrowIfFailed(await users.AddToRolesAsync(user, missing), "roles");
        }

        // Demo users retired while demo mode was off come back when it is on again.
        if (isDemo && user.LockoutEnd == DateTimeOffset.MaxValue)
        {
            ThrowIfFailed(await users.SetLockoutEndDateAsync(user, null), "lockout");
        }

        return user;
    }

    /// <summary>
    /// With demo mode off, the demo users (whose password was published) must not sign in:
    /// they are locked out for good and their tokens revoked. Turning demo mode on again
    /// unlocks them.
    /// </summary>
    public async Task RetireDemoUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var demoUsers = await db.Users.Where(u => u.IsDemo && (u.LockoutEnd == null || u.LockoutEnd < DateTimeOffset.MaxValue)).ToListAsync(cancellationToken);
        if (demoUsers.Count == 0)
        {
            return;
        }

        var ids = demoUsers.Select(u => u.Id).ToList();
        var now = clock.GetUtcNow();
        foreach (var user in demoUsers)
        {
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }

        foreach (var token in await db.ApiTokens.Where(t => ids.Contains(t.UserId) && t.RevokedAt == null).ToListAsync(cancellationToken))
        {
            token.RevokedAt = now;
        }

        audit.Add(db, Actor.System, "user.demo-retired", "user", string.Join(",", ids), reason: "Demo mode is off.");
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task AuditAsync(Actor actor, string action, string userId, object? before, object? after, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        audit.Add(db, actor, action, "user", userId, before: before, after: after);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            var errors = new ValidationErrors();
            foreach (var error in result.Errors)
            {
                errors.Add(field, error.Description);
            }

            throw new ValidationFailed(errors);
        }
    }
}
