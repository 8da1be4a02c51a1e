using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Communication;

/// <summary>Where one message stands in the outbox.</summary>
public enum DeliveryState
{
    Pending,
    Sent,
    Retrying,
    Failed,
}

/// <summary>
/// One message of a communication plan, as the outbox keeps it: rendered once when its moment
/// came, then sent (and retried) by a Quartz job. <see cref="Key"/> is unique, so the same
/// moment for the same entry is written once however many times the dispatcher sees it.
/// </summary>
public sealed class Delivery
{
    public Guid Id { get; set; }

    /// <summary>E.g. <c>rollout:{id}:event:{eventId}:entry:{n}</c> or <c>window:{id}:seq:{n}:Before24Hours:entry:{n}</c>.</summary>
    public string Key { get; set; } = "";

    public Guid PlanId { get; set; }

    public string PlanName { get; set; } = "";

    public Guid? RolloutId { get; set; }

    public Guid? WindowId { get; set; }

    public int EntryIndex { get; set; }

    public CommunicationMoment Moment { get; set; }

    /// <summary>The event as receivers see it: <c>rollout.started</c>, <c>window.reminder</c>, <c>test</c>...</summary>
    public string Event { get; set; } = "";

    public CommunicationChannel Channel { get; set; }

    public CommunicationAudience Audience { get; set; }

    /// <summary>The destination as shown to people: scheme and host of a URL (its path is a credential).</summary>
    public string DestinationShown { get; set; } = "";

    /// <summary>The whole destination, protected with data protection, for the sender only.</summary>
    public string DestinationProtected { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>A test send from the plan page: real channel, sample values.</summary>
    public bool IsTest { get; set; }

    /// <summary>Who asked for it: a person for test sends and retries, "system" otherwise.</summary>
    public string RequestedBy { get; set; } = "system";

    public DeliveryState State { get; set; }

    public int Attempts { get; set; }

    /// <summary>The last failure in words (status, timeout...), never a destination or a key.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>How far a reader of an append-only log has got, so it resumes there after a restart.</summary>
public sealed class CommunicationCursor
{
    public const string RolloutEvents = "rollout-events";

    public string Name { get; set; } = "";

    public long Position { get; set; }
}
