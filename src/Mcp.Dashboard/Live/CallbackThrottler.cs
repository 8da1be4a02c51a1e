namespace Mcp.Dashboard.Live;

/// <summary>
/// Coalesces bursts of change notifications into at most one callback per interval, so ten
/// ticks in a second become one render. The last burst is always delivered.
/// </summary>
public sealed class CallbackThrottler(Func<Task> callback, TimeSpan interval, TimeProvider? clock = null) : IDisposable
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private bool _scheduled;
    private bool _disposed;

    public static TimeSpan DefaultInterval { get; } = TimeSpan.FromMilliseconds(100);

    public void Signal()
    {
        lock (_gate)
        {
            if (_scheduled || _disposed)
            {
                return;
            }

            _scheduled = true;
        }

        _ = RunAfterDelay();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
    }

    private async Task RunAfterDelay()
    {
        await Task.Delay(interval, _clock);
        lock (_gate)
        {
            _scheduled = false;
            if (_disposed)
            {
                return;
            }
        }

        await callback();
    }
}
