namespace Mcp.Dashboard.Domain.Simulation;

/// <summary>
/// What the simulated fleet serves and how it misbehaves naturally. The defaults describe a
/// large production service; change them to see how detection depends on traffic.
/// </summary>
public sealed record FleetProfile
{
    public static FleetProfile Default { get; } = new();

    /// <summary>
    /// Requests per second the whole fleet serves (default 500,000, a large consumer-facing
    /// service). The canary gets weight% of it and, as in Kayenta, the baseline is a same-size
    /// slice of the old version, so at 1% each cohort sees 5,000 requests a second, at 10%
    /// 50,000 and at 50% 250,000. Detection speed depends on this. At 5,000 req/s a cohort
    /// makes about 50 errors a second at 1%, so a doubled rate stands out in every second's
    /// sample. At 2,000 req/s (a 200,000 req/s fleet) the default policy catches a doubling
    /// within 10 s in only about 90-95% of runs and false alarms near 1%; at 1% of a
    /// 20,000 req/s service (200 req/s, 2 errors a second) no test can tell a doubling from
    /// noise in 10 s.
    /// </summary>
    public double FleetRequestsPerSecond { get; init; } = 500_000;

    /// <summary>The old version's error rate (default 1%); both cohorts start from it.</summary>
    public double BaseErrorRate { get; init; } = 0.01;

    /// <summary>
    /// Natural drift of the error rate and latency (default 10%, as a log-scale standard
    /// deviation): traffic mix and dependencies change over minutes. Both cohorts share it,
    /// since they serve the same traffic at the same time.
    /// </summary>
    public double DriftStrength { get; init; } = 0.10;

    /// <summary>How fast the drift wanders (default 60 s correlation time).</summary>
    public TimeSpan DriftCorrelationTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Each cohort runs on different hosts, which differ a little for good (default 3% log-scale
    /// standard deviation, drawn once per simulator): a real canary is never identical to its
    /// baseline even when the code is.
    /// </summary>
    public double HostBias { get; init; } = 0.03;

    /// <summary>Median request latency (default 56 ms). With the spread below the p99 is about 180 ms.</summary>
    public double LatencyMedianMs { get; init; } = 56;

    /// <summary>Log-scale standard deviation of one request's latency (default 0.5, a long tail).</summary>
    public double LatencySpread { get; init; } = 0.5;

    /// <summary>
    /// Chance per cohort per second of a latency spike (default 0.5%: a GC pause, a slow
    /// dependency), which multiplies that second's p99 by 1.5 to 3.
    /// </summary>
    public double LatencySpikeChance { get; init; } = 0.005;
}
