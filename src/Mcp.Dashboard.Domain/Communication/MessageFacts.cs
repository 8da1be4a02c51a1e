using System.Globalization;
using Mcp.Dashboard.Domain.Rollouts;

namespace Mcp.Dashboard.Domain.Communication;

/// <summary>
/// What a message may say about a plan at a moment: the values behind the placeholders, before
/// they are written out in the entry's language.
/// </summary>
public sealed record MessageFacts
{
    public string Plan { get; init; } = "";

    public string Environment { get; init; } = "";

    public IReadOnlyList<string> Services { get; init; } = [];

    public string FromVersion { get; init; } = "";

    public string ToVersion { get; init; } = "";

    public DateTimeOffset? WindowStart { get; init; }

    public DateTimeOffset? WindowEnd { get; init; }

    /// <summary>The window's IANA zone: reminders speak in the zone the window was booked in, and name it.</summary>
    public string TimeZone { get; init; } = "UTC";

    public RolloutState? State { get; init; }

    public int? Weight { get; init; }

    /// <summary>The step, zero-based, and how many there are.</summary>
    public int? StepIndex { get; init; }

    public int? StepCount { get; init; }

    public string? Reason { get; init; }

    public string? StatusUrl { get; init; }

    public string? RolloutUrl { get; init; }

    /// <summary>The placeholder values in the language given.</summary>
    public IReadOnlyDictionary<string, string> Values(MessageLanguage language)
    {
        var chinese = language == MessageLanguage.ChineseSimplified;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MessagePlaceholders.Plan] = Plan,
            [MessagePlaceholders.Environment] = Environment,
            [MessagePlaceholders.Services] = string.Join(chinese ? "、" : ", ", Services),
            [MessagePlaceholders.FromVersion] = FromVersion,
            [MessagePlaceholders.ToVersion] = ToVersion,
            [MessagePlaceholders.WindowStart] = InZone(WindowStart),
            [MessagePlaceholders.WindowEnd] = InZone(WindowEnd),
            [MessagePlaceholders.State] = State is { } state ? Words(state, language) : "",
            [MessagePlaceholders.Weight] = Weight?.ToString(CultureInfo.InvariantCulture) ?? "",
            [MessagePlaceholders.Step] = StepIndex is { } index ? (StepCount is { } count ? (chinese ? $"{index + 1}/{count}" : $"{index + 1} of {count}") : (index + 1).ToString(CultureInfo.InvariantCulture)) : "",
            [MessagePlaceholders.Reason] = string.IsNullOrWhiteSpace(Reason) ? (chinese ? "未说明原因" : "no reason given") : Reason.Trim(),
            [MessagePlaceholders.StatusUrl] = StatusUrl ?? "",
            [MessagePlaceholders.RolloutUrl] = RolloutUrl ?? "",
        };
    }

    /// <summary>A rollout state as a reader would say it.</summary>
    public static string Words(RolloutState state, MessageLanguage language) => language == MessageLanguage.ChineseSimplified
        ? state switch
        {
            RolloutState.Pending => "等待开始",
            RolloutState.Running => "进行中",
            RolloutState.Paused => "已暂停",
            RolloutState.RollingBack => "正在回滚",
            RolloutState.RolledBack => "已回滚",
            RolloutState.Succeeded => "已完成",
            RolloutState.Failed => "失败",
            _ => "已取消",
        }
        : state switch
        {
            RolloutState.Pending => "waiting to start",
            RolloutState.Running => "running",
            RolloutState.Paused => "paused",
            RolloutState.RollingBack => "rolling back",
            RolloutState.RolledBack => "rolled back",
            RolloutState.Succeeded => "completed",
            RolloutState.Failed => "failed",
            _ => "cancelled",
        };

    // "2026-02-01 18:00 (Asia/Shanghai)": the wall clock of the window's own zone, with the zone
    // named, because readers of one message sit in many zones.
    private string InZone(DateTimeOffset? instant)
    {
        if (instant is not { } at)
        {
            return "";
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return $"{local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({(found is null ? "UTC" : TimeZone)})";
    }
}
