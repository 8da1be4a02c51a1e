using Mcp.Dashboard.Domain.Inventory;

namespace Mcp.Dashboard.Domain.Plans;

/// <summary>
/// The playbook upgrades large clusters edge first, then management, core last, so a failure
/// hits the least critical nodes first. This says when a plan's stages break that order.
/// </summary>
public static class StageOrder
{
    /// <summary>A sentence naming the first stage out of order, or null when the order is right.</summary>
    public static string? Warning(IReadOnlyList<(string Name, NodeTier Tier)> stages)
    {
        for (var i = 1; i < stages.Count; i++)
        {
            if (stages[i].Tier < stages[i - 1].Tier)
            {
                return $"Stage '{stages[i].Name}' ({stages[i].Tier}) comes after '{stages[i - 1].Name}' ({stages[i - 1].Tier}); " +
                       "upgrade edge first, then management, then core.";
            }
        }

        return null;
    }

    public static string? Warning(IEnumerable<StageDefinition> stages) =>
        Warning(stages.Select(s => (s.Name, s.Tier)).ToList());
}
