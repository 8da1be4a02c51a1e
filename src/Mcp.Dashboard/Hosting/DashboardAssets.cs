using Microsoft.Extensions.FileProviders;

namespace Mcp.Dashboard.Hosting;

/// <summary>
/// Serves the repository's <c>wwwroot-assets/</c> (our CSS, scripts, images) under
/// <c>/assets</c>. Run from source, the folder itself is served, so an edited stylesheet shows
/// on the next reload; a published build serves the copy the build puts beside the binaries.
/// </summary>
public static class DashboardAssets
{
    public const string RequestPath = "/assets";

    public static IApplicationBuilder UseDashboardAssets(this WebApplication app)
    {
        var folder = new[]
            {
                Path.Combine(app.Environment.ContentRootPath, "..", "..", "wwwroot-assets"),
                Path.Combine(AppContext.BaseDirectory, "wwwroot-assets"),
            }
            .Select(Path.GetFullPath)
            .FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException("wwwroot-assets was not found beside the application or in the source tree.");

        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = RequestPath,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
    }
}
