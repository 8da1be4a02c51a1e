using System.Globalization;
using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Reports;
using Mcp.Dashboard.Domain.Rollouts;
using Microsoft.Extensions.Localization;

namespace Mcp.Dashboard.Reports;

/// <summary>
/// The report vocabulary every report view shares (page, Markdown, insight): states, phases,
/// causes, window outcomes, durations and times. Its Chinese lives in
/// <c>Resources/Reports/ReportText.zh-Hans.resx</c>; components keep their own sentences in
/// their own resx.
/// </summary>
public sealed class ReportText(IStringLocalizer<ReportText> localizer)
{
    public IStringLocalizer<ReportText> L { get; } = localizer;

    public string State(RolloutState state) => state switch
    {
        RolloutState.Pending => L["Pending"],
        RolloutState.Running => L["Running"],
        RolloutState.Paused => L["Paused"],
        RolloutState.RollingBack => L["Rolling back"],
        RolloutState.RolledBack => L["Rolled back"],
        RolloutState.Succeeded => L["Succeeded"],
        RolloutState.Failed => L["Failed"],
        RolloutState.Cancelled => L["Cancelled"],
        _ => state.ToString(),
    };

    public string Step(StepState state) => state switch
    {
        StepState.Pending => L["Pending"],
        StepState.Running => L["Running"],
        StepState.Succeeded => L["Succeeded"],
        StepState.Failed => L["Failed"],
        StepState.Skipped => L["Skipped"],
        _ => state.ToString(),
    };

    public string Phase(PhaseKind phase) => phase switch
    {
        PhaseKind.WaitingForWindow => L["Waiting for the window"],
        PhaseKind.Deploying => L["Deploying"],
        PhaseKind.Baking => L["Baking"],
        PhaseKind.Paused => L["Paused"],
        PhaseKind.RollingBack => L["Rolling back"],
        PhaseKind.Total => L["Total"],
        _ => phase.ToString(),
    };

    public string Cause(RollbackCause cause) => cause switch
    {
        RollbackCause.Judge => L["Automatic: the judge"],
        RollbackCause.PlanTrigger => L["Automatic: a plan trigger"],
        RollbackCause.WindowDeadline => L["Automatic: the window closed"],
        RollbackCause.Manual => L["By a person"],
        _ => cause.ToString(),
    };

    public string Window(WindowOutcome? outcome) => outcome switch
    {
        WindowOutcome.Kept => L["Kept"],
        WindowOutcome.Overran => L["Overran"],
        WindowOutcome.DeadlineReached => L["Hit the deadline"],
        WindowOutcome.NoWindow => L["No window"],
        _ => L["Not finished yet"],
    };

    public string Outcome(CanaryOutcome outcome) => outcome switch
    {
        CanaryOutcome.Pass => L["Pass"],
        CanaryOutcome.Marginal => L["Marginal"],
        CanaryOutcome.Fail => L["Fail"],
        CanaryOutcome.NoData => L["No data"],
        _ => outcome.ToString(),
    };

    public string Check(ThresholdCheck check) => check switch
    {
        ThresholdCheck.Within => L["Within thresholds"],
        ThresholdCheck.Outside => L["Outside thresholds"],
        _ => L["No data"],
    };

    public string Decision(string? decision) => decision switch
    {
        "Pass" => L["Passed"],
        "RollBack" => L["Rolled back"],
        "Pause" => L["Held for a person"],
        "Continue" => L["Still baking"],
        null or "" => "",
        _ => decision,
    };

    /// <summary>"45 s", "3 min 20 s", "2 h 5 min": whole seconds, two units at most.</summary>
    public string Duration(TimeSpan span)
    {
        var seconds = (long)Math.Round(Math.Max(0, span.TotalSeconds));
        return seconds switch
        {
            < 60 => L["{0} s", seconds],
            < 3600 => seconds % 60 == 0 ? L["{0} min", seconds / 60] : L["{0} min {1} s", seconds / 60, seconds % 60],
            _ => (seconds % 3600) / 60 == 0 ? L["{0} h", seconds / 3600] : L["{0} h {1} min", seconds / 3600, (seconds % 3600) / 60],
        };
    }

    public static string Percent(double? rate) => rate is { } r ? r.ToString("0.#%", CultureInfo.InvariantCulture) : "–";

    public static string Number(double? value) => value switch
    {
        null => "–",
        { } v when Math.Abs(v) is >= 1000 or 0 => v.ToString("0.##", CultureInfo.InvariantCulture),
        { } v when Math.Abs(v) < 1 => v.ToString("0.####", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.##", CultureInfo.InvariantCulture),
    };
}

/// <summary>The reader's time zone, and instants written in it.</summary>
public sealed record ReaderClock(TimeZoneInfo Zone)
{
    public static ReaderClock Utc { get; } = new(TimeZoneInfo.Utc);

    /// <summary>The zone named by <paramref name="id"/> (IANA, e.g. Asia/Shanghai), or UTC when it is unknown or missing.</summary>
    public static ReaderClock For(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? new ReaderClock(zone) : Utc;

    public string Time(DateTimeOffset? at) => at is { } instant
        ? TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
        : "–";

    /// <summary>The zone and its offset now, e.g. "Asia/Shanghai (UTC+08:00)".</summary>
    public string ZoneName(DateTimeOffset now)
    {
        var offset = Zone.GetUtcOffset(now);
        return $"{Zone.Id} (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})";
    }
}
