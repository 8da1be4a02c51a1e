using Mcp.Dashboard.Communication;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Communication;

/// <summary>A host whose e-mail goes to a loopback SMTP receiver.</summary>
public sealed class SmtpHost : DashboardHost
{
    public SmtpHost()
    {
        Settings = new Dictionary<string, string>
        {
            ["Communication:Smtp:Host"] = "127.0.0.1",
            ["Communication:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Communication:Smtp:From"] = "dashboard@example.com",
            ["Communication:Smtp:EnableSsl"] = "false",
        };
    }

    public SmtpReceiver Smtp { get; } = new();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class EmailTests(SmtpHost host) : IClassFixture<SmtpHost>
{
    private static async Task<bool> Delay()
    {
        await Task.Delay(50, TestContext.Current.CancellationToken);
        return true;
    }

    [Fact]
    public async Task EmailEntry_TestSend_IsAMailToTheAddress_OverARealSmtpConversation()
    {
        using var author = host.ClientFor(DemoAccounts.ReleaseManager);
        var created = await author.PostJson("/api/v1/plans", PlanBodies.Canary("Comms by e-mail") with
        {
            Communication = new CommunicationPlan
            {
                Entries = [new() { Audience = CommunicationAudience.Business, Channel = CommunicationChannel.Email, Destination = "bo.zhang@example.com", Moments = [CommunicationMoment.Completion] }],
            },
        });
        var planId = (await created.ReadJson()).GetProperty("id").GetGuid();

        var queued = await (await author.PostJson($"/api/v1/plans/{planId}/communication/0/test", new { })).Read<DeliveryView>();

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (host.Smtp.Mails.Count == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var mail = Assert.Single(host.Smtp.Mails);
        Assert.Equal("dashboard@example.com", mail.From);
        Assert.Equal(["bo.zhang@example.com"], mail.To);
        Assert.Contains($"X-Mcp-Delivery: {queued.Id}", mail.Data, StringComparison.OrdinalIgnoreCase);

        // The mail is taken before the attempt is recorded: wait for the record.
        List<DeliveryView> logged;
        do
        {
            logged = await (await author.GetAsync($"/api/v1/plans/{planId}/deliveries", TestContext.Current.CancellationToken)).Read<List<DeliveryView>>();
        }
        while (logged.Single().State != DeliveryState.Sent && DateTimeOffset.UtcNow < deadline && await Delay());
        Assert.Equal(DeliveryState.Sent, logged.Single().State);
    }
}
