using System.Globalization;
using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Domain.Simulation;
using Mcp.Dashboard.Localization;
using Mcp.Dashboard.Rollouts;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Mcp.Dashboard.Components.Rollouts;

/// <summary>
/// How rollout vocabulary looks on screen: one place, so every page words and colours a state
/// alike. Every colour comes with words and an icon: colour alone tells nothing to a
/// colour-blind reader or a screen reader.
/// </summary>
public static class RolloutDisplay
{
    private static IStringLocalizer<Vocabulary> L => Vocabulary.Localizer;

    public static string StateText(RolloutState state) => state switch
    {
        RolloutState.Pending => L["Pending"],
        RolloutState.Running => L["Running"],
        RolloutState.Paused => L["Paused"],
        RolloutState.RollingBack => L["Rolling back…"],
        RolloutState.RolledBack => L["Rolled back"],
        RolloutState.Succeeded => L["Succeeded"],
        RolloutState.Failed => L["Failed"],
        RolloutState.Cancelled => L["Cancelled"],
        _ => state.ToString(),
    };

    public static Color StateColor(RolloutState state) => state switch
    {
        RolloutState.Pending => Color.Default,
        RolloutState.Running => Color.Primary,
        RolloutState.Paused => Color.Warning,
        RolloutState.RollingBack => Color.Error,
        RolloutState.RolledBack => Color.Error,
        RolloutState.Succeeded => Color.Success,
        RolloutState.Failed => Color.Error,
        _ => Color.Dark,
    };

    public static string StateIcon(RolloutState state) => state switch
    {
        RolloutState.Pending => Icons.Material.Outlined.Schedule,
        RolloutState.Running => Icons.Material.Filled.PlayArrow,
        RolloutState.Paused => Icons.Material.Filled.Pause,
        RolloutState.RollingBack => Icons.Material.Filled.Undo,
        RolloutState.RolledBack => Icons.Material.Filled.SettingsBackupRestore,
        RolloutState.Succeeded => Icons.Material.Filled.CheckCircle,
        RolloutState.Failed => Icons.Material.Filled.Error,
        _ => Icons.Material.Filled.Block,
    };

    public static bool IsActive(RolloutState state) =>
        state is RolloutState.Pending or RolloutState.Running or RolloutState.Paused or RolloutState.RollingBack;

    public static string StepIcon(StepState state) => state switch
    {
        StepState.Running => Icons.Material.Filled.Autorenew,
        StepState.Succeeded => Icons.Material.Filled.CheckCircle,
        StepState.Failed => Icons.Material.Filled.Cancel,
        StepState.Skipped => Icons.Material.Outlined.NextPlan,
        _ => Icons.Material.Outlined.RadioButtonUnchecked,
    };

    public static Color StepColor(StepState state) => state switch
    {
        StepState.Running => Color.Primary,
        StepState.Succeeded => Color.Success,
        StepState.Failed => Color.Error,
        _ => Color.Default,
    };

    public static string StepStateText(StepState state) => state switch
    {
        StepState.Running => L["Running"],
        StepState.Succeeded => L["Done"],
        StepState.Failed => L["Failed"],
        StepState.Skipped => L["Skipped"],
        _ => L["Waiting"],
    };

    public static string OutcomeText(CanaryOutcome outcome, bool lowConfidence) => outcome switch
    {
        _ when lowConfidence => L["Low confidence"],
        CanaryOutcome.Pass => L["Pass"],
        CanaryOutcome.Marginal => L["Marginal"],
        CanaryOutcome.Fail => L["Fail"],
        _ => L["No data"],
    };

    public static Color OutcomeColor(CanaryOutcome outcome, bool lowConfidence) => outcome switch
    {
        _ when lowConfidence => Color.Default,
        CanaryOutcome.Pass => Color.Success,
        CanaryOutcome.Marginal => Color.Warning,
        CanaryOutcome.Fail => Color.Error,
        _ => Color.Default,
    };

    public static string OutcomeIcon(CanaryOutcome outcome, bool lowConfidence) => outcome switch
    {
        _ when lowConfidence => Icons.Material.Outlined.HourglassTop,
        CanaryOutcome.Pass => Icons.Material.Filled.CheckCircle,
        CanaryOutcome.Marginal => Icons.Material.Filled.Warning,
        CanaryOutcome.Fail => Icons.Material.Filled.Cancel,
        _ => Icons.Material.Outlined.HourglassTop,
    };

    /// <summary>The judge's decision (Continue, Pass, Pause, RollBack) as a person would say it.</summary>
    public static string DecisionText(string? decision) => decision switch
    {
        "Continue" => L["Keep baking"],
        "Pass" => L["Go on to the next step"],
        "Pause" => L["Pause for a human decision"],
        "RollBack" => L["Roll back"],
        null or "" => L["No decision yet"],
        _ => decision,
    };

