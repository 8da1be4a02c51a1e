using System.Security.Cryptography;
using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Communication;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Live;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Communication;

/// <summary>
/// The outbox of the communication plan. Messages are written as <see cref="Delivery"/> rows in
/// the same commit that decides them (with the dispatcher's cursor, or the audit entry of a test
/// send), then each is sent by its own Quartz job, retried with backoff, and marked Failed after
/// <see cref="CommunicationOptions.MaxAttempts"/>. A crash between the commit and the send loses
/// nothing: pending rows are scheduled again at start.
/// </summary>
public sealed class CommunicationOutbox(
    IDbContextFactory<DashboardDbContext> contexts,
    IDataProtectionProvider protection,
    MessageSender sender,
    DeliveryScheduler scheduler,
    ChangeFeed changes,
    AuditTrail audit,
    TimeProvider clock,
    IOptionsMonitor<CommunicationOptions> options,
    DemoCommunication demo,
    ILogger<CommunicationOutbox> logger)
{
    public const string Topic = "communication";

    private readonly IDataProtector _destinations = protection.CreateProtector("Mcp.Dashboard.Communication.Destination");

    /// <summary>A channel that sends something (the status page shows rollouts by itself) and has somewhere to send to.</summary>
    public static bool Sends(CommunicationEntry entry) =>
        entry.Channel != CommunicationChannel.StatusPage && !string.IsNullOrWhiteSpace(entry.Destination);

    /// <summary>The message of one entry at one moment, rendered in the entry's language and ready to queue.</summary>
    public Delivery Compose(MigrationPlan plan, int entryIndex, CommunicationMoment moment, MessageFacts facts, string key, string eventName, bool isTest = false, string requestedBy = "system")
    {
        var entry = plan.Communication.Entries[entryIndex];
        var values = facts.Values(entry.Language);
        var subject = MessageTemplate.Render(DefaultMessages.Subject(moment, entry.Language), values);
        var now = clock.GetUtcNow();
        return new Delivery
        {
            Id = Guid.CreateVersion7(now),
            Key = key,
            PlanId = plan.Id,
            PlanName = plan.Name,
            EntryIndex = entryIndex,
            Moment = moment,
            Event = eventName,
            Channel = entry.Channel,
            Audience = entry.Audience,
            DestinationShown = SensitiveUrl.Mask(entry.Destination) ?? "",
            DestinationProtected = _destinations.Protect(entry.Destination ?? ""),
            Subject = Cap(isTest ? (entry.Language == MessageLanguage.ChineseSimplified ? "[测试] " : "[Test] ") + subject : subject, 600),
            Text = Cap(MessageTemplate.Render(DefaultMessages.TemplateFor(entry, moment), values), 8000),
            IsTest = isTest,
            RequestedBy = requestedBy,
            State = DeliveryState.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Adds the deliveries whose key is not in the outbox yet; the caller saves, then calls <see cref="AfterCommitAsync"/>.</summary>
    public static async Task<IReadOnlyList<Delivery>> AddNewAsync(DashboardDbContext db, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0)
        {
            return [];
        }

        var keys = deliveries.Select(d => d.Key).ToList();
        var existing = (await db.Deliveries.Where(d => keys.Contains(d.Key)).Select(d => d.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var added = deliveries.Where(d => !existing.Contains(d.Key)).DistinctBy(d => d.Key).ToList();
        db.Deliveries.AddRange(added);
        return added;
    }

    /// <summary>Schedules the sends of committed deliveries and tells open pages.</summary>
    public async Task AfterCommitAsync(IReadOnlyList<Delivery> added, CancellationToken cancellationToken)
    {
        foreach (var delivery in added)
        {
            await scheduler.ScheduleAsync(delivery.Id, TimeSpan.Zero, cancellationToken);
        }

        foreach (var planId in added.Select(d => d.PlanId).Distinct())
        {
            changes.Publish(new Change(Topic, planId.ToString(), "delivery.queued", "system"));
        }
    }

    /// <summary>One attempt at a delivery (the Quartz job's work); schedules the next on a retryable failure.</summary>
    public async Task SendAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is null || delivery.State is DeliveryState.Sent or DeliveryState.Failed)
        {
            return;
        }

        SendOutcome outcome;
        try
        {
            outcome = await sender.SendAsync(delivery, _destinations.Unprotect(delivery.DestinationProtected), cancellationToken);
        }
        catch (CryptographicException)
        {
            outcome = SendOutcome.Refused("The destination could not be read: the data protection keys changed. Edit the plan's entry and retry.");
        }

        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        delivery.Attempts++;
        delivery.UpdatedAt = now;
        TimeSpan? retryIn = null;
        switch (outcome.Kind)
        {
            case SendOutcomeKind.Sent:
                delivery.State = DeliveryState.Sent;
                delivery.SentAt = now;
                delivery.NextAttemptAt = null;
                break;
            case SendOutcomeKind.Retry when delivery.Attempts < settings.MaxAttempts:
                retryIn = Backoff(delivery.Attempts, outcome.RetryAfter, settings);
                delivery.State = DeliveryState.Retrying;
                delivery.LastError = Cap(outcome.Error ?? "", 600);
                delivery.NextAttemptAt = now + retryIn.Value;
                break;
            case SendOutcomeKind.Retry:
                delivery.State = DeliveryState.Failed;
                delivery.LastError = Cap($"{outcome.Error} Gave up after {delivery.Attempts} attempts.", 600);
                delivery.NextAttemptAt = null;
                break;
            default:
                delivery.State = DeliveryState.Failed;
                delivery.LastError = Cap(outcome.Error ?? "", 600);
                delivery.NextAttemptAt = null;
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Delivery {DeliveryId} ({Channel}, {Moment}) is {State} after attempt {Attempt}", delivery.Id, delivery.Channel, delivery.Moment, delivery.State, delivery.Attempts);
        if (retryIn is { } wait)
        {
            await scheduler.ScheduleAsync(delivery.Id, wait, cancellationToken);
        }

        changes.Publish(new Change(Topic, delivery.PlanId.ToString(), $"delivery.{delivery.State.ToString().ToLowerInvariant()}", "system"));
    }

    /// <summary>
    /// Sends the entry's message now with sample values for what the plan cannot say yet (weight,
    /// step, reason), marked as a test; audited.
    /// </summary>
    public async Task<Delivery> TestSendAsync(Actor actor, Guid planId, int entryIndex, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) ?? throw new NotFound($"Plan {planId}");
        if (entryIndex < 0 || entryIndex >= plan.Communication.Entries.Count)
        {
            throw new NotFound($"Communication entry {entryIndex} of plan {planId}");
        }

        var entry = plan.Communication.Entries[entryIndex];
        if (!Sends(entry))
        {
            throw new PlanRuleViolation(entry.Channel == CommunicationChannel.StatusPage
                ? "The status page channel sends nothing: the page shows the rollout by itself."
                : "This entry has no destination to send to.");
        }

        var moment = entry.Moments.Count > 0 ? entry.Moments[0] : CommunicationMoment.Start;
        var facts = MessageFactsFor.Sample(plan, Links());
        var delivery = Compose(plan, entryIndex, moment, facts, $"test:{Guid.NewGuid():N}", "test", isTest: true, requestedBy: actor.Email);
        db.Deliveries.Add(delivery);
        audit.Add(db, actor, "communication.test", "plan", planId.ToString(), planId, $"Test message to the {entry.Audience} entry via {entry.Channel}", after: new { entryIndex, delivery.Channel, delivery.Moment, destination = delivery.DestinationShown });
        await db.SaveChangesAsync(cancellationToken);
        await AfterCommitAsync([delivery], cancellationToken);
        return delivery;
    }

    /// <summary>Sends a failed (or waiting) delivery again now, with a fresh set of attempts; audited.</summary>
    public async Task<Delivery> RetryNowAsync(Actor actor, Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken) ?? throw new NotFound($"Delivery {deliveryId}");
        if (delivery.State == DeliveryState.Sent)
        {
            throw new PlanRuleViolation("This message was sent already.");
        }

        var before = new { delivery.State, delivery.Attempts, delivery.LastError };
        delivery.State = DeliveryState.Pending;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = null;
        delivery.UpdatedAt = clock.GetUtcNow();
        audit.Add(db, actor, "communication.retry", "delivery", delivery.Id.ToString(), delivery.PlanId, "Retry now", before, new { delivery.State });
        await db.SaveChangesAsync(cancellationToken);
        await scheduler.ScheduleAsync(delivery.Id, TimeSpan.Zero, cancellationToken);
        changes.Publish(new Change(Topic, delivery.PlanId.ToString(), "delivery.retry", actor.Email));
        return delivery;
    }

    /// <summary>Deliveries newest first, of one plan or of all.</summary>
    public async Task<IReadOnlyList<DeliveryView>> ListAsync(Guid? planId, int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Deliveries.AsNoTracking();
        if (planId is { } id)
        {
            query = query.Where(d => d.PlanId == id);
        }

        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
        return rows.Select(DeliveryView.From).ToList();
    }

    /// <summary>After a restart: every delivery still waiting gets its job again.</summary>
    public async Task RescheduleWaitingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var waiting = await db.Deliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Pending || d.State == DeliveryState.Retrying)
            .Select(d => new { d.Id, d.NextAttemptAt })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var delivery in waiting)
        {
            var wait = delivery.NextAttemptAt is { } at && at > now ? at - now : TimeSpan.Zero;
            await scheduler.ScheduleAsync(delivery.Id, wait, cancellationToken);
        }
    }

    /// <summary>Where messages link to: <see cref="CommunicationOptions.PublicBaseUrl"/>, or in demo mode the server's own address.</summary>
    public MessageLinks Links() => new(options.CurrentValue.PublicBaseUrl is { Length: > 0 } configured ? configured : demo.BaseUrl ?? "");

    private static TimeSpan Backoff(int failedAttempts, TimeSpan? retryAfter, CommunicationOptions settings)
    {
        var cap = TimeSpan.FromSeconds(settings.MaxBackoffSeconds);
        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > cap ? cap : asked;
        }

        return TimeSpan.FromSeconds(Math.Min(settings.BackoffSeconds * Math.Pow(2, failedAttempts - 1), settings.MaxBackoffSeconds));
    }

    private static string Cap(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>A delivery as pages and the API show it: no protected destination.</summary>
public sealed record DeliveryView(
    Guid Id,
    Guid PlanId,
    string PlanName,
    Guid? RolloutId,
    Guid? WindowId,
    int EntryIndex,
    CommunicationMoment Moment,
    string Event,
    CommunicationChannel Channel,
    CommunicationAudience Audience,
    string Destination,
    string Subject,
    string Text,
    bool IsTest,
    string RequestedBy,
    DeliveryState State,
    int Attempts,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt)
{
    public static DeliveryView From(Delivery d) => new(
        d.Id, d.PlanId, d.PlanName, d.RolloutId, d.WindowId, d.EntryIndex, d.Moment, d.Event, d.Channel, d.Audience, d.DestinationShown,
        d.Subject, d.Text, d.IsTest, d.RequestedBy, d.State, d.Attempts, d.LastError, d.NextAttemptAt, d.CreatedAt, d.SentAt);
}
