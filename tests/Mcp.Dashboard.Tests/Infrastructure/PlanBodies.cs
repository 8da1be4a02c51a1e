using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Tests.Infrastructure;

/// <summary>Valid plan bodies to start from; tests change what they are about.</summary>
public static class PlanBodies
{
    public static PlanDefinition Canary(string name = "User service upgrade", string owner = "sam.okafor@example.com") => new()
    {
        Name = name,
        Environment = "production",
        Services = ["user-service"],
        FromVersion = "2.3.0",
        ToVersion = "2.5.0",
        Strategy = DeploymentStrategy.Canary,
        Stages =
        [
            new()
            {
                Name = "Edge nodes",
                Tier = NodeTier.Edge,
                Checklist = [new() { Title = "Backup verified", Required = true, Owner = owner }],
            },
        ],
        Team =
        [
            new() { Name = "Mei Chen", Email = "mei.chen@example.com", Role = TeamRole.Approver },
        ],
    };
}
