using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Status;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcp.Dashboard.Data.EntityConfigurations;

internal sealed class StatusNoteConfiguration : IEntityTypeConfiguration<StatusNote>
{
    public void Configure(EntityTypeBuilder<StatusNote> note)
    {
        note.ToTable("StatusNotes");
        note.HasKey(n => n.Id);
        note.Property(n => n.Id).ValueGeneratedNever();
        note.Property(n => n.Text).HasMaxLength(StatusNote.MaxLength);
        note.Property(n => n.Author).HasMaxLength(256);
        note.HasOne<MigrationPlan>().WithMany().HasForeignKey(n => n.PlanId).OnDelete(DeleteBehavior.Cascade);
        note.HasIndex(n => new { n.PlanId, n.At });
        note.HasIndex(n => n.At);
    }
}
