namespace Mcp.Dashboard.Domain.Simulation;

/// <summary>How a batch of simulated runs of one scenario ended.</summary>
/// <param name="Scenario">What was played.</param>
/// <param name="Runs">Runs played.</param>
/// <param name="Passed">Runs whose every step passed.</param>
/// <param name="Paused">Runs that ended paused for a human (a Marginal or NoData bake).</param>
/// <param name="RolledBack">Runs that were rolled back, rightly or not.</param>
/// <param name="FalseRollbacks">Rollbacks before any fault: every rollback of a healthy run.</param>
/// <param name="DetectionTimes">
/// For runs with a fault that were rolled back after it: the time from the start of the first
/// bad second (the first bad sample covers that second) to the rollback decision, in ascending
/// order. Measured from the second's start, not its sample's stamp, so it counts the bad
/// seconds seen, a second more than the gap between the two stamps.
/// </param>
public sealed record AutoRollbackResult(
    AutoRollbackScenario Scenario,
    int Runs,
    int Passed,
    int Paused,
    int RolledBack,
    int FalseRollbacks,
    IReadOnlyList<TimeSpan> DetectionTimes)
{
    public double FalseRollbackRate => Runs == 0 ? 0 : FalseRollbacks / (double)Runs;

    public double PausedRate => Runs == 0 ? 0 : Paused / (double)Runs;

    /// <summary>Fault runs in which the fault started before any false rollback ended the run.</summary>
    public int FaultRuns => Scenario.Fault is null ? 0 : Runs - FalseRollbacks;

    /// <summary>Fault runs that ended without the fault being rolled back.</summary>
    public int Undetected => FaultRuns - DetectionTimes.Count;

    public TimeSpan? DetectionP50 => Percentile(0.50);

    public TimeSpan? DetectionP95 => Percentile(0.95);

    public TimeSpan? DetectionMax => DetectionTimes.Count == 0 ? null : DetectionTimes[^1];

    /// <summary>Share of fault runs rolled back within <paramref name="limit"/> of the fault; undetected runs count against it.</summary>
    public double ShareDetectedWithin(TimeSpan limit) =>
        FaultRuns == 0 ? 0 : DetectionTimes.Count(t => t <= limit) / (double)FaultRuns;

    // Nearest rank, so the figure is one that was measured, not an interpolation.
    private TimeSpan? Percentile(double p) =>
        DetectionTimes.Count == 0 ? null : DetectionTimes[Math.Max(0, (int)Math.Ceiling(p * DetectionTimes.Count) - 1)];
}
