using System.Globalization;
using Mcp.Dashboard.Benchmarks.Infrastructure;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Domain.Simulation;
using Mcp.Dashboard.Rollouts;

namespace Mcp.Dashboard.Benchmarks;

/// <summary>
/// Automatic rollback: how fast a doubled canary error rate is rolled back, and how often a
/// healthy canary is. First in simulated time with the domain's <see cref="AutoRollbackSimulation"/>
/// (1,000 runs each, the judge exactly as the host runs it, no waiting), then end to end on the
/// real host for a handful of runs in wall-clock time.
/// </summary>
public static class DetectionBenchmark
{
    private const int Runs = 1000;
    private const int Seed = 20260130;
    private const int HostRuns = 10;

    public static async Task<BenchReport> RunAsync()
    {
        var report = new BenchReport("detection", "automatic rollback: detection time and false rollbacks");
        var healthy = AutoRollbackSimulation.Run(AutoRollbackScenario.Healthy, Runs, Seed);
        var doubled = AutoRollbackSimulation.Run(AutoRollbackScenario.ErrorRateDoubled, Runs, Seed);
        var tenSeconds = TimeSpan.FromSeconds(10);

        report.Figure($"healthy runs rolled back (false rollbacks), N={healthy.Runs}", Percent(healthy.FalseRollbackRate) + $" ({healthy.FalseRollbacks})", "<= 1%", healthy.FalseRollbackRate <= 0.01);
        report.Figure("healthy runs paused for a person (Marginal/NoData at a bake's end)", Percent(healthy.PausedRate) + $" ({healthy.Paused})");
        report.Figure("healthy runs that passed every step", Percent(healthy.Passed / (double)healthy.Runs) + $" ({healthy.Passed})");
        report.Figure($"2x error rate at 1%: rolled back within 10 s, N={doubled.FaultRuns}", Percent(doubled.ShareDetectedWithin(tenSeconds)), "all within 10 s", doubled.ShareDetectedWithin(tenSeconds) >= 1);
        report.Figure("2x error rate: detection p50 / p95 / max", $"{Seconds(doubled.DetectionP50)} / {Seconds(doubled.DetectionP95)} / {Seconds(doubled.DetectionMax)}", "max <= 10 s", doubled.DetectionMax <= tenSeconds);
        report.Figure("2x error rate: runs not rolled back / false rollbacks before the fault", $"{doubled.Undetected} / {doubled.FalseRollbacks}");

        var onHost = await OnHostAsync();
        report.Figure($"on the real host, fault injected -> rollback decided (`rollbackRequestedAt`), N={onHost.Decided.Count}", $"p50 {onHost.Decided.Percentile(50) / 1000:0.0} s, max {onHost.Decided.Max / 1000:0.0} s", "<= 10 s", onHost.Decided.Max <= 10_000);
        report.Figure("on the real host, fault injected -> rolled back (`finishedAt`)", $"p50 {onHost.Finished.Percentile(50) / 1000:0.0} s, max {onHost.Finished.Max / 1000:0.0} s");
        report.Figure("on the real host, runs rolled back before any fault", onHost.FalseRollbacks.ToString(CultureInfo.InvariantCulture), "0", onHost.FalseRollbacks == 0);

        var fleet = FleetProfile.Default;
        report.Section("Simulated traffic (FleetProfile.Default)", $"""
            Detection depends on how many requests each one-second sample summarises, so here is what the simulated fleet serves.
            The fleet serves {fleet.FleetRequestsPerSecond:N0} requests a second at a {Percent(fleet.BaseErrorRate)} error rate; the canary gets
            its weight's share and the baseline a same-size slice of the old version (as in Kayenta), so at the 1% step each cohort
            sees {fleet.FleetRequestsPerSecond / 100:N0} requests a second, about {fleet.FleetRequestsPerSecond / 100 * fleet.BaseErrorRate:0} errors, per sample.
            Natural drift ({Percent(fleet.DriftStrength)} log-scale, {fleet.DriftCorrelationTime.TotalSeconds:0} s correlation) is shared by both cohorts; each cohort
            has a fixed host bias of {Percent(fleet.HostBias)}; latency has a median of {fleet.LatencyMedianMs:0} ms with spikes in {Percent(fleet.LatencySpikeChance)} of seconds.
            This is a large service. With fewer requests per sample a doubling is harder to tell from noise: at 2,000 requests a
            second per cohort the default policy catches it within 10 s in only about 90-95% of runs, and at 200 requests a second
            (2 errors a second) no test can in 10 s (see the `FleetProfile` documentation). Read these figures as "for a service of
            this size", not as a promise for every service.
            """);
        report.Section("How it was measured", $"""
            **Simulated time.** `AutoRollbackSimulation.Run(AutoRollbackScenario.Healthy / ErrorRateDoubled, {Runs}, {Seed})`: canary steps at 1%,
            10% and 50%, each baked 120 s, samples every simulated second, the `BakeMonitor` evaluated every second with the default
            analysis (`error_rate`, `latency_p99_ms`) and `BakePolicy.Default` (6 s window, p < 0.01, 2 consecutive failures). In the
            faulty scenario the canary's error rate doubles at a uniformly random second of the 1% step, the hardest place to see
            it. Detection runs from the start of the first bad second to the rollback decision. Runs are deterministic for the seed.

            **Real host, wall clock.** {HostRuns} plans with a simulated target, analysis on (`"analysis": {"{"}"enabled": true{"}"}`) and a first
            step at 1% baked for 600 s are started at once. Once a rollout's live verdict is no longer low confidence, the
            benchmark sends `POST /api/v1/rollouts/{"{id}"}/faults {"{"}"kind":"ErrorSpike","factor":2{"}"}` and polls the rollout until it is
            rolled back. The time runs from just before that request to the rollout's `rollbackRequestedAt` (the judge's decision)
            and its `finishedAt` (the rollback action applied to the simulated fleet, recorded). It includes the simulator's 1 s
            sampling and the 1 s judge heartbeat, which the simulated-time figures do not.
            """);
        Console.WriteLine($"detection: false rollbacks {Percent(healthy.FalseRollbackRate)} of {Runs} healthy; 2x error rate p50 {Seconds(doubled.DetectionP50)}, p95 {Seconds(doubled.DetectionP95)}, max {Seconds(doubled.DetectionMax)}, {Percent(doubled.ShareDetectedWithin(tenSeconds))} within 10 s; on the host p50 {onHost.Decided.Percentile(50) / 1000:0.0} s, max {onHost.Decided.Max / 1000:0.0} s (N={onHost.Decided.Count})");
        return report;
    }

