using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Localization;

/// <summary>
/// The product's shared words: plan, rollout and step states, strategies, kinds, tiers, roles,
/// verdicts, durations. The display helpers (<c>PlanDisplay</c>, <c>RolloutDisplay</c>,
/// <c>ScheduleDisplay</c>) are static and called from every page, so they read this one
/// localizer rather than taking one as a parameter; the Chinese lives in
/// <c>Resources/Localization/Vocabulary.zh-Hans.resx</c>.
/// </summary>
public sealed class Vocabulary
{
    private Vocabulary()
    {
    }

    // First: the properties below are initialized in the order they are written.
    private static ResourceManagerStringLocalizerFactory Factory { get; } =
        new(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);

    /// <summary>
    /// One localizer for the process. It reads <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>
    /// on every lookup, so a shared instance serves every reader in their own language.
    /// </summary>
    public static IStringLocalizer<Vocabulary> Localizer { get; } = new StringLocalizer<Vocabulary>(Factory);

    /// <summary>
    /// A type's localizer where nothing can be injected, such as the static properties a
    /// validation attribute reads its message from.
    /// </summary>
    public static IStringLocalizer<T> For<T>() => new StringLocalizer<T>(Factory);
}
