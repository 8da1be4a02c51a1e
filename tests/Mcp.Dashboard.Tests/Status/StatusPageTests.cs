using System.Net;
using System.Xml.Linq;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Status;

/// <summary>The public status page, its Atom feed and badge, read anonymously from the real app.</summary>
public sealed class StatusPageTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private const string ScriptMarkup = "<script>alert(1)</script>";
    private const string AttributeMarkup = "\"><img src=x onerror=alert(2)>";

    private readonly RolloutLab _lab = new(host);

    [Fact]
    public async Task MarkupInEveryTypedField_IsEncoded_InThePage_TheFeed_AndTheBadge()
    {
        var name = $"Hostile {ScriptMarkup} {AttributeMarkup}";
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary(name, false, (10, 600)), opensIn: TimeSpan.FromHours(30));
        using var author = host.ClientFor(DemoAccounts.ReleaseManager);

        // Rebook the window with a note full of markup, then add a coordinator note full of markup.
        var window = (await (await author.GetAsync($"/api/v1/plans/{planId}/windows", TestContext.Current.CancellationToken)).ReadJson())[0];
        var start = window.GetProperty("start").GetDateTimeOffset();
        var cancelled = await author.DeleteAsync($"/api/v1/plans/{planId}/windows/{window.GetProperty("id").GetGuid()}", TestContext.Current.CancellationToken);
        Assert.True(cancelled.IsSuccessStatusCode);
        var booked = await author.PostJson($"/api/v1/plans/{planId}/windows", new { start = start.ToString("O"), end = start.AddHours(2).ToString("O"), timeZone = "UTC", note = $"Window {ScriptMarkup}" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var noted = await author.PostJson($"/api/v1/plans/{planId}/status-notes", new { text = $"Note {AttributeMarkup} {ScriptMarkup}" });
        Assert.Equal(HttpStatusCode.Created, noted.StatusCode);

        var page = await StatusPageReader.WaitForPageAsync(host, p => p.Contains("Note &quot;&gt;&lt;img", StringComparison.Ordinal), "the coordinator's note");

        Assert.DoesNotContain(ScriptMarkup, page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Contains("Hostile &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;", page, StringComparison.Ordinal);
        Assert.Contains("Window &lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);

        var (raw, feed) = await StatusPageReader.FeedAsync(host);
        Assert.DoesNotContain(ScriptMarkup, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", raw, StringComparison.Ordinal);
        var note = Assert.Single(feed.Items, i => i.Summary.Text.StartsWith("Note ", StringComparison.Ordinal));
        Assert.StartsWith($"Note {AttributeMarkup} {ScriptMarkup}", note.Summary.Text, StringComparison.Ordinal);
        Assert.Equal($"{name}: Update from the team", note.Title.Text);

        var badge = await StatusPageReader.BadgeAsync(host);
        Assert.DoesNotContain("<script", badge, StringComparison.Ordinal);
        Assert.DoesNotContain("Hostile", badge, StringComparison.Ordinal);
        Assert.NotNull(XDocument.Parse(badge).Root);
    }

    [Fact]
    public async Task InternalPlans_AppearNowhere()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Secret internal upgrade", false, (10, 600)) with { Internal = true });
        await _lab.StartAsync(planId);
        using var author = host.ClientFor(DemoAccounts.ReleaseManager);
        Assert.Equal(HttpStatusCode.Created, (await author.PostJson($"/api/v1/plans/{planId}/status-notes", new { text = "Internal note" })).StatusCode);

        var page = await StatusPageReader.PageAsync(host);
        var (raw, _) = await StatusPageReader.FeedAsync(host);
        var badge = await StatusPageReader.BadgeAsync(host);

        Assert.DoesNotContain("Secret internal upgrade", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal note", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret internal upgrade", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(planId.ToString("N"), page + raw + badge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePage_FollowsARollout_RunningPausedRolledBack()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Follow me upgrade", false, (10, 3600), (50, 3600)));
        var rolloutId = await _lab.StartAsync(planId);
        await _lab.WaitForBakeAsync(rolloutId);

        await StatusPageReader.WaitForPageAsync(host, p => Card(p, planId).Contains("10% of traffic on the new version, all checks healthy.", StringComparison.Ordinal), "the canary at 10%");

        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        Assert.Equal(HttpStatusCode.OK, (await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/pause", new { reason = "watching" })).StatusCode);
        await StatusPageReader.WaitForPageAsync(host, p => Card(p, planId).Contains("Paused with 10% of traffic on the new version", StringComparison.Ordinal), "the pause");

        Assert.Equal(HttpStatusCode.Accepted, (await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/rollback", new { reason = "errors" })).StatusCode);
        await _lab.WaitForStateAsync(rolloutId, RolloutState.RolledBack);
        var page = await StatusPageReader.WaitForPageAsync(host, p => Card(p, planId).Contains("Rolled back to the previous version (1.0.0). No action needed.", StringComparison.Ordinal), "the rollback");

        var card = Card(page, planId);
        Assert.Contains("10% of traffic moved to the new version.", card, StringComparison.Ordinal);
        Assert.Contains("Paused: the team is deciding what to do next.", card, StringComparison.Ordinal);
        Assert.Contains("Going back to the previous version (1.0.0).", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Step 1", card, StringComparison.Ordinal);
        Assert.Contains("s-rolledback", page, StringComparison.Ordinal);
        Assert.Contains("migrations: rolled back", await StatusPageReader.BadgeAsync(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePage_ShowsACompletedRollout()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Quick finish", false, (50, 1)));
        var rolloutId = await _lab.StartAsync(planId);
        await _lab.WaitForStateAsync(rolloutId, RolloutState.Succeeded);

        var page = await StatusPageReader.WaitForPageAsync(host, p => Card(p, planId).Contains("Completed: all traffic is on version 1.1.0.", StringComparison.Ordinal), "the completion");

        Assert.Contains("50% of traffic moved to the new version.", Card(page, planId), StringComparison.Ordinal);
        Assert.Contains("Work started.", Card(page, planId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caching_StrongETag_304OnIfNoneMatch_AndANewETagAfterAChange()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Cache upgrade", false, (10, 600)), opensIn: TimeSpan.FromHours(40));
        using var anonymous = host.ClientFor(null);
        var first = await anonymous.GetAsync("/status", TestContext.Current.CancellationToken);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.True(first.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(15), first.Headers.CacheControl.MaxAge);
        Assert.Contains("Accept-Language", first.Headers.Vary);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/status");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await anonymous.SendAsync(conditional, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        using var author = host.ClientFor(DemoAccounts.ReleaseManager);
        Assert.Equal(HttpStatusCode.Created, (await author.PostJson($"/api/v1/plans/{planId}/status-notes", new { text = "Support has been briefed." })).StatusCode);
        await StatusPageReader.WaitForPageAsync(host, p => p.Contains("Support has been briefed.", StringComparison.Ordinal), "the note");

        using var again = new HttpRequestMessage(HttpMethod.Get, "/status");
        again.Headers.IfNoneMatch.Add(etag);
        var changed = await anonymous.SendAsync(again, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);

        var fragment = await anonymous.GetAsync("/status?fragment=1", TestContext.Current.CancellationToken);
        var body = await fragment.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<html", body, StringComparison.Ordinal);
        Assert.Contains($"data-etag=\"&quot;{fragment.Headers.ETag!.Tag.Trim('"')}&quot;\"", await changed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task CompressedAnswers_CarryTheSameBytes_TheirOwnETag_AndRevalidateWithEitherTag(string encoding)
    {
        using var anonymous = host.ClientFor(null);
        var plain = await anonymous.GetAsync("/status", TestContext.Current.CancellationToken);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/status");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding == "br" ? "gzip, deflate, br" : "gzip");
        var compressed = await anonymous.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(encoding, Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        Assert.NotEqual(plain.Headers.ETag, compressed.Headers.ETag);
        var wire = await compressed.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(wire.Length < plainBytes.Length / 3, $"{wire.Length} bytes compressed of {plainBytes.Length}");
        await using var decoder = encoding == "br"
            ? (Stream)new System.IO.Compression.BrotliStream(new MemoryStream(wire), System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(new MemoryStream(wire), System.IO.Compression.CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded, TestContext.Current.CancellationToken);
        Assert.Equal(plainBytes, decoded.ToArray());

        foreach (var tag in new[] { plain.Headers.ETag!, compressed.Headers.ETag! })
        {
            using var conditional = new HttpRequestMessage(HttpMethod.Get, "/status");
            conditional.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            conditional.Headers.IfNoneMatch.Add(tag);
            Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(conditional, TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    [Fact]
    public async Task TheAtomFeed_ParsesWithStableIds_UpdatedTimes_AndPlainTitles_NewestFirst()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Feed upgrade", false, (50, 1)));
        var rolloutId = await _lab.StartAsync(planId);
        await _lab.WaitForStateAsync(rolloutId, RolloutState.Succeeded);
        await StatusPageReader.WaitForPageAsync(host, p => Card(p, planId).Contains("Completed:", StringComparison.Ordinal), "the completion");

        var (_, feed) = await StatusPageReader.FeedAsync(host);
        var (_, again) = await StatusPageReader.FeedAsync(host);

        Assert.Equal("urn:mcp-dashboard:status", feed.Id);
        Assert.NotEqual(default, feed.LastUpdatedTime);
        var mine = feed.Items.Where(i => i.Title.Text.StartsWith("Feed upgrade: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(mine, i => i.Title.Text == "Feed upgrade: Maintenance announced.");
        Assert.Contains(mine, i => i.Title.Text == "Feed upgrade: Work started.");
        Assert.Contains(mine, i => i.Title.Text == "Feed upgrade: 50% of traffic moved to the new version.");
        Assert.Contains(mine, i => i.Title.Text == "Feed upgrade: Completed: all traffic is on version 1.1.0.");
        Assert.All(feed.Items, i => Assert.StartsWith("urn:mcp-dashboard:", i.Id, StringComparison.Ordinal));
        Assert.Equal(feed.Items.Count(), feed.Items.Select(i => i.Id).Distinct().Count());
        Assert.Equal(feed.Items.Select(i => i.Id), again.Items.Select(i => i.Id));
        Assert.All(mine, i => Assert.EndsWith($"/status#plan-{planId:N}", i.Links[0].Uri.ToString(), StringComparison.Ordinal));
        var times = feed.Items.Select(i => i.LastUpdatedTime).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.True(feed.Items.Count() <= 100);
    }

    [Fact]
    public async Task ChineseReaders_GetThePageInSimplifiedChinese()
    {
        var page = await StatusPageReader.PageAsync(host, "zh-CN");

        Assert.Contains("<html lang=\"zh-Hans\"", page, StringComparison.Ordinal);
        Assert.Contains("服务状态", page, StringComparison.Ordinal);
        Assert.Contains("即将进行的维护", page, StringComparison.Ordinal);
        Assert.Contains("/culture?name=en&amp;returnUrl=%2Fstatus", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePage_IsAStaticDocument_WithoutBlazor_WithLandmarksAndASkipLink()
    {
        var page = await StatusPageReader.PageAsync(host);

        Assert.DoesNotContain("blazor.web.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("MudBlazor", page, StringComparison.Ordinal);
        Assert.Contains("<main id=\"status-main\"", page, StringComparison.Ordinal);
        Assert.Contains("class=\"skip\" href=\"#status-main\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", page, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"vh\">Service status</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"overall", page, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"", page, StringComparison.Ordinal);
    }

    private static string Card(string page, Guid planId)
    {
        var start = page.IndexOf($"<article id=\"plan-{planId:N}\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        var end = page.IndexOf("</article>", start, StringComparison.Ordinal);
        return page[start..end];
    }
}
