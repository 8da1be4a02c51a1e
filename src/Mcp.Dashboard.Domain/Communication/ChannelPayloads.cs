using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mcp.Dashboard.Domain.Communication;

/// <summary>One message as it leaves: what every channel needs to write its own body.</summary>
public sealed record OutgoingMessage(
    string Event,
    Guid PlanId,
    Guid? RolloutId,
    string Audience,
    string Subject,
    string Text,
    DateTimeOffset At,
    Guid DeliveryId);

/// <summary>
/// The request bodies of the chat and webhook channels. Everything in them is a user's text, so
/// each format's own markup is escaped: Slack's mrkdwn control characters, Adaptive Card
/// markdown, and JSON (the serializer escapes HTML-significant characters too).
/// </summary>
public static class ChannelPayloads
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // The default encoder: <, >, & and quotes come out as \u escapes, safe in any HTML a
        // receiver might paste the body into.
        Encoder = JavaScriptEncoder.Default,
    };

    /// <summary>The generic webhook: <c>{ event, planId, rolloutId, audience, subject, text, at, deliveryId }</c>.</summary>
    public static string GenericWebhook(OutgoingMessage message) => new JsonObject
    {
        ["event"] = message.Event,
        ["planId"] = message.PlanId,
        ["rolloutId"] = message.RolloutId,
        ["audience"] = message.Audience,
        ["subject"] = message.Subject,
        ["text"] = message.Text,
        ["at"] = message.At.ToUniversalTime(),
        ["deliveryId"] = message.DeliveryId,
    }.ToJsonString(Json);

    /// <summary>A Slack-compatible incoming webhook: a fallback <c>text</c> and <c>blocks</c> with a header and the message.</summary>
    public static string Slack(OutgoingMessage message)
    {
        var subject = EscapeSlack(message.Subject);
        var text = EscapeSlack(message.Text);
        return new JsonObject
        {
            ["text"] = $"{subject}\n{text}",
            ["blocks"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "header",
                    ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Truncate(message.Subject, 150), ["emoji"] = false },
                },
                new JsonObject
                {
                    ["type"] = "section",
                    ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Truncate(text, 3000) },
                }),
        }.ToJsonString(Json);
    }

    /// <summary>A Microsoft Teams-compatible incoming webhook: a message with one Adaptive Card attachment.</summary>
    public static string Teams(OutgoingMessage message) => new JsonObject
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["contentUrl"] = null,
            ["content"] = new JsonObject
            {
                ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                ["type"] = "AdaptiveCard",
                ["version"] = "1.4",
                ["body"] = new JsonArray(
                    new JsonObject { ["type"] = "TextBlock", ["text"] = EscapeCardMarkdown(message.Subject), ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                    new JsonObject { ["type"] = "TextBlock", ["text"] = EscapeCardMarkdown(message.Text), ["wrap"] = true }),
            },
        }),
    }.ToJsonString(Json);

    /// <summary>Slack's mrkdwn: &amp;, &lt; and &gt; are its control characters (links, mentions) and must be entities.</summary>
    public static string EscapeSlack(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// Adaptive Card TextBlocks read a subset of Markdown: a backslash before each of its
    /// characters keeps a user's <c>[link](...)</c> or <c>**</c> as the literal text.
    /// </summary>
    public static string EscapeCardMarkdown(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '`' or '~' or '<' or '>')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
