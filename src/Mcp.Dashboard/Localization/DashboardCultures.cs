using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Mcp.Dashboard.Localization;

/// <summary>
/// The languages the dashboard and the status page speak: English and Simplified Chinese, the
/// languages of the teams the playbook was written for. The browser's Accept-Language picks
/// one on the first visit; the switcher stores the reader's choice in a cookie that wins after.
/// </summary>
public static class DashboardCultures
{
    public const string English = "en";
    public const string SimplifiedChinese = "zh-Hans";

    /// <summary>The switcher's endpoint: <c>GET /culture?name=zh-Hans&amp;returnUrl=/status</c>.</summary>
    public const string SwitchPath = "/culture";

    public static readonly IReadOnlyList<CultureInfo> Supported =
        [CultureInfo.GetCultureInfo(English), CultureInfo.GetCultureInfo(SimplifiedChinese)];

    /// <summary>Each language named in itself, as a switcher should show it.</summary>
    public static string NativeName(string culture) => culture switch
    {
        SimplifiedChinese => "简体中文",
        _ => "English",
    };

    public static bool IsChinese(CultureInfo culture) =>
        culture.Name.Equals(SimplifiedChinese, StringComparison.OrdinalIgnoreCase)
        || culture.Parent.Name.Equals(SimplifiedChinese, StringComparison.OrdinalIgnoreCase);

    /// <summary>The supported culture a request asked for, or null when it is not one we speak.</summary>
    public static CultureInfo? Find(string? name) =>
        Supported.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public static IServiceCollection AddDashboardLocalization(this IServiceCollection services)
    {
        // Components inject IStringLocalizer<TheirOwnType>; the Chinese text lives in
        // Resources/<folder>/<Type>.zh-Hans.resx and English is the key itself.
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddTransient<MudBlazor.MudLocalizer, DashboardMudLocalizer>();

        // Chinese text goes out as UTF-8 characters, not one &#x...; entity each (three times
        // the bytes); markup characters (<, >, &, quotes) are still encoded everywhere.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(English);
            options.SupportedCultures = [.. Supported];
            options.SupportedUICultures = [.. Supported];

            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.ApplyCurrentCultureToResponseHeaders = true;

            // The reader's explicit choice (cookie) beats the browser's list; no query string
            // provider, so a shared link never changes someone's language behind their back.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new BrowserLanguageProvider(),
            ];
        });
        return services;
    }

    /// <summary>
    /// The language switcher: stores the choice for a year and goes back where the reader was.
    /// A GET is fine here: it changes a preference in the reader's own browser, never data.
    /// </summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet(SwitchPath, (string? name, string? returnUrl, HttpContext http) =>
        {
            var culture = Find(name);
            if (culture is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown language",
                    detail: $"name must be one of: {string.Join(", ", Supported.Select(c => c.Name))}.");
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });

            // Only our own pages: an open redirect would make the switcher a phishing tool.
            var target = returnUrl is { Length: > 0 } && IsLocal(returnUrl) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
