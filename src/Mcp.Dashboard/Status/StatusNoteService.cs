using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Status;

/// <summary>
/// Coordinator notes for the status page: written by admins, release managers, or the plan's
/// business coordinator; deleted by their author or an admin; audited; announced on the
/// change feed so the status page and open plan pages refresh.
/// </summary>
public sealed class StatusNoteService(IDbContextFactory<DashboardDbContext> contexts, AuditTrail audit, ChangeFeed changes, TimeProvider clock)
{
    public const string Topic = "status";

    public async Task<IReadOnlyList<StatusNote>> ListAsync(Guid planId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Plans.AnyAsync(p => p.Id == planId, cancellationToken))
        {
            throw new NotFound($"Plan {planId}");
        }

        var notes = await db.StatusNotes.AsNoTracking().Where(n => n.PlanId == planId).ToListAsync(cancellationToken);
        return [.. notes.OrderByDescending(n => n.At)];
    }

    /// <summary>Whether the actor may write notes for this plan (the page hides the form otherwise).</summary>
    public static bool MayWrite(Actor actor, MigrationPlan plan) =>
        actor.IsInAnyRole(DashboardRoles.Authors)
        || plan.Team.Any(m => m.Role == TeamRole.BusinessCoordinator && actor.Is(m.Email));

    public async Task<bool> MayWriteAsync(Actor actor, Guid planId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        return plan is not null && MayWrite(actor, plan);
    }

    public async Task<StatusNote> AddAsync(Actor actor, Guid planId, string? text, CancellationToken cancellationToken = default)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw ValidationFailed.For("text", "Write what readers should know.");
        }

        if (trimmed.Length > StatusNote.MaxLength)
        {
            throw ValidationFailed.For("text", $"At most {StatusNote.MaxLength} characters.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) ?? throw new NotFound($"Plan {planId}");
        if (!MayWrite(actor, plan))
        {
            throw new PlanAccessDenied("Only admins, release managers and the plan's business coordinator can write status notes.");
        }

        var active = await db.Rollouts.AsNoTracking()
            .Where(r => r.PlanId == planId && RolloutStore.ActiveStates.Contains(r.State))
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var note = new StatusNote { Id = Guid.NewGuid(), PlanId = planId, RolloutId = active, Text = trimmed, Author = actor.Email, At = clock.GetUtcNow() };
        db.StatusNotes.Add(note);
        audit.Add(db, actor, "status-note.added", "status-note", note.Id.ToString(), planId, after: new { note.Text, note.RolloutId });
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new Change(Topic, planId.ToString(), "status-note.added", actor.Email));
        return note;
    }

    public async Task DeleteAsync(Actor actor, Guid planId, Guid noteId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var note = await db.StatusNotes.FirstOrDefaultAsync(n => n.Id == noteId && n.PlanId == planId, cancellationToken)
            ?? throw new NotFound($"Status note {noteId}");
        if (!actor.IsAdmin && !actor.Is(note.Author))
        {
            throw new PlanAccessDenied("Only the note's author or an admin can delete it.");
        }

        db.StatusNotes.Remove(note);
        audit.Add(db, actor, "status-note.deleted", "status-note", note.Id.ToString(), planId, before: new { note.Text, note.Author });
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new Change(Topic, planId.ToString(), "status-note.deleted", actor.Email));
    }
}
