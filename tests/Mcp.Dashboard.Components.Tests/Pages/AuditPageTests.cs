using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Components.Pages.AuditTrail;
using Mcp.Dashboard.Domain.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Components.Tests.Pages;

public sealed class AuditPageTests : PageTestContext
{
    [Fact]
    public async Task AuditPage_FilteredByActor_ShowsOnlyThatActorsEntries()
    {
        SignIn("ada.admin@example.com", DashboardRoles.Admin);
        var trail = Services.GetRequiredService<AuditTrail>();
        await using (var db = await Contexts.CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken))
        {
            var li = new Actor("u1", "li.wei@example.com", "Li Wei", new HashSet<string>());
            var sam = new Actor("u2", "sam.okafor@example.com", "Sam Okafor", new HashSet<string>());
            trail.Add(db, li, "plan.created", "plan", "p1");
            trail.Add(db, sam, "checklist.completed", "checklist-item", "i1", reason: "done in staging");
            trail.Add(db, li, "plan.submitted", "plan", "p1");
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var cut = Render<AuditPage>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=entry-actor]").Count));

        cut.Find("[data-testid=filter-actor] input, input[data-testid=filter-actor]").Input("sam.");

        cut.WaitForAssertion(() =>
        {
            var actors = cut.FindAll("[data-testid=entry-actor]").Select(a => a.TextContent).ToList();
            Assert.Equal(["sam.okafor@example.com"], actors);
        });
    }

    [Fact]
    public async Task AuditPage_MoreThanOnePage_LoadsOlderEntriesOnRequest()
    {
        SignIn("ada.admin@example.com", DashboardRoles.Admin);
        var trail = Services.GetRequiredService<AuditTrail>();
        await using (var db = await Contexts.CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken))
        {
            var li = new Actor("u1", "li.wei@example.com", "Li Wei", new HashSet<string>());
            for (var i = 0; i < AuditViewModel.PageSize + 7; i++)
            {
                trail.Add(db, li, "plan.revised", "plan", $"p{i}");
            }

            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var cut = Render<AuditPage>();
        cut.WaitForAssertion(() => Assert.Equal(AuditViewModel.PageSize, cut.FindAll("[data-testid=entry-actor]").Count));

        cut.FindAll("button").First(b => b.TextContent.Contains("Load older", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Equal(AuditViewModel.PageSize + 7, cut.FindAll("[data-testid=entry-actor]").Count));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Load older", StringComparison.Ordinal));
    }
}
