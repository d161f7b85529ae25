using Orleans.Runtime;
using OrleansConsult.Grains;

namespace OrleansConsult.Tests;

/// <summary>Test-only grain: proves the configured reminder table keeps and fires reminders across restarts.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task ScheduleAsync(TimeSpan dueTime);
    Task<bool> IsRegisteredAsync();
    Task<int> FiredAsync();
}

[GenerateSerializer]
public sealed class ReminderProbeState
{
    [Id(0)] public int Fired { get; set; }
}

public sealed class ReminderProbeGrain(
    [PersistentState("probe", StorageNames.State)] IPersistentState<ReminderProbeState> state) : Grain, IReminderProbeGrain, IRemindable
{
    private const string Name = "probe";

    public Task ScheduleAsync(TimeSpan dueTime) => this.RegisterOrUpdateReminder(Name, dueTime, TimeSpan.FromMinutes(1));

    public async Task<bool> IsRegisteredAsync() => await this.GetReminder(Name) is not null;

    public Task<int> FiredAsync() => Task.FromResult(state.State.Fired);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Fired++;
        await state.WriteStateAsync();
    }
}
