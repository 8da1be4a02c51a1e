using System.Globalization;
using Mcp.Dashboard.Components.Rollouts;
using Mcp.Dashboard.Domain.Reports;
using Mcp.Dashboard.Localization;
using Mcp.Dashboard.Reports;
using Mcp.Dashboard.Rollouts;

namespace Mcp.Dashboard.Components.Reports;

/// <summary>
/// The engine's sentences on the report page, in the reader's language. English readers get
/// the report's stored text exactly as it is; Chinese readers get what the rollout page says
/// (<see cref="RolloutDisplay.StepText"/>, <see cref="VerdictText"/>, <see cref="RolloutEventText"/>),
/// built from the same facts. A person's own words (a manual rollback reason) stay verbatim.
/// </summary>
public static class ReportSentences
{
    private static bool Chinese => DashboardCultures.IsChinese(CultureInfo.CurrentUICulture);

    /// <summary>What the step does ("set canary weight to 10% and bake 30 s").</summary>
    public static string Step(ReportStep step) =>
        Chinese && step.Step is not null ? RolloutDisplay.StepText(View(step)) : step.Description;

    /// <summary>Why the step ended as it did: the judge's decision reason or sentence, else the step's note.</summary>
    public static string? Why(ReportStep step)
    {
        if (step.Verdict is not { } verdict)
        {
            return step.Note;
        }

        return Chinese
            ? VerdictText.DecisionReason(verdict) ?? VerdictText.Explanation(verdict)
            : verdict.DecisionReason ?? verdict.Explanation;
    }

    /// <summary>
    /// The rollback's reason. When the judge asked and a step's verdict gave that very reason,
    /// Chinese readers get the judge's reason in Chinese; anything else (a person's words, a
    /// plan trigger) is shown as written.
    /// </summary>
    public static string? RollbackReason(ReportRollback rollback, IReadOnlyList<ReportStep> steps)
    {
        if (!Chinese || rollback.Cause != RollbackCause.Judge || rollback.Reason is not { } reason)
        {
            return rollback.Reason;
        }

        var verdict = steps.Select(s => s.Verdict).LastOrDefault(v => v is { DecisionFacts: not null } && v.DecisionReason == reason);
        return verdict is null ? reason : VerdictText.DecisionReason(verdict) ?? reason;
    }

    /// <summary>A line of the timeline, as the rollout page's event log says it.</summary>
    public static string Event(ReportEvent entry, IReadOnlyList<ReportStep> steps, TimeZoneInfo zone)
    {
        if (!Chinese)
        {
            return entry.Message;
        }

        // The step's own verdict when the event names a step, else the last one given: the
        // event text only uses it when the message quotes its decision word for word.
        var verdict = (entry.StepIndex is { } index ? steps.FirstOrDefault(s => s.Index == index)?.Verdict : null)
            ?? steps.Select(s => s.Verdict).LastOrDefault(v => v is not null);
        return RolloutEventText.Text(
            new RolloutEventView(0, entry.At, entry.Kind, entry.Message, entry.Actor, entry.StepIndex),
            [.. steps.Select(View)],
            zone,
            verdict);
    }

    private static RolloutStepView View(ReportStep step) => new(
        step.Index, step.Step?.Action ?? default, step.Description, step.Step?.Tier?.ToString(), step.Step?.Weight, step.State,
        step.StartedAt, null, step.FinishedAt, step.Note, step.NeedsAnalysis, "", step.Step);
}
