using Mcp.Dashboard.Communication;
using Mcp.Dashboard.Components.Communication;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Components.Tests.Communication;

public sealed class DeliveryLogTests : DashboardTestContext
{
    private static readonly DateTimeOffset At = new(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);

    private static DeliveryView Delivery(DeliveryState state, int attempts = 1, string? error = null, string destination = "https://hooks.slack.com/…", bool test = false) => new(
        Guid.NewGuid(), Guid.NewGuid(), "User service <b>2.5</b>", null, null, 0, CommunicationMoment.Start, "rollout.started",
        CommunicationChannel.Slack, CommunicationAudience.Business, destination, "Started: <i>upgrade</i>", "We have <script>alert(1)</script> started",
        test, "system", state, attempts, error, state == DeliveryState.Retrying ? At.AddMinutes(1) : null, At, state == DeliveryState.Sent ? At.AddSeconds(2) : null);

    private IRenderedComponent<DeliveryLog> RenderLog(IReadOnlyList<DeliveryView> deliveries, Action<DeliveryView>? onRetry = null) =>
        Render<DeliveryLog>(p => p
            .Add(l => l.Deliveries, deliveries)
            .Add(l => l.ShowPlan, true)
            .Add(l => l.Zone, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
            .Add(l => l.OnRetry, (DeliveryView d) => onRetry?.Invoke(d)));

    [Fact]
    public void States_AttemptsErrorAndNextRetry_AreShown_InTheReadersZone()
    {
        SignIn("bo.zhang@example.com", "Bo Zhang", DashboardRoles.Stakeholder);
        var cut = RenderLog([
            Delivery(DeliveryState.Sent, attempts: 3, test: true),
            Delivery(DeliveryState.Retrying, attempts: 2, error: "HTTP 503 Service Unavailable"),
            Delivery(DeliveryState.Failed, attempts: 5, error: "HTTP 500 Internal Server Error Gave up after 5 attempts."),
        ]);

        var items = cut.FindAll("li.delivery");
        Assert.Equal(["Sent", "Retrying", "Failed"], items.Select(i => i.QuerySelector(".delivery-state")!.TextContent.Trim()));
        Assert.Contains("3 attempt(s)", items[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(items[0].QuerySelector(".delivery-test"));
        Assert.Null(items[0].QuerySelector(".delivery-error"));
        Assert.Contains("next try 2026-02-01 18:01:00", items[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Gave up after 5 attempts", items[2].QuerySelector(".delivery-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RetryNow_IsForOperatorsOnly_AndOnlyOnFailedOrWaiting()
    {
        SignIn("bo.zhang@example.com", "Bo Zhang", DashboardRoles.Stakeholder);
        Assert.Empty(RenderLog([Delivery(DeliveryState.Failed, error: "x")]).FindAll(".delivery-retry"));

        SignIn("sam.okafor@example.com", "Sam Okafor", DashboardRoles.Engineer);
        DeliveryView? retried = null;
        var failed = Delivery(DeliveryState.Failed, error: "x");
        var cut = RenderLog([Delivery(DeliveryState.Sent), failed], d => retried = d);

        var buttons = cut.FindAll(".delivery-retry");
        Assert.Single(buttons);
        buttons[0].Click();
        Assert.Equal(failed.Id, retried?.Id);
    }

    [Fact]
    public void Markup_InErrorDestinationSubjectTextAndPlan_IsEncoded()
    {
        SignIn("sam.okafor@example.com", "Sam Okafor", DashboardRoles.Engineer);
        var cut = RenderLog([Delivery(DeliveryState.Failed, error: "<img src=x onerror=alert(1)> refused", destination: "<script>x</script>")]);

        Assert.Empty(cut.FindAll("li.delivery img"));
        Assert.Empty(cut.FindAll("li.delivery script"));
        Assert.Empty(cut.FindAll("li.delivery b"));
        Assert.Empty(cut.FindAll("li.delivery i"));
        Assert.Contains("&lt;img src=x", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("<script>x</script>", cut.Find(".delivery-destination").TextContent);
        Assert.Equal("User service <b>2.5</b>", cut.Find(".delivery-plan").TextContent);
    }

    [Fact]
    public void Empty_SaysSo()
    {
        SignIn("bo.zhang@example.com", "Bo Zhang", DashboardRoles.Stakeholder);
        Assert.Contains("No messages yet.", RenderLog([]).Markup, StringComparison.Ordinal);
    }
}
