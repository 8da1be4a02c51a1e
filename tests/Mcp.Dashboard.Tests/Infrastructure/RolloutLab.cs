using System.Net;
using System.Text.Json;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;

namespace Mcp.Dashboard.Tests.Infrastructure;

/// <summary>
/// Gets plans ready to roll out on a test host: its own environment (so demo plans and
/// windows never collide with it), no blackouts, approved, checklist done, a window open now.
/// </summary>
public sealed class RolloutLab(DashboardHost host)
{
    public const string Environment = "rollout-lab";

    private readonly SemaphoreSlim _setUp = new(1, 1);
    private bool _ready;

    /// <summary>A canary over <paramref name="steps"/> (weight, bake seconds) with analysis off unless asked.</summary>
    public static PlanDefinition Canary(string name, bool analysis = false, params (int Weight, int BakeSeconds)[] steps) =>
        PlanBodies.Canary(name) with
        {
            Environment = Environment,
            Services = [ServiceName(name)],
            FromVersion = "1.0.0",
            ToVersion = "1.1.0",
            Canary = new CanarySettings { Steps = [.. steps.Select(s => new CanaryStep(s.Weight, s.BakeSeconds)), .. steps[^1].Weight == 100 ? Array.Empty<CanaryStep>() : [new CanaryStep(100, 0)]] },
            Analysis = new AnalysisSettings { Enabled = analysis },
            Rollback = new RollbackPlan { Steps = [new RollbackStep { Title = "Tell support the upgrade was reverted", Owner = DemoAccounts.Engineer.Email }] },
        };

    /// <summary>Creates, approves and readies the plan, with a window from <paramref name="opensIn"/> for two hours.</summary>
    public async Task<Guid> ReadyPlanAsync(PlanDefinition definition, TimeSpan? opensIn = null)
    {
        await EnsureEnvironmentAsync(definition.Services);
        using var author = host.ClientFor(DemoAccounts.ReleaseManager);
        using var approver = host.ClientFor(DemoAccounts.Approver);

        var created = await author.PostJson("/api/v1/plans", definition);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var plan = await created.ReadJson();
        var id = plan.GetProperty("id").GetGuid();

        foreach (var item in plan.GetProperty("stages").EnumerateArray().SelectMany(s => s.GetProperty("checklist").EnumerateArray()))
        {
            var ticked = await author.PostJson($"/api/v1/plans/{id}/checklist/{item.GetProperty("id").GetGuid()}/complete", new { note = "done in test" });
            Assert.Equal(HttpStatusCode.OK, ticked.StatusCode);
        }

        var start = DateTimeOffset.UtcNow + (opensIn ?? TimeSpan.FromSeconds(1));
        var booked = await author.PostJson($"/api/v1/plans/{id}/windows", new { start = start.ToString("O"), end = start.AddHours(2).ToString("O"), timeZone = "UTC" });
        Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await author.PostJson($"/api/v1/plans/{id}/submit", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostJson($"/api/v1/plans/{id}/approve", new { note = "ok" })).StatusCode);
        if (opensIn is null)
        {
            await Task.Delay(start - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
        }

        return id;
    }

    /// <summary>Starts a rollout as the engineer and returns its id.</summary>
    public async Task<Guid> StartAsync(Guid planId)
    {
        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        var response = await engineer.PostJson($"/api/v1/plans/{planId}/rollouts", new { reason = "test" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJson()).GetProperty("id").GetGuid();
    }

    public async Task<RolloutView> GetAsync(Guid rolloutId)
    {
        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        return await (await engineer.GetAsync($"/api/v1/rollouts/{rolloutId}")).Read<RolloutView>();
    }

    /// <summary>Polls until the rollout satisfies <paramref name="condition"/> (what the page would show).</summary>
    public async Task<RolloutView> WaitForAsync(Guid rolloutId, Func<RolloutView, bool> condition, int seconds = 30)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
        RolloutView view;
        do
        {
            view = await GetAsync(rolloutId);
            if (condition(view))
            {
                return view;
            }

            await Task.Delay(100);
        }
        while (DateTimeOffset.UtcNow < deadline);

        Assert.Fail($"Rollout {rolloutId} did not get there in {seconds} s; it is {view.State}: {JsonSerializer.Serialize(view.Steps.Select(s => $"{s.Index}:{s.State}"))} {view.PauseReason} Verdict: {view.Verdict?.Explanation} {view.Verdict?.DecisionReason}");
        return view;
    }

    /// <summary>Waits until the first canary step (after the stage's gate) is baking.</summary>
    public Task<RolloutView> WaitForBakeAsync(Guid rolloutId) =>
        WaitForAsync(rolloutId, v => v.Steps.First(s => s.Action == RolloutAction.SetWeight).State == StepState.Running);

    public Task<RolloutView> WaitForStateAsync(Guid rolloutId, RolloutState state, int seconds = 30) =>
        WaitForAsync(rolloutId, v => v.State == state, seconds);

    private static string ServiceName(string planName) =>
        "svc-" + new string(planName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40).ToArray());

    private async Task EnsureEnvironmentAsync(IReadOnlyList<string> services)
    {
        await _setUp.WaitAsync();
        try
        {
            using var admin = host.ClientFor(DemoAccounts.Admin);
            if (!_ready && (await admin.GetAsync($"/api/v1/environments/{Environment}")).StatusCode == HttpStatusCode.NotFound)
            {
                // Demo blackouts are about production's business hours; the lab runs at any hour.
                var blackouts = await (await admin.GetAsync("/api/v1/blackouts")).ReadJson();
                foreach (var blackout in blackouts.EnumerateArray())
                {
                    await admin.DeleteAsync($"/api/v1/blackouts/{blackout.GetProperty("id").GetGuid()}");
                }

                var created = await admin.PostJson("/api/v1/environments", new { name = Environment, services = Array.Empty<object>() });
                Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            }

            _ready = true;
            var current = await (await admin.GetAsync($"/api/v1/environments/{Environment}")).ReadJson();
            var all = current.GetProperty("services").EnumerateArray()
                .Select(s => new PlatformService { Name = s.GetProperty("name").GetString()!, Tier = NodeTier.Core, Version = "1.0.0" })
                .ToList();
            foreach (var name in services.Where(n => all.All(s => s.Name != n)))
            {
                all.Add(new PlatformService { Name = name, Tier = NodeTier.Core, Version = "1.0.0" });
            }

            var updated = await admin.PutCurrent($"/api/v1/environments/{Environment}", new { name = Environment, services = all });
            Assert.True(updated.IsSuccessStatusCode, await updated.Content.ReadAsStringAsync());
        }
        finally
        {
            _setUp.Release();
        }
    }
}
