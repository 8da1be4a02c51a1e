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

    // True from the first signal until the callback that covers every signal so far has ended:
    // callbacks never overlap, so a slow one cannot be overtaken by the next with newer state.
    private bool _running;
    private bool _signalled;
    private bool _disposed;
    private DateTimeOffset _lastRun = DateTimeOffset.MinValue;

    public static TimeSpan DefaultInterval { get; } = TimeSpan.FromMilliseconds(100);

    public void Signal()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _signalled = true;
            if (_running)
            {
                return;
            }

            _running = true;
        }

        _ = RunAsync();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
    }

    private async Task RunAsync()
    {
        while (true)
        {
            TimeSpan delay;
            lock (_gate)
            {
                var sinceLast = _clock.GetUtcNow() - _lastRun;
                delay = sinceLast >= interval ? TimeSpan.Zero : interval - sinceLast;
            }

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
                if (_disposed)
                {
                    _running = false;
                    return;
                }

                _signalled = false;
                _lastRun = _clock.GetUtcNow();
            }

            var again = false;
            try
            {
                await callback();
            }
            finally
            {
                lock (_gate)
                {
                    // Signals that came in while the callback ran get one more run, after the
                    // interval, by this same loop (a new Signal only starts a loop when none runs).
                    again = _signalled && !_disposed;
                    _running = again;
                }
            }

            if (!again)
            {
                return;
            }
        }
    }
}
