using Mcp.Dashboard.Components.Rollouts;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Domain.Simulation;
using Mcp.Dashboard.Rollouts;
using MudBlazor;

namespace Mcp.Dashboard.Components.Tests.Rollouts;

public sealed class RolloutControlsTests : DashboardTestContext
{
    private static readonly Actor Stakeholder = TestActors.Create("bo.zhang@example.com", "Bo Zhang", DashboardRoles.Stakeholder);

    [Fact]
    public void Controls_Stakeholder_SeesNoControlsAtAll()
    {
        var cut = RenderControls(RolloutTestData.Baking(), Stakeholder, simulated: true);

        Assert.Empty(cut.FindAll("button"));
        Assert.Equal("", cut.Markup.Trim());
    }

    [Fact]
    public void Controls_EngineerOnARunningSimulatedRollout_OffersRollBackPausePromoteAndFaults()
    {
        var cut = RenderControls(RolloutTestData.Baking(), TestActors.SamOkafor, simulated: true,
            faults: new Dictionary<FaultKind, double> { [FaultKind.ErrorSpike] = 3 });

        Assert.Contains("Roll back", cut.Find(".action-rollback").TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-button-filled-error", cut.Find(".action-rollback").ClassList);
        Assert.NotEmpty(cut.FindAll(".action-pause"));
        Assert.NotEmpty(cut.FindAll(".action-promote"));
        Assert.Empty(cut.FindAll(".action-resume"));
        Assert.Contains("Rehearsal only", cut.Find(".rehearsal").TextContent, StringComparison.Ordinal);
        Assert.Contains("Error spike ×3", cut.Find("[data-testid=active-faults]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Controls_WhileBlueIsKeptWarm_TheRedButtonSwitchesBackToBlue()
    {
        var keepingBlue = RolloutTestData.Baking() with
        {
            Steps = [new RolloutStepView(0, RolloutAction.Switch, "switch traffic from blue to green", null, null, StepState.Succeeded, RolloutTestData.Now, null, RolloutTestData.Now, null, false, "k0"),
                     new RolloutStepView(1, RolloutAction.KeepBlue, "keep blue warm for 60 min", null, null, StepState.Running, RolloutTestData.Now, RolloutTestData.Now.AddHours(1), null, null, false, "k1")],
        };

        var cut = RenderControls(keepingBlue, TestActors.SamOkafor, simulated: true);

        Assert.Contains("Switch back to blue", cut.Find(".action-rollback").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Controls_PausedOnAWebhookTarget_OffersResumeAndNoFaults()
    {
        var cut = RenderControls(RolloutTestData.Baking(RolloutState.Paused), TestActors.LiWei, simulated: false);

        Assert.NotEmpty(cut.FindAll(".action-resume"));
        Assert.Empty(cut.FindAll(".action-pause"));
        Assert.Empty(cut.FindAll(".rehearsal"));
    }

    [Fact]
    public void Controls_RolledBack_AreGoneEvenForAnAdmin()
    {
        var cut = RenderControls(RolloutTestData.RolledBack(), TestActors.Admin, simulated: true);

        Assert.Equal("", cut.Markup.Trim());
    }

    [Fact]
    public void Controls_RollBackConfirmed_HandsTheTrimmedReasonToThePage()
    {
        var provider = Render<MudDialogProvider>();
        string? asked = null;
        var cut = RenderControls(RolloutTestData.Baking(), TestActors.SamOkafor, simulated: true, onRollBack: reason => asked = reason);

        cut.Find(".action-rollback").Click();
        provider.WaitForElement("#rollback-reason").Input("  p99 doubled  ");
        provider.Find(".rollback-confirm").Click();

        cut.WaitForAssertion(() => Assert.Equal("p99 doubled", asked));
    }

    [Fact]
    public void Controls_RollBackCancelled_DoesNothing()
    {
        var provider = Render<MudDialogProvider>();
        var called = false;
        var cut = RenderControls(RolloutTestData.Baking(), TestActors.SamOkafor, simulated: true, onRollBack: _ => called = true);

        cut.Find(".action-rollback").Click();
        provider.WaitForElement(".rollback-cancel").Click();

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".rollback-dialog")));
        Assert.False(called);
    }

    private IRenderedComponent<RolloutControls> RenderControls(RolloutView rollout, Actor actor, bool simulated,
        Dictionary<FaultKind, double>? faults = null, Action<string>? onRollBack = null) =>
        Render<RolloutControls>(p => p
            .Add(x => x.Rollout, rollout)
            .Add(x => x.Actor, actor)
            .Add(x => x.PlanName, rollout.PlanName)
            .Add(x => x.FromVersion, "2.3.0")
            .Add(x => x.ToVersion, "2.5.0")
            .Add(x => x.Simulated, simulated)
            .Add(x => x.Faults, faults ?? [])
            .Add(x => x.OnRollBack, onRollBack ?? (_ => { })));
}
