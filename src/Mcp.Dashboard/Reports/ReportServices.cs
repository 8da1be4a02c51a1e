namespace Mcp.Dashboard.Reports;

public static class ReportServices
{
    /// <summary>
    /// Reports and delivery insight. Scoped: each request (and circuit) reads the database through
    /// its own short-lived contexts and writes in the reader's language (the localizers follow
    /// the request culture); nothing is cached between readers.
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ReportText>();
        services.AddScoped<RolloutReports>();
        services.AddScoped<RolloutReportMarkdown>();
        services.AddScoped<DeliveryInsights>();

        // The demo's finished rollouts for reports and insight (they run only when the demo is seeded).
        services.AddSingleton<Demo.DemoDeliveryHistory>();
        services.AddTransient<Demo.DemoDeliveryHistoryJob>();
        return services;
    }
}
