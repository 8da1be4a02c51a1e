namespace Mcp.Dashboard.Domain.Plans;

public enum GateStatus
{
    Met,
    Unmet,
    Warning,
}

/// <summary>One line of the readiness panel: a gate, whether it is met, and why.</summary>
public sealed record ReadinessGate(string Key, string Title, GateStatus Status, string Detail, bool BlocksStart)
{
    public bool IsMet => Status != GateStatus.Unmet;
}

/// <summary>Facts from outside the plan that readiness depends on, gathered by the host.</summary>
public sealed record ReadinessFacts
{
    public required DateTimeOffset Now { get; init; }

    public bool EnvironmentExists { get; init; } = true;

    public IReadOnlyList<string> UnknownServices { get; init; } = [];

    /// <summary>Null when the versions could not be checked (e.g. unparsable).</summary>
    public bool? Compatible { get; init; }

    public string CompatibilitySummary { get; init; } = "";

    public IReadOnlyList<WindowFact> Windows { get; init; } = [];

    /// <summary>Null when the plan has no config change.</summary>
    public IReadOnlyList<string>? ConfigErrors { get; init; }
}

/// <summary>A booked window and how many conflicts it has now.</summary>
public sealed record WindowFact(Guid Id, DateTimeOffset Start, DateTimeOffset End, string TimeZoneId, int ConflictCount);

/// <summary>The readiness panel: every gate, and whether the rollout could start now.</summary>
public sealed record ReadinessReport(IReadOnlyList<ReadinessGate> Gates)
{
    public bool CanStart => Gates.Where(g => g.BlocksStart).All(g => g.IsMet);

    public IReadOnlyList<ReadinessGate> Unmet => Gates.Where(g => g is { BlocksStart: true, IsMet: false }).ToList();

    public int MetCount => Gates.Count(g => g.Status == GateStatus.Met);

    public string Summary => CanStart
        ? "Ready: every gate is met."
        : $"Not ready: {string.Join("; ", Unmet.Select(g => g.Title))}.";
}

/// <summary>
/// Works out the gates a plan must pass before its rollout may start. Pure, so the panel,
/// the API and the rollout engine's start check all agree.
/// </summary>
public static class PlanReadiness
{
    public static ReadinessReport Evaluate(MigrationPlan plan, ReadinessFacts facts)
    {
        var gates = new List<ReadinessGate>
        {
            Approval(plan),
            Inventory(plan, facts),
            Compatibility(facts),
        };

        gates.AddRange(Checklists(plan, facts.Now));
        gates.AddRange(DataMigrations(plan));
        if (facts.ConfigErrors is { } configErrors)
        {
            gates.Add(configErrors.Count == 0
                ? new("config", "Config change is valid", GateStatus.Met, "Both YAML documents parse.", true)
                : new("config", "Config change is valid", GateStatus.Unmet, string.Join(" ", configErrors), true));
        }

        gates.Add(Window(facts));
        gates.Add(StageOrderGate(plan));
        gates.Add(Team(plan));
        gates.Add(RollbackPlanGate(plan));
        return new ReadinessReport(gates);
    }

    private static ReadinessGate Approval(MigrationPlan plan) => plan.State switch
    {
        PlanState.Approved or PlanState.Scheduled or PlanState.Running or PlanState.Completed or PlanState.RolledBack =>
            new("approval", "Plan is approved", GateStatus.Met, $"Approved by {plan.ApprovedBy ?? "?"}.", true),
        PlanState.InReview => new("approval", "Plan is approved", GateStatus.Unmet, "Waiting for approval.", true),
        PlanState.Cancelled => new("approval", "Plan is approved", GateStatus.Unmet, "The plan is cancelled.", true),
        _ => new("approval", "Plan is approved", GateStatus.Unmet, "Still a draft: submit it for review.", true),
    };

