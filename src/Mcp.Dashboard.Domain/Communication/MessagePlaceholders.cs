namespace Mcp.Dashboard.Domain.Communication;

/// <summary>A word a template may use in braces, what it stands for, and a value for previews and test sends.</summary>
public sealed record MessagePlaceholder(string Name, string Description, string Sample);

/// <summary>
/// The placeholders a message template may use. A template names them in braces, e.g.
/// <c>{plan}</c>; any other word in braces is an error when the plan is saved, so a typo never
/// reaches an audience as a literal <c>{pln}</c>.
/// </summary>
public static class MessagePlaceholders
{
    public const string Plan = "plan";
    public const string Environment = "environment";
    public const string Services = "services";
    public const string FromVersion = "from_version";
    public const string ToVersion = "to_version";
    public const string WindowStart = "window_start";
    public const string WindowEnd = "window_end";
    public const string State = "state";
    public const string Weight = "weight";
    public const string Step = "step";
    public const string Reason = "reason";
    public const string StatusUrl = "status_url";
    public const string RolloutUrl = "rollout_url";

    public static IReadOnlyList<MessagePlaceholder> All { get; } =
    [
        new(Plan, "The plan's name", "User service 2.3.0 -> 2.5.0"),
        new(Environment, "The environment", "production"),
        new(Services, "The services that change, comma separated", "user-service"),
        new(FromVersion, "The version before", "2.3.0"),
        new(ToVersion, "The version after", "2.5.0"),
        new(WindowStart, "When the window opens, in its time zone", "2026-02-01 18:00 (Asia/Shanghai)"),
        new(WindowEnd, "When the window closes, in its time zone", "2026-02-01 20:00 (Asia/Shanghai)"),
        new(State, "The rollout's state in words", "running"),
        new(Weight, "Traffic on the new version, in percent", "10"),
        new(Step, "The step, e.g. 2 of 4", "2 of 4"),
        new(Reason, "Why it paused or rolled back", "error rate above the limit"),
        new(StatusUrl, "The public status page", "https://dashboard.example.com/status"),
        new(RolloutUrl, "The rollout's page in the dashboard", "https://dashboard.example.com/rollouts/3f2a"),
    ];

    private static readonly HashSet<string> Names = All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public static bool IsKnown(string name) => Names.Contains(name);

    /// <summary>Sample values for every placeholder: what a preview and a test send show.</summary>
    public static IReadOnlyDictionary<string, string> Samples { get; } = All.ToDictionary(p => p.Name, p => p.Sample, StringComparer.Ordinal);
}
