using System.Net;
using System.Text.Json;
using Markdig;
using Markdig.Syntax;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Reports;

/// <summary>Reports and delivery insight over real rollouts (see <see cref="ReportScenario"/>).</summary>
public sealed class RolloutReportTests(ReportScenario scenario) : IClassFixture<ReportScenario>
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private DashboardHost Host => scenario.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Json_SucceededRollout_HasItsHeaderPhasesAndTimeline()
    {
        var report = await ReportAsync(scenario.Succeeded);

        Assert.Equal("Succeeded", report.GetProperty("outcome").GetString());
        Assert.Equal("rollout-lab", report.GetProperty("environment").GetString());
        Assert.Equal(DemoAccounts.Engineer.Email, report.GetProperty("startedBy").GetString());
        Assert.Equal("Kept", report.GetProperty("window").GetProperty("outcome").GetString());
        Assert.False(report.TryGetProperty("rollback", out _));
        var phases = report.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("kind").GetString()).ToList();
        Assert.Contains("Deploying", phases);
        Assert.Contains("Baking", phases);
        Assert.Contains("Total", phases);
        var kinds = report.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal("rollout.started", kinds[0]);
        Assert.Contains("rollout.succeeded", kinds);
        Assert.All(report.GetProperty("steps").EnumerateArray(), s => Assert.Equal("Succeeded", s.GetProperty("state").GetString()));
        Assert.Contains(report.GetProperty("checklist").EnumerateArray(), i => i.GetProperty("doneBy").GetString() == DemoAccounts.ReleaseManager.Email);
    }

    [Fact]
    public async Task Json_RolledBackByTheJudge_NamesTheCause_KeepsTheFailedStepsVerdict_AndComparesMetrics()
    {
        var report = await WaitForMetricsAsync(scenario.RolledBackByJudge);

        Assert.Equal("RolledBack", report.GetProperty("outcome").GetString());
        var rollback = report.GetProperty("rollback");
        Assert.Equal("Judge", rollback.GetProperty("cause").GetString());
        Assert.Equal("judge", rollback.GetProperty("requestedBy").GetString());
        var failed = report.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("state").GetString() == "Failed");
        var verdict = failed.GetProperty("verdict");
        Assert.Equal("Fail", verdict.GetProperty("outcome").GetString());
        Assert.Equal("RollBack", verdict.GetProperty("decision").GetString());
        Assert.Contains(verdict.GetProperty("metrics").EnumerateArray(), m => m.GetProperty("canaryCount").GetInt32() > 0);
        var errorRate = report.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "error_rate");
        Assert.True(errorRate.GetProperty("canary").GetProperty("samples").GetInt64() > 0);
        Assert.True(errorRate.GetProperty("baseline").GetProperty("samples").GetInt64() > 0);
        Assert.Contains("RollingBack", report.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Json_RolledBackByAPerson_KeepsTheReasonAsTyped_AndTheTickedRollbackChecklist()
    {
        var report = await ReportAsync(scenario.RolledBackByPerson);

        var rollback = report.GetProperty("rollback");
        Assert.Equal("Manual", rollback.GetProperty("cause").GetString());
        Assert.Equal(DemoAccounts.Engineer.Email, rollback.GetProperty("requestedBy").GetString());
        Assert.Equal(ReportScenario.Hostile, rollback.GetProperty("reason").GetString());
        var task = Assert.Single(report.GetProperty("rollbackChecklist").EnumerateArray());
        Assert.Equal(DemoAccounts.Engineer.Email, task.GetProperty("doneBy").GetString());
    }

    [Fact]
    public async Task Json_AutomaticRollbacks_TellThePlansTriggerAndTheWindowDeadlineFromTheJudge()
    {
        var trigger = await ReportAsync(scenario.RolledBackByTrigger);
        var deadline = await ReportAsync(scenario.RolledBackAtDeadline);

        Assert.Equal("PlanTrigger", trigger.GetProperty("rollback").GetProperty("cause").GetString());
        Assert.Equal("Kept", trigger.GetProperty("window").GetProperty("outcome").GetString());
        Assert.Equal("WindowDeadline", deadline.GetProperty("rollback").GetProperty("cause").GetString());
        Assert.Equal("DeadlineReached", deadline.GetProperty("window").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Markdown_IsAnAttachmentWithHeadings_AndEscapesEverythingPeopleTyped()
    {
        using var reader = Host.ClientFor(DemoAccounts.Stakeholder);

        var response = await reader.GetAsync($"/api/v1/rollouts/{scenario.RolledBackByPerson}/report?format=markdown&tz=Asia/Shanghai", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".md", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var markdown = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("# Rollout report: Report person rolls back", markdown, StringComparison.Ordinal);
        foreach (var heading in new[] { "## Rollback", "## Time per phase", "## Steps and verdicts", "## Checklists", "### Rollback checklist", "## Timeline" })
        {
            Assert.Contains("\n" + heading + "\n", markdown, StringComparison.Ordinal);
        }

        Assert.Contains(@"- **Times are in:** Asia/Shanghai \(UTC+08:00\)", markdown, StringComparison.Ordinal);
        Assert.Contains(@"\[x\]\(http:\/\/evil\)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);

        var html = Markdown.ToHtml(markdown, Gfm);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", html, StringComparison.Ordinal);

        // Every table row keeps its columns: the pipe and the line break in the reason and titles stay inside their cells.
        var document = Markdown.Parse(markdown, Gfm);
        foreach (var table in document.Descendants<Markdig.Extensions.Tables.Table>())
        {
            var columns = ((Markdig.Extensions.Tables.TableRow)table[0]).Count;
            Assert.All(table.OfType<Markdig.Extensions.Tables.TableRow>(), row => Assert.Equal(columns, row.Count));
        }
    }

    [Fact]
    public async Task MarkdownDownload_ForASignedInBrowser_IsAnAttachment()
    {
        using var session = await BrowserlessSession.SignInAsync(Host, DemoAccounts.Stakeholder.Email, Ct);

        var markdown = await session.GetPageAsync($"/rollouts/{scenario.Succeeded}/report.md?tz=UTC", Ct);

        Assert.StartsWith("# Rollout report: Report succeeds", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Times are in:** UTC", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_EncodesWhatPeopleTyped_AndShowsTimesInTheReadersZone()
    {
        using var session = await BrowserlessSession.SignInAsync(Host, DemoAccounts.Stakeholder.Email, Ct);

        var html = await session.GetPageAsync($"/rollouts/{scenario.RolledBackByPerson}/report?tz=Asia/Shanghai", Ct);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http://evil\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", html, StringComparison.Ordinal);
        Assert.Contains("Asia/Shanghai (UTC&#x2B;08:00)", html, StringComparison.Ordinal);
        Assert.Contains("By a person", html, StringComparison.Ordinal);
        Assert.Contains($"/rollouts/{scenario.RolledBackByPerson}/report.md?tz=Asia%2FShanghai", html, StringComparison.Ordinal);
        Assert.Contains("window.print()", html, StringComparison.Ordinal);
        Assert.DoesNotContain("_framework/blazor.server.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_InChinese_SpeaksChinese()
    {
        using var session = await BrowserlessSession.SignInAsync(Host, DemoAccounts.Stakeholder.Email, Ct);
        (await session.GetAsync("/culture?name=zh-Hans&returnUrl=/", Ct)).Dispose();

        var html = await session.GetPageAsync($"/rollouts/{scenario.RolledBackByJudge}/report?tz=UTC", Ct);

        Assert.Contains("发布报告", html, StringComparison.Ordinal);
        Assert.Contains("自动：评判器", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_InChinese_SaysTheEngineSentencesInChinese()
    {
        var report = await WaitForMetricsAsync(scenario.RolledBackByJudge);
        var englishReason = report.GetProperty("rollback").GetProperty("reason").GetString()!;
        using var session = await BrowserlessSession.SignInAsync(Host, DemoAccounts.Stakeholder.Email, Ct);
        (await session.GetAsync("/culture?name=zh-Hans&returnUrl=/", Ct)).Dispose();

        var html = await session.GetPageAsync($"/rollouts/{scenario.RolledBackByJudge}/report?tz=UTC", Ct);

        // Steps, in "time per phase" and "steps and verdicts", as the rollout page words them.
        Assert.Contains("第 2 步：边缘节点：金丝雀流量设为 10%，在分析下观察", html, StringComparison.Ordinal);
        Assert.Contains("<td>边缘节点：金丝雀流量设为 50%，在分析下观察", html, StringComparison.Ordinal);
        Assert.DoesNotContain("set canary weight", html, StringComparison.Ordinal);
        // The judge's rollback reason, rebuilt from its facts.
        var reason = System.Net.WebUtility.HtmlDecode(Cell(html, "rollback-reason"));
        Assert.NotEqual(englishReason, reason);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", reason);
        // Timeline lines from kind, step and actor.
        Assert.Contains("启动了发布，共 4 个步骤。", html, StringComparison.Ordinal);
        Assert.Contains("第 2 步（共 4 步）开始：边缘节点：金丝雀流量设为 10%", html, StringComparison.Ordinal);
        Assert.Contains("自动回滚：回滚：最近", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Rollout started by", html, StringComparison.Ordinal);
        // The metric explanations against the baseline, from the comparison's facts.
        Assert.Contains("<span class=\"muted\">金丝雀", html, StringComparison.Ordinal);
        Assert.DoesNotContain("within the thresholds", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tolerance", html, StringComparison.Ordinal);
        var markdown = await session.GetPageAsync($"/rollouts/{scenario.RolledBackByJudge}/report.md?tz=UTC", Ct);
        Assert.Contains("自动回滚：回滚：最近", markdown, StringComparison.Ordinal);
        Assert.Contains("第 2 步（共 4 步）开始：边缘节点：金丝雀流量设为 10%", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Rollout started by", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_InEnglish_KeepsTheEngineSentencesAsStored()
    {
        var report = await WaitForMetricsAsync(scenario.RolledBackByJudge);
        using var session = await BrowserlessSession.SignInAsync(Host, DemoAccounts.Stakeholder.Email, Ct);

        var html = System.Net.WebUtility.HtmlDecode(await session.GetPageAsync($"/rollouts/{scenario.RolledBackByJudge}/report?tz=UTC", Ct));

        Assert.Equal(report.GetProperty("rollback").GetProperty("reason").GetString(), System.Net.WebUtility.HtmlDecode(Cell(html, "rollback-reason")));
        var first = report.GetProperty("steps")[0];
        Assert.Contains($"<td>{first.GetProperty("description").GetString()}</td>", html, StringComparison.Ordinal);
        Assert.Contains($"Step 1: {first.GetProperty("description").GetString()}", html, StringComparison.Ordinal);
        Assert.All(report.GetProperty("timeline").EnumerateArray(), e => Assert.Contains(e.GetProperty("message").GetString()!, html, StringComparison.Ordinal));
        Assert.Contains("Rollout started by", html, StringComparison.Ordinal);
        Assert.Contains(": within the thresholds.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("金丝雀", html, StringComparison.Ordinal);
    }

    /// <summary>The text of the element with <paramref name="cssClass"/> (a flat element: no markup inside).</summary>
    private static string Cell(string html, string cssClass)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, $"class=\"{cssClass}\"[^>]*>(?<text>[^<]*)<");
        Assert.True(match.Success, $"no element with class {cssClass}");
        return match.Groups["text"].Value;
    }

    [Fact]
    public async Task Insight_CountsOutcomesCausesWindowsAndPhases()
    {
        using var reader = Host.ClientFor(DemoAccounts.Stakeholder);

        var insight = await (await reader.GetAsync("/api/v1/insight?days=30&environment=rollout-lab", Ct)).ReadJson();

        var outcomes = insight.GetProperty("outcomes");
        Assert.Equal(1, outcomes.GetProperty("succeeded").GetInt32());
        Assert.Equal(4, outcomes.GetProperty("rolledBack").GetInt32());
        Assert.Equal(1.0 / 5, outcomes.GetProperty("rate").GetDouble(), 6);
        var causes = insight.GetProperty("rollbacksByCause").EnumerateArray().ToDictionary(c => c.GetProperty("cause").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Judge"] = 1, ["PlanTrigger"] = 1, ["WindowDeadline"] = 1, ["Manual"] = 1 }, causes);
        Assert.Contains(insight.GetProperty("rollbackReasons").EnumerateArray(), r => r.GetProperty("example").GetString() == ReportScenario.Hostile);
        Assert.Contains(insight.GetProperty("rollbackReasons").EnumerateArray(), r => r.GetProperty("key").GetString() == "error_rate");
        Assert.Contains(insight.GetProperty("rollbackReasons").EnumerateArray(), r => r.GetProperty("key").GetString() == "error_rate above 1e-06");
        Assert.Equal(4, insight.GetProperty("windows").GetProperty("kept").GetInt32());
        Assert.Equal(1, insight.GetProperty("windows").GetProperty("deadlineReached").GetInt32());
        Assert.Equal(5, insight.GetProperty("recent").GetArrayLength());
        var total = insight.GetProperty("phaseTimes").EnumerateArray().Single(p => p.GetProperty("strategy").GetString() == "Canary" && p.GetProperty("phase").GetString() == "Total");
        Assert.Equal(5, total.GetProperty("rollouts").GetInt32());
        Assert.True(total.GetProperty("p90Seconds").GetDouble() >= total.GetProperty("medianSeconds").GetDouble());
        Assert.Contains("rollout-lab", insight.GetProperty("environments").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Insight_OtherEnvironment_DoesNotCountTheLab()
    {
        using var reader = Host.ClientFor(DemoAccounts.Stakeholder);

        var insight = await (await reader.GetAsync("/api/v1/insight?days=30&environment=production", Ct)).ReadJson();

        Assert.DoesNotContain(insight.GetProperty("recent").EnumerateArray(), r => r.GetProperty("environment").GetString() == "rollout-lab");
    }

    [Fact]
    public async Task InsightPage_ListsTheRollouts_Encoded()
    {
        using var session = await BrowserlessSession.SignInAsync(Host, DemoAccounts.Stakeholder.Email, Ct);

        var html = await session.GetPageAsync("/insight", Ct);

        Assert.Contains("Delivery insight", html, StringComparison.Ordinal);
        Assert.Contains("Report person rolls back &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains($"/rollouts/{scenario.RolledBackByJudge}/report", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InsightPage_TakesItsFilterFromTheAddress()
    {
        using var session = await BrowserlessSession.SignInAsync(Host, DemoAccounts.Stakeholder.Email, Ct);

        var all = await session.GetPageAsync("/insight", Ct);
        var lab = await session.GetPageAsync("/insight?days=90&environment=rollout-lab", Ct);

        Assert.Contains("Staging rehearsal", all, StringComparison.Ordinal);
        Assert.Contains("Report succeeds", lab, StringComparison.Ordinal);
        Assert.DoesNotContain("Staging rehearsal", lab, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/insight")]
    [InlineData("/api/v1/rollouts/{0}/report")]
    [InlineData("/api/v1/rollouts/{0}/report?format=markdown")]
    public async Task Api_Anonymous_Is401(string path)
    {
        using var anonymous = Host.ClientFor(null);

        var response = await anonymous.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, scenario.Succeeded), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/rollouts/{0}/report")]
    [InlineData("/rollouts/{0}/report.md")]
    [InlineData("/insight")]
    public async Task Pages_Anonymous_AreSentToSignIn(string path)
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };

        var response = await anonymous.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, scenario.Succeeded), Ct);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"{path}: {(int)response.StatusCode}");
        Assert.StartsWith("/signin", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/rollouts/{0}/report?format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/rollouts/00000000-0000-0000-0000-000000000001/report", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/insight?days=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/insight?environment=%3Cscript%3E", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/rollouts/{0}/report?tz=Not%2FAZone", HttpStatusCode.OK)]
    public async Task Api_BadInput_Is4xxWithProblemDetails(string path, HttpStatusCode expected)
    {
        using var reader = Host.ClientFor(DemoAccounts.Stakeholder);

        var response = await reader.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, scenario.Succeeded), Ct);

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<JsonElement> ReportAsync(Guid rolloutId)
    {
        using var reader = Host.ClientFor(DemoAccounts.Stakeholder);
        var response = await reader.GetAsync($"/api/v1/rollouts/{rolloutId}/report", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJson();
    }

    /// <summary>The history flusher closes a bucket a second after its samples; the report reads what it wrote.</summary>
    private async Task<JsonElement> WaitForMetricsAsync(Guid rolloutId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        JsonElement report;
        do
        {
            report = await ReportAsync(rolloutId);
            if (report.GetProperty("metrics").EnumerateArray().Any(m => m.TryGetProperty("canary", out _) && m.TryGetProperty("baseline", out _)))
            {
                return report;
            }

            await Task.Delay(200, Ct);
        }
        while (DateTimeOffset.UtcNow < deadline);

        return report;
    }
}
