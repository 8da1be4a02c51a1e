namespace Mcp.Dashboard.Domain.Compatibility;

/// <summary>
/// A release manager's statement about upgrading from one set of versions to another, e.g.
/// "from 2.3.x to &gt;=2.5.0 requires 2.4.x first". A rule matches one upgrade step (a hop)
/// when the hop starts in <see cref="From"/> and ends in <see cref="To"/>.
/// </summary>
/// <remarks>
/// Create rules through <see cref="Allowed"/>, <see cref="RequiresIntermediate"/> and
/// <see cref="Blocked"/> so that each kind carries exactly the data it needs; for text typed into a
/// form, use <see cref="CompatibilityRuleValidation"/>, which explains what is wrong field by field.
/// </remarks>
public sealed record UpgradePathRule
{
    private UpgradePathRule(Guid id, UpgradePathRuleKind kind, VersionRange from, VersionRange to, VersionRange? via, string? reason)
    {
        Id = id;
        Kind = kind;
        From = from;
        To = to;
        Via = via;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    public Guid Id { get; }

    public UpgradePathRuleKind Kind { get; }

    public VersionRange From { get; }

    public VersionRange To { get; }

    /// <summary>The versions one of which must come first; set only for <see cref="UpgradePathRuleKind.RequiresIntermediate"/>.</summary>
    public VersionRange? Via { get; }

    /// <summary>Why the rule exists, shown to people whose plan it affects. Always set for blocked paths.</summary>
    public string? Reason { get; }

    public static UpgradePathRule Allowed(Guid id, VersionRange from, VersionRange to, string? note = null) =>
        new(id, UpgradePathRuleKind.Allowed, from, to, via: null, note);

    public static UpgradePathRule RequiresIntermediate(Guid id, VersionRange from, VersionRange to, VersionRange via, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(via);
        return new(id, UpgradePathRuleKind.RequiresIntermediate, from, to, via, reason);
    }

    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank: a block nobody can explain is not actionable.</exception>
    public static UpgradePathRule Blocked(Guid id, VersionRange from, VersionRange to, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(id, UpgradePathRuleKind.Blocked, from, to, via: null, reason);
    }

    /// <summary>Whether the hop <paramref name="from"/> → <paramref name="to"/> is one this rule talks about.</summary>
    public bool Matches(PlatformVersion from, PlatformVersion to) => From.Contains(from) && To.Contains(to);

    /// <summary>
    /// Whether a matching hop honours a <see cref="UpgradePathRuleKind.RequiresIntermediate"/> rule: it does
    /// when it starts or ends on the intermediate, i.e. it is one of the steps the rule asks for.
    /// </summary>
    internal bool IsSatisfiedBy(PlatformVersion from, PlatformVersion to) =>
        Via is null || Via.Contains(from) || Via.Contains(to);

    /// <summary>How findings refer to the rule: its reason when it has one, otherwise its ranges.</summary>
    internal string Label => Reason ?? $"{From} -> {To}";

    public override string ToString() => Kind switch
    {
        UpgradePathRuleKind.RequiresIntermediate => $"{From} -> {To} requires {Via} first",
        UpgradePathRuleKind.Blocked => $"{From} -> {To} is blocked",
        _ => $"{From} -> {To} is allowed",
    } + (Reason is null ? "" : $" ({Reason})");
}
