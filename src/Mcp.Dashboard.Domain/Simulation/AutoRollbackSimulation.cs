using Mcp.Dashboard.Domain.Analysis;

namespace Mcp.Dashboard.Domain.Simulation;

/// <summary>
/// Plays canary runs in simulated time (no waiting) with a <see cref="FleetSimulator"/> and a
/// <see cref="BakeMonitor"/> per step, evaluated every simulated second, and counts how they end:
/// the measure of automatic rollback's speed and of its false alarms.
/// </summary>
public static class AutoRollbackSimulation
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Plays <paramref name="runs"/> runs of <paramref name="scenario"/>. Each run gets its own
    /// generator seeded from <paramref name="seed"/>, so the result is the same for the same
    /// seed however the runs are spread over cores.
    /// </summary>
    public static AutoRollbackResult Run(AutoRollbackScenario scenario, int runs, int seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfNegative(runs);
        if (scenario.StepWeights.Count == 0 || scenario.Bake < Second)
        {
            throw new ArgumentException("A scenario needs at least one step baked for at least a second.", nameof(scenario));
        }

        if (scenario.Fault is not null && (scenario.FaultStep < 0 || scenario.FaultStep >= scenario.StepWeights.Count))
        {
            throw new ArgumentException("The fault's step is not one of the scenario's steps.", nameof(scenario));
        }

        var master = new Random(seed);
        var seeds = Enumerable.Range(0, runs).Select(_ => master.Next()).ToArray();
        var outcomes = new RunOutcome[runs];
        Parallel.For(0, runs, i => outcomes[i] = PlayOne(scenario, new Random(seeds[i])));

        var detections = outcomes.Where(o => o.Detection is not null).Select(o => o.Detection!.Value).Order().ToList();
        return new AutoRollbackResult(
            scenario,
            runs,
            Passed: outcomes.Count(o => o.End == BakeDecision.Pass),
            Paused: outcomes.Count(o => o.End == BakeDecision.Pause),
            RolledBack: outcomes.Count(o => o.End == BakeDecision.RollBack),
            FalseRollbacks: outcomes.Count(o => o.End == BakeDecision.RollBack && o.Detection is null),
            detections);
    }

    private static RunOutcome PlayOne(AutoRollbackScenario scenario, Random random)
    {
        var fleet = new FleetSimulator(random, scenario.Fleet);
        var bakeSeconds = (int)scenario.Bake.TotalSeconds;
        // Drawn for every run, fault or not, so healthy and faulty runs of a seed share a fleet.
        var faultSecond = 1 + random.Next(bakeSeconds);
        DateTimeOffset? faultStart = null;
        var samples = new List<MetricSample>(bakeSeconds * 6);
        var stepStart = Epoch;

        for (var step = 0; step < scenario.StepWeights.Count; step++)
        {
            fleet.SetCanaryWeight(scenario.StepWeights[step]);
            var monitor = new BakeMonitor(scenario.Analysis, scenario.Policy);
            samples.Clear();
            // The bake may run past its time while a failing window is being confirmed.
            var passed = false;
            var now = stepStart;
            for (var second = 1; !passed; second++)
            {
                now = stepStart + second * Second;
                if (scenario.Fault is { } fault && step == scenario.FaultStep && second == faultSecond)
                {
                    fleet.InjectFault(fault, scenario.FaultFactor);
                    faultStart = now - Second;
                }

                fleet.Tick(now, samples);
                var assessment = monitor.Assess(samples, stepStart, now, bakeOver: second >= bakeSeconds);
                switch (assessment.Decision)
                {
                    case BakeDecision.RollBack:
                        return new RunOutcome(BakeDecision.RollBack, now - faultStart);
                    case BakeDecision.Pause:
                        return new RunOutcome(BakeDecision.Pause, null);
                    case BakeDecision.Pass:
                        passed = true;
                        break;
                }
            }

            stepStart = now;
        }

        return new RunOutcome(BakeDecision.Pass, null);
    }

    private readonly record struct RunOutcome(BakeDecision End, TimeSpan? Detection);
}
