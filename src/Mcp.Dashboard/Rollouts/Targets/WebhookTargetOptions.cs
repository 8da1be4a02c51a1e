using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Rollouts.Targets;

/// <summary>The <c>Targets:Webhook</c> configuration section: how hard a webhook target is tried.</summary>
public sealed record WebhookTargetOptions
{
    public const string Section = "Targets:Webhook";

    /// <summary>How long one attempt may take, connection to last response header.</summary>
    public double TimeoutSeconds { get; set; } = 5;

    /// <summary>Attempts per action, the first included.</summary>
    public int Attempts { get; set; } = 4;

    /// <summary>The wait before the second attempt; it doubles after each failure, with jitter.</summary>
    public double BackoffSeconds { get; set; } = 0.5;

    /// <summary>The longest wait between attempts, also the cap on a target's Retry-After.</summary>
    public double MaxBackoffSeconds { get; set; } = 8;
}

/// <summary>Says exactly which Targets:Webhook setting is wrong at start.</summary>
public sealed class ValidateWebhookTargetOptions : IValidateOptions<WebhookTargetOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookTargetOptions options)
    {
        var failures = new List<string>();
        if (!(options.TimeoutSeconds is >= 0.1 and <= 300))
        {
            failures.Add("Targets:Webhook:TimeoutSeconds must be between 0.1 and 300.");
        }

        if (options.Attempts is < 1 or > 20)
        {
            failures.Add("Targets:Webhook:Attempts must be between 1 and 20.");
        }

        if (!(options.BackoffSeconds is >= 0 and <= 60))
        {
            failures.Add("Targets:Webhook:BackoffSeconds must be between 0 and 60.");
        }

        if (!(options.MaxBackoffSeconds is >= 0 and <= 600) || options.MaxBackoffSeconds < options.BackoffSeconds)
        {
            failures.Add("Targets:Webhook:MaxBackoffSeconds must be between Targets:Webhook:BackoffSeconds and 600.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
