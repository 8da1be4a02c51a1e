using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcp.Dashboard.Data.EntityConfigurations;

internal sealed class StoredWindowConfiguration : IEntityTypeConfiguration<StoredWindow>
{
    public void Configure(EntityTypeBuilder<StoredWindow> window)
    {
        window.ToTable("MaintenanceWindows");
        window.HasKey(w => w.Id);
        window.Property(w => w.Id).ValueGeneratedNever();
        window.Property(w => w.TimeZoneId).HasMaxLength(64);
        window.Property(w => w.Note).HasMaxLength(1000);
        window.Property(w => w.CreatedBy).HasMaxLength(256);
        window.Ignore(w => w.IsActive);
        window.HasOne<MigrationPlan>().WithMany().HasForeignKey(w => w.PlanId).OnDelete(DeleteBehavior.Cascade);
        window.HasIndex(w => new { w.Start, w.End });
        window.HasIndex(w => w.PlanId);
    }
}

internal sealed class StoredBlackoutConfiguration : IEntityTypeConfiguration<StoredBlackout>
{
    public void Configure(EntityTypeBuilder<StoredBlackout> blackout)
    {
        blackout.ToTable("Blackouts");
        blackout.HasKey(b => b.Id);
        blackout.Property(b => b.Id).ValueGeneratedNever();
        blackout.Property(b => b.Name).HasMaxLength(200);
        blackout.Property(b => b.Reason).HasMaxLength(1000);
        blackout.Property(b => b.Environment).HasMaxLength(63);
        blackout.Property(b => b.Kind).HasConversion<string>().HasMaxLength(16);
        blackout.Property(b => b.TimeZoneId).HasMaxLength(64);
        blackout.Property(b => b.Rule).HasMaxLength(500);
        blackout.Property(b => b.LocalStart).HasMaxLength(32);
        blackout.Property(b => b.CreatedBy).HasMaxLength(256);
    }
}
