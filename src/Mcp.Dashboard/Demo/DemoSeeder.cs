using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Compatibility;
using Mcp.Dashboard.Domain.Compatibility;
using Mcp.Dashboard.Domain.Schedule;
using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Hosting;
using Mcp.Dashboard.Inventory;
using Mcp.Dashboard.Plans;
using Mcp.Dashboard.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Demo;

/// <summary>
/// Fills an empty database with a believable organisation: inventory, plans in several states,
/// blackouts and one user per role. It goes through the real services, so the audit trail
/// tells the demo's story too. Runs once: an existing plan means it has run before.
/// </summary>
public sealed class DemoSeeder(
    IOptions<DashboardOptions> options,
    IDbContextFactory<DashboardDbContext> contexts,
    UserAccounts accounts,
    InventoryService inventory,
    PlanService plans,
    ScheduleService schedule,
    CompatibilityService compatibility,
    DemoRehearsals rehearsals,
    DemoDeliveryHistory deliveryHistory,
    Communication.DemoCommunication demoCommunication,
    ILogger<DemoSeeder> logger)
{
    public async Task SeedIfEnabledAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DemoMode)
        {
            await accounts.RetireDemoUsersAsync(cancellationToken);
            return;
        }

        var actors = await rehearsals.DemoActorsAsync(cancellationToken);

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Plans.AnyAsync(cancellationToken) || await db.Environments.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        AuditTrail.Channel = "demo";
        var manager = actors[DemoAccounts.ReleaseManager];
        await SeedInventoryAsync(manager, cancellationToken);
        await SeedRulesAndBlackoutsAsync(manager, cancellationToken);
        await SeedPlansAsync(actors, cancellationToken);
        logger.LogInformation("Demo data seeded; sign in as any demo user with the demo password");
    }

    private async Task SeedInventoryAsync(Actor manager, CancellationToken cancellationToken)
    {
        IReadOnlyList<PlatformService> Platform(string version, string userServiceVersion) =>
        [
            new() { Name = "gateway", Tier = NodeTier.Edge, Version = "1.8.2" },
            new() { Name = "edge-cache", Tier = NodeTier.Edge, Version = "3.1.0" },
            new() { Name = "config-service", Tier = NodeTier.Management, Version = "3.1.4" },
            new() { Name = "service-registry", Tier = NodeTier.Management, Version = "2.0.1", DependsOn = ["config-service"] },
            new() { Name = "user-service", Tier = NodeTier.Core, Version = userServiceVersion, DependsOn = ["gateway", "service-registry"] },
            new() { Name = "order-service", Tier = NodeTier.Core, Version = version, DependsOn = ["gateway", "user-service", "service-registry"] },
            new() { Name = "payment-service", Tier = NodeTier.Core, Version = version, DependsOn = ["order-service"] },
        ];

        await inventory.CreateAsync(manager, "production", "Customer-facing platform, Shanghai and Frankfurt regions.", Platform("2.3.0", "2.4.2"), cancellationToken);
        await inventory.CreateAsync(manager, "staging", "Production-like test environment (MCP 2.5.0, PostgreSQL 13, nginx).", Platform("2.5.0", "2.5.0"), cancellationToken);
    }

    private async Task SeedPlansAsync(IReadOnlyDictionary<DemoAccount, Actor> actors, CancellationToken cancellationToken)
    {
        var manager = actors[DemoAccounts.ReleaseManager];
        var approver = actors[DemoAccounts.Approver];
        var engineer = actors[DemoAccounts.Engineer];
        IReadOnlyList<TeamMember> team =
        [
            new() { Name = "Li Wei", Email = DemoAccounts.ReleaseManager.Email, Role = TeamRole.TechnicalLead },
            new() { Name = "Mei Chen", Email = DemoAccounts.Approver.Email, Role = TeamRole.Approver },
            new() { Name = "Sam Okafor", Email = DemoAccounts.Engineer.Email, Role = TeamRole.OnCall },
            new() { Name = "Sam Okafor", Email = DemoAccounts.Engineer.Email, Role = TeamRole.Tester },
            new() { Name = "Bo Zhang", Email = DemoAccounts.Stakeholder.Email, Role = TeamRole.BusinessCoordinator },
        ];

        PlanDefinition FromTemplate(string key, Func<PlanDefinition, PlanDefinition> edit)
        {
            var definition = PlanTemplates.Find(key)!.Create() with { Team = team };
            definition = definition with
            {
                Communication = demoCommunication.With(definition.Communication),
                Stages = definition.Stages.Select(stage => stage with
                {
                    Checklist = stage.Checklist.Select((item, i) => item with { Owner = i % 2 == 0 ? DemoAccounts.Engineer.Email : DemoAccounts.ReleaseManager.Email }).ToList(),
                }).ToList(),
            };
            return edit(definition);
        }

        // 1. Approved canary upgrade, pre-flight done: the plan the live demo runs.
        var canary = await plans.CreateAsync(manager, FromTemplate("canary-upgrade", d => d with
        {
            Name = "User service 2.4.2 -> 2.5.0",
            Environment = "production",
            Services = ["user-service"],
            FromVersion = "2.4.2",
            ToVersion = "2.5.0",
            Description = "Brings the user service to MCP 2.5.0 for faster session lookups and the security fixes of 2.4.",
            ConfigChange = new ConfigChange
            {
                OldYaml = "logging:\n  level: info\n  format: text\n",
                NewYaml = "logging:\n  level: info\n  format: json\n  outputs:\n    - type: file\n      path: /var/log/mcp/app.log\n",
            },
        }), cancellationToken);
        foreach (var item in canary.ChecklistItems.Where(i => i.Required).Take(3))
        {
            await plans.CompleteChecklistItemAsync(engineer, canary.Id, item.Id, "Checked in staging; see runbook RB-112.", cancellationToken);
        }

        await BookSuggestedWindowAsync(manager, canary.Id, TimeSpan.FromHours(4), "Saturday night, lowest traffic of the week.", cancellationToken);
        await plans.SubmitAsync(manager, canary.Id, "Ready for review: staging soak passed.", cancellationToken);
        await plans.ApproveAsync(approver, canary.Id, "Go, inside the Saturday night window.", cancellationToken: cancellationToken);

        // 2. Blue-green gateway upgrade waiting for review.
        var gateway = await plans.CreateAsync(manager, FromTemplate("blue-green", d => d with
        {
            Name = "Gateway 1.8.2 -> 1.9.0 (blue-green)",
            Environment = "production",
            Services = ["gateway"],
            FromVersion = "1.8.2",
            ToVersion = "1.9.0",
        }), cancellationToken);
        await BookSuggestedWindowAsync(manager, gateway.Id, TimeSpan.FromHours(2), null, cancellationToken);
        await plans.SubmitAsync(manager, gateway.Id, null, cancellationToken);

        // 3. A draft environment migration with data-migration gates.
        await plans.CreateAsync(manager, FromTemplate("environment-migration", d => d with
        {
            Name = "Order service: staging -> production database move",
            Environment = "production",
            Services = ["order-service"],
            FromVersion = "2.3.0",
            ToVersion = "2.5.0",
        }), cancellationToken);

        // 4. A rolling config-service update, finished last week.
        var rolling = await plans.CreateAsync(manager, FromTemplate("rolling", d => d with
        {
            Name = "Config service 3.1.2 -> 3.1.4 (rolling)",
            Environment = "production",
            Services = ["config-service"],
            FromVersion = "3.1.2",
            ToVersion = "3.1.4",
        }), cancellationToken);
        await plans.SubmitAsync(manager, rolling.Id, null, cancellationToken);
        await plans.ApproveAsync(approver, rolling.Id, null, cancellationToken: cancellationToken);

        // 5. A cancelled cluster expansion.
        var expansion = await plans.CreateAsync(manager, FromTemplate("cluster-expansion", d => d with
        {
            Name = "Service registry: single node -> 3-node cluster",
            Environment = "staging",
            Services = ["service-registry"],
            FromVersion = "2.0.1",
            ToVersion = "2.1.0",
        }), cancellationToken);
        await plans.CancelAsync(manager, expansion.Id, "Postponed until after the Singles Day freeze.", cancellationToken);

        await rehearsals.StartLiveAsync(actors, cancellationToken);
        await rehearsals.ReadyOneToStartAsync(actors, cancellationToken);
        await deliveryHistory.StartAsync(actors, cancellationToken);
    }

    private async Task SeedRulesAndBlackoutsAsync(Actor manager, CancellationToken cancellationToken)
    {
        await compatibility.CreateAsync(manager, new UpgradePathRuleForm
        {
            Kind = UpgradePathRuleKind.RequiresIntermediate,
            From = "2.3.x",
            To = ">=2.5.0",
            Via = "2.4.x",
            Reason = "Schema v7 is only migrated by the 2.4 line.",
        }, cancellationToken);
        await compatibility.CreateAsync(manager, new UpgradePathRuleForm
        {
            Kind = UpgradePathRuleKind.Blocked,
            From = "1.x",
            To = ">=2.0.0",
            Reason = "1.x to 2.x is a re-platforming, not an upgrade: plan an environment migration.",
        }, cancellationToken);

        await schedule.CreateBlackoutAsync(manager, Blackout.Recurring(Guid.CreateVersion7(), "Business hours (Shanghai)",
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", new DateTime(2026, 1, 5, 9, 0, 0), TimeSpan.FromHours(9), "Asia/Shanghai",
            environment: "production", reason: "Customer traffic peaks; no production changes."), cancellationToken);
        await schedule.CreateBlackoutAsync(manager, Blackout.Recurring(Guid.CreateVersion7(), "Month-end close",
            "FREQ=MONTHLY;BYMONTHDAY=-1", new DateTime(2026, 1, 31, 0, 0, 0), TimeSpan.FromDays(1), "Asia/Shanghai",
            environment: "production", reason: "Finance closes the books; production is frozen."), cancellationToken);
        await schedule.CreateBlackoutAsync(manager, Blackout.OneOff(Guid.CreateVersion7(), "Double 12 shopping festival freeze",
            new DateTimeOffset(2026, 12, 11, 0, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 12, 13, 0, 0, 0, TimeSpan.FromHours(8)), "Asia/Shanghai",
            environment: "production", reason: "Peak sales: change freeze on the customer-facing platform (staging rehearsals go on)."), cancellationToken);
    }

    // The demo books what the product itself suggests, so it never collides with its own blackouts.
    private async Task BookSuggestedWindowAsync(Actor manager, Guid planId, TimeSpan length, string? note, CancellationToken cancellationToken)
    {
        var lowTraffic = new[] { new LocalTimeRange(new TimeOnly(0, 0), new TimeOnly(6, 0)) };
        var suggestions = await schedule.SuggestAsync(planId, length, "Asia/Shanghai", lowTraffic, 1, cancellationToken: cancellationToken);
        if (suggestions is [var suggestion, ..])
        {
            await schedule.BookWindowAsync(manager, planId, suggestion.Start, suggestion.End, "Asia/Shanghai", note, cancellationToken);
        }
    }
}
