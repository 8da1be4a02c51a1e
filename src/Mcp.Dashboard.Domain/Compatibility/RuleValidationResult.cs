using System.Diagnostics.CodeAnalysis;

namespace Mcp.Dashboard.Domain.Compatibility;

/// <summary>
/// The outcome of validating an <see cref="UpgradePathRuleForm"/>: either the rule, or error messages keyed
/// by form field (<c>from</c>, <c>to</c>, <c>via</c>, <c>reason</c>, <c>kind</c>), in the shape ASP.NET Core's
/// validation problem details use.
/// </summary>
public sealed class RuleValidationResult
{
    internal RuleValidationResult(UpgradePathRule? rule, IReadOnlyDictionary<string, string[]> errors)
    {
        Rule = rule;
        Errors = errors;
    }

    [MemberNotNullWhen(true, nameof(Rule))]
    public bool IsValid => Rule is not null;

    public UpgradePathRule? Rule { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
