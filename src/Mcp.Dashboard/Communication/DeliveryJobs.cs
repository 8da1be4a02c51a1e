using Mcp.Dashboard.Audit;
using Quartz;

namespace Mcp.Dashboard.Communication;

/// <summary>Schedules the one-shot send job of a delivery (its first attempt and each retry).</summary>
public sealed class DeliveryScheduler(ISchedulerFactory schedulers, TimeProvider clock)
{
    public const string Group = "communication";

    /// <remarks>
    /// Quartz reads the registered TimeProvider too, so the start is on that clock: a trigger
    /// set by the machine's clock while a test has moved the provider ahead would count as misfired.
    /// </remarks>
    public async Task ScheduleAsync(Guid deliveryId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<SendDeliveryJob>()
            .WithIdentity($"delivery-{deliveryId:N}", Group)
            .UsingJobData("deliveryId", deliveryId.ToString())
            .RequestRecovery()
            .StoreDurably(false)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"delivery-{deliveryId:N}", Group)
            .ForJob(job)
            .StartAt(clock.GetUtcNow() + (wait > TimeSpan.Zero ? wait : TimeSpan.Zero))
            .WithSimpleSchedule(schedule => schedule.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }
}

/// <summary>One attempt at one delivery.</summary>
[DisallowConcurrentExecution]
public sealed class SendDeliveryJob(CommunicationOutbox outbox, DeliveryScheduler scheduler, ILogger<SendDeliveryJob> logger) : IJob
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(10);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        AuditTrail.Channel = "scheduler";
        var deliveryId = Guid.Parse(context.MergedJobDataMap.GetString("deliveryId")!);
        try
        {
            await outbox.SendAsync(deliveryId, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A busy database, say: the one-shot trigger is gone after this run, so ask again.
            logger.LogError(exception, "Sending delivery {DeliveryId} failed; trying again in {Seconds} s", deliveryId, RetryAfterFailure.TotalSeconds);
            await scheduler.ScheduleAsync(deliveryId, RetryAfterFailure, CancellationToken.None);
        }
    }
}

/// <summary>
/// Every minute: reminders that have come due, and a catch-up of rollout events in case a
/// change was missed (the dispatcher also hears them live).
/// </summary>
[DisallowConcurrentExecution]
public sealed class CommunicationHeartbeatJob(WindowReminders reminders, RolloutMomentDispatcher dispatcher, ILogger<CommunicationHeartbeatJob> logger) : IJob
{
    public static readonly JobKey Key = new("communication-heartbeat", DeliveryScheduler.Group);
    public static readonly TriggerKey TriggerKey = new("communication-heartbeat", DeliveryScheduler.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        AuditTrail.Channel = "scheduler";
        try
        {
            await reminders.RunAsync(cancellationToken);
            await dispatcher.CatchUpAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "The communication heartbeat failed; the next one runs in a minute");
        }
    }
}
