namespace Mcp.Dashboard.Domain.Status;

/// <summary>How a service looks to the people who use it, worst last.</summary>
public enum ComponentState
{
    Operational,
    UnderMaintenance,
    RolledBack,
    Degraded,
}

/// <summary>Where a migration stands, as the status page groups it.</summary>
public enum MigrationPhase
{
    /// <summary>Announced: a window is booked and has not opened.</summary>
    Upcoming,

    /// <summary>The window is open or the rollout runs.</summary>
    InProgress,

    Paused,

    RollingBack,

    RolledBack,

    Completed,

    /// <summary>Stopped without finishing (failed or cancelled).</summary>
    Stopped,
}

/// <summary>
/// A sentence for readers: an English template (also the key of its translation) and the
/// values that go into it. The domain picks the words; the page translates and encodes them.
/// </summary>
public sealed record StatusPhrase(string Template, params object[] Args)
{
    public override string ToString() => Args.Length == 0
        ? Template
        : string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, Args);

    public bool Equals(StatusPhrase? other) =>
        other is not null && Template == other.Template && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => Template.GetHashCode(StringComparison.Ordinal);
}
