using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Mail;
using System.Text;
using Mcp.Dashboard.Domain.Communication;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Rollouts.Targets;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Communication;

/// <summary>What one attempt came to: sent, worth another try (maybe after a wait), or refused for good.</summary>
public sealed record SendOutcome(SendOutcomeKind Kind, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static SendOutcome Sent { get; } = new(SendOutcomeKind.Sent);

    public static SendOutcome Retry(string error, TimeSpan? after = null) => new(SendOutcomeKind.Retry, error, after);

    public static SendOutcome Refused(string error) => new(SendOutcomeKind.Refused, error);
}

public enum SendOutcomeKind
{
    Sent,
    Retry,
    Refused,
}

/// <summary>
/// Sends one delivery over its channel, once: the generic JSON webhook (signed), a Slack- or
/// Teams-compatible incoming webhook, or e-mail over SMTP. Retrying is the outbox's business.
/// Errors are described without the destination's path or any key, since they are shown to
/// people and written to logs.
/// </summary>
public sealed class MessageSender(IHttpClientFactory clients, IOptionsMonitor<CommunicationOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "communication";

    public async Task<SendOutcome> SendAsync(Delivery delivery, string destination, CancellationToken cancellationToken)
    {
        var message = new OutgoingMessage(delivery.Event, delivery.PlanId, delivery.RolloutId, delivery.Audience.ToString(), delivery.Subject, delivery.Text, delivery.CreatedAt, delivery.Id);
        return delivery.Channel switch
        {
            CommunicationChannel.Webhook => await PostAsync(destination, ChannelPayloads.GenericWebhook(message), delivery.Id, sign: true, cancellationToken),
            CommunicationChannel.Slack => await PostAsync(destination, ChannelPayloads.Slack(message), delivery.Id, sign: false, cancellationToken),
            CommunicationChannel.Teams => await PostAsync(destination, ChannelPayloads.Teams(message), delivery.Id, sign: false, cancellationToken),
            CommunicationChannel.Email => await MailAsync(destination, delivery, cancellationToken),
            _ => SendOutcome.Refused("The status page channel sends nothing; the page shows the rollout itself."),
        };
    }

    /// <summary>Null when the URL may be posted to, else why not.</summary>
    public string? RefuseUrl(Uri url)
    {
        if (url.Scheme == Uri.UriSchemeHttps)
        {
            return url.UserInfo.Length > 0 ? "The destination URL carries a user name or password; put the credential in the path the service gave you." : null;
        }

        if (url.Scheme != Uri.UriSchemeHttp)
        {
            return "The destination is not an http(s) URL.";
        }

        return url.IsLoopback || options.CurrentValue.AllowInsecureHttp
            ? null
            : $"Plain http to {url.Host} is refused: messages may carry internal details, so use https (http is allowed to loopback only).";
    }

    private async Task<SendOutcome> PostAsync(string destination, string json, Guid deliveryId, bool sign, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(destination, UriKind.Absolute, out var url))
        {
            return SendOutcome.Refused("The destination is not a URL.");
        }

        if (RefuseUrl(url) is { } refused)
        {
            return SendOutcome.Refused(refused);
        }

        var settings = options.CurrentValue;
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", deliveryId.ToString());
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Mcp.Dashboard", null));
        if (sign && settings.SigningKey.Length > 0)
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(settings.SigningKey, timestamp, body));
        }

        // The deadline runs on real time: Quartz fires the job on real time too.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            var described = $"HTTP {status} {ReasonPhrases.GetReasonPhrase(status)}".TrimEnd();
            return status switch
            {
                >= 200 and < 300 => SendOutcome.Sent,
                >= 300 and < 400 => SendOutcome.Refused($"{described}: a redirect, which is not followed (give the final URL)."),
                408 or 429 or >= 500 => SendOutcome.Retry(described, RetryAfter(response)),
                _ => SendOutcome.Refused($"{described}: the receiver refused the message."),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendOutcome.Retry($"No answer within {settings.TimeoutSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s.");
        }
        catch (HttpRequestException exception)
        {
            return SendOutcome.Retry(exception.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => $"The host name {url.Host} did not resolve.",
                HttpRequestError.ConnectionError => $"Could not connect to {url.Authority}.",
                HttpRequestError.SecureConnectionError => $"The TLS connection to {url.Authority} failed.",
                _ => "The connection failed before an answer came back.",
            });
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow(),
        _ => null,
    };

    private async Task<SendOutcome> MailAsync(string address, Delivery delivery, CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue.Smtp;
        if (!smtp.Enabled)
        {
            return SendOutcome.Refused("E-mail is off: Communication:Smtp:Host is not set.");
        }

        try
        {
            using var mail = new MailMessage(new MailAddress(smtp.From), new MailAddress(address))
            {
                Subject = delivery.Subject.ReplaceLineEndings(" "),
                Body = delivery.Text,
                IsBodyHtml = false,
                BodyEncoding = Encoding.UTF8,
                SubjectEncoding = Encoding.UTF8,
            };
            mail.Headers.Add("X-Mcp-Delivery", delivery.Id.ToString());
            using var client = new SmtpClient(smtp.Host, smtp.Port)
            {
                EnableSsl = smtp.EnableSsl,
                Timeout = (int)TimeSpan.FromSeconds(options.CurrentValue.TimeoutSeconds).TotalMilliseconds,
                DeliveryMethod = SmtpDeliveryMethod.Network,
            };
            if (smtp.UserName.Length > 0)
            {
                client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
            }

            await client.SendMailAsync(mail, cancellationToken);
            return SendOutcome.Sent;
        }
        catch (FormatException)
        {
            return SendOutcome.Refused("The e-mail address is not valid.");
        }
        catch (SmtpFailedRecipientException exception) when (exception.StatusCode is SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed)
        {
            return SendOutcome.Refused($"The mail server refused the recipient ({(int)exception.StatusCode}).");
        }
        catch (SmtpException exception)
        {
            return SendOutcome.Retry($"The mail server did not take the message ({(int)exception.StatusCode} {exception.StatusCode}).");
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            return SendOutcome.Retry($"Could not talk to the mail server {smtp.Host}:{smtp.Port}.");
        }
    }
}
