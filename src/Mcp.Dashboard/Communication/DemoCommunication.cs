using Mcp.Dashboard.Domain.Communication;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Hosting;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Communication;

/// <summary>
/// Demo mode's communication plan: entries whose destinations are this server's own demo
/// inbox, so a demo shows Slack, Teams and webhook messages arriving as the rollout goes.
/// The address comes from the configured listening URLs (<c>urls</c>, e.g. ASPNETCORE_URLS),
/// known before the server binds; without one (a test host on port 0) demo plans get none.
/// </summary>
public sealed class DemoCommunication(IConfiguration configuration, IOptions<DashboardOptions> dashboard)
{
    /// <summary>The server's own loopback address in demo mode, or null.</summary>
    public string? BaseUrl
    {
        get
        {
            if (!dashboard.Value.DemoMode)
            {
                return null;
            }

            var first = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (first is null)
            {
                return null;
            }

            // A wildcard binds every interface; the server reaches itself on loopback.
            var local = first.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
            return Uri.TryCreate(local, UriKind.Absolute, out var uri) && uri.Port > 0 ? uri.GetLeftPart(UriPartial.Authority) : null;
        }
    }

    /// <summary>The plan's communication with demo inbox entries added, or as it was outside demo mode.</summary>
    public CommunicationPlan With(CommunicationPlan plan)
    {
        if (BaseUrl is not { } baseUrl)
        {
            return plan;
        }

        return plan with
        {
            Entries =
            [
                .. plan.Entries,
                new() { Audience = CommunicationAudience.Business, Channel = CommunicationChannel.Slack, Destination = $"{baseUrl}/demo/inbox/slack", Note = "Demo: #announcements", Moments = [CommunicationMoment.Before24Hours, CommunicationMoment.Start, CommunicationMoment.Rollback, CommunicationMoment.Completion] },
                new() { Audience = CommunicationAudience.Engineers, Channel = CommunicationChannel.Teams, Destination = $"{baseUrl}/demo/inbox/teams", Note = "Demo: release channel", Moments = [CommunicationMoment.Before1Hour, CommunicationMoment.Start, CommunicationMoment.EachStep, CommunicationMoment.Pause, CommunicationMoment.Rollback, CommunicationMoment.Completion] },
                new() { Audience = CommunicationAudience.Business, Channel = CommunicationChannel.Webhook, Language = MessageLanguage.ChineseSimplified, Destination = $"{baseUrl}/demo/inbox/webhook", Note = "演示：业务通知系统", Moments = [CommunicationMoment.Start, CommunicationMoment.Rollback, CommunicationMoment.Completion] },
            ],
        };
    }
}
