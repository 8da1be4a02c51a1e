using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Domain.Status;

namespace Mcp.Dashboard.Domain.Tests.Status;

public sealed class MigrationProgressTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly RolloutStep CanaryTen = new() { Index = 1, Action = RolloutAction.SetWeight, Weight = 10, Duration = TimeSpan.FromMinutes(10), NeedsAnalysis = true };

    private static MigrationFacts Running(CanaryOutcome? verdict = null, bool lowConfidence = false) => new()
    {
        Rollout = RolloutState.Running,
        CurrentWeight = 10,
        CurrentStep = CanaryTen,
        StepCount = 4,
        LatestVerdict = verdict,
        VerdictLowConfidence = lowConfidence,
        FromVersion = "2.3.0",
        ToVersion = "2.5.0",
    };

    [Fact]
    public void ACanaryAtTenPercent_WithAPassingVerdict_SaysTrafficShareAndHealthyChecks()
    {
        var progress = MigrationProgress.Describe(Running(CanaryOutcome.Pass), Now);

        Assert.Equal(MigrationPhase.InProgress, progress.Phase);
        Assert.Equal("10% of traffic on the new version, all checks healthy.", progress.Headline.ToString());
        Assert.Equal(ComponentState.UnderMaintenance, progress.ServiceState);
    }

    [Theory]
    [InlineData(CanaryOutcome.NoData, false, "10% of traffic on the new version, checks are still gathering data.", ComponentState.UnderMaintenance)]
    [InlineData(CanaryOutcome.Pass, true, "10% of traffic on the new version, checks are still gathering data.", ComponentState.UnderMaintenance)]
    [InlineData(CanaryOutcome.Marginal, false, "10% of traffic on the new version, one check is being watched closely.", ComponentState.UnderMaintenance)]
    [InlineData(CanaryOutcome.Fail, false, "10% of traffic on the new version, checks show a problem: the team may roll it back.", ComponentState.Degraded)]
    public void TheVerdict_ChangesTheWords_NeverNamingTheJudge(CanaryOutcome outcome, bool lowConfidence, string expected, ComponentState state)
    {
        var progress = MigrationProgress.Describe(Running(outcome, lowConfidence), Now);

        Assert.Equal(expected, progress.Headline.ToString());
        Assert.Equal(state, progress.ServiceState);
        Assert.DoesNotContain("verdict", progress.Headline.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ARolledBackRollout_SaysNoActionIsNeeded_AndMarksItsServicesRolledBack()
    {
        var progress = MigrationProgress.Describe(Running() with { Rollout = RolloutState.RolledBack }, Now);

        Assert.Equal(MigrationPhase.RolledBack, progress.Phase);
        Assert.Equal("Rolled back to the previous version (2.3.0). No action needed.", progress.Headline.ToString());
        Assert.Equal(ComponentState.RolledBack, progress.ServiceState);
    }

    [Fact]
    public void APausedCanary_SaysHowMuchTrafficIsOnTheNewVersion_AndThatTheTeamDecides()
    {
        var progress = MigrationProgress.Describe(Running() with { Rollout = RolloutState.Paused }, Now);

        Assert.Equal(MigrationPhase.Paused, progress.Phase);
        Assert.Equal("Paused with 10% of traffic on the new version: the team is deciding what to do next.", progress.Headline.ToString());
    }

    [Fact]
    public void Succeeded_RollingBack_Failed_Cancelled_EachHaveAPhaseAndServiceState()
    {
        Assert.Equal((MigrationPhase.Completed, ComponentState.Operational), Of(RolloutState.Succeeded));
        Assert.Equal((MigrationPhase.RollingBack, ComponentState.Degraded), Of(RolloutState.RollingBack));
        Assert.Equal((MigrationPhase.Stopped, ComponentState.Degraded), Of(RolloutState.Failed));
        Assert.Equal((MigrationPhase.Stopped, ComponentState.Operational), Of(RolloutState.Cancelled));

        static (MigrationPhase, ComponentState) Of(RolloutState state)
        {
            var progress = MigrationProgress.Describe(Running() with { Rollout = state }, Now);
            return (progress.Phase, progress.ServiceState);
        }
    }

    [Fact]
    public void NoRolloutYet_IsUpcomingBeforeTheWindow_AndUnderMaintenanceWhileItIsOpen()
    {
        var before = MigrationProgress.Describe(new MigrationFacts { WindowStart = Now.AddHours(2), WindowEnd = Now.AddHours(4) }, Now);
        var open = MigrationProgress.Describe(new MigrationFacts { WindowStart = Now.AddHours(-1), WindowEnd = Now.AddHours(1) }, Now);

        Assert.Equal((MigrationPhase.Upcoming, ComponentState.Operational), (before.Phase, before.ServiceState));
        Assert.Equal((MigrationPhase.InProgress, ComponentState.UnderMaintenance), (open.Phase, open.ServiceState));
    }

    [Fact]
    public void BlueGreenAndRollingSteps_AreToldInPlainWords()
    {
        var deploy = MigrationProgress.Describe(Running() with { CurrentStep = new RolloutStep { Action = RolloutAction.DeployGreen }, CurrentWeight = 0 }, Now);
        var batch = MigrationProgress.Describe(Running() with { CurrentStep = new RolloutStep { Action = RolloutAction.ReplaceBatch, Batch = new RolloutBatch(2, 5, 3, 3) }, CurrentWeight = 0 }, Now);

        Assert.Equal("The new version is being installed beside the current one. Nothing has moved yet.", deploy.Headline.ToString());
        Assert.Equal("Updating servers, group 2 of 5, all checks healthy.", batch.Headline.ToString());
    }
}

public sealed class StatusTimelineTests
{
    [Fact]
    public void StepStarted_BecomesTheTrafficShare_NotTheEngineersSentence()
    {
        var step = new RolloutStep { Index = 2, Action = RolloutAction.SetWeight, Weight = 50 };

        var entry = StatusTimeline.Translate("step.started", step, "2.3.0", "2.5.0");

        Assert.Equal(TimelineKind.Step, entry!.Value.Kind);
        Assert.Equal("50% of traffic moved to the new version.", entry.Value.Phrase.ToString());
    }

    [Theory]
    [InlineData("rollout.started", TimelineKind.Started)]
    [InlineData("rollout.paused", TimelineKind.Paused)]
    [InlineData("rollout.deadline", TimelineKind.Paused)]
    [InlineData("rollout.resumed", TimelineKind.Resumed)]
    [InlineData("rollback.requested", TimelineKind.RollingBack)]
    [InlineData("rollback.completed", TimelineKind.RolledBack)]
    [InlineData("rollout.succeeded", TimelineKind.Completed)]
    [InlineData("rollout.cancelled", TimelineKind.Stopped)]
    public void PublicEvents_AreTranslated(string kind, TimelineKind expected) =>
        Assert.Equal(expected, StatusTimeline.Translate(kind, null, "1.0.0", "1.1.0")!.Value.Kind);

    [Theory]
    [InlineData("verdict.updated")]
    [InlineData("fault.injected")]
    [InlineData("rollback.checklist")]
    [InlineData("target.refused")]
    [InlineData("gate.waiting")]
    [InlineData("step.succeeded")]
    public void EngineersEvents_StayOffThePublicTimeline(string kind) =>
        Assert.Null(StatusTimeline.Translate(kind, null, "1.0.0", "1.1.0"));

    [Fact]
    public void AGateStep_StaysOffThePublicTimeline() =>
        Assert.Null(StatusTimeline.Translate("step.started", new RolloutStep { Action = RolloutAction.Gate }, "1.0.0", "1.1.0"));
}

public sealed class ComponentHistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Bars_AreThirtyUtcDays_EndingToday_EachTheWorstStateOfItsDay()
    {
        var episodes = new[]
        {
            new ServiceEpisode(ComponentState.UnderMaintenance, Now.AddDays(-3).AddHours(-1), Now.AddDays(-3)),
            new ServiceEpisode(ComponentState.RolledBack, Now.AddDays(-3), Now.AddDays(-3)),
            new ServiceEpisode(ComponentState.UnderMaintenance, Now.AddHours(-1), null),
        };

        var bars = ComponentHistory.Bars(episodes, Now);

        Assert.Equal(30, bars.Count);
        Assert.Equal(new DateOnly(2026, 11, 23), bars[^1].Date);
        Assert.Equal(new DateOnly(2026, 10, 25), bars[0].Date);
        Assert.Equal(ComponentState.RolledBack, bars[^4].State);
        Assert.Equal(ComponentState.UnderMaintenance, bars[^1].State);
        Assert.Equal(28, bars.Count(b => b.State == ComponentState.Operational));
    }

    [Fact]
    public void AnEpisodeAcrossMidnight_MarksBothDays()
    {
        var midnight = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
        var bars = ComponentHistory.Bars([new ServiceEpisode(ComponentState.Degraded, midnight.AddHours(-1), midnight.AddHours(1))], Now, days: 3);

        Assert.Equal([ComponentState.Degraded, ComponentState.Degraded, ComponentState.Operational], bars.Select(b => b.State));
    }

    [Fact]
    public void Worst_RanksDegradedAboveRolledBackAboveMaintenance() =>
        Assert.Equal(ComponentState.Degraded, ComponentHistory.Worst([ComponentState.UnderMaintenance, ComponentState.Degraded, ComponentState.RolledBack]));
}