    // The judge writes its reasons in English, so the restated decision is looked for in English.
    private static string? EnglishDecision(string? decision) => decision switch
    {
        "Continue" => "Keep baking",
        "Pass" => "Go on to the next step",
        "Pause" => "Pause for a human decision",
        "RollBack" => "Roll back",
        _ => decision,
    };

    /// <summary>
    /// The judge's reason without the decision it restates ("Roll back: the last 6 s…" after
    /// "Roll back" reads twice).
    /// </summary>
    public static string? DecisionReason(string? decision, string? reason)
    {
        var said = EnglishDecision(decision) ?? "";
        if (reason is null || said.Length == 0 || !reason.StartsWith(said, StringComparison.OrdinalIgnoreCase) || reason.Length <= said.Length)
        {
            return reason;
        }

        var rest = reason[said.Length..].TrimStart(':', ',', ';', ' ');
        return rest.Length == 0 ? null : char.ToUpperInvariant(rest[0]) + rest[1..];
    }

    public static string FaultText(FaultKind kind, double factor) => kind switch
    {
        FaultKind.ErrorSpike => L["Error spike ×{0}", factor.ToString("0.#", CultureInfo.InvariantCulture)],
        _ => L["Latency regression ×{0}", factor.ToString("0.#", CultureInfo.InvariantCulture)],
    };

    public static string MetricTitle(string metric) => metric switch
    {
        "error_rate" => L["Error rate"],
        "latency_p99_ms" => L["Latency p99"],
        "requests_per_second" => L["Requests per second"],
        _ => metric,
    };

