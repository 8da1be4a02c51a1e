using Mcp.Dashboard.Components.Rollouts;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;

namespace Mcp.Dashboard.Components.Tests.Localization;

/// <summary>
/// The rollout event log: English readers see the engine's message as stored; Chinese readers
/// see it rebuilt from kind, step and actor, with a person's words and a target's error kept verbatim.
/// </summary>
public sealed class EventLogLanguageTests : DashboardTestContext
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private const string Sam = "sam.okafor@example.com";

    private static readonly RolloutStep Gate = new() { Action = RolloutAction.Gate, Tier = NodeTier.Core, GateItems = [new(null, "Backup verified")] };
    private static readonly RolloutStep Ten = new() { Action = RolloutAction.SetWeight, Weight = 10, Duration = TimeSpan.FromMinutes(5), NeedsAnalysis = true };

    private static readonly IReadOnlyList<RolloutStepView> Steps = [View(0, Gate), View(1, Ten)];

    /// <summary>Each kind with its message exactly as the engine writes it (RolloutEngine, RolloutRunner), and Chinese it must read as.</summary>
    public static TheoryData<string, string, string, int?, string> Events() => new()
    {
        { "rollout.started", $"Rollout started by {Sam}: 2 steps.", Sam, null, $"{Sam} 启动了发布，共 2 个步骤。" },
        { "rollout.started", "The window opened: the rollout started with 2 steps.", "system", null, "维护窗口已开启：发布开始，共 2 个步骤。" },
        { "rollout.scheduled", $"Rollout booked by {Sam} to start when the window opens at 2026-11-24 14:00 UTC.", Sam, null, $"{Sam} 预订了发布，将在维护窗口开启时（11月24日 22:00）开始。" },
        { "step.started", $"Step 2 of 2 started: {Ten.Describe()}.", "system", 1, "第 2 步（共 2 步）开始：金丝雀流量设为 10%，在分析下观察 5 分钟。" },
        { "gate.waiting", "Step 1: the Core gate waits for Backup verified. Tick them and resume.", "system", 0, "第 1 步：核心节点关卡在等待 Backup verified。勾选后恢复发布。" },
        { "rollout.paused", $"Paused by {Sam}: <b>DBA</b> asked to wait", Sam, null, $"{Sam} 暂停了发布：<b>DBA</b> asked to wait" },
        { "rollout.paused", $"Paused by {Sam}.", Sam, null, $"{Sam} 暂停了发布。" },
        { "rollout.resumed", $"Resumed by {Sam}. The maintenance window has closed: this runs outside it.", Sam, null, $"{Sam} 恢复了发布。维护窗口已关闭：此后在窗口之外运行。" },
        { "step.accepted", $"Step 2 accepted by {Sam} after the hold.", Sam, 1, $"第 2 步在暂缓后由 {Sam} 接受。" },
        { "step.succeeded", "Step 1 succeeded: Every required item is done.", "system", 0, "第 1 步完成：所有必需项均已完成。" },
        { "rollout.promoted", $"Promoted by {Sam}: 1 analysis step(s) skipped: looks fine", Sam, null, $"{Sam} 直接推进了发布，跳过了 1 个分析步骤：looks fine" },
        { "verdict.hold", "Step 2 held for a person to decide: Pause for a decision: the bake of 300 s is marginal (Marginal).", "judge", 1,
            "第 2 步已暂缓，等待人工决定：Pause for a decision: the bake of 300 s is marginal (Marginal)." },
        { "rollback.requested", $"Rollback asked for by {Sam}: customers report 502s", Sam, null, $"{Sam} 请求回滚：customers report 502s" },
        { "rollback.checklist", $"{Sam} ticked rollback step 1: Tell support.", Sam, null, $"{Sam} 勾选了回滚步骤 1：Tell support。" },
        { "rollback.completed", "Rolled back: all traffic is on 2.3.0 again. Simulated fleet reverted. 1 rollback checklist item(s) are open.", "system", null,
            "已回滚：全部流量已回到 2.3.0。 Simulated fleet reverted. 还有 1 个回滚检查项未完成。" },
        { "target.refused", "Paused: the target did not take step 2 (SetWeight). HTTP 503 from the mesh.", "system", 1, "已暂停：目标未执行第 2 步（金丝雀流量设为 10%，在分析下观察 5 分钟）。HTTP 503 from the mesh." },
        { "target.refused", "The target did not take the rollback (1 time(s) so far): HTTP 503. Trying again in 5 s.", "system", null, "目标未执行回滚（迄今 1 次）：HTTP 503. 5 秒后重试。" },
        { "fault.injected", $"{Sam} injected an error spike (x5 errors) into the canary.", Sam, null, $"{Sam} 向金丝雀注入了故障：错误率激增 ×5。" },
        { "fault.cleared", $"{Sam} cleared the injected faults.", Sam, null, $"{Sam} 清除了注入的故障。" },
        { "rollout.deadline", "The maintenance window closes at 12:00 UTC and the rollout had not finished: paused as the plan says.", "system", null, "维护窗口于 UTC 12:00 关闭，发布尚未完成：已按计划暂停。" },
        { "rollout.succeeded", "Rollout succeeded: all traffic is on 2.5.0.", "system", null, "发布成功：全部流量已切换到 2.5.0。" },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void EventLog_English_ShowsTheEnginesMessage(string kind, string message, string actor, int? step, string chinese)
    {
        Assert.NotEmpty(chinese);
        using var english = new CultureScope("en");

        var cut = Render<RolloutEventLog>(p => p.Add(x => x.Events, [Event(kind, message, actor, step)]).Add(x => x.Steps, Steps));

        Assert.Equal(message, cut.Find(".event-message").TextContent);
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void EventLog_Chinese_RebuiltFromKindStepAndActor(string kind, string message, string actor, int? step, string chinese)
    {
        Assert.NotEmpty(message);
        using var scope = new CultureScope("zh-Hans");

        var cut = Render<RolloutEventLog>(p => p
            .Add(x => x.Events, [Event(kind, message, actor, step)])
            .Add(x => x.Steps, Steps)
            .Add(x => x.Zone, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));

        Assert.Equal(chinese, cut.Find(".event-message").TextContent);
    }

    [Theory]
    [InlineData("rollout.exotic", "Something new happened.")]
    [InlineData("rollout.paused", "Paused for reasons of its own.")]
    [InlineData("step.started", "Step 9 of 9 started: a step the rollout does not have.")]
    public void EventLog_ChineseUnknownKindOrShape_FallsBackToTheEnglishMessage(string kind, string message)
    {
        using var scope = new CultureScope("zh-Hans");

        var cut = Render<RolloutEventLog>(p => p.Add(x => x.Events, [Event(kind, message, Sam, kind == "step.started" ? 8 : null)]).Add(x => x.Steps, Steps));

        Assert.Equal(message, cut.Find(".event-message").TextContent);
    }

    [Fact]
    public void EventLog_ChinesePersonsReasonWithMarkup_IsEncoded()
    {
        using var scope = new CultureScope("zh-Hans");

        var cut = Render<RolloutEventLog>(p => p.Add(x => x.Events, [Event("rollback.requested", $"Rollback asked for by {Sam}: <script>alert(1)</script>", Sam, null)]));

        Assert.Empty(cut.FindAll(".event-message script"));
        Assert.Contains("&lt;script&gt;", cut.Find(".event-message").InnerHtml, StringComparison.Ordinal);
    }

    private static RolloutEventView Event(string kind, string message, string actor, int? step) => new(1, At, kind, message, actor, step);

    private static RolloutStepView View(int index, RolloutStep step) =>
        new(index, step.Action, step.Describe(), step.Tier?.ToString(), step.Weight, StepState.Pending, null, null, null, null, step.NeedsAnalysis, $"key-{index}", step);
}
