using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Rollouts;

namespace Mcp.Dashboard.Benchmarks.Infrastructure;

/// <summary>
/// Readies canary rollouts on a bench host the way a release manager would, through the API:
/// an environment of its own, one service per plan (so windows never conflict), a plan,
/// submitted and approved, a window open now, then the rollout started.
/// </summary>
public sealed class BenchLab(BenchHost host)
{
    public const string Environment = "bench";

    private readonly List<string> _services = [];

    public static PlanDefinition Canary(string name, bool analysis, TargetSettings target, params CanaryStep[] steps) => new()
    {
        Name = name,
        Environment = Environment,
        Services = [ServiceName(name)],
        FromVersion = "1.0.0",
        ToVersion = "1.1.0",
        Strategy = DeploymentStrategy.Canary,
        Stages = [new StageDefinition { Name = "Core nodes", Tier = NodeTier.Core }],
        Canary = new CanarySettings { Steps = [.. steps, new CanaryStep(100, 0)] },
        Analysis = new AnalysisSettings { Enabled = analysis },
        Target = target,
        Team = [new TeamMember { Name = "Bench Approver", Email = "bench@example.com", Role = TeamRole.Approver }],
        Rollback = new RollbackPlan { Steps = [new RollbackStep { Title = "Tell support", Owner = "bench@example.com" }] },
    };

    /// <summary>Creates and approves the plans, opens their windows, starts a rollout of each and returns the rollout ids in order.</summary>
    public async Task<IReadOnlyList<Guid>> StartAsync(IReadOnlyList<PlanDefinition> plans)
    {
        await AddServicesAsync(plans.SelectMany(p => p.Services));
        using var client = host.Client();
        var opens = DateTimeOffset.UtcNow.AddSeconds(2);
        var planIds = new Guid[plans.Count];
        await Parallel.ForAsync(0, plans.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            planIds[i] = await ReadyPlanAsync(client, plans[i], opens));

        var wait = opens - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait + TimeSpan.FromMilliseconds(100));
        }

        var rolloutIds = new Guid[plans.Count];
        await Parallel.ForAsync(0, plans.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            rolloutIds[i] = (await (await client.PostJson($"/api/v1/plans/{planIds[i]}/rollouts", new { reason = "benchmark" })).Read<RolloutView>()).Id);
        return rolloutIds;
    }

    public async Task<RolloutView> GetAsync(HttpClient client, Guid rolloutId) =>
        await (await client.GetAsync($"/api/v1/rollouts/{rolloutId}")).Read<RolloutView>();

    /// <summary>Polls (every 50 ms) until the rollout satisfies <paramref name="condition"/>.</summary>
    public async Task<RolloutView> WaitForAsync(HttpClient client, Guid rolloutId, Func<RolloutView, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var view = await GetAsync(client, rolloutId);
            if (condition(view))
            {
                return view;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Rollout {rolloutId} is {view.State} ({view.PauseReason}) after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(50);
        }
    }

    private static async Task<Guid> ReadyPlanAsync(HttpClient client, PlanDefinition definition, DateTimeOffset opens)
    {
        var plan = await (await client.PostJson("/api/v1/plans", definition)).Read<JsonElement>();
        var id = plan.GetProperty("id").GetGuid();
        await (await client.PostJson($"/api/v1/plans/{id}/windows", new { start = opens.ToString("O"), end = opens.AddHours(3).ToString("O"), timeZone = "UTC" })).Read<JsonElement>();
        await (await client.PostJson($"/api/v1/plans/{id}/submit", new { })).Read<JsonElement>();
        await (await client.PostJson($"/api/v1/plans/{id}/approve", new { note = "benchmark" })).Read<JsonElement>();
        return id;
    }

    private async Task AddServicesAsync(IEnumerable<string> names)
    {
        var isNew = _services.Count == 0;
        _services.AddRange(names.Except(_services));
        var body = new { name = Environment, services = _services.Select(s => new PlatformService { Name = s, Tier = NodeTier.Core, Version = "1.0.0" }) };
        using var client = host.Client();
        if (isNew)
        {
            await (await client.PostJson("/api/v1/environments", body)).Read<JsonElement>();
            return;
        }

        var current = await client.GetAsync($"/api/v1/environments/{Environment}");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/environments/{Environment}") { Content = JsonContent.Create(body, options: BenchHost.Json) };
        put.Headers.IfMatch.Add(current.Headers.ETag!);
        var response = await client.SendAsync(put);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            await response.Read<JsonElement>();
        }
    }

    private static string ServiceName(string planName) =>
        "svc-" + new string(planName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40).ToArray());
}
