namespace Mcp.Dashboard.Components.Tests.Shared;

/// <summary>A clock the test sets; timers still fire in real time, so a component that re-renders on a tick reads the time the test chose.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
