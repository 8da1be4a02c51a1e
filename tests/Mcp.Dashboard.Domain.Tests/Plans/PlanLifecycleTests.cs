using Mcp.Dashboard.Domain.Plans;
using static Mcp.Dashboard.Domain.Tests.Plans.PlanFixtures;

namespace Mcp.Dashboard.Domain.Tests.Plans;

public sealed class PlanLifecycleTests
{
    [Fact]
    public void Create_StartsAsDraftAtRevisionOne_WithStagesAndItems()
    {
        var plan = MigrationPlan.Create(Definition(), Author, Now);

        Assert.Equal(PlanState.Draft, plan.State);
        Assert.Equal(1, plan.Revision);
        Assert.Equal(3, plan.ChecklistItems.Count());
        Assert.All(plan.Stages, s => Assert.Equal(plan.Id, s.PlanId));
    }

    [Theory]
    [InlineData(PlanState.Draft, PlanTrigger.Submit, PlanState.InReview)]
    [InlineData(PlanState.InReview, PlanTrigger.Approve, PlanState.Approved)]
    [InlineData(PlanState.InReview, PlanTrigger.RequestChanges, PlanState.Draft)]
    [InlineData(PlanState.Approved, PlanTrigger.Revise, PlanState.InReview)]
    [InlineData(PlanState.Scheduled, PlanTrigger.Revise, PlanState.InReview)]
    [InlineData(PlanState.Approved, PlanTrigger.Schedule, PlanState.Scheduled)]
    [InlineData(PlanState.Scheduled, PlanTrigger.Start, PlanState.Running)]
    [InlineData(PlanState.Running, PlanTrigger.Complete, PlanState.Completed)]
    [InlineData(PlanState.Running, PlanTrigger.RollBack, PlanState.RolledBack)]
    [InlineData(PlanState.Approved, PlanTrigger.Cancel, PlanState.Cancelled)]
    public void Fire_AllowedMove_GoesToNextState(PlanState from, PlanTrigger trigger, PlanState expected) =>
        Assert.Equal(expected, PlanStateMachine.Fire(from, trigger));

    [Theory]
    [InlineData(PlanState.Draft, PlanTrigger.Approve, "in review")]
    [InlineData(PlanState.Running, PlanTrigger.Revise, "running plan cannot be edited")]
    [InlineData(PlanState.Completed, PlanTrigger.Revise, "history")]
    [InlineData(PlanState.Draft, PlanTrigger.Start, "approved or scheduled")]
    [InlineData(PlanState.Running, PlanTrigger.Cancel, "cannot be cancelled")]
    public void Fire_ForbiddenMove_ThrowsWithAReason(PlanState from, PlanTrigger trigger, string reason)
    {
        var violation = Assert.Throws<PlanRuleViolation>(() => PlanStateMachine.Fire(from, trigger));
        Assert.Contains(reason, violation.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TerminalStates_PermitNothing()
    {
        foreach (var state in new[] { PlanState.Completed, PlanState.RolledBack, PlanState.Cancelled })
        {
            Assert.Empty(PlanStateMachine.PermittedTriggers(state));
        }
    }

    [Fact]
    public void Revise_ApprovedPlan_ClearsApprovalAndReturnsToReview()
    {
        var plan = Submitted();
        plan.Approve(OtherManager, Now, "go");

        var sentBack = plan.Revise(Definition() with { Name = "Renamed" }, Author, Now.AddMinutes(5));

        Assert.True(sentBack);
        Assert.Equal(PlanState.InReview, plan.State);
        Assert.Null(plan.ApprovedBy);
        Assert.Contains("needs approval again", plan.ReviewNote);
    }

    [Fact]
    public void Revise_KeepsTickOnItemWithSameId_DropsRemovedItems()
    {
        var plan = MigrationPlan.Create(Definition(), Author, Now);
        var backup = plan.ChecklistItems.First();
        backup.Complete(Engineer.Email, Now, "done");
        var definition = plan.ToDefinition();
        var edited = definition with
        {
            Stages = [definition.Stages[0] with { Checklist = [definition.Stages[0].Checklist[0] with { Title = "Backup verified twice" }] }],
        };

        plan.Revise(edited, Author, Now);

        var kept = Assert.Single(plan.ChecklistItems);
        Assert.Equal(backup.Id, kept.Id);
        Assert.True(kept.IsDone);
        Assert.Equal("Backup verified twice", kept.Title);
    }

    [Fact]
    public void Complete_Twice_SecondChangesNothing()
    {
        var item = MigrationPlan.Create(Definition(), Author, Now).ChecklistItems.First();

        Assert.True(item.Complete("a@example.com", Now, "first"));
        Assert.False(item.Complete("b@example.com", Now.AddMinutes(1), "second"));
        Assert.Equal("a@example.com", item.DoneBy);
        Assert.Equal("first", item.EvidenceNote);
    }

    [Fact]
    public void Create_WebhookSecret_IsKeptOutOfTheDefinition()
    {
        var definition = Definition() with { Target = new() { Kind = TargetKind.Webhook, Url = "https://x.example/h", Secret = "plain" } };

        var plan = MigrationPlan.Create(definition, Author, Now, protectedSecret: "protected-blob");

        Assert.Null(plan.Target.Secret);
        Assert.Null(plan.ToDefinition().Target.Secret);
        Assert.Equal("protected-blob", plan.TargetSecretProtected);
    }
}
