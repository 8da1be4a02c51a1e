using Mcp.Dashboard.Rollouts.Jobs;
using Mcp.Dashboard.Rollouts.Targets;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Rollouts;

public static class RolloutServices
{
    /// <summary>The rollout engine: its store, Quartz jobs, runner, targets, analysis and read side.</summary>
    public static IServiceCollection AddRollouts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RolloutOptions>().Bind(configuration.GetSection(RolloutOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RolloutOptions>, ValidateRolloutOptions>();

        services.AddSingleton<RolloutStore>();
        services.AddSingleton<RolloutScheduler>();
        services.AddSingleton<RolloutEngine>();
        services.AddSingleton<RolloutRunner>();
        services.AddSingleton<InFlightActions>();
        services.AddSingleton<RolloutQueries>();
        services.AddSingleton<IRolloutLookup, RolloutLookup>();

        services.AddSingleton<SimulatedFleets>();
        services.AddSingleton<SimulatedTarget>();
        services.AddSingleton<RolloutTargets>();

        services.AddSingleton<RolloutAnalysis>();
        services.AddSingleton<IStepJudge>(provider => provider.GetRequiredService<RolloutAnalysis>());
        services.AddSingleton<ILiveVerdicts>(provider => provider.GetRequiredService<RolloutAnalysis>());

        services.AddTransient<AdvanceRolloutJob>();
        services.AddTransient<RollbackRolloutJob>();
        services.AddTransient<WindowDeadlineJob>();
        services.AddHostedService<RolloutRecovery>();
        services.AddHostedService<RolloutTicker>();
        services.AddSingleton<Live.RolloutBroadcaster>();
        return services;
    }
}

/// <summary>The rollout's state for metric ingest and sources.</summary>
internal sealed class RolloutLookup(RolloutStore store) : IRolloutLookup
{
    public async Task<Domain.Rollouts.RolloutState?> FindStateAsync(Guid rolloutId, CancellationToken cancellationToken) =>
        (await store.FindAsync(rolloutId, cancellationToken))?.State;
}
