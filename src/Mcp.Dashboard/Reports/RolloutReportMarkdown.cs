using System.Globalization;
using System.Text;
using Mcp.Dashboard.Components.Reports;
using Mcp.Dashboard.Domain.Reports;
using Microsoft.Extensions.Localization;

namespace Mcp.Dashboard.Reports;

/// <summary>
/// Writes a rollout report as Markdown (GitHub-flavoured tables). Every value that came from a
/// person or from stored text goes through <see cref="MarkdownText"/>, so a reason such as
/// <c>[x](http://evil)</c> or <c>&lt;script&gt;</c> reads as typed and never becomes a link,
/// HTML or a broken table. The zone the times are in is stated at the top.
/// </summary>
public sealed class RolloutReportMarkdown(ReportText text, IStringLocalizer<RolloutReportMarkdown> localizer)
{
    private IStringLocalizer L => localizer;

    public string Write(RolloutReport report, ReaderClock clock)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(clock);
        var md = new StringBuilder(8192);
        md.Append("# ").Append(L["Rollout report"]).Append(": ").AppendLine(MarkdownText.Escape(report.PlanName)).AppendLine();
        Field(md, L["Outcome"], text.State(report.Outcome));
        Field(md, L["Environment"], MarkdownText.Escape(report.Environment));
        Field(md, L["Services"], MarkdownText.Escape(string.Join(", ", report.Services)));
        Field(md, L["Versions"], $"{MarkdownText.Escape(report.FromVersion)} → {MarkdownText.Escape(report.ToVersion)}");
        Field(md, L["Strategy"], report.Strategy.ToString());
        Field(md, L["Started by"], MarkdownText.Escape(report.StartedBy));
        Field(md, L["Booked"], clock.Time(report.BookedAt));
        Field(md, L["Started"], clock.Time(report.StartedAt));
        Field(md, L["Finished"], clock.Time(report.FinishedAt));
        if (report.Window is { } window)
        {
            Field(md, L["Window"], $"{clock.Time(window.Start)} – {clock.Time(window.End)}: {text.Window(window.Outcome)}");
        }

        Field(md, L["Times are in"], MarkdownText.Escape(clock.ZoneName(report.GeneratedAt)));
        Field(md, L["Rollout"], report.RolloutId.ToString());
        if (report.FailureReason is { } failure)
        {
            Field(md, L["Failure"], MarkdownText.Escape(failure));
        }

        if (report.Rollback is { } rollback)
        {
            Heading(md, L["Rollback"]);
            Field(md, L["Cause"], text.Cause(rollback.Cause));
            Field(md, L["Asked for by"], MarkdownText.Escape(rollback.RequestedBy));
            Field(md, L["Asked for at"], clock.Time(rollback.RequestedAt));
            Field(md, L["Completed at"], clock.Time(rollback.CompletedAt));
            Field(md, L["Reason"], MarkdownText.Escape(ReportSentences.RollbackReason(rollback, report.Steps) ?? L["(no reason given)"]));
        }

        Heading(md, L["Time per phase"]);
        Table(md, [L["Phase"], L["Step"], L["Duration"]], report.Phases.Select(p => new[]
        {
            text.Phase(p.Kind), p.StepIndex is { } i ? (i + 1).ToString(CultureInfo.InvariantCulture) : "", text.Duration(p.Duration),
        }));

        Heading(md, L["Steps and verdicts"]);
        Table(md, [L["#"], L["Step"], L["State"], L["Started"], L["Finished"], L["Verdict"], L["Decision"], L["Samples (canary / baseline)"], L["Confidence"], L["Why"]],
            report.Steps.Select(s => new[]
            {
                (s.Index + 1).ToString(CultureInfo.InvariantCulture), MarkdownText.Cell(ReportSentences.Step(s)), text.Step(s.State),
                clock.Time(s.StartedAt), clock.Time(s.FinishedAt),
                s.Verdict is { } v ? $"{text.Outcome(v.Outcome)}{(v.Score is { } score ? $" ({score:0})" : "")}" : "",
                s.Verdict is { } d ? text.Decision(d.Decision) : "",
                s.Verdict is { } c ? Samples(c) : "",
                s.Verdict is { } f ? (f.LowConfidence ? L["Low: too few samples"] : L["Normal"]) : "",
                MarkdownText.Cell(ReportSentences.Why(s)),
            }));

