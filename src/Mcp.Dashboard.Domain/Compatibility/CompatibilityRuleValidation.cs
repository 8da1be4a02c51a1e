using System.Diagnostics;

namespace Mcp.Dashboard.Domain.Compatibility;

/// <summary>
/// Checks an upgrade path rule typed by a release manager and says, per field, what to fix.
/// Beyond syntax it rejects rules that could never fire, because such a rule looks like
/// protection while protecting nothing.
/// </summary>
public static class CompatibilityRuleValidation
{
    public const string KindField = "kind";
    public const string FromField = "from";
    public const string ToField = "to";
    public const string ViaField = "via";
    public const string ReasonField = "reason";

    public const int MaxReasonLength = 500;

    /// <param name="form">What was typed.</param>
    /// <param name="ruleId">The id of the rule being edited; a new id is assigned when null.</param>
    public static RuleValidationResult Validate(UpgradePathRuleForm form, Guid? ruleId = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        if (!Enum.IsDefined(form.Kind))
        {
            Add(errors, KindField, "Choose what the rule does: allowed, requires intermediate or blocked.");
        }

        var from = ReadRange(form.From, FromField, "Enter the versions this rule applies to, e.g. 2.3.x.", errors);
        var to = ReadRange(form.To, ToField, "Enter the target versions, e.g. >=2.5.0.", errors);
        var via = ReadVia(form, errors);

        if (via is not null && to is not null && via.Covers(to))
        {
            Add(errors, ViaField, $"{via} includes every target version in {to}, so any upgrade already lands on it and the rule never applies; narrow one of the ranges.");
        }
        else if (via is not null && from is not null && via.Covers(from))
        {
            Add(errors, ViaField, $"{via} includes every starting version in {from}, so any upgrade already starts on it and the rule never applies; narrow one of the ranges.");
        }

        var reason = form.Reason?.Trim() ?? "";
        if (reason.Length == 0 && form.Kind == UpgradePathRuleKind.Blocked)
        {
            Add(errors, ReasonField, "Say why this path is blocked; people see it when their plan is rejected.");
        }
        else if (reason.Length > MaxReasonLength)
        {
            Add(errors, ReasonField, $"Keep the reason under {MaxReasonLength} characters; it has {reason.Length}.");
        }

        if (errors.Count > 0 || from is null || to is null)
        {
            return new RuleValidationResult(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        var id = ruleId ?? Guid.NewGuid();
        var rule = (form.Kind, via) switch
        {
            (UpgradePathRuleKind.Allowed, _) => UpgradePathRule.Allowed(id, from, to, reason),
            (UpgradePathRuleKind.RequiresIntermediate, { } intermediate) =>
                UpgradePathRule.RequiresIntermediate(id, from, to, intermediate, reason),
            (UpgradePathRuleKind.Blocked, _) => UpgradePathRule.Blocked(id, from, to, reason),
            _ => throw new UnreachableException("Validation lets only complete rules through."),
        };
        return new RuleValidationResult(rule, new Dictionary<string, string[]>(StringComparer.Ordinal));
    }

    private static VersionRange? ReadRange(string? text, string field, string whenMissing, Dictionary<string, List<string>> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(errors, field, whenMissing);
            return null;
        }

        if (!VersionRange.TryParse(text, out var range, out var error))
        {
            Add(errors, field, error);
        }

        return range;
    }

    private static VersionRange? ReadVia(UpgradePathRuleForm form, Dictionary<string, List<string>> errors)
    {
        var isGiven = !string.IsNullOrWhiteSpace(form.Via);
        if (form.Kind != UpgradePathRuleKind.RequiresIntermediate)
        {
            if (isGiven)
            {
                Add(errors, ViaField, "Only rules that require an intermediate version take one; clear this field or change the rule kind.");
            }

            return null;
        }

        return ReadRange(form.Via, ViaField, "Say which version must come first, e.g. 2.4.x.", errors);
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }
}
