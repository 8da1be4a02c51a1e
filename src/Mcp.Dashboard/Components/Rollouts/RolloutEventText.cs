using System.Globalization;
using System.Text.RegularExpressions;
using Mcp.Dashboard.Localization;
using Mcp.Dashboard.Rollouts;
using Microsoft.Extensions.Localization;

namespace Mcp.Dashboard.Components.Rollouts;

/// <summary>
/// A line of the rollout event log in the reader's language. English readers get the engine's
/// message as stored (<c>RolloutEngine</c>, <c>RolloutRunner</c>: the source of truth). Chinese
/// readers get the sentence rebuilt from the event's kind, its step (worded by
/// <see cref="RolloutDisplay.StepText"/>) and its actor; what the message carries that no field
/// does (a person's reason, a checklist item's title, a target's error, the judge's sentence) is
/// taken from the message, verbatim, inside the Chinese sentence; the judge's sentence is said in Chinese
/// when it is the latest verdict's decision (see <see cref="Text"/>). A message that does not have
/// the engine's shape, or a kind this does not know, is shown as it is.
/// </summary>
public sealed partial class RolloutEventText
{
    // Not static: the type names its localizer and resx (IStringLocalizer<RolloutEventText>).
    private RolloutEventText()
    {
    }

    private static IStringLocalizer<RolloutEventText> L { get; } = Vocabulary.For<RolloutEventText>();

    /// <param name="verdict">
    /// The rollout's latest verdict: when an event quotes its decision sentence word for word (the
    /// judge's rollback, a hold), that sentence is said in Chinese too.
    /// </param>
    public static string Text(RolloutEventView entry, IReadOnlyList<RolloutStepView> steps, TimeZoneInfo zone, StepVerdict? verdict = null)
    {
        if (!DashboardCultures.IsChinese(CultureInfo.CurrentUICulture))
        {
            return entry.Message;
        }

        try
        {
            return Chinese(entry, steps, zone, verdict) ?? entry.Message;
        }
        catch (FormatException)
        {
            return entry.Message;
        }
    }