    /// <summary>A metric value with its unit: error rates as percentages, latencies in ms.</summary>
    public static string MetricValue(string metric, double? value, bool withSign = false)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return "–";
        }

        var sign = withSign && v > 0 ? "+" : "";
        return metric switch
        {
            "error_rate" => sign + (v * 100).ToString(Math.Abs(v) < 0.001 ? "0.###" : "0.##", CultureInfo.InvariantCulture) + "%",
            var m when m.EndsWith("_ms", StringComparison.Ordinal) => sign + v.ToString(Math.Abs(v) < 100 ? "0.#" : "0", CultureInfo.InvariantCulture) + " ms",
            _ => sign + v.ToString("0.##", CultureInfo.InvariantCulture),
        };
    }

    public static string PValue(double? p) => p switch
    {
        null => "–",
        < 0.0001 => "< 0.0001",
        { } v => v.ToString("0.####", CultureInfo.InvariantCulture),
    };

    /// <summary>A countdown such as "4:05" or "1:02:03"; zero once the moment has passed.</summary>
    public static string Countdown(DateTimeOffset due, DateTimeOffset now)
    {
        var left = due - now;
        if (left < TimeSpan.Zero)
        {
            left = TimeSpan.Zero;
        }

        // Round up: "0:01" until the second is really over, never "0:00" a second early.
        var seconds = (long)Math.Ceiling(left.TotalSeconds);
        return seconds >= 3600
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
    }

    /// <summary>How far a step with a due time has got, 0-100.</summary>
    public static double Progress(DateTimeOffset started, DateTimeOffset due, DateTimeOffset now)
    {
        var total = (due - started).TotalSeconds;
        return total <= 0 ? 100 : Math.Clamp((now - started).TotalSeconds / total * 100, 0, 100);
    }

    /// <summary>
    /// The step in the reader's language: the same sentence as the engine's English
    /// (<c>RolloutStep.Describe</c>), built from the step's facts. Falls back to the stored
    /// description when the view carries no step.
    /// </summary>
    public static string StepText(RolloutStepView view)
    {
        if (view.Step is not { } step)
        {
            return view.Description;
        }

        var text = step.Action switch
        {
            RolloutAction.Gate => step.GateItems.Count == 0
                ? L["gate (no required checklist items)"]
                : L["gate: {0} must be done", string.Join(L[", "], step.GateItems.Select(i => i.Title))],
            RolloutAction.SetWeight => step.Duration > TimeSpan.Zero
                ? step.NeedsAnalysis
                    ? L["set canary weight to {0}% and bake {1} under analysis", step.Weight ?? 0, Length(step.Duration)]
                    : L["set canary weight to {0}% and bake {1}", step.Weight ?? 0, Length(step.Duration)]
                : L["set canary weight to {0}%", step.Weight ?? 0],
            RolloutAction.DeployGreen => L["deploy green beside blue"],
            RolloutAction.Verify => step.NeedsAnalysis
                ? L["verify green for {0} under analysis", Length(step.Duration)]
                : L["verify green for {0}", Length(step.Duration)],
            RolloutAction.Switch => L["switch traffic from blue to green"],
            RolloutAction.KeepBlue => L["keep blue warm for {0}", Length(step.Duration)],
            RolloutAction.Promote => L["promote green and tear blue down"],
            RolloutAction.ReplaceBatch when step.Batch is { } batch => step.Duration > TimeSpan.Zero
                ? L["replace batch {0}/{1} (instances {2}-{3}), health check, wait {4}", batch.Number, batch.Of, batch.FirstInstance + 1, batch.FirstInstance + batch.Size, Length(step.Duration)]
                : L["replace batch {0}/{1} (instances {2}-{3}), health check", batch.Number, batch.Of, batch.FirstInstance + 1, batch.FirstInstance + batch.Size],
            _ => view.Description,
        };
        return step.Tier is { } tier ? L["{0}: {1}", Components.Plans.PlanDisplay.TierText(tier), text] : text;
    }

    /// <summary>
    /// What runs next, in the reader's language. English readers get the engine's own sentence
    /// (<see cref="RolloutView.Next"/>, the source of truth); other languages get the same
    /// sentence built from the view's steps, as <c>Rollout.Next</c> builds it.
    /// </summary>
    public static string NextText(RolloutView rollout, DateTimeOffset now)
    {
        if (!DashboardCultures.IsChinese(CultureInfo.CurrentUICulture))
        {
            return rollout.Next;
        }

        switch (rollout.State)
        {
            case RolloutState.Pending:
                return rollout.StartsAt > now ? L["Starts when the window opens."] : L["Starting now."];
            case RolloutState.Paused:
                return rollout.PauseReason is null ? L["Paused."] : L["Paused: {0}.", rollout.PauseReason];
            case RolloutState.RollingBack:
                return L["Rolling back."];
            case not RolloutState.Running:
                return L["Nothing more runs: the rollout is {0}.", StateText(rollout.State)];
        }

        if (rollout.Steps.FirstOrDefault(s => s.State == StepState.Running) is { } current)
        {
            var following = rollout.Steps.FirstOrDefault(s => s.Index > current.Index && s.State == StepState.Pending);
            var then = following is null ? L["the rollout finishes"] : L["step {0} ({1}) runs", following.Index + 1, StepText(following)];
            return current.DueAt is { } due && due <= now
                ? L["Step {0} is due to end now; then {1}.", current.Index + 1, then]
                : L["When step {0} ends, {1}.", current.Index + 1, then];
        }

        if (rollout.Steps.Any(s => s.State == StepState.Failed))
        {
            return L["A step failed; the rollout waits for a rollback."];
        }

        return rollout.Steps.FirstOrDefault(s => s.State == StepState.Pending) is { } next
            ? L["Step {0} ({1}) runs now.", next.Index + 1, StepText(next)]
            : L["Every step is finished."];
    }

    /// <summary>
    /// The window deadline line. English readers get the engine's sentence (times in the
    /// window's zone, which it names); other languages get it built from the facts, in the same zone.
    /// </summary>
    public static string? DeadlineText(RolloutView rollout)
    {
        if (rollout.DeadlineFacts is not { } facts || !DashboardCultures.IsChinese(CultureInfo.CurrentUICulture))
        {
            return rollout.Deadline;
        }

        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, facts.TimeZone).ToString("HH:mm", CultureInfo.InvariantCulture);
        var closes = L["Window closes {0} {1}", Local(facts.WindowEnd), facts.TimeZone.Id];
        if (!facts.ActionNeeded)
        {
            return L["{0}; the rollout should finish by {1}, no action needed.", closes, Local(facts.ExpectedFinish)];
        }

        return facts.Policy == Domain.Plans.WindowOverrunPolicy.RollBack
            ? L["{0}; the rollout will roll back at {1} if not finished.", closes, Local(facts.ActAt)]
            : L["{0}; the rollout will pause at {1} if not finished.", closes, Local(facts.ActAt)];
    }

    /// <summary>"10 min", "1 min 30 s", "2 h": the engine's way of saying a bake.</summary>
    private static string Length(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 60 } => L["{0} s", Math.Round(duration.TotalSeconds)],
        { TotalMinutes: < 60 } when duration.Seconds == 0 => L["{0} min", Math.Round(duration.TotalMinutes)],
        { TotalMinutes: < 60 } => L["{0} min {1} s", duration.Minutes, duration.Seconds],
        _ when duration.Minutes == 0 => L["{0} h", Math.Round(duration.TotalHours)],
        _ => L["{0} h {1} min", (int)duration.TotalHours, duration.Minutes],
    };

    public static string Time(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string DayAndTime(DateTimeOffset at, TimeZoneInfo zone) =>
        ReaderFormats.MonthDayTime(TimeZoneInfo.ConvertTime(at, zone));

    public static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
