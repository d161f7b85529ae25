using System.Collections.Concurrent;

namespace OrleansConsult.Tests.Infrastructure;

/// <summary>
/// Runs async code as a grain activation's scheduler does, without a silo: one turn at a time on one thread,
/// every continuation queued in order. For classes that, like a grain, are not thread-safe (StateWriteQueue).
/// </summary>
public sealed class OneTurnAtATime : SynchronizationContext
{
    /// <summary>A hang guard only (a test that forgets to finish a write), never a timing assert.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _turns = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        try
        {
            _turns.Add((d, state));
        }
        catch (InvalidOperationException)
        {
            // The run has ended: a turn queued after it belongs to nobody.
        }
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException();

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="body"/> and every turn it queues on one thread of its own; completes as the body does.</summary>
    public static Task RunAsync(Func<Task> body)
    {
        var outcome = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            var context = new OneTurnAtATime();
            SetSynchronizationContext(context);
            try
            {
                var task = body();
                Task.WhenAny(task, Task.Delay(HangGuard)).ContinueWith(_ => context._turns.CompleteAdding(), TaskScheduler.Default);
                foreach (var (callback, state) in context._turns.GetConsumingEnumerable())
                {
                    callback(state);
                }
                if (task.IsFaulted)
                {
                    outcome.SetException(task.Exception!.InnerExceptions);
                }
                else if (task.IsCanceled)
                {
                    outcome.SetCanceled();
                }
                else if (task.IsCompleted)
                {
                    outcome.SetResult();
                }
                else
                {
                    outcome.SetException(new TimeoutException($"The body did not finish within {HangGuard}."));
                }
            }
            catch (Exception ex)
            {
                outcome.TrySetException(ex);
            }
        })
        { IsBackground = true, Name = "one turn at a time" };
        thread.Start();
        return outcome.Task;
    }
}