    private static ReadinessGate Inventory(MigrationPlan plan, ReadinessFacts facts)
    {
        if (!facts.EnvironmentExists)
        {
            return new("inventory", "Environment and services exist", GateStatus.Unmet, $"There is no environment '{plan.Environment}' in the inventory.", true);
        }

        return facts.UnknownServices.Count == 0
            ? new("inventory", "Environment and services exist", GateStatus.Met, $"{plan.Services.Count} service(s) found in {plan.Environment}.", true)
            : new("inventory", "Environment and services exist", GateStatus.Unmet, $"Not in {plan.Environment}: {string.Join(", ", facts.UnknownServices)}.", true);
    }

    private static ReadinessGate Compatibility(ReadinessFacts facts) => facts.Compatible switch
    {
        true => new("compatibility", "Upgrade path is allowed", GateStatus.Met, facts.CompatibilitySummary, true),
        false => new("compatibility", "Upgrade path is allowed", GateStatus.Unmet, facts.CompatibilitySummary, true),
        null => new("compatibility", "Upgrade path is allowed", GateStatus.Unmet, "The versions could not be checked: " + facts.CompatibilitySummary, true),
    };

    // The rollout runs stages by tier (edge -> management -> core), so the first tier's required
    // items gate the start; later tiers' items gate their own phase during the rollout, so they
    // show here without blocking the start.
    private static IEnumerable<ReadinessGate> Checklists(MigrationPlan plan, DateTimeOffset now)
    {
        var stages = plan.Stages.OrderBy(s => s.Tier).ThenBy(s => s.Order).ToList();
        for (var s = 0; s < stages.Count; s++)
        {
            var stage = stages[s];
            var required = stage.Checklist.Where(i => i.Required).ToList();
            if (required.Count == 0)
            {
                continue;
            }

            var open = required.Where(i => !i.IsDone).ToList();
            var overdue = open.Count(i => i.IsOverdue(now));
            var blocksStart = s == 0;
            var title = blocksStart ? $"Pre-flight checklist ({stage.Name})" : $"Checklist for {stage.Name}";
            if (open.Count == 0)
            {
                yield return new($"checklist:{stage.Id}", title, GateStatus.Met, $"All {required.Count} required item(s) done.", blocksStart);
                continue;
            }

            var detail = $"{open.Count} of {required.Count} required item(s) open: {string.Join(", ", open.Take(3).Select(i => i.Title))}{(open.Count > 3 ? ", ..." : "")}"
                         + (overdue > 0 ? $" ({overdue} overdue)." : ".");
            yield return new($"checklist:{stage.Id}", title, blocksStart ? GateStatus.Unmet : GateStatus.Warning, detail, blocksStart);
        }
    }

    private static IEnumerable<ReadinessGate> DataMigrations(MigrationPlan plan)
    {
        foreach (var task in plan.DataMigrations.Where(t => t.IsGate))
        {
            var (met, detail) = DataMigrationGate.Check(task);
            yield return new($"data:{task.Id}", task.Title, met ? GateStatus.Met : GateStatus.Unmet, detail, true);
        }
    }

    private static ReadinessGate Window(ReadinessFacts facts)
    {
        var usable = facts.Windows.Where(w => w.End > facts.Now).OrderBy(w => w.Start).ToList();
        if (usable.Count == 0)
        {
            return new("window", "Maintenance window booked", GateStatus.Unmet, "Book a maintenance window.", true);
        }

        var next = usable[0];
        if (next.ConflictCount > 0)
        {
            return new("window", "Maintenance window booked", GateStatus.Unmet, $"The window starting {next.Start:yyyy-MM-dd HH:mm} UTC has {next.ConflictCount} conflict(s).", true);
        }

        return next.Start <= facts.Now
            ? new("window", "Maintenance window open", GateStatus.Met, $"Open now until {next.End:yyyy-MM-dd HH:mm} UTC.", true)
            : new("window", "Maintenance window booked", GateStatus.Met, $"Next window opens {next.Start:yyyy-MM-dd HH:mm} UTC; a rollout started now waits for it.", true);
    }

