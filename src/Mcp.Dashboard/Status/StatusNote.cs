namespace Mcp.Dashboard.Status;

/// <summary>
/// A note a business coordinator writes for readers of the status page ("Support has been
/// briefed; expect slower logins for ten minutes"), shown in the migration's timeline and feed.
/// </summary>
public sealed class StatusNote
{
    public const int MaxLength = 1000;

    public Guid Id { get; set; }

    public Guid PlanId { get; set; }

    /// <summary>The rollout running when the note was written, if any.</summary>
    public Guid? RolloutId { get; set; }

    public string Text { get; set; } = "";

    /// <summary>The author's e-mail (for the audit and for who may delete it); never shown publicly.</summary>
    public string Author { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
