using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Components.Tests.Shared;

/// <summary>A component test with the real plan services on a fresh database.</summary>
public abstract class PlanTestContext : DashboardTestContext, IAsyncLifetime
{
    private readonly TestDashboardData _data;

    protected PlanTestContext()
    {
        _data = new TestDashboardData(Services);
    }

    protected PlanService Plans => Services.GetRequiredService<PlanService>();

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await TestDashboardData.SeedAsync(Services);

    /// <summary>A valid plan definition in production, from the canary template.</summary>
    protected static PlanDefinition ValidDefinition(string name = "User service 2.3.0 -> 2.5.0") =>
        PlanTemplates.Find("canary-upgrade")!.Create() with
        {
            Name = name,
            Environment = "production",
            Services = ["user-service"],
            FromVersion = "2.3.0",
            ToVersion = "2.5.0",
            Team =
            [
                new TeamMember { Name = "Li Wei", Email = "li.wei@example.com", Role = TeamRole.TechnicalLead },
                new TeamMember { Name = "Sam Okafor", Email = "sam.okafor@example.com", Role = TeamRole.OnCall },
                new TeamMember { Name = "Mei Chen", Email = "mei.chen@example.com", Role = TeamRole.Approver },
            ],
        };

    protected override void Dispose(bool disposing)
    {
        // Called with false after DisposeAsync too; the temp folder goes either way.
        base.Dispose(disposing);
        _data.Dispose();
    }
}
