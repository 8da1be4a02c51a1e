using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Mcp.Dashboard.Rollouts.Targets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Tests.Targets;

public sealed class WebhookTargetTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private WebhookReceiver _receiver = null!;

    public async ValueTask InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    private static TargetAction SetWeight(int weight = 10) => new()
    {
        Action = TargetAction.SetWeight,
        RolloutId = Guid.NewGuid(),
        PlanId = Guid.NewGuid(),
        Weight = weight,
        At = new DateTimeOffset(2026, 1, 30, 10, 0, 0, TimeSpan.Zero),
        IdempotencyKey = "rollout-step-2-" + Guid.NewGuid().ToString("N"),
        Services = ["user-service"],
    };

    // Fast backoff so retry tests take milliseconds; the timeout is short for the slow-target test.
    private ServiceProvider Services(double timeoutSeconds = 2, int attempts = 4, double backoffSeconds = 0.02, double maxBackoffSeconds = 5)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Targets:Webhook:TimeoutSeconds"] = timeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["Targets:Webhook:Attempts"] = attempts.ToString(CultureInfo.InvariantCulture),
            ["Targets:Webhook:BackoffSeconds"] = backoffSeconds.ToString(CultureInfo.InvariantCulture),
            ["Targets:Webhook:MaxBackoffSeconds"] = maxBackoffSeconds.ToString(CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddRolloutTargets(configuration);
        return services.BuildServiceProvider(validateScopes: true);
    }

    private IRolloutTarget Target(ServiceProvider services, Uri? url = null) =>
        services.GetRequiredService<WebhookTargetFactory>().Create(url ?? _receiver.HookUrl, WebhookReceiver.Secret);

    [Fact]
    public async Task Apply_SignedJson_ReceiverVerifiesSignatureAndBodyShape()
    {
        using var services = Services();
        var action = SetWeight(10);

        var result = await Target(services).ApplyAsync(action, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(1, result.Attempts);
        var request = Assert.Single(_receiver.Requests);
        Assert.True(request.SignatureValid);
        Assert.Matches("^sha256=[0-9a-f]{64}$", request.Signature);
        Assert.Equal(action.IdempotencyKey, request.IdempotencyKey);
        Assert.StartsWith("Mcp.Dashboard", request.UserAgent, StringComparison.Ordinal);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);

        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("setWeight", root.GetProperty("action").GetString());
        Assert.Equal(action.RolloutId, root.GetProperty("rolloutId").GetGuid());
        Assert.Equal(action.PlanId, root.GetProperty("planId").GetGuid());
        Assert.Equal(10, root.GetProperty("weight").GetInt32());
        Assert.Equal(action.At, root.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(action.IdempotencyKey, root.GetProperty("idempotencyKey").GetString());
        Assert.False(root.TryGetProperty("tier", out _), "nulls are omitted");
        Assert.False(root.TryGetProperty("toVersion", out _), "nulls are omitted");
    }

    [Fact]
    public void Signature_TamperedBodyWrongKeyOldTimestampOrJunk_DoesNotVerify()
    {
        var now = DateTimeOffset.UtcNow;
        var body = Encoding.UTF8.GetBytes("""{"action":"rollback"}""");
        var stamp = now.ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign("key", stamp, body);
        var ts = stamp.ToString(CultureInfo.InvariantCulture);

        Assert.True(WebhookSignature.Verify("key", ts, signature, body, now));
        Assert.False(WebhookSignature.Verify("key", ts, signature, Encoding.UTF8.GetBytes("""{"action":"promote"}"""), now));
        Assert.False(WebhookSignature.Verify("other", ts, signature, body, now));
        Assert.False(WebhookSignature.Verify("key", ts, signature, body, now.AddMinutes(6)));
        Assert.False(WebhookSignature.Verify("key", (stamp + 1).ToString(CultureInfo.InvariantCulture), signature, body, now));
        Assert.False(WebhookSignature.Verify("key", ts, "sha256=zz" + signature[9..], body, now));
        Assert.False(WebhookSignature.Verify("key", ts, signature.ToUpperInvariant(), body, now));
        Assert.False(WebhookSignature.Verify("key", null, signature, body, now));
        Assert.False(WebhookSignature.Verify("key", ts, null, body, now));
    }

    [Fact]
    public async Task Apply_TwoServiceUnavailable_RetriesWithSameIdempotencyKeyThenSucceeds()
    {
        using var services = Services();
        _receiver.Respond = (attempt, context) =>
        {
            context.Response.StatusCode = attempt <= 2 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            return Task.CompletedTask;
        };
        var action = SetWeight();

        var result = await Target(services).ApplyAsync(action, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, _receiver.Requests.Count);
        Assert.All(_receiver.Requests, request =>
        {
            Assert.Equal(action.IdempotencyKey, request.IdempotencyKey);
            Assert.True(request.SignatureValid);
        });
    }

    [Fact]
    public async Task Apply_TargetKeepsFailing_RefusedNamingCauseAndAttempts()
    {
        using var services = Services(attempts: 4);
        _receiver.Respond = (_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        };

        var result = await Target(services).ApplyAsync(SetWeight(), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(4, _receiver.Requests.Count);
        Assert.Matches(@"^The webhook target did not accept setWeight after 4 attempts over \d+\.\d s: HTTP 503 Service Unavailable\.$", result.Message);
    }

    [Fact]
    public async Task Apply_SlowTarget_TimesOutEachAttemptAndIsRefused()
    {
        using var services = Services(timeoutSeconds: 0.3, attempts: 2);
        _receiver.Respond = async (_, context) => await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
        var clock = Stopwatch.StartNew();

        var result = await Target(services).ApplyAsync(SetWeight(), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Attempts);
        Assert.Contains("no answer within 0.3 s", result.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Apply_BadRequest_IsNotRetried_MessageHasStatusAndSanitizedExcerpt()
    {
        using var services = Services();
        _receiver.Respond = async (_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("weight\r\n\u0007must be\tat most 50 " + new string('x', 5000));
        };

        var result = await Target(services).ApplyAsync(SetWeight(80), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Attempts);
        Assert.Single(_receiver.Requests);
        Assert.StartsWith("The webhook target refused setWeight: HTTP 400 Bad Request: \"weight must be at most 50 xxx", result.Message, StringComparison.Ordinal);
        Assert.True(result.Message.Length < 300, result.Message);
        Assert.DoesNotContain('\n', result.Message);
        Assert.DoesNotContain('\u0007', result.Message);
    }

    [Fact]
    public async Task Apply_TooManyRequestsWithRetryAfter_WaitsAsAskedBeforeRetrying()
    {
        using var services = Services(backoffSeconds: 0.01);
        _receiver.Respond = (attempt, context) =>
        {
            context.Response.StatusCode = attempt == 1 ? StatusCodes.Status429TooManyRequests : StatusCodes.Status202Accepted;
            if (attempt == 1)
            {
                context.Response.Headers.RetryAfter = "1";
            }

            return Task.CompletedTask;
        };

        var result = await Target(services).ApplyAsync(SetWeight(), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Message);
        var requests = _receiver.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        var gap = requests[1].At - requests[0].At;
        Assert.True(gap >= TimeSpan.FromSeconds(0.9), $"retried after {gap.TotalSeconds:0.000} s, before Retry-After");
    }

    [Fact]
    public async Task Apply_RetryAfterAboveTheCap_WaitsOnlyTheCap()
    {
        using var services = Services(backoffSeconds: 0.01, maxBackoffSeconds: 0.2);
        _receiver.Respond = (attempt, context) =>
        {
            context.Response.StatusCode = attempt == 1 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status204NoContent;
            context.Response.Headers.RetryAfter = "3600";
            return Task.CompletedTask;
        };
        var clock = Stopwatch.StartNew();

        var result = await Target(services).ApplyAsync(SetWeight(), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Apply_Redirect_IsRefusedAndNotFollowed()
    {
        using var services = Services();
        _receiver.Respond = (_, context) =>
        {
            context.Response.Redirect("/final", permanent: false, preserveMethod: true);
            return Task.CompletedTask;
        };

        var result = await Target(services).ApplyAsync(SetWeight(), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("HTTP 307 Temporary Redirect", result.Message, StringComparison.Ordinal);
        Assert.Contains("redirect", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, _receiver.FinalHits);
    }

    [Fact]
    public async Task Apply_NobodyListening_RetriesConnectionErrorsThenRefuses()
    {
        using var services = Services(attempts: 3);
        var closed = new Uri($"http://127.0.0.1:{ClosedPort()}/hooks/mcp");

        var result = await Target(services, closed).ApplyAsync(SetWeight(), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Attempts);
        Assert.Contains("after 3 attempts", result.Message, StringComparison.Ordinal);
        Assert.Contains("could not connect to 127.0.0.1", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_Cancelled_StopsRetrying()
    {
        using var services = Services(attempts: 10, backoffSeconds: 5, maxBackoffSeconds: 5);
        _receiver.Respond = (_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return Task.CompletedTask;
        };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Target(services).ApplyAsync(SetWeight(), cancel.Token));
        Assert.Single(_receiver.Requests);
    }

    [Fact]
    public async Task Logs_AtEveryLevel_NeverContainTheSecretTheSignatureOrTheQueryString()
    {
        using var services = Services(attempts: 2);
        _receiver.Respond = async (attempt, context) =>
        {
            context.Response.StatusCode = attempt == 1 ? StatusCodes.Status500InternalServerError : StatusCodes.Status422UnprocessableEntity;
            await context.Response.WriteAsync("you sent key " + WebhookReceiver.Secret);
        };
        var url = new Uri(_receiver.HookUrl + "?token=query-secret-123");

        var result = await Target(services, url).ApplyAsync(SetWeight(), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.NotEmpty(_logs.Lines);
        var logs = _logs.All;
        Assert.Contains("/hooks/mcp", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookReceiver.Secret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookReceiver.Secret, result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("query-secret-123", logs, StringComparison.Ordinal);
        foreach (var request in _receiver.Requests)
        {
            Assert.DoesNotContain(request.Signature![7..], logs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_OutOfRange_FailValidationNamingTheKey()
    {
        var result = new ValidateWebhookTargetOptions().Validate(null, new WebhookTargetOptions { TimeoutSeconds = 0, Attempts = 0, BackoffSeconds = 10, MaxBackoffSeconds = 1 });

        Assert.True(result.Failed);
        Assert.Contains("Targets:Webhook:TimeoutSeconds", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Targets:Webhook:Attempts", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Targets:Webhook:MaxBackoffSeconds", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new ValidateWebhookTargetOptions().Validate(null, new WebhookTargetOptions()).Succeeded);
    }

    [Fact]
    public void Factory_UrlWithCredentials_IsRejected()
    {
        using var services = Services();
        var factory = services.GetRequiredService<WebhookTargetFactory>();

        Assert.Throws<ArgumentException>(() => factory.Create(new Uri("https://user:pw@deploy.example.com/hook"), "k"));
        Assert.Throws<ArgumentException>(() => factory.Create(new Uri("ftp://deploy.example.com/hook"), "k"));
        Assert.Equal(4, services.GetRequiredService<IOptions<WebhookTargetOptions>>().Value.Attempts);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
