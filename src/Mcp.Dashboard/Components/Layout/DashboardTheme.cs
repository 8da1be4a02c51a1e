using MudBlazor;

namespace Mcp.Dashboard.Components.Layout;

/// <summary>One calm palette: state colours carry meaning, so the chrome stays quiet.</summary>
public static class DashboardTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00897b",
            Tertiary = "#6d4c41",
            Success = "#2e7d32",
            Warning = "#b26a00",
            Error = "#c62828",
            Info = "#0277bd",
            AppbarBackground = "#1f2a44",
            AppbarText = "#ffffff",
            Background = "#f5f6fa",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1f2a44",
            TextSecondary = "#5a6478",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Noto Sans SC", "Helvetica", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
