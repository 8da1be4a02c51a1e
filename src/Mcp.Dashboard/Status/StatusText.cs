using System.Globalization;
using Mcp.Dashboard.Domain.Status;
using Microsoft.Extensions.Localization;

namespace Mcp.Dashboard.Status;

/// <summary>
/// The one resource of the status page's wording (Resources/Status/StatusText.zh-Hans.resx): the
/// page's components, the Atom feed and the domain's phrases share it, so a sentence has one
/// translation wherever it appears.
/// </summary>
public sealed class StatusText
{
    /// <summary>The phrase in the current UI language, values inserted (not yet encoded: the writer encodes).</summary>
    public static string Say(IStringLocalizer<StatusText> text, StatusPhrase phrase) =>
        phrase.Args.Length == 0 ? text[phrase.Template] : text[phrase.Template, phrase.Args];

    public static string State(IStringLocalizer<StatusText> text, ComponentState state) => state switch
    {
        ComponentState.UnderMaintenance => text["Under maintenance"],
        ComponentState.Degraded => text["Degraded"],
        ComponentState.RolledBack => text["Rolled back"],
        _ => text["Operational"],
    };

    /// <summary>A non-colour cue for each state (WCAG: state is never told by colour alone).</summary>
    public static string Icon(ComponentState state) => state switch
    {
        ComponentState.UnderMaintenance => "⚙",
        ComponentState.Degraded => "⚠",
        ComponentState.RolledBack => "↺",
        _ => "✓",
    };

    public static string CssClass(ComponentState state) => state switch
    {
        ComponentState.UnderMaintenance => "s-maintenance",
        ComponentState.Degraded => "s-degraded",
        ComponentState.RolledBack => "s-rolledback",
        _ => "s-operational",
    };

    /// <summary>The fallback text of a time before the page's script rewrites it in the reader's zone.</summary>
    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
