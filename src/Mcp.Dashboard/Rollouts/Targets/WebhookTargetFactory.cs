using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Rollouts.Targets;

/// <summary>Makes the webhook target of one plan, from its URL and its (unprotected) signing key.</summary>
public sealed class WebhookTargetFactory(IHttpClientFactory clients, IOptions<WebhookTargetOptions> options, TimeProvider time, ILoggerFactory loggers)
{
    /// <summary>The named HttpClient: no redirects, no cookies, header values never logged.</summary>
    public const string HttpClientName = "webhook-target";

    /// <exception cref="ArgumentException">The URL is not absolute http(s), or carries credentials.</exception>
    public IRolloutTarget Create(Uri url, string secret)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(secret);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.UserInfo.Length > 0)
        {
            throw new ArgumentException("A webhook target needs an absolute http(s) URL without credentials.", nameof(url));
        }

        return new WebhookTarget(clients.CreateClient(HttpClientName), url, secret, options.Value, time, loggers.CreateLogger<WebhookTarget>());
    }
}