        Heading(md, L["Metrics against the baseline"]);
        if (report.Metrics.Count == 0)
        {
            md.AppendLine(L["No metric history was kept for this rollout."]).AppendLine();
        }
        else
        {
            Table(md, [L["Metric"], L["Baseline median"], L["Canary median"], L["Ratio"], L["Baseline p99"], L["Canary p99"], L["Samples (canary / baseline)"], L["Check"], L["Why"]],
                report.Metrics.Select(m => new[]
                {
                    MarkdownText.Cell(m.Metric), ReportText.Number(m.Baseline?.Median), ReportText.Number(m.Canary?.Median),
                    m.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–",
                    ReportText.Number(m.Baseline?.P99), ReportText.Number(m.Canary?.P99),
                    $"{m.Canary?.Samples ?? 0} / {m.Baseline?.Samples ?? 0}", text.Check(m.Check), MarkdownText.Cell(m.Explanation),
                }));
            md.AppendLine(L["Medians and 99th percentiles are of the stored per-interval means over the whole rollout."]).AppendLine();
        }

        Heading(md, L["Checklists"]);
        if (report.Checklist.Count == 0)
        {
            md.AppendLine(L["The plan has no checklist items."]).AppendLine();
        }
        else
        {
            Table(md, [L["Stage"], L["Item"], L["Required"], L["Owner"], L["Done by"], L["Done at"], L["Evidence"]],
                report.Checklist.Select(i => new[]
                {
                    MarkdownText.Cell(i.Stage), MarkdownText.Cell(i.Title), i.Required ? L["Yes"] : L["No"], MarkdownText.Cell(i.Owner),
                    MarkdownText.Cell(i.DoneBy ?? L["Not done"]), clock.Time(i.DoneAt), MarkdownText.Cell(i.EvidenceNote),
                }));
        }

        if (report.RollbackChecklist.Count > 0)
        {
            md.Append("### ").AppendLine(L["Rollback checklist"]).AppendLine();
            Table(md, [L["#"], L["Item"], L["Owner"], L["Done by"], L["Done at"]],
                report.RollbackChecklist.Select(t => new[]
                {
                    t.Number.ToString(CultureInfo.InvariantCulture), MarkdownText.Cell(t.Title), MarkdownText.Cell(t.Owner),
                    MarkdownText.Cell(t.DoneBy ?? L["Not done"]), clock.Time(t.DoneAt),
                }));
        }

        Heading(md, L["Timeline"]);
        Table(md, [L["Time"], L["Event"], L["By"], L["What happened"]],
            report.Timeline.Select(e => new[] { clock.Time(e.At), MarkdownText.Cell(e.Kind), MarkdownText.Cell(e.Actor), MarkdownText.Cell(ReportSentences.Event(e, report.Steps, clock.Zone)) }));

        md.Append('_').Append(MarkdownText.Escape(L["Generated {0}.", clock.Time(report.GeneratedAt)])).AppendLine("_");
        return md.ToString();
    }

    private string Samples(Rollouts.StepVerdict verdict) =>
        verdict.Metrics.Count == 0
            ? "–"
            : string.Join("; ", verdict.Metrics.Select(m => $"{MarkdownText.Escape(m.Metric)} {m.CanaryCount} / {m.BaselineCount}"));

    private static void Field(StringBuilder md, string label, string value) =>
        md.Append("- **").Append(label).Append(":** ").AppendLine(value);

    private static void Heading(StringBuilder md, string title) => md.AppendLine().Append("## ").AppendLine(title).AppendLine();

    /// <summary>Cells must already be escaped (or be our own words and numbers).</summary>
    private static void Table(StringBuilder md, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<string>> rows)
    {
        md.Append("| ").AppendJoin(" | ", headings).AppendLine(" |");
        md.Append('|').AppendJoin("", headings.Select(_ => " --- |")).AppendLine();
        foreach (var row in rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(c => c.Length == 0 ? " " : c)).AppendLine(" |");
        }

        md.AppendLine();
    }
}
