using Mcp.Dashboard.Components.Pages.Inventory;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Inventory;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Components.Tests.Pages;

public sealed class InventoryPageTests : PageTestContext
{
    [Fact]
    public async Task InventoryPage_ServicesInEachTier_RendersTableByTierAndOneMapEdgePerDependency()
    {
        var actor = SignIn("li.wei@example.com", DashboardRoles.ReleaseManager);
        await Services.GetRequiredService<InventoryService>().CreateAsync(actor, "production", "Customer-facing", [
            new PlatformService { Name = "user-service", Tier = NodeTier.Core, Version = "2.3.0", DependsOn = ["gateway", "service-registry"] },
            new PlatformService { Name = "gateway", Tier = NodeTier.Edge, Version = "1.8.2" },
            new PlatformService { Name = "order-service", Tier = NodeTier.Core, Version = "2.3.0", DependsOn = ["user-service"] },
            new PlatformService { Name = "service-registry", Tier = NodeTier.Management, Version = "2.0.1" },
        ], Xunit.TestContext.Current.CancellationToken);

        var cut = Render<InventoryPage>();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("table tbody tr").Count));
        var names = cut.FindAll("table tbody .service-name").Select(n => n.TextContent).ToList();
        Assert.Equal(["gateway", "service-registry", "order-service", "user-service"], names);

        var map = cut.Find("[data-testid=dependency-map]");
        var edges = map.QuerySelectorAll("path.edge").Select(e => (e.GetAttribute("data-from"), e.GetAttribute("data-to"))).ToHashSet();
        Assert.Equal(new HashSet<(string?, string?)> { ("user-service", "gateway"), ("user-service", "service-registry"), ("order-service", "user-service") }, edges);

        // Each tier is its own column: edge left of management left of core.
        double X(string service) => double.Parse(map.QuerySelector($"g.node[data-service='{service}'] rect")!.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(X("gateway") < X("service-registry"));
        Assert.True(X("service-registry") < X("user-service"));
        Assert.Equal(X("user-service"), X("order-service"));
        Assert.Contains("depends on gateway, service-registry", map.QuerySelector("g.node[data-service='user-service']")!.GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InventoryPage_ServiceNameWithScriptTag_RendersEncodedText()
    {
        SignIn("bo.zhang@example.com", DashboardRoles.Stakeholder);

        // The validator refuses such a name, so it can only arrive by a direct write: exactly what encoding must survive.
        await using (var db = await Contexts.CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken))
        {
            db.Environments.Add(new DeploymentEnvironment("staging", "<b>bold</b>")
            {
                Revision = 1,
                Services = [new PlatformService { Name = "<script>alert(1)</script>", Tier = NodeTier.Edge, Version = "1.0.0" }],
            });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var cut = Render<InventoryPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("table tbody tr")));
        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("b"));
        Assert.Equal("<script>alert(1)</script>", cut.Find("table tbody .service-name").TextContent);
        Assert.Contains("&lt;script&gt;", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InventoryPage_EditedByAnotherMeanwhile_SaysReloadAndKeepsInput()
    {
        var actor = SignIn("li.wei@example.com", DashboardRoles.ReleaseManager);
        var inventory = Services.GetRequiredService<InventoryService>();
        var ct = Xunit.TestContext.Current.CancellationToken;
        IReadOnlyList<PlatformService> services = [new PlatformService { Name = "gateway", Tier = NodeTier.Edge, Version = "1.8.2" }];
        await inventory.CreateAsync(actor, "staging", "Before", services, ct);
        var cut = RenderWithProviders<InventoryPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("table tbody tr")));

        cut.FindAll("button").First(b => b.TextContent.Contains("Edit services", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("input"), i => i.GetAttribute("value") == "Before"));
        cut.FindAll("input").First(i => i.GetAttribute("value") == "Before").Change("Mine");
        await inventory.ReplaceAsync(actor, "staging", "Theirs", services, expectedRevision: 1, ct);
        cut.FindAll("button").First(b => b.TextContent.Contains("Save changes", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Contains("Someone else changed", cut.Find("[data-testid=conflict]").TextContent, StringComparison.Ordinal));
        Assert.Contains(cut.FindAll("input"), i => i.GetAttribute("value") == "Mine");
    }
}
