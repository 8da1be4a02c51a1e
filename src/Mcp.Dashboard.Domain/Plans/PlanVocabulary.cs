namespace Mcp.Dashboard.Domain.Plans;

/// <summary>What a migration does to the platform.</summary>
public enum PlanKind
{
    VersionUpgrade,
    EnvironmentMigration,
    ClusterExpansion,
    CloudMigration,
}

/// <summary>How traffic moves to the new version.</summary>
public enum DeploymentStrategy
{
    Canary,
    BlueGreen,
    Rolling,
}

/// <summary>
/// The plan lifecycle: Draft -> InReview -> Approved -> Scheduled -> Running -> Completed,
/// RolledBack or Cancelled. <see cref="PlanStateMachine"/> holds the allowed moves.
/// </summary>
public enum PlanState
{
    Draft,
    InReview,
    Approved,
    Scheduled,
    Running,
    Completed,
    RolledBack,
    Cancelled,
}

/// <summary>The roles a person plays in one migration (not an application role).</summary>
public enum TeamRole
{
    TechnicalLead,
    Tester,
    BusinessCoordinator,
    Approver,
    OnCall,
}

/// <summary>What happens when a rollout would outlive its maintenance window.</summary>
public enum WindowOverrunPolicy
{
    Pause,
    RollBack,
}

/// <summary>Where rollout actions are sent.</summary>
public enum TargetKind
{
    Simulated,
    Webhook,
}

public enum TriggerComparison
{
    Above,
    Below,
}

public enum CommunicationAudience
{
    Engineers,
    Business,
    Everyone,
}

public enum CommunicationChannel
{
    StatusPage,
    Webhook,
    Slack,
    Teams,
    Email,
}

/// <summary>The moments at which the communication plan speaks.</summary>
public enum CommunicationMoment
{
    Before72Hours,
    Before24Hours,
    Before1Hour,
    Start,
    EachStep,
    Pause,
    Rollback,
    Completion,
}

public enum DataMigrationKind
{
    Backup,
    Sync,
    ConsistencyCheck,
}
