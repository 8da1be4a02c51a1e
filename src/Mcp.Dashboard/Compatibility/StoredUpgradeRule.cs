using Mcp.Dashboard.Domain.Compatibility;

namespace Mcp.Dashboard.Compatibility;

/// <summary>
/// An upgrade-path rule as stored: the ranges as people typed them (in their canonical form),
/// turned back into the domain's <see cref="UpgradePathRule"/> when checking.
/// </summary>
public sealed class StoredUpgradeRule
{
    public Guid Id { get; set; }

    public UpgradePathRuleKind Kind { get; set; }

    public required string From { get; set; }

    public required string To { get; set; }

    public string? Via { get; set; }

    public string? Reason { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Revision { get; set; }

    public UpgradePathRule ToRule() => CompatibilityRuleValidation.Validate(ToForm(), Id).Rule
        ?? throw new InvalidOperationException($"Stored rule {Id} no longer validates.");

    public UpgradePathRuleForm ToForm() => new() { Kind = Kind, From = From, To = To, Via = Via, Reason = Reason };

    public void Apply(UpgradePathRule rule)
    {
        Kind = rule.Kind;
        From = rule.From.ToString();
        To = rule.To.ToString();
        Via = rule.Via?.ToString();
        Reason = rule.Reason;
    }
}
