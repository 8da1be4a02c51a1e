using Mcp.Dashboard.Domain.Status;

namespace Mcp.Dashboard.Status;

/// <summary>
/// Everything the public status page, its feed and its badge show, computed once per change
/// from the database (plans marked internal already left out) and shared by every reader.
/// </summary>
public sealed record StatusSnapshot(
    DateTimeOffset BuiltAt,
    DateTimeOffset? LastUpdate,
    ComponentState Overall,
    IReadOnlyList<MigrationCard> Migrations,
    IReadOnlyList<ServiceComponent> Components)
{
    public IEnumerable<MigrationCard> Now => Migrations.Where(m => m.Phase is MigrationPhase.InProgress or MigrationPhase.Paused or MigrationPhase.RollingBack);

    public IEnumerable<MigrationCard> Upcoming => Migrations.Where(m => m.Phase == MigrationPhase.Upcoming).OrderBy(m => m.WindowStart ?? DateTimeOffset.MaxValue);

    public IEnumerable<MigrationCard> Recent => Migrations.Where(m => m.Phase is MigrationPhase.RolledBack or MigrationPhase.Completed or MigrationPhase.Stopped)
        .OrderByDescending(m => m.UpdatedAt);

    /// <summary>Every timeline entry of every migration, newest first: the Atom feed.</summary>
    public IEnumerable<(MigrationCard Migration, TimelineEntry Entry)> Entries =>
        Migrations.SelectMany(m => m.Timeline.Select(e => (m, e))).OrderByDescending(x => x.e.At).ThenByDescending(x => x.e.Id, StringComparer.Ordinal);
}

/// <summary>One migration: what changes, when, and how it is going.</summary>
public sealed record MigrationCard(
    Guid PlanId,
    string Name,
    string Environment,
    IReadOnlyList<string> Services,
    string FromVersion,
    string ToVersion,
    DateTimeOffset? WindowStart,
    DateTimeOffset? WindowEnd,
    MigrationPhase Phase,
    StatusPhrase Headline,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>The page anchor and feed link target.</summary>
    public string Anchor => $"plan-{PlanId:N}";
}

/// <summary>
/// One line of a migration's public timeline: an automatic entry from the rollout (a phrase)
/// or a coordinator's note (text as written). <see cref="Id"/> is stable: the Atom entry id.
/// </summary>
public sealed record TimelineEntry(string Id, DateTimeOffset At, TimelineKind Kind, StatusPhrase? Phrase, string? NoteText);

/// <summary>A service of an environment as a status component, with its 30-day history.</summary>
public sealed record ServiceComponent(string Environment, string Name, ComponentState State, IReadOnlyList<HistoryDay> History);
