namespace Mcp.Dashboard.Domain.Compatibility;

/// <summary>
/// One thing the <see cref="CompatibilityChecker"/> noticed, as a sentence for the person writing the plan,
/// e.g. "2.3.0 -> 2.5.0 skips a required step: upgrade to 2.4.x first (rule: 'Schema v7 needs the 2.4 migrator')."
/// </summary>
/// <param name="Severity">Errors make the upgrade incompatible; warnings and information do not.</param>
/// <param name="Code">What the finding is about, for callers that react to it.</param>
/// <param name="Message">A plain sentence for the person writing the plan.</param>
/// <param name="RuleId">The rule behind the finding, when there is one.</param>
public sealed record CompatibilityFinding(FindingSeverity Severity, CompatibilityFindingCode Code, string Message, Guid? RuleId = null)
{
    public override string ToString() => $"{Severity}: {Message}";
}
