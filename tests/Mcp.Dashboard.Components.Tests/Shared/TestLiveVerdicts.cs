using Mcp.Dashboard.Rollouts;

namespace Mcp.Dashboard.Components.Tests.Shared;

/// <summary>No step is baking in component tests: rollouts show their stored verdict.</summary>
public sealed class TestLiveVerdicts : ILiveVerdicts
{
    public StepVerdict? Latest(Guid rolloutId) => null;
}
