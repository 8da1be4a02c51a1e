namespace Mcp.Dashboard.Domain.Simulation;

/// <summary>A fault the simulated fleet can inject into the canary, to show a failing canary.</summary>
public enum FaultKind
{
    /// <summary>The canary's error rate is multiplied by the factor (2 = doubled).</summary>
    ErrorSpike,

    /// <summary>The canary's latency, and so its p99, is multiplied by the factor (1.5 = 50% slower).</summary>
    LatencyRegression,
}
