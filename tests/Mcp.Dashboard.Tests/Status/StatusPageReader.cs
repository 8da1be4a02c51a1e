using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Status;

/// <summary>Reads the status page, feed and badge anonymously, as a stakeholder's browser or feed reader would.</summary>
internal static class StatusPageReader
{
    public static async Task<string> PageAsync(DashboardHost host, string language = "en")
    {
        using var anonymous = host.ClientFor(null);
        anonymous.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        var response = await anonymous.GetAsync("/status", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Polls the page until it says what the test waits for (the snapshot follows changes, not a timer).</summary>
    public static async Task<string> WaitForPageAsync(DashboardHost host, Func<string, bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
        string page;
        do
        {
            page = await PageAsync(host);
            if (condition(page))
            {
                return page;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        while (DateTimeOffset.UtcNow < deadline);

        Assert.Fail($"The status page never showed {what}.");
        return page;
    }

    public static async Task<(string Raw, SyndicationFeed Feed)> FeedAsync(DashboardHost host)
    {
        using var anonymous = host.ClientFor(null);
        var response = await anonymous.GetAsync("/status/feed.atom", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var reader = XmlReader.Create(new StringReader(raw), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return (raw, SyndicationFeed.Load(reader));
    }

    public static async Task<string> BadgeAsync(DashboardHost host)
    {
        using var anonymous = host.ClientFor(null);
        var response = await anonymous.GetAsync("/status/badge.svg", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
