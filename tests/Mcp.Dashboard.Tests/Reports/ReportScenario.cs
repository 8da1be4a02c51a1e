using System.Net;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Tests.Reports;

/// <summary>
/// Three real rollouts on the simulated fleet, run once for the report tests: one succeeds, one
/// is rolled back by the judge after an injected error spike, one is rolled back by a person
/// whose reason (and plan name, checklist and rollback step) carry HTML and Markdown.
/// </summary>
public sealed class ReportScenario : IAsyncLifetime
{
    public const string Hostile = "<script>alert('x')</script> [x](http://evil) | cell\nbreak **bold**";

    /// <summary>The same on one line, for names and titles (which refuse line breaks).</summary>
    public const string HostileLine = "<script>alert('x')</script> [x](http://evil) | cell **bold**";

    public DashboardHost Host { get; } = new()
    {
        // One-second history buckets, so the metric summary has closed buckets within seconds.
        Settings = new Dictionary<string, string> { ["Metrics:HistoryBucketSeconds"] = "1" },
    };

    public Guid Succeeded { get; private set; }

    public Guid RolledBackByJudge { get; private set; }

    public Guid RolledBackByPerson { get; private set; }

    public Guid RolledBackByTrigger { get; private set; }

    public Guid RolledBackAtDeadline { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await Host.InitializeAsync();
        var lab = new RolloutLab(Host);
        using var engineer = Host.ClientFor(DemoAccounts.Engineer);

        var succeeds = lab.ReadyPlanAsync(RolloutLab.Canary("Report succeeds", analysis: false, (10, 2)));
        var judged = lab.ReadyPlanAsync(RolloutLab.Canary("Report judge rolls back", analysis: true, (10, 600), (50, 600)));
        var manual = lab.ReadyPlanAsync(RolloutLab.Canary("Report person rolls back " + HostileLine, analysis: false, (10, 600)) with
        {
            Stages = [new StageDefinition { Name = "Core " + HostileLine, Tier = NodeTier.Core, Checklist = [new() { Title = "Backup " + HostileLine, Required = true, Owner = DemoAccounts.Engineer.Email }] }],
            Rollback = new RollbackPlan { Steps = [new RollbackStep { Title = "Tell support " + HostileLine, Owner = DemoAccounts.Engineer.Email }] },
        });

        var trigger = lab.ReadyPlanAsync(RolloutLab.Canary("Report trigger rolls back", analysis: false, (10, 600)) with
        {
            Rollback = new RollbackPlan { Triggers = [new RollbackTrigger { Metric = "error_rate", Comparison = TriggerComparison.Above, Threshold = 0.000001, ForSeconds = 3 }] },
        });
        var deadline = lab.ReadyPlanAsync(RolloutLab.Canary("Report deadline rolls back", analysis: false, (10, 600)) with { WindowOverrun = WindowOverrunPolicy.RollBack });

        Succeeded = await lab.StartAsync(await succeeds);
        RolledBackByTrigger = await lab.StartAsync(await trigger);
        RolledBackAtDeadline = await lab.StartAsync(await deadline);
        RolledBackByJudge = await lab.StartAsync(await judged);
        RolledBackByPerson = await lab.StartAsync(await manual);

        // The window deadline as its Quartz job would apply it when the window closes.
        await lab.WaitForBakeAsync(RolledBackAtDeadline);
        await Host.Services.GetRequiredService<RolloutRunner>().ApplyWindowDeadlineAsync(RolledBackAtDeadline);

        await lab.WaitForBakeAsync(RolledBackByPerson);
        var rollback = await engineer.PostJson($"/api/v1/rollouts/{RolledBackByPerson}/rollback", new { reason = Hostile });
        Assert.Equal(HttpStatusCode.Accepted, rollback.StatusCode);

        await lab.WaitForAsync(RolledBackByJudge, v => v.Verdict is { LowConfidence: false }, seconds: 60);
        var fault = await engineer.PostJson($"/api/v1/rollouts/{RolledBackByJudge}/faults", new { kind = "ErrorSpike", factor = 3 });
        Assert.Equal(HttpStatusCode.OK, fault.StatusCode);

        await lab.WaitForStateAsync(Succeeded, RolloutState.Succeeded, seconds: 60);
        await lab.WaitForStateAsync(RolledBackByPerson, RolloutState.RolledBack, seconds: 60);
        await lab.WaitForStateAsync(RolledBackByJudge, RolloutState.RolledBack, seconds: 60);
        await lab.WaitForStateAsync(RolledBackByTrigger, RolloutState.RolledBack, seconds: 60);
        await lab.WaitForStateAsync(RolledBackAtDeadline, RolloutState.RolledBack, seconds: 60);
        var ticked = await engineer.PostJson($"/api/v1/rollouts/{RolledBackByPerson}/rollback-checklist/1/complete", new { });
        Assert.Equal(HttpStatusCode.OK, ticked.StatusCode);
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
