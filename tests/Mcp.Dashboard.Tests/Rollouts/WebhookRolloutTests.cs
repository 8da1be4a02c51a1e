using System.Net;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts.Targets;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Rollouts;

/// <summary>A host whose webhook target gives up quickly, so a failing target is seen in seconds.</summary>
public sealed class QuickWebhookHost : DashboardHost
{
    public QuickWebhookHost()
    {
        Settings = new Dictionary<string, string>
        {
            ["Targets:Webhook:Attempts"] = "2",
            ["Targets:Webhook:BackoffSeconds"] = "0.1",
            ["Targets:Webhook:TimeoutSeconds"] = "2",
            ["Rollouts:RollbackRetrySeconds"] = "1",
        };
    }
}

/// <summary>Rollouts acting on a signed webhook target served by the test: it never advances blindly.</summary>
public sealed class WebhookRolloutTests(QuickWebhookHost host) : IClassFixture<QuickWebhookHost>, IAsyncLifetime
{
    private readonly RolloutLab _lab = new(host);
    private WebhookRecorder _target = null!;

    public async ValueTask InitializeAsync() => _target = await WebhookRecorder.StartAsync();

    public async ValueTask DisposeAsync() => await _target.DisposeAsync();

    private PlanDefinition OnWebhook(string name, params (int, int)[] steps) =>
        RolloutLab.Canary(name, false, steps) with
        {
            Target = new TargetSettings { Kind = TargetKind.Webhook, Url = _target.HookUrl.ToString(), Secret = WebhookRecorder.Secret },
        };

    [Fact]
    public async Task EveryStepIsASignedActionWithItsKey()
    {
        var rolloutId = await _lab.StartAsync(await _lab.ReadyPlanAsync(OnWebhook("Signed actions", (10, 1))));

        var done = await _lab.WaitForStateAsync(rolloutId, RolloutState.Succeeded);

        Assert.All(_target.Deliveries, d => Assert.True(d.SignatureValid));
        Assert.Equal([10, 100], _target.Effects.Select(d => d.Weight ?? -1));
        Assert.Equal(done.Steps.Where(s => s.Action == RolloutAction.SetWeight).Select(s => s.IdempotencyKey), _target.Effects.Select(d => d.IdempotencyKey));
    }

    [Fact]
    public async Task AFailingTarget_PausesTheRolloutAndSaysWhy_ThenResumesWhereItStopped()
    {
        _target.FailWithStatus = (int)HttpStatusCode.ServiceUnavailable;
        var rolloutId = await _lab.StartAsync(await _lab.ReadyPlanAsync(OnWebhook("Target down", (10, 1))));

        var paused = await _lab.WaitForStateAsync(rolloutId, RolloutState.Paused);

        Assert.Contains("did not take step", paused.PauseReason, StringComparison.Ordinal);
        Assert.Contains("503", paused.PauseReason, StringComparison.Ordinal);
        var step = paused.Steps.First(s => s.Action == RolloutAction.SetWeight);
        Assert.Equal(StepState.Running, step.State);
        Assert.Equal(0, _target.Effects.Count(d => d.Weight == 100));

        _target.FailWithStatus = null;
        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        Assert.Equal(HttpStatusCode.OK, (await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/resume", new { reason = "target is back" })).StatusCode);

        await _lab.WaitForStateAsync(rolloutId, RolloutState.Succeeded);
        Assert.Equal([10, 100], _target.Effects.Select(d => d.Weight ?? -1));
        Assert.True(_target.Deliveries.Count(d => d.IdempotencyKey == step.IdempotencyKey) >= 3, "the refused action is sent again with the same key");
    }

    [Fact]
    public async Task ARollbackTheTargetRefuses_IsRetried_AndOnlyMarkedDoneWhenTaken()
    {
        var rolloutId = await _lab.StartAsync(await _lab.ReadyPlanAsync(OnWebhook("Rollback retried", (10, 600))));
        await _lab.WaitForBakeAsync(rolloutId);
        _target.FailWithStatus = (int)HttpStatusCode.BadGateway;
        using var engineer = host.ClientFor(DemoAccounts.Engineer);

        await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/rollback", new { reason = "latency" });
        await _target.WaitForAsync(d => d.Action == TargetAction.Rollback, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await Task.Delay(1500, TestContext.Current.CancellationToken);

        Assert.Equal(RolloutState.RollingBack, (await _lab.GetAsync(rolloutId)).State);
        _target.FailWithStatus = null;
        var rolledBack = await _lab.WaitForStateAsync(rolloutId, RolloutState.RolledBack);
        Assert.Equal(0, rolledBack.CurrentWeight);
        Assert.Single(_target.Effects, d => d.Action == TargetAction.Rollback);
        var events = await (await engineer.GetAsync($"/api/v1/rollouts/{rolloutId}/events", TestContext.Current.CancellationToken)).ReadJson();
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("kind").GetString() == "target.refused");
    }
}

/// <summary>Resuming after a refused target never accepts a step the target did not take.</summary>
public sealed class WebhookResumeTests(QuickWebhookHost host) : IClassFixture<QuickWebhookHost>, IAsyncLifetime
{
    private readonly RolloutLab _lab = new(host);
    private WebhookRecorder _target = null!;

    public async ValueTask InitializeAsync() => _target = await WebhookRecorder.StartAsync();

    public async ValueTask DisposeAsync() => await _target.DisposeAsync();

    [Fact]
    public async Task ResumingAfterTheBakeTimePassed_SendsTheRefusedActionAgain_AndJudgesItsOwnBake()
    {
        _target.FailWithStatus = (int)HttpStatusCode.ServiceUnavailable;
        var plan = RolloutLab.Canary("Resume never skips", analysis: true, (10, 1)) with
        {
            Target = new TargetSettings { Kind = TargetKind.Webhook, Url = _target.HookUrl.ToString(), Secret = WebhookRecorder.Secret },
        };
        var rolloutId = await _lab.StartAsync(await _lab.ReadyPlanAsync(plan));
        await _lab.WaitForStateAsync(rolloutId, RolloutState.Paused);
        await Task.Delay(2000, TestContext.Current.CancellationToken);
        _target.FailWithStatus = null;
        using var engineer = host.ClientFor(DemoAccounts.Engineer);

        Assert.Equal(HttpStatusCode.OK, (await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/resume", new { })).StatusCode);

        // The weight is sent again and baked; with no metrics from this target the judge has
        // nothing to go on, so it holds for a person rather than passing the step.
        var held = await _lab.WaitForAsync(rolloutId, v => v.State == RolloutState.Paused && v.PauseReason!.Contains("without enough data", StringComparison.Ordinal));
        Assert.Equal(10, Assert.Single(_target.Effects).Weight);
        Assert.Equal(StepState.Running, held.Steps.First(s => s.Action == RolloutAction.SetWeight).State);
    }
}
