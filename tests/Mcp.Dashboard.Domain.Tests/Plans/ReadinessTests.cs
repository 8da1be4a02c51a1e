using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;
using static Mcp.Dashboard.Domain.Tests.Plans.PlanFixtures;

namespace Mcp.Dashboard.Domain.Tests.Plans;

public sealed class ReadinessTests
{
    private static ReadinessFacts GoodFacts(params WindowFact[] windows) => new()
    {
        Now = Now,
        Compatible = true,
        CompatibilitySummary = "2.3.0 -> 2.5.0 is allowed.",
        Windows = windows,
    };

    private static readonly WindowFact OpenWindow = new(Guid.NewGuid(), Now.AddHours(-1), Now.AddHours(3), "UTC", 0);

    [Fact]
    public void Draft_IsNotReady_AndSaysSubmit()
    {
        var report = PlanReadiness.Evaluate(MigrationPlan.Create(Definition(), Author, Now), GoodFacts(OpenWindow));

        Assert.False(report.CanStart);
        Assert.Contains(report.Unmet, g => g.Key == "approval" && g.Detail.Contains("submit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ApprovedPlan_WithFirstStageDoneAndOpenWindow_CanStart_EvenWithLaterStageOpen()
    {
        var plan = Submitted();
        plan.Approve(OtherManager, Now, null);
        plan.Stages[0].Checklist.Where(i => i.Required).ToList().ForEach(i => i.Complete("x", Now, null));

        var report = PlanReadiness.Evaluate(plan, GoodFacts(OpenWindow));

        Assert.True(report.CanStart, report.Summary);
        Assert.Contains(report.Gates, g => g.Title == "Checklist for Core" && g.Status == GateStatus.Warning && !g.BlocksStart);
    }

    [Fact]
    public void OpenRequiredPreflightItem_BlocksStart_AndIsNamed()
    {
        var plan = Submitted();
        plan.Approve(OtherManager, Now, null);

        var report = PlanReadiness.Evaluate(plan, GoodFacts(OpenWindow));

        Assert.False(report.CanStart);
        Assert.Contains(report.Unmet, g => g.Detail.Contains("Backup verified"));
    }

    [Fact]
    public void WindowWithConflicts_OrNoWindow_BlocksStart()
    {
        var plan = Submitted();
        plan.Approve(OtherManager, Now, null);

        Assert.Contains(PlanReadiness.Evaluate(plan, GoodFacts()).Unmet, g => g.Key == "window");
        Assert.Contains(PlanReadiness.Evaluate(plan, GoodFacts(OpenWindow with { ConflictCount = 2 })).Unmet, g => g.Key == "window" && g.Detail.Contains("2 conflict"));
    }

    [Fact]
    public void IncompatibleUpgrade_AndUnknownService_BlockStart()
    {
        var plan = Submitted();
        var facts = GoodFacts(OpenWindow) with { Compatible = false, CompatibilitySummary = "needs 2.4.x first", UnknownServices = ["ghost-service"] };

        var report = PlanReadiness.Evaluate(plan, facts);

        Assert.Contains(report.Unmet, g => g.Key == "compatibility" && g.Detail == "needs 2.4.x first");
        Assert.Contains(report.Unmet, g => g.Key == "inventory" && g.Detail.Contains("ghost-service"));
    }

    [Fact]
    public void StagesOutOfTierOrder_WarnButDoNotBlock()
    {
        var definition = Definition() with { Stages = [new() { Name = "Core first", Tier = NodeTier.Core }, new() { Name = "Edge later", Tier = NodeTier.Edge }] };
        var plan = MigrationPlan.Create(definition, Author, Now);

        var gate = PlanReadiness.Evaluate(plan, GoodFacts(OpenWindow)).Gates.Single(g => g.Key == "stage-order");

        Assert.Equal(GateStatus.Warning, gate.Status);
        Assert.False(gate.BlocksStart);
        Assert.Contains("Edge later", gate.Detail);
    }

    [Fact]
    public void TheTierThatRunsFirst_GatesTheStart_WhateverOrderTheStagesAreWrittenIn()
    {
        var definition = Definition() with
        {
            Stages =
            [
                new() { Name = "Core first", Tier = NodeTier.Core, Checklist = [new() { Title = "Core item", Required = true }] },
                new() { Name = "Edge later", Tier = NodeTier.Edge, Checklist = [new() { Title = "Edge item", Required = true }] },
            ],
        };
        var plan = MigrationPlan.Create(definition, Author, Now);

        var gates = PlanReadiness.Evaluate(plan, GoodFacts(OpenWindow)).Gates.Where(g => g.Key.StartsWith("checklist:", StringComparison.Ordinal)).ToList();

        Assert.True(gates.Single(g => g.Title.Contains("Edge later", StringComparison.Ordinal)).BlocksStart);
        Assert.False(gates.Single(g => g.Title.Contains("Core first", StringComparison.Ordinal)).BlocksStart);
    }

    [Theory]
    [InlineData(DataMigrationKind.Backup, false)]
    [InlineData(DataMigrationKind.Sync, false)]
    [InlineData(DataMigrationKind.ConsistencyCheck, false)]
    public void DataMigrationGate_WithoutEvidence_IsUnmet(DataMigrationKind kind, bool met) =>
        Assert.Equal(met, DataMigrationGate.Check(new DataMigrationTask { Kind = kind, Title = "t" }).Met);

    [Fact]
    public void DataMigrationGate_WithGoodEvidence_IsMet()
    {
        Assert.True(DataMigrationGate.Check(new() { Kind = DataMigrationKind.Backup, Backup = new() { Location = "s3://b/1", Checksum = "sha256:ab", Verified = true } }).Met);
        Assert.True(DataMigrationGate.Check(new() { Kind = DataMigrationKind.Sync, Sync = new() { ProgressPercent = 100, LagSeconds = 2 } }).Met);
        Assert.False(DataMigrationGate.Check(new() { Kind = DataMigrationKind.Sync, Sync = new() { ProgressPercent = 100, LagSeconds = 60 } }).Met);
        Assert.True(DataMigrationGate.Check(new() { Kind = DataMigrationKind.ConsistencyCheck, Consistency = new() { SampleSize = 10_000, Mismatches = 0 } }).Met);
        Assert.False(DataMigrationGate.Check(new() { Kind = DataMigrationKind.ConsistencyCheck, Consistency = new() { SampleSize = 10_000, Mismatches = 3 } }).Met);
    }

    [Fact]
    public void RecordEvidence_VerifiedBackup_StampsWhoAndWhen_AndKeepsApproval()
    {
        var definition = Definition() with { DataMigrations = [new() { Kind = DataMigrationKind.Backup, Title = "Backup" }] };
        var plan = MigrationPlan.Create(definition, Author, Now);
        plan.Submit(Author, Now);
        plan.Approve(OtherManager, Now, null);
        var task = plan.DataMigrations[0];

        plan.RecordEvidence(task.Id, task with { Backup = new() { Location = "s3://b", Checksum = "c", Verified = true } }, Engineer, Now.AddHours(1));

        Assert.Equal(PlanState.Approved, plan.State);
        Assert.Equal(Engineer.Email, plan.DataMigrations[0].Backup!.VerifiedBy);
        Assert.Equal(Now.AddHours(1), plan.DataMigrations[0].Backup!.VerifiedAt);
    }
}
