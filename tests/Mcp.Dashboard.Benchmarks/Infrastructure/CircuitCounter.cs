using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Mcp.Dashboard.Benchmarks.Infrastructure;

/// <summary>
/// Counts the host's Blazor circuits, so a benchmark knows its browsers really hold a live
/// circuit each rather than trusting that a page loaded.
/// </summary>
public sealed class CircuitCounter
{
    private int _open;
    private int _connected;

    /// <summary>Circuits created and not yet closed (a disconnected circuit is kept for a while).</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Circuits whose browser connection is up now.</summary>
    public int Connected => Volatile.Read(ref _connected);

    internal void Opened() => Interlocked.Increment(ref _open);

    internal void Closed() => Interlocked.Decrement(ref _open);

    internal void Up() => Interlocked.Increment(ref _connected);

    internal void Down() => Interlocked.Decrement(ref _connected);

    /// <summary>Polls until both counts reach the wanted values.</summary>
    public async Task WaitForAsync(int open, int connected, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (Open != open || Connected != connected)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {open} open / {connected} connected circuits, found {Open} / {Connected} after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(100);
        }
    }
}

/// <summary>Scoped per circuit, as Blazor requires of a <see cref="CircuitHandler"/>; reports to the one counter.</summary>
internal sealed class CountingCircuitHandler(CircuitCounter counter) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Closed();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Up();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Down();
        return Task.CompletedTask;
    }
}
