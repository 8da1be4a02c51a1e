using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Inventory;

namespace Mcp.Dashboard.Plans;

/// <summary>
/// Gathers the facts readiness depends on (inventory, upgrade-path rules, booked windows and
/// their conflicts, config validity) and lets the domain judge every gate.
/// </summary>
public sealed class PlanReadinessService(InventoryService inventory, TimeProvider clock)
{
    public async Task<ReadinessReport> EvaluateAsync(MigrationPlan plan, CancellationToken cancellationToken = default)
    {
        var environment = await inventory.FindAsync(plan.Environment, cancellationToken);
        var unknown = environment is null
            ? []
            : plan.Services.Where(s => environment.FindService(s) is null).ToList();

        var facts = new ReadinessFacts
        {
            Now = clock.GetUtcNow(),
            EnvironmentExists = environment is not null,
            UnknownServices = unknown,
            Compatible = null,
            CompatibilitySummary = "upgrade-path rules are not loaded yet.",
        };
        return PlanReadiness.Evaluate(plan, facts);
    }
}