    private static string? Chinese(RolloutEventView entry, IReadOnlyList<RolloutStepView> steps, TimeZoneInfo zone, StepVerdict? verdict)
    {
        string Judged(string sentence) =>
            verdict is { DecisionReason: { } reason } && reason == sentence && VerdictText.ChineseDecision(verdict) is { } chinese ? chinese : sentence;

        var message = entry.Message;
        var who = entry.Actor;
        // 1-based as the engine words it; 0 (never in a message) when the event names no step.
        var number = (entry.StepIndex ?? -1) + 1;
        var step = entry.StepIndex is { } index && index >= 0 && index < steps.Count ? steps[index] : null;
        Match match;
        switch (entry.Kind)
        {
            case "rollout.started" when (match = StartedBy().Match(message)).Success:
                return L["{0} started the rollout: {1} steps.", match.Groups["who"].Value, match.Groups["n"].Value];
            case "rollout.started" when (match = StartedByWindow().Match(message)).Success:
                return L["The window opened: the rollout started with {0} steps.", match.Groups["n"].Value];
            case "rollout.scheduled" when (match = Booked().Match(message)).Success:
                return L["{0} booked the rollout to start when the window opens ({1}).", match.Groups["who"].Value, ReaderTime(match.Groups["at"].Value, zone)];
            case "rollout.rebooked" when (match = Rebooked().Match(message)).Success:
                return L["The booked window is gone; the rollout now starts when the plan's next window opens ({0}).", ReaderTime(match.Groups["at"].Value, zone)];
            case "rollout.paused" when Because(message, $"Paused by {who}") is { } why:
                return why.Length == 0 ? L["Paused by {0}.", who] : L["Paused by {0}: {1}", who, why];
            case "rollout.resumed":
            {
                const string outside = " The maintenance window has closed: this runs outside it.";
                var closed = message.EndsWith(outside, StringComparison.Ordinal);
                if (Because(closed ? message[..^outside.Length] : message, $"Resumed by {who}") is not { } why)
                {
                    return null;
                }

                string resumed = why.Length == 0 ? L["Resumed by {0}.", who] : L["Resumed by {0}: {1}", who, why];
                return closed ? resumed + L["The maintenance window has closed: this runs outside it."] : resumed;
            }

            case "step.accepted" when number > 0:
                return L["Step {0} accepted by {1} after the hold.", number, who];
            case "rollout.promoted" when (match = Promoted().Match(message)).Success && match.Groups["who"].Value == who:
                return match.Groups["why"].Success
                    ? L["Promoted by {0}: {1} analysis steps skipped: {2}", who, match.Groups["n"].Value, match.Groups["why"].Value]
                    : L["Promoted by {0}: {1} analysis steps skipped.", who, match.Groups["n"].Value];
            case "rollout.cancelled" when After(message, $"Cancelled before it started by {who}: ") is { } why:
                return L["Cancelled before it started by {0}: {1}", who, why];
            case "rollout.cancelled" when After(message, "The window opened but the rollout could not start: ") is { } why:
                return L["The window opened but the rollout could not start: {0}.", why.TrimEnd('.')];
            case "rollout.deadline" when message == "The maintenance window is closing and the rollout had not finished: paused as the plan says.":
                return L["The maintenance window is closing and the rollout had not finished: paused as the plan says."];
            case "rollout.deadline" when (match = Deadline().Match(message)).Success:
                return L["The maintenance window closes at {0} UTC and the rollout had not finished: paused as the plan says.", match.Groups["at"].Value];
            case "rollout.succeeded" when (match = Succeeded().Match(message)).Success:
                return L["Rollout succeeded: all traffic is on {0}.", match.Groups["version"].Value];
            case "step.started" when step is not null:
                return L["Step {0} of {1} started: {2}.", number, steps.Count, RolloutDisplay.StepText(step)];
            case "step.succeeded" when message == $"Step {number} succeeded.":
                return L["Step {0} succeeded.", number];
            case "step.succeeded" when After(message, $"Step {number} succeeded: ") is { } note:
                return L["Step {0} succeeded: {1}", number, note == "Every required item is done." ? L["Every required item is done."] : note];
            case "gate.waiting" when (match = GateWaits().Match(message)).Success:
                return L["Step {0}: the {1} gate waits for {2}. Tick them and resume.", number, step?.Step?.Tier is { } tier ? Plans.PlanDisplay.TierText(tier) : match.Groups["tier"].Value, match.Groups["items"].Value];
            case "verdict.fail" when After(message, $"Step {number}: ") is { } why:
                return L["Step {0} failed the judge: {1}", number, Judged(why)];
            case "verdict.hold" when After(message, $"Step {number} held for a person to decide: ") is { } why:
                return L["Step {0} held for a person to decide: {1}", number, Judged(why)];
            case "rollback.requested" when After(message, "Automatic rollback: ") is { } why:
                return L["Automatic rollback: {0}", Judged(why)];
            case "rollback.requested" when After(message, $"Rollback asked for by {who}: ") is { } why:
                return L["Rollback asked for by {0}: {1}", who, why];
            case "rollback.checklist" when (match = Ticked().Match(message)).Success && match.Groups["who"].Value == who:
                return L["{0} ticked rollback step {1}: {2}.", who, match.Groups["n"].Value, match.Groups["title"].Value];
            case "rollback.completed" when (match = RolledBack().Match(message)).Success:
            {
                var text = L["Rolled back: all traffic is on {0} again.", match.Groups["version"].Value].Value;
                var target = match.Groups["target"].Value.Trim();
                var open = match.Groups["open"].Success ? L["{0} rollback checklist items are open.", match.Groups["open"].Value].Value : "";
                return string.Join(" ", new[] { text, target, open }.Where(part => part.Length > 0));
            }

            case "target.refused" when (match = RollbackRefused().Match(message)).Success:
                return L["The target did not take the rollback ({0} times so far): {1} Trying again in {2} s.", match.Groups["n"].Value, match.Groups["error"].Value, match.Groups["seconds"].Value];
            case "target.refused" when (match = StepRefused().Match(message)).Success && step is not null:
                return L["Paused: the target did not take step {0} ({1}). {2}", number, RolloutDisplay.StepText(step), match.Groups["error"].Value];
            case "fault.injected" when (match = Fault().Match(message)).Success && match.Groups["who"].Value == who:
            {
                var factor = double.Parse(match.Groups["factor"].Value, CultureInfo.InvariantCulture);
                var kind = match.Groups["what"].Value == "an error spike" ? Domain.Simulation.FaultKind.ErrorSpike : Domain.Simulation.FaultKind.LatencyRegression;
                return L["{0} injected a fault into the canary: {1}.", who, RolloutDisplay.FaultText(kind, factor)];
            }

            case "fault.cleared" when message == $"{who} cleared the injected faults.":
                return L["{0} cleared the injected faults.", who];
            default:
                return null;
        }
    }

