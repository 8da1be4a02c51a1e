using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Rollouts;

/// <summary>The <c>Rollouts</c> configuration section.</summary>
public sealed class RolloutOptions
{
    public const string Section = "Rollouts";

    /// <summary>
    /// Instances per tier a rolling rollout replaces in batches. The inventory does not record
    /// instance counts yet, so this says how many there are.
    /// </summary>
    public int InstancesPerTier { get; set; } = 6;

    /// <summary>How long before the window closes the plan's overrun policy is applied.</summary>
    public int WindowSafetyMarginMinutes { get; set; } = 5;

    /// <summary>How long to wait before asking a target again to take a rollback it refused.</summary>
    public int RollbackRetrySeconds { get; set; } = 10;

    /// <summary>
    /// How often a plan's Prometheus queries are read while its rollout runs. Each reading is a
    /// rate over the plan's lookback, so reading much more often than lookback / 10 only
    /// repeats the same evidence.
    /// </summary>
    public int PrometheusPollSeconds { get; set; } = 5;
}

public sealed class ValidateRolloutOptions : IValidateOptions<RolloutOptions>
{
    public ValidateOptionsResult Validate(string? name, RolloutOptions options)
    {
        var failures = new List<string>();
        if (options.InstancesPerTier is < 1 or > 10_000)
        {
            failures.Add("Rollouts:InstancesPerTier must be between 1 and 10000.");
        }

        if (options.WindowSafetyMarginMinutes is < 0 or > 240)
        {
            failures.Add("Rollouts:WindowSafetyMarginMinutes must be between 0 and 240.");
        }

        if (options.RollbackRetrySeconds is < 1 or > 3600)
        {
            failures.Add("Rollouts:RollbackRetrySeconds must be between 1 and 3600.");
        }

        if (options.PrometheusPollSeconds is < 1 or > 600)
        {
            failures.Add("Rollouts:PrometheusPollSeconds must be between 1 and 600.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
