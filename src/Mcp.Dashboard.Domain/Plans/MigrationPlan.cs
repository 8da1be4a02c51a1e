using Mcp.Dashboard.Domain.Access;

namespace Mcp.Dashboard.Domain.Plans;

/// <summary>
/// A migration plan: the authored definition, its stages and checklists, and where it is in
/// its lifecycle. Every change goes through a method here so the lifecycle rules hold no
/// matter whether the browser or the API asked.
/// </summary>
public sealed class MigrationPlan
{
    private MigrationPlan()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public PlanKind Kind { get; private set; }

    public string Environment { get; private set; } = "";

    public List<string> Services { get; private set; } = [];

    public string FromVersion { get; private set; } = "";

    public string ToVersion { get; private set; } = "";

    public DeploymentStrategy Strategy { get; private set; }

    public string? Description { get; private set; }

    public CanarySettings Canary { get; private set; } = CanarySettings.Default;

    public BlueGreenSettings BlueGreen { get; private set; } = new();

    public RollingSettings Rolling { get; private set; } = new();

    public AnalysisSettings Analysis { get; private set; } = new();

    /// <summary>The target with its secret removed; see <see cref="TargetSecretProtected"/>.</summary>
    public TargetSettings Target { get; private set; } = new();

    /// <summary>The webhook key, protected by the host's data protection; never shown.</summary>
    public string? TargetSecretProtected { get; private set; }

    public List<TeamMember> Team { get; private set; } = [];

    public RollbackPlan Rollback { get; private set; } = new();

    public CommunicationPlan Communication { get; private set; } = new();

    public List<DataMigrationTask> DataMigrations { get; private set; } = [];

    public ConfigChange? ConfigChange { get; private set; }

    public bool Internal { get; private set; }

    public WindowOverrunPolicy WindowOverrun { get; private set; }

    public List<PlanStage> Stages { get; private set; } = [];

