using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Domain.Simulation;

/// <summary>
/// One kind of simulated canary run: the steps and their bake, the fleet, the analysis and,
/// for a regression, the fault and the step it appears in. A fault starts at a uniformly random
/// second of its step and stays (a bad version stays bad), so it may be caught in a later step.
/// </summary>
public sealed record AutoRollbackScenario
{
    /// <summary>
    /// A healthy run as the plan defaults make it: canary at 1%, 10% and 50%, each baked 120 s
    /// under default analysis and judged every second.
    /// </summary>
    public static AutoRollbackScenario Healthy { get; } = new() { Name = "healthy canary" };

    /// <summary>
    /// The target regression: the canary's error rate doubles during the 1% step, the hardest
    /// place to see it, since the cohorts are smallest there.
    /// </summary>
    public static AutoRollbackScenario ErrorRateDoubled { get; } = new()
    {
        Name = "error rate x2 in the 1% step",
        Fault = FaultKind.ErrorSpike,
        FaultFactor = 2,
        FaultStep = 0,
    };

    public string Name { get; init; } = "";

    /// <summary>Canary weight of each step, in percent.</summary>
    public IReadOnlyList<int> StepWeights { get; init; } = [1, 10, 50];

    public TimeSpan Bake { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The fault to inject, or null for a healthy run.</summary>
    public FaultKind? Fault { get; init; }

    public double FaultFactor { get; init; } = 2;

    /// <summary>Index in <see cref="StepWeights"/> of the step the fault starts in.</summary>
    public int FaultStep { get; init; }

    public FleetProfile Fleet { get; init; } = FleetProfile.Default;

    public AnalysisSettings Analysis { get; init; } = new() { Enabled = true };

    public BakePolicy Policy { get; init; } = BakePolicy.Default;
}
