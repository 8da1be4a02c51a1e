using Mcp.Dashboard.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Mcp.Dashboard.Rollouts.Metrics;

public static class MetricsRegistration
{
    /// <summary>Recent samples in memory, ingest, the history in the database and its flush and purge.</summary>
    public static IServiceCollection AddRolloutMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(MetricsOptions.Section);
        services.AddOptions<MetricsOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MetricsOptions>, ValidateMetricsOptions>();
        services.TryAddSingleton(TimeProvider.System);

        // Singletons: the recent samples are process-wide state every consumer shares; the
        // services around them hold nothing per user and open a database context per call.
        services.AddSingleton<RecentSamples>();
        services.AddSingleton<MetricsIngest>();
        services.AddSingleton<MetricHistory>();
        services.AddHostedService<MetricHistoryFlusher>();

        // The purge is a scheduled action, so a Quartz job: durable, with a daily cron trigger,
        // persisted in the scheduler's store (one firing across a cluster).
        var cron = section.Get<MetricsOptions>()?.HistoryPurgeCron ?? new MetricsOptions().HistoryPurgeCron;
        services.ConfigureAllQuartzSchedulers(quartz =>
        {
            quartz.AddJob<MetricHistoryPurgeJob>(job => job.WithIdentity(MetricHistoryPurgeJob.Key).StoreDurably()
                .WithDescription("Deletes metric history older than Metrics:HistoryRetentionDays."));
            quartz.AddTrigger(trigger => trigger.ForJob(MetricHistoryPurgeJob.Key).WithIdentity(MetricHistoryPurgeJob.TriggerKey)
                .WithCronSchedule(CronExpression.TryParse(cron, out _) ? cron : new MetricsOptions().HistoryPurgeCron, schedule => schedule.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        return services;
    }
}
