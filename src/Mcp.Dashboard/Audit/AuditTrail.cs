using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Audit;

/// <summary>
/// Writes audit entries into the same unit of work as the change they describe, so there is
/// never a change without its entry, nor an entry for a change that did not commit.
/// </summary>
public sealed class AuditTrail(TimeProvider clock)
{
    private static readonly AsyncLocal<string?> AmbientChannel = new();

    /// <summary>How the current request came in; the API sets "api", background jobs "scheduler".</summary>
    public static string Channel
    {
        get => AmbientChannel.Value ?? "ui";
        set => AmbientChannel.Value = value;
    }

    public AuditEntry Add(
        DashboardDbContext db,
        Actor actor,
        string action,
        string subject,
        string subjectId,
        Guid? planId = null,
        string? reason = null,
        object? before = null,
        object? after = null)
    {
        var entry = AuditEntry.Record(
            clock.GetUtcNow(),
            actor.Email,
            action,
            subject,
            subjectId,
            planId,
            reason,
            before is null ? null : JsonColumn.Serialize(before),
            after is null ? null : JsonColumn.Serialize(after),
            Channel);
        db.AuditEntries.Add(entry);
        return entry;
    }
}

/// <summary>A filter on the audit trail, from the page or the API.</summary>
public sealed record AuditQuery
{
    public Guid? PlanId { get; init; }

    public string? Actor { get; init; }

    public string? Action { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>Return entries older than this id (keyset paging, newest first).</summary>
    public long? Before { get; init; }

    public int Take { get; init; } = 100;
}

/// <summary>Reads the audit trail, newest first.</summary>
public sealed class AuditReader(IDbContextFactory<DashboardDbContext> contexts)
{
    public const int MaxPage = 500;

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (query.PlanId is { } planId)
        {
            entries = entries.Where(e => e.PlanId == planId);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower() to SQL; the StringComparison overloads do not translate
            entries = entries.Where(e => e.Actor.ToLower().Contains(actor));
#pragma warning restore CA1862
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.Action.StartsWith(action));
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        if (query.Before is { } before)
        {
            entries = entries.Where(e => e.Id < before);
        }

        return await entries.OrderByDescending(e => e.Id).Take(Math.Clamp(query.Take, 1, MaxPage)).ToListAsync(cancellationToken);
    }
}
