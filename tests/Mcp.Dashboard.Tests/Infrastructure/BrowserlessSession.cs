using System.Net;
using System.Text.RegularExpressions;

namespace Mcp.Dashboard.Tests.Infrastructure;

/// <summary>
/// Signs in through the real sign-in form (antiforgery token and all) and fetches pages as
/// the server prerenders them: what a person's browser receives before the circuit starts.
/// </summary>
public sealed partial class BrowserlessSession : IDisposable
{
    private readonly HttpClient _client;

    private BrowserlessSession(HttpClient client) => _client = client;

    public static async Task<BrowserlessSession> SignInAsync(DashboardHost host, string email, CancellationToken ct)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = host.BaseAddress };
        var form = await client.GetStringAsync("/signin", ct);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "signin",
            ["Input.Email"] = email,
            ["Input.Password"] = host.DemoPassword,
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }

        return new BrowserlessSession(client);
    }

    public Task<string> GetPageAsync(string path, CancellationToken ct) => _client.GetStringAsync(path, ct);

    /// <summary>The raw answer (redirects are not followed), e.g. to pick a language through /culture.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken ct) => _client.GetAsync(path, ct);

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
