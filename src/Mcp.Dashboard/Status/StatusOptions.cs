namespace Mcp.Dashboard.Status;

/// <summary>The public status page, its feed and badge (section <c>Status</c>).</summary>
public sealed class StatusOptions
{
    public const string Section = "Status";

    /// <summary>
    /// True (default): /status, /status/feed.atom, /status/badge.svg and /calendar.ics need no
    /// sign-in. False: they need a signed-in user (cookie or API token); browsers are sent to
    /// the sign-in page and feed clients get 401.
    /// </summary>
    public bool Public { get; set; } = true;

    /// <summary>How long browsers and proxies may reuse an answer (Cache-Control max-age), in seconds.</summary>
    public int MaxAgeSeconds { get; set; } = 15;

    /// <summary>How often an open status page asks whether something changed, in seconds.</summary>
    public int RefreshSeconds { get; set; } = 20;

    /// <summary>
    /// The snapshot is rebuilt on every change; this bounds how long it may stay unchanged
    /// anyway, so windows opening and the day's history bar follow the clock.
    /// </summary>
    public int RebuildSeconds { get; set; } = 30;
}
