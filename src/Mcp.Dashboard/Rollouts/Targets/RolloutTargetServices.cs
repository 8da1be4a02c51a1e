using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Rollouts.Targets;

public static class RolloutTargetServices
{
    /// <summary>Webhook target options (validated at start), its HttpClient and <see cref="WebhookTargetFactory"/>.</summary>
    public static IServiceCollection AddRolloutTargets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookTargetOptions>().Bind(configuration.GetSection(WebhookTargetOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookTargetOptions>, ValidateWebhookTargetOptions>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(WebhookTargetFactory.HttpClientName, client =>
            {
                // Each attempt has its own deadline (WebhookTargetOptions.TimeoutSeconds).
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A redirect is a refusal: following one would send a signed action somewhere
                // the plan's author never named.
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            // The signature must never reach a log, at any level.
            .RedactLoggedHeaders(_ => true);

        // A singleton: it holds no per-plan state, and the HttpClient factory pools handlers.
        services.TryAddSingleton<WebhookTargetFactory>();
        return services;
    }
}
