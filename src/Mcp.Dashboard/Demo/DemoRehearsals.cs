using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Hosting;
using Mcp.Dashboard.Plans;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Schedule;
using Microsoft.Extensions.Options;
using Quartz;

namespace Mcp.Dashboard.Demo;

/// <summary>
/// The demo's staging rehearsals on the simulated fleet: a live canary anyone can watch and
/// break with fault injection, and an approved one ready for an engineer to start. A demo
/// server runs for days, so <see cref="DemoRehearsalJob"/> keeps one of each going: when the
/// live one finished or was rolled back, a fresh one starts; when the ready one was used, a new
/// one is readied. Each gets its own eight-hour window from the moment it is made.
/// </summary>
public sealed class DemoRehearsals(
    IOptions<DashboardOptions> options,
    UserAccounts accounts,
    PlanService plans,
    ScheduleService schedule,
    RolloutEngine rollouts,
    RolloutStore store,
    TimeProvider clock,
    Communication.DemoCommunication demoCommunication)
{
    public const string Environment = "staging";
    private const string LiveName = "Staging rehearsal: user service 2.5.0 -> 2.5.1";
    private const string ReadyName = "Staging rehearsal: edge cache 3.1.0 -> 3.2.0";

    /// <summary>The demo users as actors, creating them if needed.</summary>
    public async Task<IReadOnlyDictionary<DemoAccount, Actor>> DemoActorsAsync(CancellationToken cancellationToken)
    {
        var actors = new Dictionary<DemoAccount, Actor>();
        foreach (var account in DemoAccounts.All)
        {
            var user = await accounts.EnsureUserAsync(account.Email, account.DisplayName, options.Value.DemoPassword, [account.Role], isDemo: true, cancellationToken);
            actors[account] = new Actor(user.Id, account.Email, account.DisplayName, new HashSet<string> { account.Role });
        }

        return actors;
    }

    /// <summary>Starts a fresh live rehearsal unless one is still going, and readies one to start unless one waits.</summary>
    public async Task KeepGoingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DemoMode)
        {
            return;
        }

        AuditTrail.Channel = "demo";
        var all = await plans.ListAsync(cancellationToken);
        var active = (await store.ListActiveAsync(cancellationToken)).Select(r => r.PlanId).ToHashSet();
        var rehearsals = all.Where(p => p.Environment == Environment && p.Name.StartsWith("Staging rehearsal", StringComparison.Ordinal)).ToList();
        var liveGoing = rehearsals.Any(p => p.Name == LiveName && active.Contains(p.Id));
        var readyWaiting = rehearsals.Any(p => p.Name == ReadyName && p.State == PlanState.Approved && p.UpdatedAt > clock.GetUtcNow().AddHours(-7));
        if (liveGoing && readyWaiting)
        {
            return;
        }

        var actors = await DemoActorsAsync(cancellationToken);
        if (!liveGoing)
        {
            await StartLiveAsync(actors, cancellationToken);
        }

        if (!readyWaiting)
        {
            await ReadyOneToStartAsync(actors, cancellationToken);
        }
    }

    /// <summary>The live canary: 1% -> 10% -> 50% -> 100% with long bakes, judged on the default metrics.</summary>
    public async Task StartLiveAsync(IReadOnlyDictionary<DemoAccount, Actor> actors, CancellationToken cancellationToken)
    {
        var live = await ReadyAsync(actors, Rehearsal(LiveName, "user-service", "2.5.0", "2.5.1", NodeTier.Core,
            "Rehearses the production canary on staging: same steps, simulated fleet. Inject a fault from the rollout page to watch an automatic rollback.",
            [new(1, 600), new(10, 1200), new(50, 1800), new(100, 0)]), "Rehearse away.", cancellationToken);
        await rollouts.StartAsync(actors[DemoAccounts.Engineer], live.Id, "Rehearsal of the production canary.", cancellationToken);
    }

    /// <summary>A short canary, approved and in an open window, for a newcomer to start.</summary>
    public Task ReadyOneToStartAsync(IReadOnlyDictionary<DemoAccount, Actor> actors, CancellationToken cancellationToken) =>
        ReadyAsync(actors, Rehearsal(ReadyName, "edge-cache", "3.1.0", "3.2.0", NodeTier.Edge,
            "A short canary to start yourself: about six minutes from 1% to 100% on the simulated fleet.",
            [new(1, 60), new(10, 120), new(50, 120), new(100, 0)]), "Ready when you are.", cancellationToken);

    private static PlanDefinition Rehearsal(string name, string service, string from, string to, NodeTier tier, string description, IReadOnlyList<CanaryStep> steps) =>
        PlanTemplates.Find("canary-upgrade")!.Create() with
        {
            Name = name,
            Environment = Environment,
            Services = [service],
            FromVersion = from,
            ToVersion = to,
            Description = description,
            Team = Team,
            Stages =
            [
                new()
                {
                    Name = $"{tier} nodes (staging)",
                    Tier = tier,
                    Checklist =
                    [
                        new() { Title = "Staging snapshot taken", Required = true, Owner = DemoAccounts.Engineer.Email },
                        new() { Title = "Load generator running at production shape", Required = true, Owner = DemoAccounts.Engineer.Email },
                    ],
                },
            ],
            Canary = new CanarySettings { Steps = steps },
        };

    private Task<MigrationPlan> ReadyAsync(IReadOnlyDictionary<DemoAccount, Actor> actors, PlanDefinition definition, string approval, CancellationToken cancellationToken) =>
        MakeReadyAsync(actors, definition with { Communication = demoCommunication.With(definition.Communication) }, approval,
            "Rehearsal window: staging is free all day.", TimeSpan.FromHours(8), tickOptionalItems: false, "Done for the rehearsal.", cancellationToken);

    /// <summary>The demo's people on every demo plan's team.</summary>
    public static IReadOnlyList<TeamMember> Team { get; } =
    [
        new() { Name = "Li Wei", Email = DemoAccounts.ReleaseManager.Email, Role = TeamRole.TechnicalLead },
        new() { Name = "Mei Chen", Email = DemoAccounts.Approver.Email, Role = TeamRole.Approver },
        new() { Name = "Sam Okafor", Email = DemoAccounts.Engineer.Email, Role = TeamRole.OnCall },
    ];

    /// <summary>
    /// A demo plan made ready to start the way people would: created, its checklist ticked by
    /// the engineer, a window booked from now, submitted and approved by the approver.
    /// </summary>
    public async Task<MigrationPlan> MakeReadyAsync(
        IReadOnlyDictionary<DemoAccount, Actor> actors, PlanDefinition definition, string approval, string windowNote, TimeSpan windowLength, bool tickOptionalItems, string evidence, CancellationToken cancellationToken)
    {
        var manager = actors[DemoAccounts.ReleaseManager];
        var plan = await plans.CreateAsync(manager, definition, cancellationToken);
        foreach (var item in plan.ChecklistItems.Where(i => i.Required || tickOptionalItems))
        {
            await plans.CompleteChecklistItemAsync(actors[DemoAccounts.Engineer], plan.Id, item.Id, evidence, cancellationToken);
        }

        var now = clock.GetUtcNow();
        await schedule.BookWindowAsync(manager, plan.Id, now, now.Add(windowLength), "Asia/Shanghai", windowNote, cancellationToken);
        await plans.SubmitAsync(manager, plan.Id, null, cancellationToken);
        await plans.ApproveAsync(actors[DemoAccounts.Approver], plan.Id, approval, cancellationToken: cancellationToken);
        return plan;
    }
}

/// <summary>Every few minutes in demo mode: keeps a live rehearsal and a ready one going (see <see cref="DemoRehearsals"/>).</summary>
[DisallowConcurrentExecution]
public sealed class DemoRehearsalJob(DemoRehearsals rehearsals) : IJob
{
    public static readonly JobKey Key = new("demo-rehearsals", "demo");

    public static readonly TriggerKey TriggerKey = new("demo-rehearsals-every-5-min", "demo");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await rehearsals.KeepGoingAsync(cancellationToken);
}
