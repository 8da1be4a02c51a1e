using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Mcp.Dashboard.Hosting;
using Microsoft.AspNetCore.WebUtilities;

namespace Mcp.Dashboard.Rollouts.Targets;

/// <summary>
/// A target that POSTs each action, signed, to a plan's webhook URL. Connection failures,
/// timeouts, 408, 429 and 5xx are retried with exponential backoff and jitter (a Retry-After
/// is honoured up to the cap); any other answer but 2xx refuses the action at once. Every
/// attempt carries the action's idempotency key, so a target that did act on an attempt
/// whose answer was lost applies the retry once.
/// </summary>
public sealed class WebhookTarget : IRolloutTarget
{
    private const int MaxExcerptBytes = 4096;
    private const int MaxExcerptChars = 200;

    internal static readonly JsonSerializerOptions BodyJson = CreateBodyJson();

    private readonly HttpClient _client;
    private readonly Uri _url;
    private readonly string _secret;
    private readonly WebhookTargetOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal WebhookTarget(HttpClient client, Uri url, string secret, WebhookTargetOptions options, TimeProvider time, ILogger logger)
    {
        _client = client;
        _url = url;
        _secret = secret;
        _options = options;
        _time = time;
        _logger = logger;
    }

    // The URL as it may be logged: no credentials, no query string.
    private string DisplayUrl => SafeUrl(_url);

    /// <summary>Sends the action until the target accepts it, refuses it, or the attempts run out.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled; no further attempt is made.</exception>
    public async Task<TargetResult> ApplyAsync(TargetAction action, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(action, BodyJson);
        var started = _time.GetTimestamp();
        var lastFailure = "";
        var attempts = Math.Max(1, _options.Attempts);

        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var outcome = await SendOnceAsync(action, body, cancellationToken);
            switch (outcome.Kind)
            {
                case OutcomeKind.Accepted:
                    _logger.LogInformation("Webhook target {Url} accepted {Action} for rollout {RolloutId} on attempt {Attempt}.", DisplayUrl, action.Action, action.RolloutId, attempt);
                    return TargetResult.Applied($"The webhook target accepted {action.Action}.", attempt);
                case OutcomeKind.Refused:
                    _logger.LogWarning("Webhook target {Url} refused {Action} for rollout {RolloutId}: {Failure}", DisplayUrl, action.Action, action.RolloutId, outcome.Description);
                    return TargetResult.Refused($"The webhook target refused {action.Action}: {outcome.Description}.", attempt);
            }

            lastFailure = outcome.Description;
            if (attempt == attempts)
            {
                break;
            }

            var delay = Backoff(attempt, outcome.RetryAfter);
            _logger.LogWarning(
                "Webhook target {Url} did not accept {Action} for rollout {RolloutId} (attempt {Attempt} of {Attempts}): {Failure}; retrying in {Delay:0.00} s.",
                DisplayUrl, action.Action, action.RolloutId, attempt, attempts, outcome.Description, delay.TotalSeconds);
            await Task.Delay(delay, _time, cancellationToken);
        }

        var elapsed = _time.GetElapsedTime(started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var times = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        _logger.LogWarning("Webhook target {Url} did not accept {Action} for rollout {RolloutId} after {Attempts} attempts: {Failure}", DisplayUrl, action.Action, action.RolloutId, attempts, lastFailure);
        return TargetResult.Refused($"The webhook target did not accept {action.Action} after {times} over {elapsed} s: {lastFailure}.", attempts);
    }

    private async Task<Outcome> SendOnceAsync(TargetAction action, byte[] body, CancellationToken cancellationToken)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, _url)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(_secret, timestamp, body));
        request.Headers.TryAddWithoutValidation("Idempotency-Key", action.IdempotencyKey);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Mcp.Dashboard", null));

        // The attempt's own deadline runs on the TimeProvider, so tests can use a fake clock.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.TimeoutSeconds), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            var described = $"HTTP {status} {ReasonPhrases.GetReasonPhrase(status)}".TrimEnd();
            if (response.IsSuccessStatusCode)
            {
                return new(OutcomeKind.Accepted, described);
            }

            if (status is >= 300 and < 400)
            {
                return new(OutcomeKind.Refused, $"{described}, a redirect, which is not followed (point the plan at the final URL)");
            }

            if (status is 408 or 429 or >= 500)
            {
                return new(OutcomeKind.Retry, described, RetryAfter(response));
            }

            var excerpt = await ExcerptAsync(response, linked.Token);
            return new(OutcomeKind.Refused, excerpt.Length == 0 ? described : $"{described}: \"{excerpt}\"");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(OutcomeKind.Retry, $"no answer within {_options.TimeoutSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException exception)
        {
            return new(OutcomeKind.Retry, exception.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => $"the host name {_url.Host} did not resolve",
                HttpRequestError.ConnectionError => $"could not connect to {_url.Authority}",
                HttpRequestError.SecureConnectionError => $"the TLS connection to {_url.Authority} failed",
                _ => "the connection failed before an answer came back",
            });
        }
    }

    private TimeSpan Backoff(int failedAttempt, TimeSpan? retryAfter)
    {
        var cap = TimeSpan.FromSeconds(_options.MaxBackoffSeconds);
        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > cap ? cap : asked;
        }

        // Exponential with +-25% jitter, so many rollouts failing against one target at once do
        // not retry in lockstep.
        var exponential = _options.BackoffSeconds * Math.Pow(2, failedAttempt - 1);
        var jittered = exponential * (0.75 + (0.5 * Random.Shared.NextDouble()));
        return TimeSpan.FromSeconds(Math.Min(jittered, _options.MaxBackoffSeconds));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow(),
        _ => null,
    };

    // The target's words help whoever reads the event log, but they are untrusted: read at most
    // a few KiB, keep printable characters, cap the length, and never echo the signing key.
    private async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxExcerptBytes];
            var read = 0;
            int count;
            while (read < buffer.Length && (count = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
            {
                read += count;
            }

            return Sanitize(Encoding.UTF8.GetString(buffer, 0, read), _secret);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return "";
        }
    }

    internal static string Sanitize(string text, string secret)
    {
        if (secret.Length > 0)
        {
            text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxExcerptChars + 1));
        var lastWasSpace = true;
        foreach (var c in text)
        {
            var printable = !char.IsControl(c) && !char.IsSurrogate(c) && c is not ('\u2028' or '\u2029' or '\u202E' or '\u200B');
            if (!printable || char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(c == '"' ? '\'' : c);
            lastWasSpace = false;
            if (builder.Length > MaxExcerptChars)
            {
                return builder.ToString(0, MaxExcerptChars).TrimEnd() + "…";
            }
        }

        return builder.ToString().TrimEnd();
    }

    internal static string SafeUrl(Uri url) => url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    private static JsonSerializerOptions CreateBodyJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        DashboardServices.ConfigureJson(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private enum OutcomeKind
    {
        Accepted,
        Refused,
        Retry,
    }

    private readonly record struct Outcome(OutcomeKind Kind, string Description, TimeSpan? RetryAfter = null);
}
