using System.Net;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Api;

public sealed class StaticAssetTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    [Theory]
    [InlineData("/assets/app.css")]
    [InlineData("/assets/favicon.svg")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task Asset_IsServed(string path)
    {
        using var client = host.ClientFor(null);
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 100, $"{path} is served empty");
    }
}
