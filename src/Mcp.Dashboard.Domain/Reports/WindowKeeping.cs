namespace Mcp.Dashboard.Domain.Reports;

/// <summary>Whether a finished rollout kept to its maintenance window.</summary>
public enum WindowOutcome
{
    /// <summary>Finished before the window closed.</summary>
    Kept,

    /// <summary>Finished after the window closed (resumed past it by a person, or a slow rollback).</summary>
    Overran,

    /// <summary>Still going as the window closed, so the plan's overrun policy paused or rolled it back.</summary>
    DeadlineReached,

    /// <summary>Ran without a window end to keep to.</summary>
    NoWindow,
}

public static class WindowKeeping
{
    /// <summary>
    /// Classifies a rollout; null while it has not finished (it may still keep its window).
    /// Hitting the deadline policy counts against the window even when the rollback that
    /// followed finished in time: the work did not fit the window.
    /// </summary>
    public static WindowOutcome? Classify(DateTimeOffset? finishedAt, DateTimeOffset? windowEnd, bool deadlinePolicyActed)
    {
        if (finishedAt is not { } finished)
        {
            return null;
        }

        if (deadlinePolicyActed)
        {
            return WindowOutcome.DeadlineReached;
        }

        if (windowEnd is not { } end)
        {
            return WindowOutcome.NoWindow;
        }

        return finished <= end ? WindowOutcome.Kept : WindowOutcome.Overran;
    }
}
