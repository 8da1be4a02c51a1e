using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Components.Plans;

/// <summary>
/// The editor's mutable copy of a <see cref="PlanDefinition"/>: form fields bind to it, and
/// <see cref="ToDefinition"/> turns it back into the immutable record the service takes.
/// Ids of stages, items and data tasks are carried through so a save keeps their ticks and evidence.
/// </summary>
public sealed class PlanEditorModel
{
    public string Name { get; set; } = "";

    public PlanKind Kind { get; set; }

    public string Environment { get; set; } = "";

    public IReadOnlyCollection<string> Services { get; set; } = [];

    public string FromVersion { get; set; } = "";

    public string ToVersion { get; set; } = "";

    public string? Description { get; set; }

    public bool Internal { get; set; }

    public WindowOverrunPolicy WindowOverrun { get; set; }

    public DeploymentStrategy Strategy { get; set; }

    public List<CanaryStepModel> CanarySteps { get; } = [];

    public int BlueGreenVerifySeconds { get; set; }

    public int BlueGreenKeepBlueMinutes { get; set; }

    public int RollingBatchSize { get; set; }

    public int RollingIntervalSeconds { get; set; }

    public List<StageModel> Stages { get; } = [];

    public List<TeamMemberModel> Team { get; } = [];

    public List<TriggerModel> Triggers { get; } = [];

    public List<RollbackStepModel> RollbackSteps { get; } = [];

    public List<CommunicationModel> Communication { get; } = [];

    public List<DataTaskModel> DataMigrations { get; } = [];

    public string OldYaml { get; set; } = "";

    public string NewYaml { get; set; } = "";

    public TargetKind TargetKind { get; set; }

    public string? TargetUrl { get; set; }

    /// <summary>Write-only: empty keeps the stored key.</summary>
    public string? TargetSecret { get; set; }

    // Carried through unchanged: the editor has no fields for analysis tuning yet.
    private AnalysisSettings _analysis = new();

    public string? StageOrderWarning => StageOrder.Warning(Stages.Select(s => (s.Name, s.Tier)).ToList());

    public IEnumerable<string> TeamEmails => Team.Select(m => m.Email.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);

    public static PlanEditorModel From(PlanDefinition definition)
    {
        var model = new PlanEditorModel
        {
            Name = definition.Name,
            Kind = definition.Kind,
            Environment = definition.Environment,
            Services = definition.Services.ToHashSet(StringComparer.OrdinalIgnoreCase),
            FromVersion = definition.FromVersion,
            ToVersion = definition.ToVersion,
            Description = definition.Description,
            Internal = definition.Internal,
            WindowOverrun = definition.WindowOverrun,
            Strategy = definition.Strategy,
            BlueGreenVerifySeconds = definition.BlueGreen.VerifySeconds,
            BlueGreenKeepBlueMinutes = definition.BlueGreen.KeepBlueMinutes,
            RollingBatchSize = definition.Rolling.BatchSize,
            RollingIntervalSeconds = definition.Rolling.IntervalSeconds,
            OldYaml = definition.ConfigChange?.OldYaml ?? "",
            NewYaml = definition.ConfigChange?.NewYaml ?? "",
            TargetKind = definition.Target.Kind,
            TargetUrl = definition.Target.Url,
            _analysis = definition.Analysis,
        };
        model.CanarySteps.AddRange(definition.Canary.Steps.Select(s => new CanaryStepModel { Weight = s.Weight, BakeSeconds = s.BakeSeconds }));
        model.Stages.AddRange(definition.Stages.Select(s =>
        {
            var stage = new StageModel { Id = s.Id, Name = s.Name, Tier = s.Tier };
            stage.Checklist.AddRange(s.Checklist.Select(i => new ChecklistItemModel
            {
                Id = i.Id,
                Title = i.Title,
                Owner = i.Owner,
                Due = i.Due?.UtcDateTime,  // shown in UTC until the reader's zone is known (ShowDueIn)
                Required = i.Required,
            }));
            return stage;
        }));
        model.Team.AddRange(definition.Team.Select(m => new TeamMemberModel { Name = m.Name, Email = m.Email, Role = m.Role }));
        model.Triggers.AddRange(definition.Rollback.Triggers.Select(t => new TriggerModel
        {
            Metric = t.Metric,
            Comparison = t.Comparison,
            Threshold = t.Threshold,
            ForSeconds = t.ForSeconds,
            Description = t.Description,
        }));
        model.RollbackSteps.AddRange(definition.Rollback.Steps.Select(s => new RollbackStepModel { Title = s.Title, Owner = s.Owner }));
        model.Communication.AddRange(definition.Communication.Entries.Select(e => new CommunicationModel
        {
            Audience = e.Audience,
            Channel = e.Channel,
            Moments = e.Moments.ToHashSet(),
            Destination = e.Destination,
            Note = e.Note,
            Language = e.Language,
            Templates = new Dictionary<CommunicationMoment, string>(e.Templates),
        }));
        model.DataMigrations.AddRange(definition.DataMigrations.Select(t => new DataTaskModel { Original = t, Kind = t.Kind, Title = t.Title, IsGate = t.IsGate }));
        return model;
    }

    /// <summary>The zone the checklist due times are typed in: the reader's, once the browser has said it; UTC until then.</summary>
    public TimeZoneInfo DueZone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Re-expresses every due time in <paramref name="zone"/>: the same instants, the reader's wall clock.</summary>
    public void ShowDueIn(TimeZoneInfo zone)
    {
        foreach (var item in Stages.SelectMany(s => s.Checklist))
        {
            if (item.Due is { } due)
            {
                item.Due = Domain.Schedule.WallClock.ToLocal(Domain.Schedule.WallClock.ToInstant(due, DueZone), zone);
            }
        }

        DueZone = zone;
    }

