using System.Globalization;
using Mcp.Dashboard.Communication;
using Mcp.Dashboard.Domain.Plans;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Mcp.Dashboard.Components.Communication;

/// <summary>How deliveries, moments and channels read on every page, in the reader's language.</summary>
public static class CommunicationDisplay
{
    public static Color StateColor(DeliveryState state) => state switch
    {
        DeliveryState.Sent => Color.Success,
        DeliveryState.Retrying => Color.Warning,
        DeliveryState.Failed => Color.Error,
        _ => Color.Default,
    };

    public static string StateIcon(DeliveryState state) => state switch
    {
        DeliveryState.Sent => Icons.Material.Outlined.MarkEmailRead,
        DeliveryState.Retrying => Icons.Material.Outlined.Replay,
        DeliveryState.Failed => Icons.Material.Outlined.ErrorOutline,
        _ => Icons.Material.Outlined.Schedule,
    };

    public static string StateText(DeliveryState state, IStringLocalizer l) => state switch
    {
        DeliveryState.Sent => l["Sent"],
        DeliveryState.Retrying => l["Retrying"],
        DeliveryState.Failed => l["Failed"],
        _ => l["Pending"],
    };

    public static string MomentText(CommunicationMoment moment, IStringLocalizer l) => moment switch
    {
        CommunicationMoment.Before72Hours => l["72 h before"],
        CommunicationMoment.Before24Hours => l["24 h before"],
        CommunicationMoment.Before1Hour => l["1 h before"],
        CommunicationMoment.Start => l["Start"],
        CommunicationMoment.EachStep => l["Each step"],
        CommunicationMoment.Pause => l["Pause"],
        CommunicationMoment.Rollback => l["Rollback"],
        _ => l["Completion"],
    };

    public static string AudienceText(CommunicationAudience audience, IStringLocalizer l) => audience switch
    {
        CommunicationAudience.Engineers => l["Engineers"],
        CommunicationAudience.Business => l["Business"],
        _ => l["Everyone"],
    };

    public static string When(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
