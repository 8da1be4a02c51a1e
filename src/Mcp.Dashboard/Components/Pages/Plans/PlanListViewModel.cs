using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Plans;

namespace Mcp.Dashboard.Components.Pages.Plans;

/// <summary>The plan list's filter state, kept out of the markup so it is testable.</summary>
public sealed class PlanListViewModel
{
    public string? Search { get; set; }

    /// <summary>Null shows every state.</summary>
    public PlanState? State { get; set; }

    public bool IsFiltered => State is not null || !string.IsNullOrWhiteSpace(Search);

    public IReadOnlyList<PlanSummary> Apply(IEnumerable<PlanSummary> plans)
    {
        var text = Search?.Trim();
        return plans
            .Where(p => State is null || p.State == State)
            .Where(p => string.IsNullOrEmpty(text) || Matches(p, text))
            .ToList();
    }

    public void Clear()
    {
        Search = null;
        State = null;
    }

    private static bool Matches(PlanSummary plan, string text) =>
        plan.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || plan.Environment.Contains(text, StringComparison.OrdinalIgnoreCase)
        || plan.Services.Any(s => s.Contains(text, StringComparison.OrdinalIgnoreCase))
        || plan.ToVersion.Contains(text, StringComparison.OrdinalIgnoreCase)
        || plan.CreatedBy.Contains(text, StringComparison.OrdinalIgnoreCase);
}
