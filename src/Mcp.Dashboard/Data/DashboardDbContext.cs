using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Compatibility;
using Mcp.Dashboard.Domain.Audit;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Rollouts.Metrics;
using Mcp.Dashboard.Schedule;
using Mcp.Dashboard.Status;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Data;

/// <summary>
/// The dashboard's one database: identity, inventory, plans, schedule, the audit trail and
/// the downsampled metric history of rollouts.
/// Quartz's tables live in the same database (created by our migrations) but Quartz reads
/// them itself, so they are not entity sets here.
/// </summary>
public sealed class DashboardDbContext(DbContextOptions<DashboardDbContext> options)
    : IdentityDbContext<DashboardUser>(options)
{
    public DbSet<MigrationPlan> Plans => Set<MigrationPlan>();

    public DbSet<PlanStage> PlanStages => Set<PlanStage>();

    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();

    public DbSet<DeploymentEnvironment> Environments => Set<DeploymentEnvironment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<StoredUpgradeRule> UpgradeRules => Set<StoredUpgradeRule>();

    public DbSet<StoredWindow> Windows => Set<StoredWindow>();

    public DbSet<StoredBlackout> Blackouts => Set<StoredBlackout>();

    public DbSet<StoredRollout> Rollouts => Set<StoredRollout>();

    public DbSet<RolloutEvent> RolloutEvents => Set<RolloutEvent>();

    public DbSet<MetricHistoryPoint> MetricHistory => Set<MetricHistoryPoint>();

    public DbSet<StatusNote> StatusNotes => Set<StatusNote>();

    public DbSet<Communication.Delivery> Deliveries => Set<Communication.Delivery>();

    public DbSet<Communication.CommunicationCursor> CommunicationCursors => Set<Communication.CommunicationCursor>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset values, and windows, blackouts and the
        // audit trail are all queried by time. UTC ticks sort and compare on every provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}
