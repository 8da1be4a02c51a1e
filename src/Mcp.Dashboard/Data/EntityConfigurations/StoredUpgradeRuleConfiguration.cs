using Mcp.Dashboard.Compatibility;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcp.Dashboard.Data.EntityConfigurations;

internal sealed class StoredUpgradeRuleConfiguration : IEntityTypeConfiguration<StoredUpgradeRule>
{
    public void Configure(EntityTypeBuilder<StoredUpgradeRule> rule)
    {
        rule.ToTable("UpgradeRules");
        rule.HasKey(r => r.Id);
        rule.Property(r => r.Id).ValueGeneratedNever();
        rule.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        rule.Property(r => r.From).HasMaxLength(100);
        rule.Property(r => r.To).HasMaxLength(100);
        rule.Property(r => r.Via).HasMaxLength(100);
        rule.Property(r => r.Reason).HasMaxLength(500);
        rule.Property(r => r.UpdatedBy).HasMaxLength(256);
        rule.Property(r => r.Revision).IsConcurrencyToken();
    }
}
