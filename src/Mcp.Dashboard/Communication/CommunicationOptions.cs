using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Communication;

/// <summary>The <c>Communication</c> configuration section: how messages are sent and retried.</summary>
public sealed class CommunicationOptions
{
    public const string Section = "Communication";

    /// <summary>Attempts per message, the first included, before it is marked Failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the second attempt; it doubles after each failure.</summary>
    public double BackoffSeconds { get; set; } = 30;

    /// <summary>The longest wait between attempts, also the cap on a receiver's Retry-After.</summary>
    public double MaxBackoffSeconds { get; set; } = 3600;

    /// <summary>How long one attempt may take.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>The dashboard's public address, for <c>{status_url}</c> and <c>{rollout_url}</c>; empty: links are left out.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>
    /// The HMAC-SHA256 key that signs generic JSON webhook messages (<c>X-Mcp-Signature</c>);
    /// empty: they are sent unsigned. Slack and Teams URLs are their own credential.
    /// </summary>
    public string SigningKey { get; set; } = "";

    /// <summary>Allow plain http to hosts other than loopback (never in production).</summary>
    public bool AllowInsecureHttp { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>The <c>Communication:Smtp</c> section; e-mail is off while <see cref="Host"/> is empty.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    public string From { get; set; } = "";

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public bool EnableSsl { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Says exactly which Communication setting is wrong at start.</summary>
public sealed class ValidateCommunicationOptions : IValidateOptions<CommunicationOptions>
{
    public ValidateOptionsResult Validate(string? name, CommunicationOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAttempts is < 1 or > 50)
        {
            failures.Add("Communication:MaxAttempts must be between 1 and 50.");
        }

        if (!(options.BackoffSeconds is >= 0 and <= 86400) || !(options.MaxBackoffSeconds >= options.BackoffSeconds && options.MaxBackoffSeconds <= 86400))
        {
            failures.Add("Communication:BackoffSeconds must be between 0 and 86400, and MaxBackoffSeconds between it and 86400.");
        }

        if (!(options.TimeoutSeconds is >= 0.1 and <= 300))
        {
            failures.Add("Communication:TimeoutSeconds must be between 0.1 and 300.");
        }

        if (options.PublicBaseUrl.Length > 0 && !(Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            failures.Add("Communication:PublicBaseUrl must be an absolute http(s) URL, or empty.");
        }

        if (options.Smtp.Enabled && (options.Smtp.Port is < 1 or > 65535 || !options.Smtp.From.Contains('@', StringComparison.Ordinal)))
        {
            failures.Add("Communication:Smtp needs a Port between 1 and 65535 and a From address when Host is set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
