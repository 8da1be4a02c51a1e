using System.Net;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Localization;

/// <summary>How a reader's language is chosen: the browser's list first, then the switcher's cookie.</summary>
public sealed class CultureSwitchTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    [Theory]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans", "简体中文")]
    [InlineData("zh", "zh-Hans", "简体中文")]
    [InlineData("en-GB,en;q=0.9", "en", "English")]
    [InlineData("fr-FR", "en", "English")]
    public async Task TheBrowsersLanguage_PicksThePagesLanguage(string acceptLanguage, string expectedLang, string currentChoice)
    {
        using var anonymous = host.ClientFor(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var html = await (await anonymous.SendAsync(request, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains($"<html lang=\"{expectedLang}\">", html, StringComparison.Ordinal);
        Assert.Contains($"aria-current=\"true\">{currentChoice}</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSwitcher_StoresTheChoice_AndItBeatsTheBrowser()
    {
        using var anonymous = NoRedirects();
        var switched = await anonymous.GetAsync("/culture?name=zh-Hans&returnUrl=%2Fsignin", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/signin", switched.Headers.Location?.OriginalString);
        var cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans", cookie, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.TryAddWithoutValidation("Accept-Language", "en-US");
        request.Headers.TryAddWithoutValidation("Cookie", cookie.Split(';')[0]);
        var html = await (await anonymous.SendAsync(request, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"zh-Hans\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example.com/")]
    [InlineData("/\\evil.example.com")]
    [InlineData("https://evil.example.com/")]
    public async Task TheSwitcher_NeverRedirectsAway(string returnUrl)
    {
        using var anonymous = NoRedirects();

        var switched = await anonymous.GetAsync($"/culture?name=en&returnUrl={Uri.EscapeDataString(returnUrl)}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/", switched.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnUnknownLanguage_IsAProblem_NotACookie()
    {
        using var anonymous = NoRedirects();

        var refused = await anonymous.GetAsync("/culture?name=%3Cscript%3E", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
    }

    // The redirect and its cookie are what is under test, so neither is followed or kept.
    private HttpClient NoRedirects() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };
}
