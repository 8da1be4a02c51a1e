using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Domain.Audit;

namespace Mcp.Dashboard.Components.Pages.AuditTrail;

/// <summary>The audit page's filters, the entries loaded so far and which rows are open.</summary>
public sealed class AuditViewModel
{
    public const int PageSize = 50;

    private readonly List<AuditEntry> _entries = [];
    private readonly HashSet<long> _expanded = [];

    public string? Actor { get; set; }

    public string? ActionPrefix { get; set; }

    /// <summary>The plan id as typed or taken from <c>?planId=</c>; anything not a GUID is reported.</summary>
    public string? PlanId { get; set; }

    /// <summary>The viewer's time zone: picked dates are days in it.</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Local;

    public DateTime? From { get; set; }

    public DateTime? To { get; set; }

    public IReadOnlyList<AuditEntry> Entries => _entries;

    /// <summary>True while the last page came back full, so older entries may exist.</summary>
    public bool HasOlder { get; private set; }

    public string? PlanIdError =>
        string.IsNullOrWhiteSpace(PlanId) || Guid.TryParse(PlanId.Trim(), out _) ? null : "Give a plan id such as 0193a5c2-...";

    public bool HasFilters =>
        !string.IsNullOrWhiteSpace(Actor) || !string.IsNullOrWhiteSpace(ActionPrefix) || !string.IsNullOrWhiteSpace(PlanId) || From is not null || To is not null;

    /// <summary>The query for the first page, or for the page before <paramref name="before"/>.</summary>
    public AuditQuery ToQuery(long? before = null) => new()
    {
        Actor = Blank(Actor),
        Action = Blank(ActionPrefix),
        PlanId = Guid.TryParse(PlanId?.Trim(), out var planId) ? planId : null,

        // Dates are picked in the viewer's calendar; "to" includes the whole day.
        From = From is { } from ? StartOfDay(from) : null,
        To = To is { } to ? StartOfDay(to.AddDays(1)) : null,
        Before = before,
        Take = PageSize,
    };

    public AuditQuery NextPageQuery() => ToQuery(_entries.Count == 0 ? null : _entries[^1].Id);

    public void Replace(IReadOnlyList<AuditEntry> page)
    {
        _entries.Clear();
        _expanded.Clear();
        Append(page);
    }

    public void Append(IReadOnlyList<AuditEntry> page)
    {
        _entries.AddRange(page);
        HasOlder = page.Count == PageSize;
    }

    public void Clear()
    {
        Actor = null;
        ActionPrefix = null;
        PlanId = null;
        From = null;
        To = null;
    }

    public bool IsExpanded(AuditEntry entry) => _expanded.Contains(entry.Id);

    public void Toggle(AuditEntry entry)
    {
        if (!_expanded.Remove(entry.Id))
        {
            _expanded.Add(entry.Id);
        }
    }

    private DateTimeOffset StartOfDay(DateTime day)
    {
        var midnight = DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, TimeZone.GetUtcOffset(midnight));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
