using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Domain.Simulation;
using Mcp.Dashboard.Inventory;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Mcp.Dashboard.Demo;

/// <summary>
/// Gives the demo's reports and delivery-insight page something to show on first run, made
/// honestly by the real engine on the simulated fleet: three short staging canaries marked
/// "Demo history" start when the demo is seeded. One is left to succeed; a Quartz job a
/// minute later injects an error spike into the second, which the judge rolls back, and rolls
/// the third back as a person would, with a reason. Nothing is written around the engine.
/// They run in a small environment of their own ("sandbox"), whose services depend on nothing,
/// so their windows never collide with the rehearsals that share staging's dependency graph.
/// </summary>
public sealed class DemoDeliveryHistory(
    InventoryService inventory,
    DemoRehearsals rehearsals,
    RolloutEngine rollouts,
    ISchedulerFactory schedulers,
    IOptions<DashboardOptions> options,
    TimeProvider clock,
    ILogger<DemoDeliveryHistory> logger)
{
    public const string Environment = "sandbox";
    public const string NamePrefix = "Demo history: ";
    public const string ManualReason = "Support in Shanghai reports slow logins on the canary; rolling back to be safe while we look.";

    /// <summary>Long enough for the judge to have a confident verdict on the canary before the fault goes in.</summary>
    public static readonly TimeSpan ActAfter = TimeSpan.FromSeconds(60);

    /// <summary>Starts the three rollouts. A demo extra: if anything refuses, the demo goes on without them and the log says why.</summary>
    public async Task StartAsync(IReadOnlyDictionary<DemoAccount, Actor> actors, CancellationToken cancellationToken)
    {
        if (!options.Value.DemoHistory)
        {
            return;
        }

        try
        {
            await StartRolloutsAsync(actors, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Demo history could not start; reports and delivery insight will fill as rollouts finish");
        }
    }

    private async Task StartRolloutsAsync(IReadOnlyDictionary<DemoAccount, Actor> actors, CancellationToken cancellationToken)
    {
        var engineer = actors[DemoAccounts.Engineer];
        if (await inventory.FindAsync(Environment, cancellationToken) is null)
        {
            await inventory.CreateAsync(actors[DemoAccounts.ReleaseManager], Environment, "Isolated services the demo uses to build rollout history for reports.",
            [
                new() { Name = "billing-api", Tier = NodeTier.Core, Version = "4.2.0" },
                new() { Name = "search-api", Tier = NodeTier.Core, Version = "1.7.3" },
                new() { Name = "notify-api", Tier = NodeTier.Edge, Version = "0.9.1" },
            ], cancellationToken);
        }

        var succeeds = await ReadyAsync(actors, "billing-api", "4.2.0", "4.3.0", [new(10, 30), new(50, 30), new(100, 0)], cancellationToken);
        var judged = await ReadyAsync(actors, "search-api", "1.7.3", "1.8.0", [new(10, 900), new(100, 0)], cancellationToken);
        var manual = await ReadyAsync(actors, "notify-api", "0.9.1", "1.0.0", [new(10, 900), new(100, 0)], cancellationToken);

        var first = await rollouts.StartAsync(engineer, succeeds.Id, "Demo history: a canary left to succeed.", cancellationToken);
        var second = await rollouts.StartAsync(engineer, judged.Id, "Demo history: the judge will catch an error spike.", cancellationToken);
        var third = await rollouts.StartAsync(engineer, manual.Id, "Demo history: a person will roll this one back.", cancellationToken);

        await ScheduleActAsync(first.Id, second.Id, third.Id, attempt: 1, clock.GetUtcNow() + ActAfter, cancellationToken);
    }

    /// <summary>Schedules (or schedules again) the job that acts on the three rollouts.</summary>
    public async Task ScheduleActAsync(Guid succeeds, Guid judged, Guid manual, int attempt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<DemoDeliveryHistoryJob>()
            .WithIdentity(DemoDeliveryHistoryJob.Key)
            .UsingJobData("succeeds", succeeds.ToString())
            .UsingJobData("judged", judged.ToString())
            .UsingJobData("manual", manual.ToString())
            .UsingJobData("attempt", attempt)
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create().ForJob(job).StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    /// <summary>What the job does: the fault, the person's rollback, and a decision on a canary the judge held.</summary>
    public async Task ActAsync(IReadOnlyDictionary<DemoAccount, Actor> actors, Guid succeeds, Guid judged, Guid manual, CancellationToken cancellationToken)
    {
        var engineer = actors[DemoAccounts.Engineer];
        await Tolerant(() => rollouts.InjectFaultAsync(engineer, judged, FaultKind.ErrorSpike, 3, cancellationToken));
        await Tolerant(() => rollouts.RequestRollbackAsync(engineer, manual, ManualReason, cancellationToken: cancellationToken));

        // A healthy canary with few samples can be held for a person; the release manager accepts it, as one would.
        await Tolerant(() => rollouts.ResumeAsync(actors[DemoAccounts.ReleaseManager], succeeds, "Reviewed the held step: the canary is healthy.", cancellationToken));
    }

    // The demo acts on whatever state the rollouts reached: one already finished refuses, and that is fine.
    private static async Task Tolerant(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is RolloutRuleViolation or NotFound)
        {
        }
    }

    private Task<MigrationPlan> ReadyAsync(IReadOnlyDictionary<DemoAccount, Actor> actors, string service, string from, string to, IReadOnlyList<CanaryStep> steps, CancellationToken cancellationToken)
    {
        var definition = PlanTemplates.Find("canary-upgrade")!.Create() with
        {
            Name = $"{NamePrefix}{service} {from} -> {to}",
            Environment = Environment,
            Services = [service],
            FromVersion = from,
            ToVersion = to,
            Description = "Run by the demo on the simulated fleet so reports and delivery insight have history on first run.",
            Team = DemoRehearsals.Team,
            Stages =
            [
                new()
                {
                    Name = "Staging nodes",
                    Tier = NodeTier.Core,
                    Checklist =
                    [
                        new() { Title = "Staging snapshot taken", Required = true, Owner = DemoAccounts.Engineer.Email },
                        new() { Title = "Dashboards open for the canary", Required = false, Owner = DemoAccounts.ReleaseManager.Email },
                    ],
                },
            ],
            Rollback = new RollbackPlan { Steps = [new RollbackStep { Title = "Tell the support desk the upgrade was reverted", Owner = DemoAccounts.Engineer.Email }] },
            Canary = new CanarySettings { Steps = steps },
        };
        return rehearsals.MakeReadyAsync(actors, definition, "Go.", "Demo history window.", TimeSpan.FromHours(2),
            tickOptionalItems: true, "Snapshot id snap-demo-01; see the staging runbook.", cancellationToken);
    }
}

/// <summary>A minute after the demo is seeded: the fault and the rollback of <see cref="DemoDeliveryHistory"/>.</summary>
[DisallowConcurrentExecution]
public sealed class DemoDeliveryHistoryJob(DemoDeliveryHistory history, DemoRehearsals rehearsals, RolloutStore store, TimeProvider clock, ILogger<DemoDeliveryHistoryJob> logger) : IJob
{
    public static readonly JobKey Key = new("demo-delivery-history", "demo");

    // The judge may hold the healthy canary again at its next step; a few more looks see it through.
    private const int MaxAttempts = 10;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        AuditTrail.Channel = "demo";
        var data = context.MergedJobDataMap;
        var actors = await rehearsals.DemoActorsAsync(cancellationToken);
        var (succeeds, judged, manual) = (Guid.Parse(data.GetString("succeeds")!), Guid.Parse(data.GetString("judged")!), Guid.Parse(data.GetString("manual")!));
        var attempt = data.GetInt("attempt");
        await history.ActAsync(actors, succeeds, judged, manual, cancellationToken);
        logger.LogInformation("Demo history: fault injected and a manual rollback asked for (look {Attempt})", attempt);

        var unfinished = false;
        foreach (var id in new[] { succeeds, judged, manual })
        {
            unfinished |= await store.FindAsync(id, cancellationToken) is { } stored && !RolloutStateMachine.IsTerminal(stored.State);
        }

        if (unfinished && attempt < MaxAttempts)
        {
            await history.ScheduleActAsync(succeeds, judged, manual, attempt + 1, clock.GetUtcNow().AddSeconds(30), cancellationToken);
        }
    }
}
