using System.Globalization;
using Mcp.Dashboard.Communication;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Mcp.Dashboard.Components.Communication;

/// <summary>
/// How deliveries, moments, audiences and channels read on every page, in the reader's language.
/// Static like the other display helpers, so it reads its own localizer (see <see cref="Vocabulary"/>).
/// </summary>
public sealed class CommunicationDisplay
{
    private static readonly IStringLocalizer<CommunicationDisplay> L = Vocabulary.For<CommunicationDisplay>();

    private CommunicationDisplay()
    {
    }

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

    public static string StateText(DeliveryState state) => state switch
    {
        DeliveryState.Sent => L["Sent"],
        DeliveryState.Retrying => L["Retrying"],
        DeliveryState.Failed => L["Failed"],
        _ => L["Pending"],
    };

    public static string MomentText(CommunicationMoment moment) => moment switch
    {
        CommunicationMoment.Before72Hours => L["72 h before"],
        CommunicationMoment.Before24Hours => L["24 h before"],
        CommunicationMoment.Before1Hour => L["1 h before"],
        CommunicationMoment.Start => L["Start"],
        CommunicationMoment.EachStep => L["Each step"],
        CommunicationMoment.Pause => L["Pause"],
        CommunicationMoment.Rollback => L["Rollback"],
        _ => L["Completion"],
    };

    public static string AudienceText(CommunicationAudience audience) => audience switch
    {
        CommunicationAudience.Engineers => L["Engineers"],
        CommunicationAudience.Business => L["Business"],
        _ => L["Everyone"],
    };

    public static string ChannelText(CommunicationChannel channel) => channel switch
    {
        CommunicationChannel.StatusPage => L["Status page"],
        CommunicationChannel.Email => L["E-mail"],
        CommunicationChannel.Teams => "Microsoft Teams",
        _ => channel.ToString(),
    };

    public static string When(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
