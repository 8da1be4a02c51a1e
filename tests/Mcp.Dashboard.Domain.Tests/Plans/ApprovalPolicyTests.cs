using Mcp.Dashboard.Domain.Plans;
using static Mcp.Dashboard.Domain.Tests.Plans.PlanFixtures;

namespace Mcp.Dashboard.Domain.Tests.Plans;

public sealed class ApprovalPolicyTests
{
    private static readonly TeamMember NamedApprover = new() { Name = "Bo", Email = "bo@example.com", Role = TeamRole.Approver };

    [Fact]
    public void Author_CannotApproveOwnPlan()
    {
        var decision = ApprovalPolicy.Decide(Submitted(), Author);
        Assert.False(decision.Allowed);
        Assert.Contains("someone else", decision.Reason);
    }

    [Fact]
    public void AdminAuthor_MayApprove_AsAnOverride()
    {
        var plan = MigrationPlan.Create(Definition(), Admin, Now);
        plan.Submit(Admin, Now);

        var decision = plan.Approve(Admin, Now, null);

        Assert.True(decision.IsAuthorOverride);
        Assert.True(plan.ApprovedByAuthorOverride);
    }

    [Fact]
    public void NamedApprover_MayApprove_EvenAsStakeholder()
    {
        var stakeholder = Person("bo@example.com", Access.DashboardRoles.Stakeholder);
        Assert.True(ApprovalPolicy.Decide(Submitted(NamedApprover), stakeholder).Allowed);
    }

    [Fact]
    public void ReleaseManager_NotNamed_WhenPlanNamesApprovers_IsRefusedWithTheirNames()
    {
        var decision = ApprovalPolicy.Decide(Submitted(NamedApprover), OtherManager);
        Assert.False(decision.Allowed);
        Assert.Contains("bo@example.com", decision.Reason);
    }

    [Fact]
    public void ReleaseManager_MayApprove_WhenNoApproverIsNamed() =>
        Assert.True(ApprovalPolicy.Decide(Submitted(), OtherManager).Allowed);

    [Fact]
    public void Engineer_MayNotApprove() =>
        Assert.False(ApprovalPolicy.Decide(Submitted(), Engineer).Allowed);

    [Fact]
    public void Approve_Refused_ThrowsAccessDenied() =>
        Assert.Throws<PlanAccessDenied>(() => Submitted().Approve(Engineer, Now, null));
}
