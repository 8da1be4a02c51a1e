using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;

namespace Mcp.Dashboard.Components.Tests.Rollouts;

/// <summary>Plain rollout views for rendering parts of the rollout page without an engine.</summary>
public static class RolloutTestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A canary baking its 10% step: the gate passed, 10% started a minute ago and is due in 4:05, 50% and 100% to come.</summary>
    public static RolloutView Baking(RolloutState state = RolloutState.Running) => new()
    {
        Id = Guid.Parse("7d6c3a52-55c4-4a3e-9d8e-0a1b2c3d4e5f"),
        PlanId = Guid.Parse("11111111-2222-3333-4444-555555555555"),
        PlanName = "User service 2.3.0 -> 2.5.0",
        State = state,
        CurrentWeight = 10,
        StartsAt = Now.AddMinutes(-2),
        StartedAt = Now.AddMinutes(-2),
        CreatedBy = "sam.okafor@example.com",
        PauseReason = state == RolloutState.Paused ? "Waiting for the DBA" : null,
        Steps =
        [
            Step(0, RolloutAction.Gate, "Gate: core tier checklist", StepState.Succeeded, Now.AddMinutes(-2), null, Now.AddMinutes(-2).AddSeconds(1), "All required items done."),
            Step(1, RolloutAction.SetWeight, "Set canary weight to 10%", StepState.Running, Now.AddSeconds(-60), Now.AddSeconds(245), null, null, weight: 10, analysis: true),
            Step(2, RolloutAction.SetWeight, "Set canary weight to 50%", StepState.Pending, null, null, null, null, weight: 50, analysis: true),
            Step(3, RolloutAction.SetWeight, "Set canary weight to 100%", StepState.Pending, null, null, null, null, weight: 100),
        ],
        Next = "Step 3 (set canary weight to 50%) runs when the bake ends.",
        NextAt = Now.AddSeconds(245),
        Deadline = "Window closes 12:00 UTC; the rollout will pause at 11:55 if not finished.",
        RollbackChecklist = [],
        Version = 3,
    };

    /// <summary>The same rollout after the judge rolled it back.</summary>
    public static RolloutView RolledBack() => Baking() with
    {
        State = RolloutState.RolledBack,
        CurrentWeight = 0,
        FinishedAt = Now,
        RollbackReason = "error_rate failed: canary 3% vs baseline 1%.",
        RollbackRequestedBy = RolloutEngine.Judge.Email,
        RollbackRequestedAt = Now.AddSeconds(-5),
        Steps =
        [
            Step(0, RolloutAction.Gate, "Gate: core tier checklist", StepState.Succeeded, Now.AddMinutes(-2), null, Now.AddMinutes(-2), null),
            Step(1, RolloutAction.SetWeight, "Set canary weight to 10%", StepState.Failed, Now.AddSeconds(-60), null, Now.AddSeconds(-5), "Failed the analysis: error_rate.", weight: 10, analysis: true),
            Step(2, RolloutAction.SetWeight, "Set canary weight to 50%", StepState.Skipped, null, null, Now.AddSeconds(-5), "Cancelled by the rollback.", weight: 50, analysis: true),
        ],
        Next = "Nothing: the rollout rolled back.",
        NextAt = null,
        Deadline = null,
        RollbackChecklist = [new RollbackTask(1, "Tell support the upgrade was reverted", "sam.okafor@example.com")],
    };

    public static StepVerdict FailingVerdict() => new(1, CanaryOutcome.Fail, 12, "error_rate is worse on the canary: 3% against 1%, shift +2% (95% CI +1.5% to +2.5%).", Now, [ErrorRate(CanaryOutcome.Fail), Latency()])
    {
        Decision = "RollBack",
        DecisionReason = "The last 6 s window failed twice in a row.",
    };

    public static StepVerdict NoDataVerdict(bool flagged = true) => new(1, CanaryOutcome.NoData, null, "Too few samples yet: 4 canary and 4 baseline, 10 needed.", Now,
        [new MetricResult { Metric = "error_rate", Outcome = CanaryOutcome.NoData, Critical = true, CanaryCount = 4, BaselineCount = 4, Confidence = 0.95, Reason = "Needs 10 samples a side." }])
    {
        Decision = "Continue",
        LowConfidence = flagged,
    };

    public static MetricResult ErrorRate(CanaryOutcome outcome) => new()
    {
        Metric = "error_rate",
        Outcome = outcome,
        Critical = true,
        BaselineMedian = 0.01,
        CanaryMedian = 0.03,
        BaselineCount = 30,
        CanaryCount = 31,
        PValue = 0.00001,
        Shift = 0.02,
        ShiftLower = 0.015,
        ShiftUpper = 0.025,
        Confidence = 0.95,
        Reason = "The canary's errors are clearly higher.",
    };

    public static MetricResult Latency() => new()
    {
        Metric = "latency_p99_ms",
        Outcome = CanaryOutcome.Pass,
        BaselineMedian = 182,
        CanaryMedian = 185,
        BaselineCount = 30,
        CanaryCount = 31,
        PValue = 0.41,
        Shift = 2.5,
        ShiftLower = -3,
        ShiftUpper = 8,
        Confidence = 0.95,
        Reason = "No significant difference.",
    };

    private static RolloutStepView Step(int index, RolloutAction action, string description, StepState state, DateTimeOffset? started, DateTimeOffset? due,
        DateTimeOffset? finished, string? note, int? weight = null, bool analysis = false) =>
        new(index, action, description, "Core", weight, state, started, due, finished, note, analysis, $"key-{index}");
}
