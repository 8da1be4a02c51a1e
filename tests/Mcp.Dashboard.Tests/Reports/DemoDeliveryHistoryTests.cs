using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Tests.Reports;

/// <summary>A fresh demo gets finished rollouts for its reports from the real engine: one succeeds, the judge rolls one back, a person another.</summary>
public sealed class DemoDeliveryHistoryTests : IAsyncLifetime
{
    private readonly DashboardHost _host = new() { Settings = new Dictionary<string, string> { ["Dashboard:DemoHistory"] = "true" } };

    public ValueTask InitializeAsync() => _host.InitializeAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FreshDemo_FinishesItsHistoryRollouts_AndInsightCountsThem()
    {
        var ct = TestContext.Current.CancellationToken;
        var queries = _host.Services.GetRequiredService<RolloutQueries>();

        // The job acts a minute after seeding; the judge then needs a few seconds, and a held healthy step a look every 30 s.
        var deadline = DateTimeOffset.UtcNow.AddMinutes(4);
        IReadOnlyList<RolloutView> history;
        do
        {
            history = (await queries.ListAsync(cancellationToken: ct)).Where(r => r.PlanName.StartsWith(DemoDeliveryHistory.NamePrefix, StringComparison.Ordinal)).ToList();
            if (history.Count == 3 && history.All(r => r.IsFinished))
            {
                break;
            }

            await Task.Delay(1000, ct);
        }
        while (DateTimeOffset.UtcNow < deadline);

        Assert.Equal([RolloutState.RolledBack, RolloutState.RolledBack, RolloutState.Succeeded], history.Select(r => r.State).Order());
        Assert.Contains(history, r => r.RollbackRequestedBy == RolloutEngine.Judge.Email);
        Assert.Contains(history, r => r.RollbackReason == DemoDeliveryHistory.ManualReason && r.RollbackRequestedBy == DemoAccounts.Engineer.Email);

        using var reader = _host.ClientFor(DemoAccounts.Stakeholder);
        var insight = await (await reader.GetAsync($"/api/v1/insight?environment={DemoDeliveryHistory.Environment}", ct)).ReadJson();
        Assert.Equal(1, insight.GetProperty("outcomes").GetProperty("succeeded").GetInt32());
        Assert.Equal(2, insight.GetProperty("outcomes").GetProperty("rolledBack").GetInt32());
    }
}
