using Microsoft.AspNetCore.Localization;

namespace Mcp.Dashboard.Localization;

/// <summary>
/// Reads the browser's Accept-Language list, best first, and answers with the first language we
/// speak. Any Chinese (zh, zh-CN, zh-SG, zh-Hans-CN, even zh-TW) gets Simplified Chinese: the
/// built-in provider only walks up to parents, so a bare "zh" would fall to English.
/// </summary>
public sealed class BrowserLanguageProvider : RequestCultureProvider
{
    // Bounded like the built-in provider: a hostile header cannot make us parse thousands.
    private const int MaximumLanguagesTried = 5;

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.GetTypedHeaders().AcceptLanguage;
        var preferred = header
            .Where(language => language.Quality is not 0)
            .OrderByDescending(language => language.Quality ?? 1)
            .Take(MaximumLanguagesTried)
            .Select(language => Match(language.Value.Value))
            .FirstOrDefault(culture => culture is not null);

        return Task.FromResult(preferred is null ? null : new ProviderCultureResult(preferred));
    }

    private static string? Match(string? tag) => tag switch
    {
        null => null,
        _ when tag.Equals("zh", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("zh-", StringComparison.OrdinalIgnoreCase) => DashboardCultures.SimplifiedChinese,
        _ when tag.Equals("en", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en-", StringComparison.OrdinalIgnoreCase) => DashboardCultures.English,
        _ => null,
    };
}
