using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Rollouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcp.Dashboard.Data.EntityConfigurations;

internal sealed class StoredRolloutConfiguration : IEntityTypeConfiguration<StoredRollout>
{
    public void Configure(EntityTypeBuilder<StoredRollout> rollout)
    {
        rollout.ToTable("Rollouts");
        rollout.HasKey(r => r.Id);
        rollout.Property(r => r.PlanName).HasMaxLength(200);
        rollout.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        rollout.Property(r => r.CreatedBy).HasMaxLength(256);
        rollout.Property(r => r.WindowTimeZone).HasMaxLength(64);
        rollout.Property(r => r.WindowOverrun).HasConversion<string>().HasMaxLength(16);
        rollout.Property(r => r.Version).IsConcurrencyToken();
        rollout.Property(r => r.Snapshot).HasJsonConversion().IsRequired();
        rollout.Property(r => r.LastVerdict).HasJsonConversion();
        rollout.Property(r => r.StepVerdicts).HasJsonConversion();
        rollout.HasOne<MigrationPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        rollout.HasIndex(r => r.PlanId);
        rollout.HasIndex(r => r.State);
    }
}

internal sealed class RolloutEventConfiguration : IEntityTypeConfiguration<RolloutEvent>
{
    public void Configure(EntityTypeBuilder<RolloutEvent> entry)
    {
        entry.ToTable("RolloutEvents");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedOnAdd();
        entry.Property(e => e.Kind).HasMaxLength(48);
        entry.Property(e => e.Message).HasMaxLength(2000);
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.HasOne<StoredRollout>().WithMany().HasForeignKey(e => e.RolloutId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => new { e.RolloutId, e.Id });
        entry.HasIndex(e => e.At);
    }
}
