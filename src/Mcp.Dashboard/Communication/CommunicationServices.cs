using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Mcp.Dashboard.Communication;

public static class CommunicationServices
{
    /// <summary>The communication plan's outbox, channels, dispatcher, reminders, jobs and the demo inbox.</summary>
    public static IServiceCollection AddCommunication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CommunicationOptions>().Bind(configuration.GetSection(CommunicationOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CommunicationOptions>, ValidateCommunicationOptions>());

        services.AddHttpClient(MessageSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A redirect is refused: following it would post to an address nobody wrote in the plan.
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            // Slack and Teams URLs are credentials, and the signature is one: never in a log.
            // HttpClient's own loggers write the request URL at Information, so they go; the
            // delivery log says what happened with the destination masked.
            .RemoveAllLoggers();

        // Singletons: they hold no per-user state and open a database context per call.
        services.AddSingleton<MessageSender>();
        services.AddSingleton<DeliveryScheduler>();
        services.AddSingleton<CommunicationOutbox>();
        services.AddSingleton<WindowReminders>();
        services.AddSingleton<RolloutMomentDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<RolloutMomentDispatcher>());
        services.AddSingleton<DemoInbox>();
        services.AddSingleton<DemoCommunication>();
        services.AddTransient<SendDeliveryJob>();
        services.AddTransient<CommunicationHeartbeatJob>();
        services.ConfigureAllQuartzSchedulers(quartz =>
        {
            quartz.AddJob<CommunicationHeartbeatJob>(job => job.WithIdentity(CommunicationHeartbeatJob.Key).StoreDurably()
                .WithDescription("Window reminders that came due, and a catch-up of rollout events for the communication plan."));
            quartz.AddTrigger(trigger => trigger.ForJob(CommunicationHeartbeatJob.Key).WithIdentity(CommunicationHeartbeatJob.TriggerKey)
                .WithCronSchedule("0 * * * * ?", schedule => schedule.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        });
        return services;
    }
}
