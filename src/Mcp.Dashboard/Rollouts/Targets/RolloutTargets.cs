using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Plans;

namespace Mcp.Dashboard.Rollouts.Targets;

/// <summary>Finds what a plan's rollout acts on, and turns each step into the action it sends.</summary>
public sealed class RolloutTargets(SimulatedTarget simulated, PlanService plans, IServiceProvider services)
{
    public IRolloutTarget For(MigrationPlan plan) => plan.Target.Kind switch
    {
        TargetKind.Webhook => Webhook(plan),
        _ => simulated,
    };

    /// <summary>The action a step sends, or null for steps that only wait (gates, verifies, keeping blue).</summary>
    public static TargetAction? ActionFor(RolloutStep step, Guid rolloutId, MigrationPlan plan, DateTimeOffset now)
    {
        var name = step.Action switch
        {
            RolloutAction.SetWeight => TargetAction.SetWeight,
            RolloutAction.DeployGreen => TargetAction.DeployGreen,
            RolloutAction.Switch => TargetAction.Switch,
            RolloutAction.Promote => TargetAction.Promote,
            RolloutAction.ReplaceBatch => TargetAction.ReplaceBatch,
            _ => null,
        };
        if (name is null)
        {
            return null;
        }

        return new TargetAction
        {
            Action = name,
            RolloutId = rolloutId,
            PlanId = plan.Id,
            Weight = step.Action switch
            {
                RolloutAction.SetWeight => step.Weight,
                RolloutAction.Switch or RolloutAction.Promote => 100,
                _ => null,
            },
            Tier = step.Tier?.ToString(),
            Batch = step.Batch is { } b ? new TargetBatch(b.Number, b.Of, b.FirstInstance, b.Size) : null,
            At = now,
            IdempotencyKey = step.IdempotencyKey,
            Services = plan.Services,
            FromVersion = plan.FromVersion,
            ToVersion = plan.ToVersion,
        };
    }

    /// <summary>The rollback action: one key per rollout, so however often it is sent it is applied once.</summary>
    public static TargetAction RollbackAction(Guid rolloutId, MigrationPlan plan, DateTimeOffset now) => new()
    {
        Action = TargetAction.Rollback,
        RolloutId = rolloutId,
        PlanId = plan.Id,
        Weight = 0,
        At = now,
        IdempotencyKey = $"{rolloutId:N}-rollback",
        Services = plan.Services,
        FromVersion = plan.FromVersion,
        ToVersion = plan.ToVersion,
    };

    private IRolloutTarget Webhook(MigrationPlan plan)
    {
        if (plan.Target.Url is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return new RefusingTarget("The plan's webhook target has no usable URL.");
        }

        var secret = plans.UnprotectSecret(plan);
        if (string.IsNullOrEmpty(secret))
        {
            return new RefusingTarget("The plan's webhook target has no signing key; set one in the plan.");
        }

        return services.GetRequiredService<WebhookTargetFactory>().Create(uri, secret);
    }

    /// <summary>A target that cannot be used says why on every call, so the rollout pauses with that reason.</summary>
    private sealed class RefusingTarget(string reason) : IRolloutTarget
    {
        public Task<TargetResult> ApplyAsync(TargetAction action, CancellationToken cancellationToken) =>
            Task.FromResult(TargetResult.Refused(reason));
    }
}
