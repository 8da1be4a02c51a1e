using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Live;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Plans;

/// <summary>One row of the plan list.</summary>
public sealed record PlanSummary(
    Guid Id,
    string Name,
    PlanKind Kind,
    string Environment,
    IReadOnlyList<string> Services,
    string FromVersion,
    string ToVersion,
    DeploymentStrategy Strategy,
    PlanState State,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    int RequiredItems,
    int RequiredItemsDone,
    bool Internal);

/// <summary>An open required checklist item, with the plan it belongs to.</summary>
public sealed record OwnedChecklistItem(Guid PlanId, string PlanName, string Title, DateTimeOffset? Due);

/// <summary>
/// Everything people do to plans, for the pages and the API alike: each operation loads the
/// plan, lets the domain decide, writes the audit entry in the same transaction, saves, and
/// tells every open page.
/// </summary>
public sealed class PlanService(
    IDbContextFactory<DashboardDbContext> contexts,
    AuditTrail audit,
    ChangeFeed changes,
    IDataProtectionProvider protection,
    TimeProvider clock)
{
    public const string Topic = "plan";

    private readonly IDataProtector _secrets = protection.CreateProtector("Mcp.Dashboard.Plans.TargetSecret");

    public async Task<IReadOnlyList<PlanSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking().AsSplitQuery().ToListAsync(cancellationToken);
        return plans
            .OrderByDescending(p => p.UpdatedAt)
            .Select(p =>
            {
                var required = p.ChecklistItems.Where(i => i.Required).ToList();
                return new PlanSummary(p.Id, p.Name, p.Kind, p.Environment, p.Services, p.FromVersion, p.ToVersion, p.Strategy,
                    p.State, p.CreatedBy, p.UpdatedAt, required.Count, required.Count(i => i.IsDone), p.Internal);
            })
            .ToList();
    }

    /// <summary>The open go/no-go items someone owns on plans still in play, soonest due first.</summary>
    public async Task<IReadOnlyList<OwnedChecklistItem>> ListOpenRequiredItemsAsync(string ownerEmail, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owner = ownerEmail.Trim().ToLowerInvariant();
        var finished = new[] { PlanState.Completed, PlanState.RolledBack, PlanState.Cancelled };
        var items = await (
                from item in db.ChecklistItems.AsNoTracking()
                join plan in db.Plans.AsNoTracking() on item.PlanId equals plan.Id
#pragma warning disable CA1862 // EF translates ToLower() to SQL; the StringComparison overloads do not translate
                where item.Required && item.DoneAt == null && item.Owner != null && item.Owner.ToLower() == owner
#pragma warning restore CA1862
                      && !finished.Contains(plan.State)
                select new OwnedChecklistItem(plan.Id, plan.Name, item.Title, item.Due))
            .ToListAsync(cancellationToken);
        return items.OrderBy(i => i.Due ?? DateTimeOffset.MaxValue).ToList();
    }

    public async Task<MigrationPlan?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Plans.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    public async Task<MigrationPlan> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken) ?? throw new NotFound($"Plan {id}");

    public async Task<MigrationPlan> CreateAsync(Actor actor, PlanDefinition definition, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireAuthor(actor, "write plans");
        ThrowIfInvalid(definition);
        var plan = MigrationPlan.Create(definition, actor, clock.GetUtcNow(), ProtectSecret(definition));

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Plans.Add(plan);
        audit.Add(db, actor, "plan.created", Topic, plan.Id.ToString(), plan.Id, after: Redacted(plan.ToDefinition()));
        await db.SaveChangesAsync(cancellationToken);
        Publish(plan.Id, "plan.created", actor);
        return plan;
    }

    /// <summary>
    /// Saves a new definition. <paramref name="expectedRevision"/> is the revision the editor
    /// started from; if someone saved in between, nothing is written and the caller is told.
    /// </summary>
    public async Task<MigrationPlan> ReviseAsync(Actor actor, Guid id, PlanDefinition definition, int? expectedRevision, string? reason = null, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireAuthor(actor, "edit plans");
        ThrowIfInvalid(definition);
        return await MutateAsync(actor, id, expectedRevision, "plan.revised", reason, plan =>
        {
            var sentBack = plan.Revise(definition, actor, clock.GetUtcNow(), ProtectSecret(definition));
            return sentBack ? "plan.revised-after-approval" : null;
        }, cancellationToken);
    }

    public Task<MigrationPlan> SubmitAsync(Actor actor, Guid id, string? note, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireAuthor(actor, "submit plans for review");
        return MutateAsync(actor, id, null, "plan.submitted", note, plan =>
        {
            plan.Submit(actor, clock.GetUtcNow());
            return null;
        }, cancellationToken);
    }

    /// <summary>
    /// Approves. <paramref name="expectedRevision"/> is the revision the approver looked at: if
    /// the plan changed since, the approval is refused rather than applied to unseen content.
    /// </summary>
    public Task<MigrationPlan> ApproveAsync(Actor actor, Guid id, string? note, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        MutateAsync(actor, id, expectedRevision, "plan.approved", note, plan =>
        {
            var decision = plan.Approve(actor, clock.GetUtcNow(), note);
            return decision.IsAuthorOverride ? "plan.approved-by-author-override" : null;
        }, cancellationToken);

    public Task<MigrationPlan> RequestChangesAsync(Actor actor, Guid id, string reason, CancellationToken cancellationToken = default)
    {
        RequireReason(reason);
        return MutateAsync(actor, id, null, "plan.changes-requested", reason, plan =>
        {
            var decision = ApprovalPolicy.Decide(plan, actor);
            if (!decision.Allowed && !plan.IsAuthor(actor))
            {
                throw new PlanAccessDenied("Only the plan's author or someone who may approve it can send it back.");
            }

            plan.RequestChanges(actor, clock.GetUtcNow(), reason.Trim());
            return null;
        }, cancellationToken);
    }

    public Task<MigrationPlan> CancelAsync(Actor actor, Guid id, string reason, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireAuthor(actor, "cancel plans");
        RequireReason(reason);
        return MutateAsync(actor, id, null, "plan.cancelled", reason, plan =>
        {
            plan.Cancel(actor, clock.GetUtcNow(), reason.Trim());
            return null;
        }, cancellationToken);
    }

    /// <summary>Deletes a draft or cancelled plan; anything further along is history.</summary>
    public async Task DeleteAsync(Actor actor, Guid id, int? expectedRevision, string? reason, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireAuthor(actor, "delete plans");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFound($"Plan {id}");
        CheckRevision(plan, expectedRevision);
        if (plan.State is not (PlanState.Draft or PlanState.Cancelled))
        {
            throw new PlanRuleViolation($"Only draft or cancelled plans can be deleted; this one is {PlanStateMachine.Describe(plan.State)}. Cancel it first.");
        }

        db.Plans.Remove(plan);
        audit.Add(db, actor, "plan.deleted", Topic, id.ToString(), id, reason, before: Redacted(plan.ToDefinition()));
        await SaveAsync(db, plan, cancellationToken);
        Publish(id, "plan.deleted", actor);
    }

    public async Task<ChecklistItem> CompleteChecklistItemAsync(Actor actor, Guid planId, Guid itemId, string? evidenceNote, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireOperator(actor, "tick checklist items");
        if (evidenceNote is { Length: > PlanDefinitionValidator.MaxTextLength })
        {
            throw ValidationFailed.For("note", $"At most {PlanDefinitionValidator.MaxTextLength} characters.");
        }

        return await ChangeItemAsync(actor, planId, itemId, "checklist.completed", evidenceNote, item => item.Complete(actor.Email, clock.GetUtcNow(), evidenceNote), cancellationToken);
    }

    public Task<ChecklistItem> ReopenChecklistItemAsync(Actor actor, Guid planId, Guid itemId, string? reason, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireOperator(actor, "reopen checklist items");
        return ChangeItemAsync(actor, planId, itemId, "checklist.reopened", reason, item => item.Reopen(), cancellationToken);
    }

    public Task<MigrationPlan> RecordEvidenceAsync(Actor actor, Guid planId, Guid taskId, DataMigrationTask evidence, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireOperator(actor, "record data-migration evidence");
        return MutateAsync(actor, planId, null, "data-migration.evidence-recorded", null, plan =>
        {
            if (PlanStateMachine.IsTerminal(plan.State))
            {
                throw new PlanRuleViolation("This plan is finished; its evidence is history.");
            }

            plan.RecordEvidence(taskId, evidence, actor, clock.GetUtcNow());
            return null;
        }, cancellationToken);
    }

    private async Task<ChecklistItem> ChangeItemAsync(Actor actor, Guid planId, Guid itemId, string action, string? note, Func<ChecklistItem, bool> change, CancellationToken cancellationToken)
    {
        // Ticks are commutative, so a lost race is simply retried on fresh data.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var item = await db.ChecklistItems.FirstOrDefaultAsync(i => i.Id == itemId && i.PlanId == planId, cancellationToken)
                       ?? throw new NotFound($"Checklist item {itemId} of plan {planId}");
            var state = await db.Plans.Where(p => p.Id == planId).Select(p => p.State).FirstAsync(cancellationToken);
            if (PlanStateMachine.IsTerminal(state))
            {
                throw new PlanRuleViolation("This plan is finished; its checklist is history.");
            }

            var before = new { item.DoneBy, item.DoneAt, item.EvidenceNote };
            if (!change(item))
            {
                return item;
            }

            audit.Add(db, actor, action, "checklist-item", item.Id.ToString(), planId, note, before, new { item.Title, item.DoneBy, item.DoneAt, item.EvidenceNote });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                Publish(planId, action, actor);
                return item;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConcurrencyConflict("Several people changed this item at the same moment. Reload and try again.", 0);
            }
        }
    }

    private async Task<MigrationPlan> MutateAsync(Actor actor, Guid id, int? expectedRevision, string action, string? reason, Func<MigrationPlan, string?> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFound($"Plan {id}");
        CheckRevision(plan, expectedRevision);
        var before = new { plan.State, plan.Revision, Definition = Redacted(plan.ToDefinition()) };
        var extraAction = change(plan);
        audit.Add(db, actor, action, Topic, id.ToString(), id, reason, before, new { plan.State, plan.Revision, Definition = Redacted(plan.ToDefinition()) });
        if (extraAction is not null)
        {
            audit.Add(db, actor, extraAction, Topic, id.ToString(), id, extraAction == "plan.approved-by-author-override"
                ? "An Admin approved a plan they wrote."
                : "Edited after approval: the plan went back to review.");
        }

        await SaveAsync(db, plan, cancellationToken);
        Publish(id, action, actor);
        return plan;
    }

    private static void CheckRevision(MigrationPlan plan, int? expectedRevision)
    {
        if (expectedRevision is { } expected && expected != plan.Revision)
        {
            throw new ConcurrencyConflict(
                $"Someone else changed this plan (it is at revision {plan.Revision}, you started from {expected}). Reload to see their change; nothing was saved.",
                plan.Revision);
        }
    }

    private static async Task SaveAsync(DashboardDbContext db, MigrationPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflict("Someone else saved this plan a moment ago. Reload to see their change; nothing was saved.", plan.Revision);
        }
    }

    private static void ThrowIfInvalid(PlanDefinition definition)
    {
        var errors = PlanDefinitionValidator.Validate(definition);
        if (!errors.IsValid)
        {
            throw new ValidationFailed(errors);
        }
    }

    private static void RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw ValidationFailed.For("reason", "Say why.");
        }

        if (reason.Length > PlanDefinitionValidator.MaxTextLength)
        {
            throw ValidationFailed.For("reason", $"At most {PlanDefinitionValidator.MaxTextLength} characters.");
        }
    }

    private string? ProtectSecret(PlanDefinition definition) =>
        definition.Target is { Kind: TargetKind.Webhook, Secret: { Length: > 0 } secret } ? _secrets.Protect(secret) : null;

    /// <summary>The webhook key, for the rollout engine only.</summary>
    public string? UnprotectSecret(MigrationPlan plan) =>
        plan.TargetSecretProtected is { } stored ? _secrets.Unprotect(stored) : null;

    // Secrets never reach the audit trail or logs: no signing key, no full webhook URL.
    private static PlanDefinition Redacted(PlanDefinition definition) =>
        definition with { Target = definition.Target with { Secret = null }, Communication = SensitiveUrl.Mask(definition.Communication) };

    private void Publish(Guid planId, string kind, Actor actor) =>
        changes.Publish(new Change(Topic, planId.ToString(), kind, actor.Email));
}