    private static async Task<HostResult> OnHostAsync()
    {
        await using var host = await BenchHost.StartAsync();
        var lab = new BenchLab(host);
        var plans = Enumerable.Range(0, HostRuns)
            .Select(i => BenchLab.Canary($"Detection bench {i}", analysis: true, new TargetSettings(), new CanaryStep(1, 600)))
            .ToList();
        var rollouts = await lab.StartAsync(plans);
        using var client = host.Client();
        var results = await Task.WhenAll(rollouts.Select(async id =>
        {
            var judged = await lab.WaitForAsync(client, id, v => v.Verdict is { LowConfidence: false } || v.IsFinished, TimeSpan.FromSeconds(60));
            if (judged.IsFinished)
            {
                return (Decided: double.NaN, Finished: double.NaN, RolledBackEarly: true);
            }

            var injected = DateTimeOffset.UtcNow;
            await (await client.PostJson($"/api/v1/rollouts/{id}/faults", new { kind = "ErrorSpike", factor = 2 })).Read<RolloutView>();
            var done = await lab.WaitForAsync(client, id, v => v.State is RolloutState.RolledBack || v.IsFinished, TimeSpan.FromSeconds(60));
            return (Decided: (done.RollbackRequestedAt!.Value - injected).TotalMilliseconds, Finished: (done.FinishedAt!.Value - injected).TotalMilliseconds, RolledBackEarly: false);
        }));
        var counted = results.Where(r => !r.RolledBackEarly).ToList();
        return new HostResult(new Latencies(counted.Select(r => r.Decided)), new Latencies(counted.Select(r => r.Finished)), results.Count(r => r.RolledBackEarly));
    }

    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0}%");

    private static string Seconds(TimeSpan? time) => time is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0} s") : "n/a";

    private sealed record HostResult(Latencies Decided, Latencies Finished, int FalseRollbacks);
}
