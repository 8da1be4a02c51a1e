using Mcp.Dashboard.Rollouts.Jobs;
using Quartz;

namespace Mcp.Dashboard.Rollouts;

/// <summary>
/// Every deferred thing a rollout does is a Quartz trigger in the persistent store, in the same
/// database: the next step (at a bake's end, or at the window's start), the window deadline,
/// and the rollback. One job per rollout and kind, so a trigger is replaced rather than doubled.
/// </summary>
/// <remarks>
/// Misfires are handled on purpose with "fire now": when the process was down at the moment a
/// trigger was due, it fires as soon as the scheduler is back. Every job re-reads the rollout
/// and acts on what is stored, so a late or repeated fire is harmless, and a step due while
/// the process was down is neither skipped nor run twice. Jobs request recovery, so one that
/// was running when the process died runs again after the restart.
/// </remarks>
public sealed class RolloutScheduler(ISchedulerFactory schedulers)
{
    public const string Group = "rollouts";

    /// <summary>Runs the next step (or starts the rollout) at <paramref name="at"/>.</summary>
    public Task ScheduleAdvanceAsync(Guid rolloutId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ScheduleAsync(RolloutTriggerKind.Advance, rolloutId, at, cancellationToken);

    /// <summary>Applies the plan's overrun policy at <paramref name="at"/> if the rollout is still going.</summary>
    public Task ScheduleDeadlineAsync(Guid rolloutId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ScheduleAsync(RolloutTriggerKind.Deadline, rolloutId, at, cancellationToken);

    /// <summary>Fires the rollback at <paramref name="at"/> (now, or later for a retry).</summary>
    public Task ScheduleRollbackAsync(Guid rolloutId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ScheduleAsync(RolloutTriggerKind.Rollback, rolloutId, at, cancellationToken);

    /// <summary>Removes every trigger of a finished rollout.</summary>
    public async Task CancelAllAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        // One transaction for all three: the database has one writer, and rollbacks queue on it.
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.UnscheduleJobs([.. Enum.GetValues<RolloutTriggerKind>().Select(kind => TriggerKeyFor(rolloutId, kind))], cancellationToken);
    }

    /// <summary>When the rollout's trigger of <paramref name="kind"/> fires next, or null when none waits.</summary>
    public async Task<DateTimeOffset?> NextFireAsync(Guid rolloutId, RolloutTriggerKind kind, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = await scheduler.GetTrigger(TriggerKeyFor(rolloutId, kind), cancellationToken);
        return trigger?.NextFireTimeUtc;
    }

    /// <summary>Schedules the job of <paramref name="kind"/> for the rollout, replacing its trigger.</summary>
    public async Task ScheduleAsync(RolloutTriggerKind kind, Guid rolloutId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create().OfType(JobTypeOf(kind))
            .WithIdentity(NameOf(kind, rolloutId), Group)
            .UsingJobData("rolloutId", rolloutId.ToString())
            .RequestRecovery()
            .StoreDurably(false)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerKeyFor(rolloutId, kind))
            .ForJob(job)
            .StartAt(at)
            .WithSimpleSchedule(schedule => schedule.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public static Guid RolloutIdOf(IJobExecutionContext context) =>
        Guid.Parse(context.MergedJobDataMap.GetString("rolloutId")!);

    private static Type JobTypeOf(RolloutTriggerKind kind) => kind switch
    {
        RolloutTriggerKind.Advance => typeof(AdvanceRolloutJob),
        RolloutTriggerKind.Deadline => typeof(WindowDeadlineJob),
        _ => typeof(RollbackRolloutJob),
    };

    private static string NameOf(RolloutTriggerKind kind, Guid rolloutId) => $"{kind.ToString().ToLowerInvariant()}-{rolloutId:N}";

    private static TriggerKey TriggerKeyFor(Guid rolloutId, RolloutTriggerKind kind) => new(NameOf(kind, rolloutId), Group);
}

/// <summary>The kinds of trigger a rollout has, one of each at most.</summary>
public enum RolloutTriggerKind
{
    Advance,
    Deadline,
    Rollback,
}
