using Mcp.Dashboard.Components.Rollouts;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;

namespace Mcp.Dashboard.Components.Tests.Localization;

/// <summary>The timeline words steps itself (to speak Chinese); in English it must say exactly what the engine says.</summary>
public sealed class StepTextTests
{
    public static TheoryData<RolloutStep> Steps() =>
    [
        new RolloutStep { Action = RolloutAction.Gate, Tier = NodeTier.Edge, GateItems = [new(null, "Backup verified"), new(null, "Rollback rehearsed")] },
        new RolloutStep { Action = RolloutAction.Gate },
        new RolloutStep { Action = RolloutAction.SetWeight, Weight = 10, Duration = TimeSpan.FromMinutes(10), NeedsAnalysis = true, Tier = NodeTier.Core },
        new RolloutStep { Action = RolloutAction.SetWeight, Weight = 1, Duration = TimeSpan.FromSeconds(30) },
        new RolloutStep { Action = RolloutAction.SetWeight, Weight = 100 },
        new RolloutStep { Action = RolloutAction.DeployGreen },
        new RolloutStep { Action = RolloutAction.Verify, Duration = TimeSpan.FromSeconds(90), NeedsAnalysis = true },
        new RolloutStep { Action = RolloutAction.Verify, Duration = TimeSpan.FromHours(2) },
        new RolloutStep { Action = RolloutAction.Switch },
        new RolloutStep { Action = RolloutAction.KeepBlue, Duration = TimeSpan.FromMinutes(150) },
        new RolloutStep { Action = RolloutAction.Promote },
        new RolloutStep { Action = RolloutAction.ReplaceBatch, Batch = new(2, 5, 3, 3), Duration = TimeSpan.FromSeconds(45), Tier = NodeTier.Management },
        new RolloutStep { Action = RolloutAction.ReplaceBatch, Batch = new(1, 1, 0, 4) },
    ];

    [Theory]
    [MemberData(nameof(Steps))]
    public void StepText_English_IsTheEnginesSentence(RolloutStep step)
    {
        using var english = new CultureScope("en");

        Assert.Equal(step.Describe(), RolloutDisplay.StepText(View(step)));
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void StepText_Chinese_HasNoEnglishSentence(RolloutStep step)
    {
        using var chinese = new CultureScope("zh-Hans");

        var text = RolloutDisplay.StepText(View(step));

        Assert.NotEqual(step.Describe(), text);
        Assert.DoesNotMatch("(set|verify|keep|replace|deploy|switch|promote|gate)\\b", text);
    }

    [Fact]
    public void StepText_ViewWithoutStep_FallsBackToStoredDescription()
    {
        var view = View(new RolloutStep { Action = RolloutAction.Switch }) with { Step = null, Description = "as stored" };

        Assert.Equal("as stored", RolloutDisplay.StepText(view));
    }

    [Fact]
    public void DeadlineText_ChineseReader_BuiltFromTheFactsInTheWindowsZone()
    {
        var end = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        var rollout = Rollouts.RolloutTestData.Baking() with
        {
            DeadlineFacts = new WindowDeadline { ActionNeeded = true, ActAt = end.AddMinutes(-5), WindowEnd = end, Policy = Domain.Plans.WindowOverrunPolicy.Pause, TimeZone = TimeZoneInfo.Utc },
        };

        using (new CultureScope("zh-Hans"))
        {
            Assert.Equal("维护窗口于 12:00（UTC）关闭；若届时未完成，发布将在 11:55 暂停。", RolloutDisplay.DeadlineText(rollout));
        }

        using (new CultureScope("en"))
        {
            Assert.Equal(rollout.Deadline, RolloutDisplay.DeadlineText(rollout));
        }
    }

    private static RolloutStepView View(RolloutStep step) =>
        new(0, step.Action, step.Describe(), step.Tier?.ToString(), step.Weight, StepState.Pending, null, null, null, null, step.NeedsAnalysis, "key", step);
}
