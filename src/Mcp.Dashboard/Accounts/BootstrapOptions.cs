namespace Mcp.Dashboard.Accounts;

/// <summary>
/// Headless set-up (<c>Bootstrap:*</c>, e.g. the environment variable <c>Bootstrap__ApiToken</c>):
/// the first admin and an admin API token, created at start when given.
/// </summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }

    /// <summary>A token (any high-entropy string of 32+ characters) granted to the bootstrap admin.</summary>
    public string? ApiToken { get; set; }
}
