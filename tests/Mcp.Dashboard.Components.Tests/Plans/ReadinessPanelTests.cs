using Mcp.Dashboard.Components.Plans;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Components.Tests.Plans;

public sealed class ReadinessPanelTests : DashboardTestContext
{
    [Fact]
    public void ReadinessPanel_MixedGates_ShowsEachStatusDetailAndSummary()
    {
        var report = new ReadinessReport(
        [
            new ReadinessGate("approval", "Plan is approved", GateStatus.Met, "Approved by mei.chen@example.com.", true),
            new ReadinessGate("window", "Maintenance window booked", GateStatus.Unmet, "Book a maintenance window.", true),
            new ReadinessGate("team", "Team roles assigned", GateStatus.Warning, "No on-call engineer named.", false),
        ]);

        var cut = Render<ReadinessPanel>(p => p.Add(x => x.Report, report));

        var met = cut.Find("li[data-gate='approval']");
        Assert.Contains("gate-met", met.ClassList);
        Assert.Contains("Approved by mei.chen@example.com.", met.TextContent);
        Assert.Contains("Blocks start", met.TextContent);

        var unmet = cut.Find("li[data-gate='window']");
        Assert.Contains("gate-unmet", unmet.ClassList);
        Assert.Contains("Book a maintenance window.", unmet.TextContent);

        var warning = cut.Find("li[data-gate='team']");
        Assert.Contains("gate-warning", warning.ClassList);
        Assert.Contains("Advisory", warning.TextContent);

        var summary = cut.Find(".readiness-summary");
        Assert.Equal("Not ready: Maintenance window booked.", summary.TextContent.Trim());
        Assert.Contains("1 / 3 met", cut.Markup);
    }

    [Fact]
    public void ReadinessPanel_OnlyAdvisoryWarningsLeft_SaysReady()
    {
        var report = new ReadinessReport(
        [
            new ReadinessGate("approval", "Plan is approved", GateStatus.Met, "Approved.", true),
            new ReadinessGate("stage-order", "Stages run edge -> management -> core", GateStatus.Warning, "Core before edge.", false),
        ]);

        var cut = Render<ReadinessPanel>(p => p.Add(x => x.Report, report));

        Assert.Equal("Ready: every gate is met.", cut.Find(".readiness-summary").TextContent.Trim());
        Assert.Equal("true", cut.Find(".readiness-summary").GetAttribute("data-can-start"));
    }
}
