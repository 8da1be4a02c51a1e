using Mcp.Dashboard.Components.Status;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Status;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Components.Tests.Status;

public sealed class StatusNotesPanelTests : PlanTestContext
{
    public StatusNotesPanelTests() => Services.AddLocalization(options => options.ResourcesPath = "Resources");

    private StatusNoteService Notes => Services.GetRequiredService<StatusNoteService>();

    [Fact]
    public async Task AReleaseManager_PostsANote_AndSeesIt_WithMarkupShownAsText()
    {
        var plan = await Plans.CreateAsync(TestActors.LiWei, ValidDefinition(), cancellationToken: Ct);
        SignIn(TestActors.LiWei.Email, "Li Wei", DashboardRoles.ReleaseManager);
        var cut = Render<StatusNotesPanel>(p => p.Add(c => c.PlanId, plan.Id));
        cut.WaitForElement(".no-notes");

        cut.Find(".note-input textarea").Input("Support is briefed <script>alert(1)</script>");
        await cut.InvokeAsync(() => cut.Find(".note-post").Click());

        cut.WaitForAssertion(() => Assert.Contains("Support is briefed &lt;script&gt;alert(1)&lt;/script&gt;", cut.Find(".note-text").InnerHtml, StringComparison.Ordinal));
        Assert.DoesNotContain("<script>", cut.Markup, StringComparison.Ordinal);
        var stored = Assert.Single(await Notes.ListAsync(plan.Id, Ct));
        Assert.Equal(TestActors.LiWei.Email, stored.Author);
    }

    [Fact]
    public async Task AnEngineerOffTheTeam_GetsNoForm_ButSeesNotesArriveLive()
    {
        var plan = await Plans.CreateAsync(TestActors.LiWei, ValidDefinition(), cancellationToken: Ct);
        SignIn(TestActors.SamOkafor.Email, "Sam Okafor", DashboardRoles.Engineer);
        var cut = Render<StatusNotesPanel>(p => p.Add(c => c.PlanId, plan.Id));
        cut.WaitForElement(".no-notes");
        Assert.Empty(cut.FindAll(".note-form"));

        await Notes.AddAsync(TestActors.LiWei, plan.Id, "Expect slower sign-ins for ten minutes.", Ct);

        cut.WaitForAssertion(() => Assert.Equal("Expect slower sign-ins for ten minutes.", cut.Find(".note-text").TextContent));
        Assert.Empty(cut.FindAll(".note-delete"));
    }
}