    private static ReadinessGate StageOrderGate(MigrationPlan plan)
    {
        var warning = StageOrder.Warning(plan.Stages.OrderBy(s => s.Order).Select(s => (s.Name, s.Tier)).ToList());
        return warning is null
            ? new("stage-order", "Stages run edge -> management -> core", GateStatus.Met, plan.Stages.Count == 0 ? "No stages: the rollout runs as one phase." : "Stage order follows the tiers.", false)
            : new("stage-order", "Stages run edge -> management -> core", GateStatus.Warning, warning, false);
    }

    private static ReadinessGate Team(MigrationPlan plan)
    {
        var missing = new[] { TeamRole.TechnicalLead, TeamRole.Approver, TeamRole.OnCall }
            .Where(role => plan.Team.All(m => m.Role != role))
            .ToList();
        return missing.Count == 0
            ? new("team", "Team roles assigned", GateStatus.Met, $"{plan.Team.Count} people on the team.", false)
            : new("team", "Team roles assigned", GateStatus.Warning, $"No {string.Join(", ", missing.Select(TeamRoleText.Describe))} named.", false);
    }

    private static ReadinessGate RollbackPlanGate(MigrationPlan plan) =>
        plan.Rollback.Triggers.Count > 0 && plan.Rollback.Steps.Count > 0
            ? new("rollback-plan", "Rollback plan written", GateStatus.Met, $"{plan.Rollback.Triggers.Count} trigger(s), {plan.Rollback.Steps.Count} step(s).", false)
            : new("rollback-plan", "Rollback plan written", GateStatus.Warning, "Write the rollback triggers and steps.", false);
}

/// <summary>What each kind of data-migration evidence must show before it is safe to go.</summary>
public static class DataMigrationGate
{
    public const int MaxSyncLagSeconds = 5;

    public static (bool Met, string Detail) Check(DataMigrationTask task) => task.Kind switch
    {
        DataMigrationKind.Backup => task.Backup switch
        {
            { Verified: true, Location.Length: > 0, Checksum.Length: > 0 } b => (true, $"Verified backup at {b.Location} (checksum {b.Checksum}) by {b.VerifiedBy ?? "?"}."),
            { Verified: true } => (false, "Marked verified but the location or checksum is missing."),
            { Location.Length: > 0 } b => (false, $"Backup at {b.Location} is not verified yet."),
            _ => (false, "No backup recorded yet."),
        },
        DataMigrationKind.Sync => task.Sync switch
        {
            { ProgressPercent: >= 100 } s when (s.LagSeconds ?? 0) <= MaxSyncLagSeconds => (true, $"In sync (lag {s.LagSeconds ?? 0} s)."),
            { ProgressPercent: >= 100 } s => (false, $"Copied, but replication lags {s.LagSeconds} s (at most {MaxSyncLagSeconds} s)."),
            { } s => (false, $"Sync at {s.ProgressPercent:0.#}%."),
            _ => (false, "Sync has not started."),
        },
        DataMigrationKind.ConsistencyCheck => task.Consistency switch
        {
            { SampleSize: > 0, Mismatches: 0 } c => (true, $"{c.SampleSize:N0} rows compared, no mismatches."),
            { SampleSize: > 0 } c => (false, $"{c.Mismatches:N0} of {c.SampleSize:N0} sampled rows differ."),
            _ => (false, "No consistency check recorded yet."),
        },
        _ => (false, "Unknown task kind."),
    };
}

public static class TeamRoleText
{
    public static string Describe(TeamRole role) => role switch
    {
        TeamRole.TechnicalLead => "technical lead",
        TeamRole.BusinessCoordinator => "business coordinator",
        TeamRole.OnCall => "on-call engineer",
        _ => role.ToString().ToLowerInvariant(),
    };
}
