using Mcp.Dashboard.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcp.Dashboard.Data.EntityConfigurations;

internal sealed class MigrationPlanConfiguration : IEntityTypeConfiguration<MigrationPlan>
{
    public void Configure(EntityTypeBuilder<MigrationPlan> plan)
    {
        plan.ToTable("Plans");
        plan.HasKey(p => p.Id);
        plan.Property(p => p.Name).HasMaxLength(PlanDefinitionValidator.MaxNameLength).IsRequired();
        plan.Property(p => p.Environment).HasMaxLength(63).IsRequired();
        plan.Property(p => p.FromVersion).HasMaxLength(64);
        plan.Property(p => p.ToVersion).HasMaxLength(64);
        plan.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
        plan.Property(p => p.Strategy).HasConversion<string>().HasMaxLength(32);
        plan.Property(p => p.State).HasConversion<string>().HasMaxLength(32);
        plan.Property(p => p.WindowOverrun).HasConversion<string>().HasMaxLength(32);
        plan.Property(p => p.CreatedBy).HasMaxLength(256);
        plan.Property(p => p.UpdatedBy).HasMaxLength(256);
        plan.Property(p => p.SubmittedBy).HasMaxLength(256);
        plan.Property(p => p.ApprovedBy).HasMaxLength(256);
        plan.Property(p => p.LastRevisedBy).HasMaxLength(256);

        // Optimistic concurrency: the second of two people saving the same plan is told.
        plan.Property(p => p.Revision).IsConcurrencyToken();

        plan.Property(p => p.Services).HasJsonConversion();
        plan.Property(p => p.Canary).HasJsonConversion();
        plan.Property(p => p.BlueGreen).HasJsonConversion();
        plan.Property(p => p.Rolling).HasJsonConversion();
        plan.Property(p => p.Analysis).HasJsonConversion();
        plan.Property(p => p.Target).HasJsonConversion();
        plan.Property(p => p.Team).HasJsonConversion();
        plan.Property(p => p.Rollback).HasJsonConversion();
        plan.Property(p => p.Communication).HasJsonConversion();
        plan.Property(p => p.DataMigrations).HasJsonConversion();
        plan.Property(p => p.ConfigChange).HasJsonConversion();

        plan.HasMany(p => p.Stages).WithOne().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        plan.Navigation(p => p.Stages).AutoInclude();
        plan.Ignore(p => p.ChecklistItems);
        plan.Ignore(p => p.HasTargetSecret);
        plan.HasIndex(p => p.State);
        plan.HasIndex(p => p.Environment);
    }
}

internal sealed class PlanStageConfiguration : IEntityTypeConfiguration<PlanStage>
{
    public void Configure(EntityTypeBuilder<PlanStage> stage)
    {
        stage.ToTable("PlanStages");
        stage.HasKey(s => s.Id);
        stage.Property(s => s.Id).ValueGeneratedNever();
        stage.Property(s => s.Name).HasMaxLength(PlanDefinitionValidator.MaxNameLength);
        stage.Property(s => s.Tier).HasConversion<string>().HasMaxLength(16);
        stage.HasMany(s => s.Checklist).WithOne().HasForeignKey(i => i.StageId).OnDelete(DeleteBehavior.Cascade);
        stage.Navigation(s => s.Checklist).AutoInclude();
    }
}

internal sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> item)
    {
        item.ToTable("ChecklistItems");
        item.HasKey(i => i.Id);
        item.Property(i => i.Id).ValueGeneratedNever();
        item.Property(i => i.Title).HasMaxLength(PlanDefinitionValidator.MaxNameLength);
        item.Property(i => i.Owner).HasMaxLength(256);
        item.Property(i => i.DoneBy).HasMaxLength(256);
        item.Property(i => i.EvidenceNote).HasMaxLength(PlanDefinitionValidator.MaxTextLength);
        item.Property(i => i.Revision).IsConcurrencyToken();
        item.Ignore(i => i.IsDone);
        item.HasIndex(i => i.PlanId);
    }
}
