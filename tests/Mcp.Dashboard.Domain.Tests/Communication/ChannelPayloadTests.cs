using System.Text.Json;
using Mcp.Dashboard.Domain.Communication;

namespace Mcp.Dashboard.Domain.Tests.Communication;

public sealed class ChannelPayloadTests
{
    private static readonly OutgoingMessage Hostile = new(
        "rollout.started", Guid.NewGuid(), Guid.NewGuid(), "Business",
        "<script>alert(1)</script> & [x](http://evil)", "Hi <!channel> & <http://evil|click> **bold** _it_", DateTimeOffset.UnixEpoch, Guid.NewGuid());

    [Fact]
    public void GenericWebhook_CarriesEveryField_AndEscapesMarkupInJson()
    {
        var json = ChannelPayloads.GenericWebhook(Hostile);
        Assert.DoesNotContain("<script>", json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("rollout.started", root.GetProperty("event").GetString());
        Assert.Equal(Hostile.PlanId, root.GetProperty("planId").GetGuid());
        Assert.Equal(Hostile.RolloutId, root.GetProperty("rolloutId").GetGuid());
        Assert.Equal("Business", root.GetProperty("audience").GetString());
        Assert.Equal(Hostile.Subject, root.GetProperty("subject").GetString());
        Assert.Equal(Hostile.Text, root.GetProperty("text").GetString());
        Assert.Equal(Hostile.DeliveryId, root.GetProperty("deliveryId").GetGuid());
        Assert.Equal(DateTimeOffset.UnixEpoch, root.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public void Slack_EscapesMrkdwnControlCharacters_InTextAndBlocks()
    {
        using var document = JsonDocument.Parse(ChannelPayloads.Slack(Hostile));
        var text = document.RootElement.GetProperty("text").GetString()!;
        var section = document.RootElement.GetProperty("blocks")[1].GetProperty("text");
        Assert.Equal("mrkdwn", section.GetProperty("type").GetString());
        foreach (var written in new[] { text, section.GetProperty("text").GetString()! })
        {
            Assert.DoesNotContain("<!channel>", written);
            Assert.DoesNotContain("<http://evil|click>", written);
            Assert.Contains("&lt;!channel&gt; &amp; &lt;http://evil|click&gt;", written);
        }

        Assert.Equal("header", document.RootElement.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.Equal("plain_text", document.RootElement.GetProperty("blocks")[0].GetProperty("text").GetProperty("type").GetString());
    }

    [Fact]
    public void Teams_IsAMessageWithAnAdaptiveCard_AndEscapedMarkdown()
    {
        using var document = JsonDocument.Parse(ChannelPayloads.Teams(Hostile));
        var root = document.RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        var attachment = root.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        var body = card.GetProperty("body");
        Assert.Equal(@"\<script\>alert\(1\)\</script\> & \[x\]\(http://evil\)", body[0].GetProperty("text").GetString());
        Assert.Contains(@"\*\*bold\*\* \_it\_", body[1].GetProperty("text").GetString());
    }
}
