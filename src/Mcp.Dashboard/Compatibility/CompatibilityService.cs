using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Compatibility;
using Mcp.Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Compatibility;

/// <summary>
/// The editable upgrade-path rules, and the check of a plan's from -> to against them and the
/// versions the inventory knows.
/// </summary>
public sealed class CompatibilityService(
    IDbContextFactory<DashboardDbContext> contexts,
    AuditTrail audit,
    ChangeFeed changes,
    TimeProvider clock)
{
    public const string Topic = "compatibility";

    public async Task<IReadOnlyList<StoredUpgradeRule>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rules = await db.UpgradeRules.AsNoTracking().ToListAsync(cancellationToken);
        return rules.OrderBy(r => r.From, StringComparer.Ordinal).ThenBy(r => r.To, StringComparer.Ordinal).ToList();
    }

    public async Task<StoredUpgradeRule> CreateAsync(Actor actor, UpgradePathRuleForm form, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireAuthor(actor, "write upgrade-path rules");
        var rule = Validate(form, Guid.CreateVersion7(clock.GetUtcNow()));
        var stored = new StoredUpgradeRule { Id = rule.Id, From = "", To = "", UpdatedBy = actor.Email, UpdatedAt = clock.GetUtcNow(), Revision = 1 };
        stored.Apply(rule);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.UpgradeRules.Add(stored);
        audit.Add(db, actor, "compatibility-rule.created", "compatibility-rule", stored.Id.ToString(), after: stored.ToForm());
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new Change(Topic, null, "compatibility-rule.created", actor.Email));
        return stored;
    }

    public async Task<StoredUpgradeRule> UpdateAsync(Actor actor, Guid id, UpgradePathRuleForm form, int? expectedRevision, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireAuthor(actor, "edit upgrade-path rules");
        var rule = Validate(form, id);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.UpgradeRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFound($"Rule {id}");
        if (expectedRevision is { } expected && expected != stored.Revision)
        {
            throw new ConcurrencyConflict($"Someone else changed this rule (revision {stored.Revision}, you started from {expected}). Reload; nothing was saved.", stored.Revision);
        }

        var before = stored.ToForm();
        stored.Apply(rule);
        stored.UpdatedBy = actor.Email;
        stored.UpdatedAt = clock.GetUtcNow();
        stored.Revision++;
        audit.Add(db, actor, "compatibility-rule.updated", "compatibility-rule", id.ToString(), before: before, after: stored.ToForm());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflict("Someone else saved this rule a moment ago. Reload; nothing was saved.", stored.Revision);
        }

        changes.Publish(new Change(Topic, null, "compatibility-rule.updated", actor.Email));
        return stored;
    }

    public async Task DeleteAsync(Actor actor, Guid id, string? reason, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireAuthor(actor, "delete upgrade-path rules");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.UpgradeRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFound($"Rule {id}");
        db.UpgradeRules.Remove(stored);
        audit.Add(db, actor, "compatibility-rule.deleted", "compatibility-rule", id.ToString(), reason: reason, before: stored.ToForm());
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new Change(Topic, null, "compatibility-rule.deleted", actor.Email));
    }

    /// <summary>
    /// Checks an upgrade against the rules. Unparsable versions are findings, not exceptions,
    /// so a plan with a typo still shows its readiness.
    /// </summary>
    public async Task<CompatibilityResult?> CheckAsync(string fromText, string toText, CancellationToken cancellationToken = default)
    {
        if (!PlatformVersion.TryParse(fromText, out var from, out _) || !PlatformVersion.TryParse(toText, out var to, out _))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.UpgradeRules.AsNoTracking().ToListAsync(cancellationToken);
        var environments = await db.Environments.AsNoTracking().ToListAsync(cancellationToken);
        var known = environments.SelectMany(e => e.Services).Select(s => s.Version)
            .Select(v => PlatformVersion.TryParse(v, out var version, out _) ? version : null)
            .OfType<PlatformVersion>()
            .Append(from!)
            .Append(to!)
            .Distinct()
            .ToList();
        return CompatibilityChecker.Check(from!, to!, stored.Select(r => r.ToRule()), known);
    }

    /// <summary>Why the versions could not be checked, for the readiness panel.</summary>
    public static string? VersionProblem(string fromText, string toText)
    {
        if (!PlatformVersion.TryParse(fromText, out _, out var fromError))
        {
            return $"from-version: {fromError}";
        }

        return PlatformVersion.TryParse(toText, out _, out var toError) ? null : $"to-version: {toError}";
    }

    private static UpgradePathRule Validate(UpgradePathRuleForm form, Guid id)
    {
        var result = CompatibilityRuleValidation.Validate(form, id);
        if (result.IsValid && result.Rule is { } rule)
        {
            return rule;
        }

        var errors = new ValidationErrors();
        foreach (var (field, messages) in result.Errors)
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }

        throw new ValidationFailed(errors);
    }
}
