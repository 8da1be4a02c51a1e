using System.Net;
using System.Text.RegularExpressions;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Api;

public sealed partial class AccountsTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccount_EvenForTheRightPassword()
    {
        var victim = DemoAccounts.Stakeholder.Email;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var page = await PostSignInAsync(victim, "not-the-password");
            Assert.Contains(attempt < 5 ? "do not match" : "locked", page, StringComparison.Ordinal);
        }

        var withRightPassword = await PostSignInAsync(victim, host.DemoPassword);
        Assert.Contains("locked", withRightPassword, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithExternalReturnUrl_StaysOnThisSite()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = host.BaseAddress };
        var form = await client.GetStringAsync("/signin?returnUrl=//evil.example.com/phish", Ct);
        var response = await client.PostAsync("/signin?returnUrl=//evil.example.com/phish", SignInForm(form, DemoAccounts.Engineer.Email, host.DemoPassword), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(host.BaseAddress, response.Headers.Location!);
        Assert.Equal(host.BaseAddress.Authority, target.Authority);
        Assert.Equal("/", target.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["Input.Email"] = DemoAccounts.Engineer.Email,
            ["Input.Password"] = host.DemoPassword,
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ApiWrite_WithCookieButNoXRequestedWith_IsRefused_WithTheHeaderItWorks()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = host.BaseAddress };
        var form = await client.GetStringAsync("/signin", Ct);
        await client.PostAsync("/signin", SignInForm(form, DemoAccounts.ReleaseManager.Email, host.DemoPassword), Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/plans", Ct)).StatusCode);

        var forged = await client.PostJson("/api/v1/plans", PlanBodies.Canary("Cross-site"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        Assert.Equal(HttpStatusCode.Created, (await client.PostJson("/api/v1/plans", PlanBodies.Canary("Same site"))).StatusCode);
    }

    [Fact]
    public async Task DemoAccounts_AreListedOnTheSignInPage_InDemoMode()
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var page = await client.GetStringAsync("/signin", Ct);
        foreach (var account in DemoAccounts.All)
        {
            Assert.Contains(account.Email, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi_AndTheReferenceIsServed()
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var document = await client.GetStringAsync("/openapi/v1.json", Ct);
        foreach (var path in new[] { "/api/v1/plans", "/api/v1/plans/{id}", "/api/v1/plans/{id}/approve", "/api/v1/plans/{planId}/windows", "/api/v1/blackouts", "/api/v1/environments", "/api/v1/audit" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api-docs/index.html", Ct)).StatusCode);
    }

    [Fact]
    public async Task Metrics_ArePrometheusText_AndCountRequests()
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        await client.GetAsync("/healthz", Ct);
        var metrics = await client.GetStringAsync("/metrics", Ct);
        Assert.Contains("# TYPE http_requests_received_total counter", metrics, StringComparison.Ordinal);
    }

    private async Task<string> PostSignInAsync(string email, string password)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = host.BaseAddress };
        var form = await client.GetStringAsync("/signin", Ct);
        var response = await client.PostAsync("/signin", SignInForm(form, email, password), Ct);
        return response.StatusCode == HttpStatusCode.Redirect ? "signed in" : await response.Content.ReadAsStringAsync(Ct);
    }

    private static FormUrlEncodedContent SignInForm(string form, string email, string password) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
        ["_handler"] = "signin",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