    public PlanDefinition ToDefinition() => new()
    {
        Name = Name,
        Kind = Kind,
        Environment = Environment,
        Services = [.. Services],
        FromVersion = FromVersion,
        ToVersion = ToVersion,
        Description = Description,
        Internal = Internal,
        WindowOverrun = WindowOverrun,
        Strategy = Strategy,
        Canary = new CanarySettings { Steps = CanarySteps.Select(s => new CanaryStep(s.Weight, s.BakeSeconds)).ToList() },
        BlueGreen = new BlueGreenSettings { VerifySeconds = BlueGreenVerifySeconds, KeepBlueMinutes = BlueGreenKeepBlueMinutes },
        Rolling = new RollingSettings { BatchSize = RollingBatchSize, IntervalSeconds = RollingIntervalSeconds },
        Analysis = _analysis,
        Stages = Stages.Select(s => new StageDefinition
        {
            Id = s.Id,
            Name = s.Name,
            Tier = s.Tier,
            Checklist = s.Checklist.Select(i => new ChecklistItemDefinition
            {
                Id = i.Id,
                Title = i.Title,
                Owner = string.IsNullOrWhiteSpace(i.Owner) ? null : i.Owner.Trim(),
                Due = i.Due is { } due ? Domain.Schedule.WallClock.ToInstant(due, DueZone).ToUniversalTime() : null,
                Required = i.Required,
            }).ToList(),
        }).ToList(),
        Team = Team.Select(m => new TeamMember { Name = m.Name, Email = m.Email.Trim(), Role = m.Role }).ToList(),
        Rollback = new RollbackPlan
        {
            Triggers = Triggers.Select(t => new RollbackTrigger
            {
                Metric = t.Metric,
                Comparison = t.Comparison,
                Threshold = t.Threshold,
                ForSeconds = t.ForSeconds,
                Description = string.IsNullOrWhiteSpace(t.Description) ? null : t.Description,
            }).ToList(),
            Steps = RollbackSteps.Select(s => new RollbackStep { Title = s.Title, Owner = string.IsNullOrWhiteSpace(s.Owner) ? null : s.Owner }).ToList(),
        },
        Communication = new CommunicationPlan
        {
            Entries = Communication.Select(c => new CommunicationEntry
            {
                Audience = c.Audience,
                Channel = c.Channel,
                Moments = Enum.GetValues<CommunicationMoment>().Where(c.Moments.Contains).ToList(),
                Destination = string.IsNullOrWhiteSpace(c.Destination) ? null : c.Destination.Trim(),
                Note = c.Note,
                Language = c.Language,

                // A message written for a moment the entry no longer speaks at is dropped.
                Templates = c.Templates.Where(t => c.Moments.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value),
            }).ToList(),
        },
        DataMigrations = DataMigrations.Select(t => (t.Original ?? new DataMigrationTask()) with { Kind = t.Kind, Title = t.Title, IsGate = t.IsGate }).ToList(),
        ConfigChange = OldYaml.Length == 0 && NewYaml.Length == 0 ? null : new ConfigChange { OldYaml = OldYaml, NewYaml = NewYaml },
        Target = new TargetSettings
        {
            Kind = TargetKind,
            Url = TargetKind == TargetKind.Webhook ? TargetUrl : null,
            Secret = TargetKind == TargetKind.Webhook && !string.IsNullOrEmpty(TargetSecret) ? TargetSecret : null,
        },
    };

    public static void Move<T>(List<T> list, int index, int delta)
    {
        var target = index + delta;
        if (index < 0 || index >= list.Count || target < 0 || target >= list.Count)
        {
            return;
        }

        (list[index], list[target]) = (list[target], list[index]);
    }
}

public sealed class CanaryStepModel
{
    public int Weight { get; set; }

    public int BakeSeconds { get; set; }
}

public sealed class StageModel
{
    public Guid? Id { get; set; }

    public string Name { get; set; } = "";

    public NodeTier Tier { get; set; }

    public List<ChecklistItemModel> Checklist { get; } = [];
}

public sealed class ChecklistItemModel
{
    public Guid? Id { get; set; }

    public string Title { get; set; } = "";

    public string? Owner { get; set; }

    /// <summary>UTC; the form says so.</summary>
    public DateTime? Due { get; set; }

    public bool Required { get; set; }
}

public sealed class TeamMemberModel
{
    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public TeamRole Role { get; set; }
}

public sealed class TriggerModel
{
    public string Metric { get; set; } = "";

    public TriggerComparison Comparison { get; set; }

    public double Threshold { get; set; }

    public int ForSeconds { get; set; }

    public string? Description { get; set; }
}

public sealed class RollbackStepModel
{
    public string Title { get; set; } = "";

    public string? Owner { get; set; }
}

public sealed class CommunicationModel
{
    public CommunicationAudience Audience { get; set; }

    public CommunicationChannel Channel { get; set; }

    public IReadOnlyCollection<CommunicationMoment> Moments { get; set; } = new HashSet<CommunicationMoment>();

    public string? Destination { get; set; }

    public string? Note { get; set; }

    public Domain.Communication.MessageLanguage Language { get; set; }

    /// <summary>The entry's own messages per moment; a moment missing here sends the default.</summary>
    public Dictionary<CommunicationMoment, string> Templates { get; set; } = [];
}

public sealed class DataTaskModel
{
    /// <summary>The stored task, so its id and evidence survive the edit.</summary>
    public DataMigrationTask? Original { get; init; }

    public DataMigrationKind Kind { get; set; }

    public string Title { get; set; } = "";

    public bool IsGate { get; set; } = true;
}
