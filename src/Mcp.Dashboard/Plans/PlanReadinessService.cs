using Mcp.Dashboard.Compatibility;
using Mcp.Dashboard.Domain.Compatibility;
using Mcp.Dashboard.Domain.Configuration;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Inventory;

namespace Mcp.Dashboard.Plans;

/// <summary>
/// Gathers the facts readiness depends on (inventory, upgrade-path rules, booked windows and
/// their conflicts, config validity) and lets the domain judge every gate.
/// </summary>
public sealed class PlanReadinessService(
    InventoryService inventory,
    CompatibilityService compatibility,
    IPlanWindowFacts windows,
    TimeProvider clock)
{
    public async Task<ReadinessReport> EvaluateAsync(MigrationPlan plan, CancellationToken cancellationToken = default)
    {
        var environment = await inventory.FindAsync(plan.Environment, cancellationToken);
        var unknown = environment is null
            ? []
            : plan.Services.Where(s => environment.FindService(s) is null).ToList();
        var check = await compatibility.CheckAsync(plan.FromVersion, plan.ToVersion, cancellationToken);

        var facts = new ReadinessFacts
        {
            Now = clock.GetUtcNow(),
            EnvironmentExists = environment is not null,
            UnknownServices = unknown,
            Compatible = check?.IsCompatible,
            CompatibilitySummary = check is null
                ? CompatibilityService.VersionProblem(plan.FromVersion, plan.ToVersion) ?? ""
                : Summarize(check),
            Windows = await windows.ForPlanAsync(plan, cancellationToken),
            ConfigErrors = plan.ConfigChange is { } config ? ConfigErrors(config) : null,
        };
        return PlanReadiness.Evaluate(plan, facts);
    }

    private static string Summarize(CompatibilityResult result)
    {
        var errors = result.Findings.Where(f => f.Severity == FindingSeverity.Error).Select(f => f.Message).ToList();
        if (errors.Count > 0)
        {
            return string.Join(" ", errors);
        }

        var warnings = result.Findings.Where(f => f.Severity == FindingSeverity.Warning).Select(f => f.Message).ToList();
        return warnings.Count > 0 ? "Allowed, with warnings: " + string.Join(" ", warnings) : "No upgrade-path rule stands in the way.";
    }

    private static IReadOnlyList<string> ConfigErrors(ConfigChange config)
    {
        var errors = new List<string>();
        foreach (var (side, yaml) in new[] { ("old", config.OldYaml), ("new", config.NewYaml) })
        {
            var result = YamlConfigValidator.Validate(yaml);
            errors.AddRange(result.Errors.Select(e => $"{side} YAML line {e.Line}: {e.Message}"));
        }

        return errors;
    }
}

/// <summary>The plan's booked windows with their current conflicts (from the schedule).</summary>
public interface IPlanWindowFacts
{
    Task<IReadOnlyList<WindowFact>> ForPlanAsync(MigrationPlan plan, CancellationToken cancellationToken);
}
