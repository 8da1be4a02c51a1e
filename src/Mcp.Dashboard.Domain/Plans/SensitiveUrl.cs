namespace Mcp.Dashboard.Domain.Plans;

/// <summary>
/// Webhook URLs of chat tools carry their credential in the path (a Slack incoming webhook is
/// its own password), so outside the plan editor they are shown as scheme and host only.
/// </summary>
public static class SensitiveUrl
{
    public static string? Mask(string? destination) =>
        Uri.TryCreate(destination, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"{uri.GetLeftPart(UriPartial.Authority)}/…"
            : destination;

    /// <summary>The communication plan with every webhook destination masked.</summary>
    public static CommunicationPlan Mask(CommunicationPlan plan) =>
        plan with { Entries = plan.Entries.Select(e => e with { Destination = Mask(e.Destination) }).ToList() };
}
