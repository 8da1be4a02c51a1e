namespace Mcp.Dashboard.Live;

/// <summary>
/// Coalesces bursts of change notifications into at most one callback per interval, so ten
/// ticks in a second become one render. The first signal after a quiet interval is delivered
/// at once (a lone sample or a rollback should not wait for a timer); signals that follow
/// within the interval are delivered together when it ends. The last burst is always delivered.
/// </summary>
public sealed class CallbackThrottler(Func<Task> callback, TimeSpan interval, TimeProvider? clock = null) : IDisposable
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private bool _scheduled;
    private bool _disposed;
    private DateTimeOffset _lastRun = DateTimeOffset.MinValue;

    public static TimeSpan DefaultInterval { get; } = TimeSpan.FromMilliseconds(100);

    public void Signal()
    {
        TimeSpan delay;
        lock (_gate)
        {
            if (_scheduled || _disposed)
            {
                return;
            }

            _scheduled = true;
            var sinceLast = _clock.GetUtcNow() - _lastRun;
            delay = sinceLast >= interval ? TimeSpan.Zero : interval - sinceLast;
        }

        _ = RunAfterDelay(delay);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
    }

    private async Task RunAfterDelay(TimeSpan delay)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _clock);
        }
        else
        {
            // Never run the callback on the signalling thread: publishers must not wait for it.
            await Task.Yield();
        }

        lock (_gate)
        {
            _scheduled = false;
            _lastRun = _clock.GetUtcNow();
            if (_disposed)
            {
                return;
            }
        }

        await callback();
    }
}
