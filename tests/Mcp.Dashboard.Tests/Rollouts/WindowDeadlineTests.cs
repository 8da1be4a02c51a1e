using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Tests.Rollouts;

/// <summary>The window deadline: a trigger before the window closes, then the plan's overrun policy.</summary>
public sealed class WindowDeadlineTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private readonly RolloutLab _lab = new(host);

    [Fact]
    public async Task AThreeHourBakeInATwoHourWindow_SchedulesTheDeadline_AndThePageSaysItWillPause()
    {
        var rolloutId = await _lab.StartAsync(await _lab.ReadyPlanAsync(RolloutLab.Canary("Deadline booked", false, (10, 3 * 3600))));
        var view = await _lab.GetAsync(rolloutId);

        var fires = await host.Services.GetRequiredService<RolloutScheduler>().NextFireAsync(rolloutId, RolloutTriggerKind.Deadline, TestContext.Current.CancellationToken);

        Assert.NotNull(fires);
        Assert.Equal(view.DeadlineAt!.Value, fires!.Value, TimeSpan.FromSeconds(1));
        Assert.Contains("will pause at", view.Deadline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtTheDeadline_PausePolicy_PausesAndSaysWhy()
    {
        var rolloutId = await _lab.StartAsync(await _lab.ReadyPlanAsync(RolloutLab.Canary("Deadline pauses", false, (10, 600))));
        await _lab.WaitForBakeAsync(rolloutId);

        await host.Services.GetRequiredService<RolloutRunner>().ApplyWindowDeadlineAsync(rolloutId, TestContext.Current.CancellationToken);

        var paused = await _lab.GetAsync(rolloutId);
        Assert.Equal(RolloutState.Paused, paused.State);
        Assert.Contains("maintenance window closes", paused.PauseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtTheDeadline_RollBackPolicy_RollsBack()
    {
        var plan = RolloutLab.Canary("Deadline rolls back", false, (10, 600)) with { WindowOverrun = WindowOverrunPolicy.RollBack };
        var rolloutId = await _lab.StartAsync(await _lab.ReadyPlanAsync(plan));
        await _lab.WaitForBakeAsync(rolloutId);

        await host.Services.GetRequiredService<RolloutRunner>().ApplyWindowDeadlineAsync(rolloutId, TestContext.Current.CancellationToken);

        var rolledBack = await _lab.WaitForStateAsync(rolloutId, RolloutState.RolledBack);
        Assert.Contains("the plan says roll back", rolledBack.RollbackReason, StringComparison.Ordinal);
        Assert.Equal(RolloutEngine.Judge.Email, rolledBack.RollbackRequestedBy);
    }
}
