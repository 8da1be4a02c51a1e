using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Domain.Tests.Plans;

internal static class PlanFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static Actor Person(string email, params string[] roles) =>
        new(email, email, email, roles.ToHashSet());

    public static readonly Actor Author = Person("li.wei@example.com", DashboardRoles.ReleaseManager);
    public static readonly Actor OtherManager = Person("mei.chen@example.com", DashboardRoles.ReleaseManager);
    public static readonly Actor Engineer = Person("sam@example.com", DashboardRoles.Engineer);
    public static readonly Actor Admin = Person("ada@example.com", DashboardRoles.Admin);

    public static PlanDefinition Definition(params TeamMember[] team) => new()
    {
        Name = "User service 2.3.0 -> 2.5.0",
        Environment = "production",
        Services = ["user-service"],
        FromVersion = "2.3.0",
        ToVersion = "2.5.0",
        Stages =
        [
            new() { Name = "Edge", Tier = NodeTier.Edge, Checklist = [new() { Title = "Backup verified", Required = true }, new() { Title = "Dashboards updated" }] },
            new() { Name = "Core", Tier = NodeTier.Core, Checklist = [new() { Title = "Management healthy", Required = true }] },
        ],
        Team = team,
    };

    public static MigrationPlan Submitted(params TeamMember[] team)
    {
        var plan = MigrationPlan.Create(Definition(team), Author, Now);
        plan.Submit(Author, Now);
        return plan;
    }
}
