using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Domain.Audit;
using Mcp.Dashboard.Domain.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcp.Dashboard.Data.EntityConfigurations;

internal sealed class DeploymentEnvironmentConfiguration : IEntityTypeConfiguration<DeploymentEnvironment>
{
    public void Configure(EntityTypeBuilder<DeploymentEnvironment> environment)
    {
        environment.ToTable("Environments");
        environment.HasKey(e => e.Name);
        environment.Property(e => e.Name).HasMaxLength(63);
        environment.Property(e => e.Description).HasMaxLength(1000);
        environment.Property(e => e.Services).HasJsonConversion();
        environment.Property(e => e.Revision).IsConcurrencyToken();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditEntries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedOnAdd();
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.Property(e => e.Action).HasMaxLength(64);
        entry.Property(e => e.Subject).HasMaxLength(64);
        entry.Property(e => e.SubjectId).HasMaxLength(256);
        entry.Property(e => e.Channel).HasMaxLength(16);
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => e.PlanId);
        entry.HasIndex(e => e.Actor);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.ToTable("ApiTokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.Prefix).HasMaxLength(16);
        token.Property(t => t.Hash).HasMaxLength(64);
        token.HasIndex(t => t.Hash).IsUnique();
        token.HasIndex(t => t.UserId);
        token.HasOne<DashboardUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
