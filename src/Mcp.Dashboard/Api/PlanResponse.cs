using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Api;

/// <summary>A plan as the API returns it: the definition, progress and lifecycle.</summary>
public sealed record PlanResponse
{
    public required Guid Id { get; init; }

    public required int Revision { get; init; }

    public required PlanState State { get; init; }

    public required string Name { get; init; }

    public required PlanKind Kind { get; init; }

    public required string Environment { get; init; }

    public required IReadOnlyList<string> Services { get; init; }

    public required string FromVersion { get; init; }

    public required string ToVersion { get; init; }

    public required DeploymentStrategy Strategy { get; init; }

    public string? Description { get; init; }

    public required IReadOnlyList<StageResponse> Stages { get; init; }

    public required CanarySettings Canary { get; init; }

    public required BlueGreenSettings BlueGreen { get; init; }

    public required RollingSettings Rolling { get; init; }

    public required AnalysisSettings Analysis { get; init; }

    public required TargetResponse Target { get; init; }

    public required IReadOnlyList<TeamMember> Team { get; init; }

    public required RollbackPlan Rollback { get; init; }

    public required CommunicationPlan Communication { get; init; }

    public required IReadOnlyList<DataMigrationTask> DataMigrations { get; init; }

    public ConfigChange? ConfigChange { get; init; }

    public bool Internal { get; init; }

    public WindowOverrunPolicy WindowOverrun { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string UpdatedBy { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public string? ApprovedBy { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    public string? ReviewNote { get; init; }

    public required IReadOnlyList<PlanTrigger> PermittedTriggers { get; init; }

    /// <param name="plan">The plan.</param>
    /// <param name="revealDestinations">Authors see webhook destinations whole (they edit them); others see the host only.</param>
    public static PlanResponse From(MigrationPlan plan, bool revealDestinations = true) => new()
    {
        Id = plan.Id,
        Revision = plan.Revision,
        State = plan.State,
        Name = plan.Name,
        Kind = plan.Kind,
        Environment = plan.Environment,
        Services = plan.Services,
        FromVersion = plan.FromVersion,
        ToVersion = plan.ToVersion,
        Strategy = plan.Strategy,
        Description = plan.Description,
        Stages = plan.Stages.OrderBy(s => s.Order).Select(StageResponse.From).ToList(),
        Canary = plan.Canary,
        BlueGreen = plan.BlueGreen,
        Rolling = plan.Rolling,
        Analysis = plan.Analysis,
        Target = new TargetResponse(plan.Target.Kind, plan.Target.Url, plan.HasTargetSecret),
        Team = plan.Team,
        Rollback = plan.Rollback,
        Communication = revealDestinations ? plan.Communication : SensitiveUrl.Mask(plan.Communication),
        DataMigrations = plan.DataMigrations,
        ConfigChange = plan.ConfigChange,
        Internal = plan.Internal,
        WindowOverrun = plan.WindowOverrun,
        CreatedBy = plan.CreatedBy,
        CreatedAt = plan.CreatedAt,
        UpdatedBy = plan.UpdatedBy,
        UpdatedAt = plan.UpdatedAt,
        ApprovedBy = plan.ApprovedBy,
        ApprovedAt = plan.ApprovedAt,
        ReviewNote = plan.ReviewNote,
        PermittedTriggers = PlanStateMachine.PermittedTriggers(plan.State),
    };
}

/// <summary>The target without its secret: only whether one is set.</summary>
public sealed record TargetResponse(TargetKind Kind, string? Url, bool SecretSet);

public sealed record StageResponse(Guid Id, string Name, NodeTier Tier, IReadOnlyList<ChecklistItemResponse> Checklist)
{
    public static StageResponse From(PlanStage stage) => new(
        stage.Id,
        stage.Name,
        stage.Tier,
        stage.Checklist.OrderBy(i => i.Order).Select(i => new ChecklistItemResponse(i.Id, i.Title, i.Owner, i.Due, i.Required, i.IsDone, i.DoneBy, i.DoneAt, i.EvidenceNote)).ToList());
}

public sealed record ChecklistItemResponse(Guid Id, string Title, string? Owner, DateTimeOffset? Due, bool Required, bool Done, string? DoneBy, DateTimeOffset? DoneAt, string? EvidenceNote);
