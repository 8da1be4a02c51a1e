using Mcp.Dashboard.Domain.Communication;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Schedule;

namespace Mcp.Dashboard.Communication;

/// <summary>The dashboard's public links, for <c>{status_url}</c> and <c>{rollout_url}</c>; empty when no public address is configured.</summary>
public sealed record MessageLinks(string BaseUrl)
{
    public string? Status => Of("/status");

    public string? Rollout(Guid id) => Of($"/rollouts/{id}");

    public string? Plan(Guid id) => Of($"/plans/{id}");

    private string? Of(string path) => BaseUrl.Length == 0 ? null : BaseUrl.TrimEnd('/') + path;
}

/// <summary>What a message may say, gathered from the plan, its rollout or window, and the event.</summary>
public static class MessageFactsFor
{
    public static MessageFacts Plan(MigrationPlan plan, MessageLinks links) => new()
    {
        Plan = plan.Name,
        Environment = plan.Environment,
        Services = plan.Services,
        FromVersion = plan.FromVersion,
        ToVersion = plan.ToVersion,
        StatusUrl = links.Status,
        RolloutUrl = links.Plan(plan.Id),
    };

    public static MessageFacts Rollout(MigrationPlan plan, StoredRollout stored, RolloutEvent logLine, MessageLinks links)
    {
        var rollout = stored.ToRollout();
        var reason = logLine.Kind switch
        {
            "rollback.completed" => rollout.RollbackReason,
            "rollout.paused" or "rollout.deadline" or "verdict.hold" => rollout.PauseReason ?? logLine.Message,
            _ => null,
        };
        return Plan(plan, links) with
        {
            WindowEnd = stored.WindowEnd,
            TimeZone = stored.WindowTimeZone,
            WindowStart = stored.StartsAt,
            State = rollout.State,
            Weight = rollout.CurrentWeight,
            StepIndex = logLine.StepIndex,
            StepCount = rollout.Steps.Count,
            Reason = reason,
            RolloutUrl = links.Rollout(stored.Id),
        };
    }

    public static MessageFacts Window(MigrationPlan plan, StoredWindow window, MessageLinks links) => Plan(plan, links) with
    {
        WindowStart = window.Start,
        WindowEnd = window.End,
        TimeZone = window.TimeZoneId,
        State = RolloutState.Pending,
    };

    /// <summary>The plan's own facts with believable values for what only a live rollout knows.</summary>
    public static MessageFacts Sample(MigrationPlan plan, MessageLinks links) => Plan(plan, links) with
    {
        WindowStart = DateTimeOffset.UtcNow.AddDays(1),
        WindowEnd = DateTimeOffset.UtcNow.AddDays(1).AddHours(2),
        TimeZone = "UTC",
        State = RolloutState.Running,
        Weight = 10,
        StepIndex = 1,
        StepCount = 4,
        Reason = MessagePlaceholders.Samples[MessagePlaceholders.Reason],
        StatusUrl = links.Status ?? MessagePlaceholders.Samples[MessagePlaceholders.StatusUrl],
        RolloutUrl = links.Plan(plan.Id) ?? MessagePlaceholders.Samples[MessagePlaceholders.RolloutUrl],
    };
}
