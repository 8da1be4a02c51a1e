using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mcp.Dashboard.Rollouts.Metrics;

public static class MetricSourceServices
{
    /// <summary><see cref="PrometheusMetricSource"/> and its HttpClient.</summary>
    public static IServiceCollection AddPrometheusMetricSource(this IServiceCollection services)
    {
        services.AddHttpClient(PrometheusMetricSource.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(10);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });

        // A singleton: it holds no state; each read names the server it asks.
        services.TryAddSingleton<PrometheusMetricSource>();
        return services;
    }
}
