using Mcp.Dashboard.Communication;
using Mcp.Dashboard.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcp.Dashboard.Data.EntityConfigurations;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> delivery)
    {
        delivery.ToTable("Deliveries");
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Id).ValueGeneratedNever();

        // The outbox's once-only guarantee: a moment of an entry is one row, whoever writes it.
        delivery.Property(d => d.Key).HasMaxLength(200);
        delivery.HasIndex(d => d.Key).IsUnique();
        delivery.Property(d => d.PlanName).HasMaxLength(200);
        delivery.Property(d => d.Moment).HasConversion<string>().HasMaxLength(32);
        delivery.Property(d => d.Event).HasMaxLength(64);
        delivery.Property(d => d.Channel).HasConversion<string>().HasMaxLength(32);
        delivery.Property(d => d.Audience).HasConversion<string>().HasMaxLength(32);
        delivery.Property(d => d.DestinationShown).HasMaxLength(600);
        delivery.Property(d => d.DestinationProtected).HasMaxLength(4000);
        delivery.Property(d => d.Subject).HasMaxLength(600);
        delivery.Property(d => d.Text).HasMaxLength(8000);
        delivery.Property(d => d.RequestedBy).HasMaxLength(256);
        delivery.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        delivery.Property(d => d.LastError).HasMaxLength(600);
        delivery.HasOne<MigrationPlan>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Cascade);
        delivery.HasIndex(d => new { d.PlanId, d.CreatedAt });
        delivery.HasIndex(d => d.CreatedAt);
        delivery.HasIndex(d => d.State);
    }
}

internal sealed class CommunicationCursorConfiguration : IEntityTypeConfiguration<CommunicationCursor>
{
    public void Configure(EntityTypeBuilder<CommunicationCursor> cursor)
    {
        cursor.ToTable("CommunicationCursors");
        cursor.HasKey(c => c.Name);
        cursor.Property(c => c.Name).HasMaxLength(64);
    }
}