    public PlanState State { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Who last changed the authored content; like the author, they may not approve it.</summary>
    public string? LastRevisedBy { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? ApprovedBy { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>Set when the approval needed the Admin override of the author rule.</summary>
    public bool ApprovedByAuthorOverride { get; private set; }

    public string? ReviewNote { get; private set; }

    /// <summary>Bumped on every change of authored content or state; the API's ETag.</summary>
    public int Revision { get; private set; }

    public bool HasTargetSecret => TargetSecretProtected is not null;

    public IEnumerable<ChecklistItem> ChecklistItems => Stages.OrderBy(s => s.Order).SelectMany(s => s.Checklist.OrderBy(i => i.Order));

    public static MigrationPlan Create(PlanDefinition definition, Actor author, DateTimeOffset now, string? protectedSecret = null)
    {
        var plan = new MigrationPlan
        {
            Id = Guid.CreateVersion7(now),
            State = PlanState.Draft,
            CreatedBy = author.Email,
            CreatedAt = now,
        };
        plan.Apply(definition, author, now, protectedSecret);
        plan.Revision = 1;
        return plan;
    }

    /// <summary>
    /// Replaces the authored content. Ticks on items that keep their id survive; an approved
    /// or scheduled plan goes back to review. Returns true when it went back to review.
    /// </summary>
    public bool Revise(PlanDefinition definition, Actor editor, DateTimeOffset now, string? protectedSecret = null)
    {
        var next = PlanStateMachine.Fire(State, PlanTrigger.Revise);
        var sentBack = next != State;
        Apply(definition, editor, now, protectedSecret);
        LastRevisedBy = editor.Email;
        if (sentBack)
        {
            State = next;
            ApprovedBy = null;
            ApprovedAt = null;
            ApprovedByAuthorOverride = false;
            ReviewNote = $"Changed by {editor.Email} after approval; needs approval again.";
        }

        Revision++;
        return sentBack;
    }

    public void Submit(Actor actor, DateTimeOffset now)
    {
        State = PlanStateMachine.Fire(State, PlanTrigger.Submit);
        SubmittedBy = actor.Email;
        SubmittedAt = now;
        ReviewNote = null;
        Touch(actor, now);
    }

    /// <summary>Approves the plan when <see cref="ApprovalPolicy"/> allows this actor to.</summary>
    public ApprovalDecision Approve(Actor approver, DateTimeOffset now, string? note)
    {
        var decision = ApprovalPolicy.Decide(this, approver);
        if (!decision.Allowed)
        {
            throw new PlanAccessDenied(decision.Reason);
        }

        State = PlanStateMachine.Fire(State, PlanTrigger.Approve);
        ApprovedBy = approver.Email;
        ApprovedAt = now;
        ApprovedByAuthorOverride = decision.IsAuthorOverride;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Touch(approver, now);
        return decision;
    }

    public void RequestChanges(Actor reviewer, DateTimeOffset now, string reason)
    {
        State = PlanStateMachine.Fire(State, PlanTrigger.RequestChanges);
        ReviewNote = reason;
        Touch(reviewer, now);
    }

    public void Cancel(Actor actor, DateTimeOffset now, string reason)
    {
        State = PlanStateMachine.Fire(State, PlanTrigger.Cancel);
        ReviewNote = reason;
        Touch(actor, now);
    }

    /// <summary>Moves the lifecycle on for the rollout engine (schedule, start, finish).</summary>
    public void Advance(PlanTrigger trigger, Actor actor, DateTimeOffset now)
    {
        if (trigger is PlanTrigger.Revise or PlanTrigger.Approve)
        {
            throw new ArgumentException("Use Revise or Approve for these.", nameof(trigger));
        }

        State = PlanStateMachine.Fire(State, trigger);
        Touch(actor, now);
    }

    /// <summary>
    /// Records data-migration evidence; it is progress, not authorship, so approval stands. Who
    /// and when are stamped here, never taken from the caller.
    /// </summary>
    public void RecordEvidence(Guid taskId, DataMigrationTask evidence, Actor actor, DateTimeOffset now)
    {
        var index = DataMigrations.FindIndex(t => t.Id == taskId);
        if (index < 0)
        {
            throw new NotFound($"Data-migration task {taskId} of plan {Id}");
        }

        var errors = DataMigrationEvidence.Validate(evidence);
        if (!errors.IsValid)
        {
            throw new ValidationFailed(errors);
        }

        var task = DataMigrations[index];
        DataMigrations = [.. DataMigrations];
        DataMigrations[index] = task with
        {
            Backup = evidence.Backup is { } backup
                ? backup with { VerifiedBy = backup.Verified ? actor.Email : null, VerifiedAt = backup.Verified ? now : null }
                : task.Backup,
            Sync = evidence.Sync ?? task.Sync,
            Consistency = evidence.Consistency is { } check ? check with { CheckedAt = now } : task.Consistency,
        };
        Touch(actor, now);
    }

    public PlanDefinition ToDefinition() => new()
    {
        Name = Name,
        Kind = Kind,
        Environment = Environment,
        Services = [.. Services],
        FromVersion = FromVersion,
        ToVersion = ToVersion,
        Strategy = Strategy,
        Description = Description,
        Stages = Stages.OrderBy(s => s.Order).Select(s => new StageDefinition
        {
            Id = s.Id,
            Name = s.Name,
            Tier = s.Tier,
            Checklist = s.Checklist.OrderBy(i => i.Order).Select(i => new ChecklistItemDefinition
            {
                Id = i.Id,
                Title = i.Title,
                Owner = i.Owner,
                Due = i.Due,
                Required = i.Required,
            }).ToList(),
        }).ToList(),
        Canary = Canary,
        BlueGreen = BlueGreen,
        Rolling = Rolling,
        Analysis = Analysis,
        Target = Target,
        Team = [.. Team],
        Rollback = Rollback,
        Communication = Communication,
        DataMigrations = [.. DataMigrations],
        ConfigChange = ConfigChange,
        Internal = Internal,
        WindowOverrun = WindowOverrun,
    };

    public ChecklistItem? FindChecklistItem(Guid itemId) => ChecklistItems.FirstOrDefault(i => i.Id == itemId);

    public bool IsAuthor(Actor actor) => actor.Is(CreatedBy);

    /// <summary>Wrote it or last changed it: either way, too close to it to approve it.</summary>
    public bool IsAuthorOrReviser(Actor actor) => IsAuthor(actor) || (LastRevisedBy is { } reviser && actor.Is(reviser));

    private void Touch(Actor actor, DateTimeOffset now)
    {
        UpdatedBy = actor.Email;
        UpdatedAt = now;
        Revision++;
    }

    private void Apply(PlanDefinition definition, Actor editor, DateTimeOffset now, string? protectedSecret)
    {
        Name = definition.Name.Trim();
        Kind = definition.Kind;
        Environment = definition.Environment.Trim();
        Services = definition.Services.Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        FromVersion = definition.FromVersion.Trim();
        ToVersion = definition.ToVersion.Trim();
        Strategy = definition.Strategy;
        Description = string.IsNullOrWhiteSpace(definition.Description) ? null : definition.Description.Trim();
        Canary = definition.Canary;
        BlueGreen = definition.BlueGreen;
        Rolling = definition.Rolling;
        Analysis = definition.Analysis;
        var previousOrigin = Origin(Target.Url);
        Target = definition.Target with { Secret = null };
        if (definition.Target.Kind != TargetKind.Webhook)
        {
            TargetSecretProtected = null;
        }
        else if (protectedSecret is not null)
        {
            TargetSecretProtected = protectedSecret;
        }
        else if (!string.Equals(previousOrigin, Origin(Target.Url), StringComparison.OrdinalIgnoreCase))
        {
            // A signing key belongs to the host it was given for: never sign requests to a new one with it.
            TargetSecretProtected = null;
        }

        Team = [.. definition.Team];
        Rollback = definition.Rollback;
        Communication = definition.Communication;
        DataMigrations = MergeDataMigrations(definition.DataMigrations, now);
        ConfigChange = definition.ConfigChange is { OldYaml: "", NewYaml: "" } ? null : definition.ConfigChange;
        Internal = definition.Internal;
        WindowOverrun = definition.WindowOverrun;
        ApplyStages(definition.Stages);
        UpdatedBy = editor.Email;
        UpdatedAt = now;
    }

    // Evidence is progress recorded through RecordEvidence: a definition never carries it in,
    // so nobody can pass a gate by writing "verified" into the plan.
    private List<DataMigrationTask> MergeDataMigrations(IReadOnlyList<DataMigrationTask> tasks, DateTimeOffset now)
    {
        var existing = DataMigrations.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First());
        return tasks.Select(task =>
        {
            var stored = task.Id != Guid.Empty && existing.TryGetValue(task.Id, out var found) ? found : null;
            return task with
            {
                Id = stored?.Id ?? Guid.CreateVersion7(now),
                Backup = stored?.Backup,
                Sync = stored?.Sync,
                Consistency = stored?.Consistency,
            };
        }).ToList();
    }

    private static string? Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;

    private void ApplyStages(IReadOnlyList<StageDefinition> stages)
    {
        var existingStages = Stages.ToDictionary(s => s.Id);
        var existingItems = Stages.SelectMany(s => s.Checklist).ToDictionary(i => i.Id);

        // Every item is re-homed below. Emptying the old lists first means a stage that is
        // dropped in this edit no longer holds an item that moved out of it, so deleting the
        // stage cannot take the moved item (and its tick) with it.
        foreach (var stage in Stages)
        {
            stage.Checklist.Clear();
        }
        var next = new List<PlanStage>(stages.Count);
        for (var s = 0; s < stages.Count; s++)
        {
            var definition = stages[s];
            var stage = definition.Id is { } stageId && existingStages.TryGetValue(stageId, out var found)
                ? found
                : new PlanStage(Guid.CreateVersion7(), Id);
            stage.Order = s;
            stage.Name = definition.Name.Trim();
            stage.Tier = definition.Tier;

            var items = new List<ChecklistItem>(definition.Checklist.Count);
            for (var i = 0; i < definition.Checklist.Count; i++)
            {
                var itemDefinition = definition.Checklist[i];

                // An item may move between stages and keep its tick.
                var item = itemDefinition.Id is { } itemId && existingItems.Remove(itemId, out var kept)
                    ? kept
                    : new ChecklistItem(Guid.CreateVersion7(), Id, stage.Id);
                item.StageId = stage.Id;
                item.Order = i;
                item.Title = itemDefinition.Title.Trim();
                item.Owner = string.IsNullOrWhiteSpace(itemDefinition.Owner) ? null : itemDefinition.Owner.Trim();
                item.Due = itemDefinition.Due;
                item.Required = itemDefinition.Required;
                items.Add(item);
            }

            stage.Checklist.Clear();
            stage.Checklist.AddRange(items);
            next.Add(stage);
        }

        Stages.Clear();
        Stages.AddRange(next);
    }
}
