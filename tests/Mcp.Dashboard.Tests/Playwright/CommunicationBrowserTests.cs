using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Tests.Communication;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mcp.Dashboard.Tests.Playwright;

/// <summary>A release manager sends a test message from the plan page and sees it delivered.</summary>
public sealed class CommunicationBrowserTests(BrowserFixture fixture) : BrowserTest(fixture), IAsyncLifetime
{
    private MessageReceiver _receiver = null!;

    public async ValueTask InitializeAsync() => _receiver = await MessageReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task ReleaseManager_SendsATestMessage_AndSeesItSentInTheLog()
    {
        using var author = Fixture.Host.ClientFor(DemoAccounts.ReleaseManager);
        var created = await author.PostJson("/api/v1/plans", PlanBodies.Canary("Comms test send (browser)") with
        {
            Communication = new CommunicationPlan
            {
                Entries =
                [
                    new()
                    {
                        Audience = CommunicationAudience.Business, Channel = CommunicationChannel.Slack, Destination = _receiver.Hook("browser").ToString(),
                        Moments = [CommunicationMoment.Before24Hours, CommunicationMoment.Start],
                        Templates = new Dictionary<CommunicationMoment, string> { [CommunicationMoment.Before24Hours] = "Heads up: {plan} tomorrow at {window_start}" },
                    },
                ],
            },
        });
        var planId = (await created.ReadJson()).GetProperty("id").GetGuid();

        foreach (var viewport in new[] { Laptop, Phone })
        {
            await RunAsync(async page =>
            {
                await SignInAsync(page, DemoAccounts.ReleaseManager.Email);
                await OpenAsync(page, $"/plans/{planId}");
                var before = _receiver.Messages.Count;
                await page.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();

                var sent = page.Locator("li.delivery[data-state=Sent]");
                await Expect(sent).ToHaveCountAsync(before + 1);
                await Expect(sent.First).ToContainTextAsync("[Test] Planned maintenance: Comms test send (browser)");
                await _receiver.WaitForAsync(m => m.Count == before + 1);
                await sent.First.Locator("summary").ClickAsync();
                await ScreenshotAsync(page, $"comms-test-send-{viewport.Width}");

                if (viewport == Laptop)
                {
                    await OpenAsync(page, $"/plans/{planId}/edit");
                    await page.GetByRole(AriaRole.Tab, new() { Name = "Communication" }).ClickAsync();
                    await Expect(page.Locator(".template-editor")).ToHaveCountAsync(2);
                    await ScreenshotAsync(page, "comms-template-editor");
                    await OpenAsync(page, "/communication");
                    await Expect(page.Locator("li.delivery").First).ToBeVisibleAsync();
                    await ScreenshotAsync(page, "comms-log-page");
                }
            }, viewport);
        }

        var text = _receiver.Messages[0].Json.GetProperty("blocks")[1].GetProperty("text").GetProperty("text").GetString();
        Assert.StartsWith("Heads up: Comms test send (browser) tomorrow at ", text);
    }
}
