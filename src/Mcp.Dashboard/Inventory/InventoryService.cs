using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Inventory;

/// <summary>The environment inventory: what runs where, at which version, calling what.</summary>
public sealed class InventoryService(
    IDbContextFactory<DashboardDbContext> contexts,
    AuditTrail audit,
    ChangeFeed changes)
{
    public const string Topic = "environment";

    public async Task<IReadOnlyList<DeploymentEnvironment>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var environments = await db.Environments.AsNoTracking().ToListAsync(cancellationToken);
        return environments.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<DeploymentEnvironment?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = name.ToLowerInvariant();
        return await db.Environments.AsNoTracking().FirstOrDefaultAsync(e => e.Name == key, cancellationToken);
    }

    public async Task<DeploymentEnvironment> CreateAsync(Actor actor, string name, string? description, IReadOnlyList<PlatformService> services, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireAuthor(actor, "change the inventory");
        Validate(name, description, services);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Environments.AnyAsync(e => e.Name == name, cancellationToken))
        {
            throw new ConcurrencyConflict($"An environment named '{name}' already exists.", 0);
        }

        var environment = new DeploymentEnvironment(name, Clean(description)) { Services = [.. services], Revision = 1 };
        db.Environments.Add(environment);
        audit.Add(db, actor, "environment.created", Topic, name, after: environment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two people created the same name at once; the key kept the second out.
            throw new ConcurrencyConflict($"An environment named '{name}' already exists.", 0);
        }

        changes.Publish(new Change(Topic, name, "environment.created", actor.Email));
        return environment;
    }

    /// <summary>Replaces an environment's description and services.</summary>
    public async Task<DeploymentEnvironment> ReplaceAsync(Actor actor, string name, string? description, IReadOnlyList<PlatformService> services, int? expectedRevision, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireAuthor(actor, "change the inventory");
        Validate(name, description, services);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var environment = await db.Environments.FirstOrDefaultAsync(e => e.Name == name, cancellationToken) ?? throw new NotFound($"Environment '{name}'");
        if (expectedRevision is { } expected && expected != environment.Revision)
        {
            throw new ConcurrencyConflict($"Someone else changed '{name}' (revision {environment.Revision}, you started from {expected}). Reload; nothing was saved.", environment.Revision);
        }

        var before = new { environment.Description, environment.Services };
        environment.Description = Clean(description);
        environment.Services = [.. services];
        environment.Revision++;
        audit.Add(db, actor, "environment.updated", Topic, name, before: before, after: new { environment.Description, environment.Services });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflict($"Someone else saved '{name}' a moment ago. Reload; nothing was saved.", environment.Revision);
        }

        changes.Publish(new Change(Topic, name, "environment.updated", actor.Email));
        return environment;
    }

    private static void Validate(string name, string? description, IReadOnlyList<PlatformService> services)
    {
        var errors = InventoryValidator.Validate(name, services);
        if (description is { Length: > 1000 })
        {
            errors.Add("description", "At most 1000 characters.");
        }

        if (!errors.IsValid)
        {
            throw new ValidationFailed(errors);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