    /// <summary>What follows <paramref name="prefix"/> in the message, or null when it does not start so.</summary>
    private static string? After(string message, string prefix) =>
        message.StartsWith(prefix, StringComparison.Ordinal) && message.Length > prefix.Length ? message[prefix.Length..] : null;

    /// <summary>The engine's "Paused by x." / "Paused by x: why": "" for no reason, the reason, or null for another shape.</summary>
    private static string? Because(string message, string prefix) =>
        message == prefix + "." ? "" : After(message, prefix + ": ");

    /// <summary>A UTC time the engine wrote ("2026-11-24 14:00") in the reader's zone.</summary>
    private static string ReaderTime(string utc, TimeZoneInfo zone)
    {
        var at = DateTimeOffset.ParseExact(utc, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return RolloutDisplay.DayAndTime(at, zone);
    }

    [GeneratedRegex(@"^Rollout started by (?<who>\S+): (?<n>\d+) steps\.$")]
    private static partial Regex StartedBy();

    [GeneratedRegex(@"^The window opened: the rollout started with (?<n>\d+) steps\.$")]
    private static partial Regex StartedByWindow();

    [GeneratedRegex(@"^Rollout booked by (?<who>\S+) to start when the window opens at (?<at>\d{4}-\d\d-\d\d \d\d:\d\d) UTC\.$")]
    private static partial Regex Booked();

    [GeneratedRegex(@"^The booked window is gone; the rollout now starts when the plan's next window opens \((?<at>\d{4}-\d\d-\d\d \d\d:\d\d) UTC\)\.$")]
    private static partial Regex Rebooked();

    [GeneratedRegex(@"^Promoted by (?<who>\S+): (?<n>\d+) analysis step\(s\) skipped(?:\.|: (?<why>[\s\S]+))$")]
    private static partial Regex Promoted();

    [GeneratedRegex(@"^The maintenance window closes at (?<at>\d\d:\d\d) UTC and the rollout had not finished: paused as the plan says\.$")]
    private static partial Regex Deadline();

    [GeneratedRegex(@"^Rollout succeeded: all traffic is on (?<version>.+)\.$")]
    private static partial Regex Succeeded();

    [GeneratedRegex(@"^Step \d+: the (?<tier>\S+) gate waits for (?<items>[\s\S]+)\. Tick them and resume\.$")]
    private static partial Regex GateWaits();

    [GeneratedRegex(@"^(?<who>\S+) ticked rollback step (?<n>\d+): (?<title>[\s\S]*)\.$")]
    private static partial Regex Ticked();

    [GeneratedRegex(@"^Rolled back: all traffic is on (?<version>\S+) again\.(?<target>[\s\S]*?)(?: (?<open>\d+) rollback checklist item\(s\) are open\.)?$")]
    private static partial Regex RolledBack();

    [GeneratedRegex(@"^The target did not take the rollback \((?<n>\d+) time\(s\) so far\): (?<error>[\s\S]*) Trying again in (?<seconds>\d+) s\.$")]
    private static partial Regex RollbackRefused();

    [GeneratedRegex(@"^Paused: the target did not take step \d+ \(\w+\)\. (?<error>[\s\S]*)$")]
    private static partial Regex StepRefused();

    [GeneratedRegex(@"^(?<who>\S+) injected (?<what>an error spike|a latency regression) \(x(?<factor>[\d.]+) (?:errors|latency)\) into the canary\.$")]
    private static partial Regex Fault();
}
