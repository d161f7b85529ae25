namespace OrleansConsult.Line.Outbox;

/// <summary>The names park reasons are stored and typed under (outbox rows, metrics, `outbox release --reason`).</summary>
public static class OutboxParkReasons
{
    public static string Name(this OutboxParkReason reason) => reason switch
    {
        OutboxParkReason.MonthlyLimit => "monthly-limit",
        OutboxParkReason.Rejected => "rejected",
        OutboxParkReason.Invalid => "invalid",
        _ => "gave-up",
    };

    public static OutboxParkReason? Parse(string? name) =>
        Enum.GetValues<OutboxParkReason>().Cast<OutboxParkReason?>().FirstOrDefault(r => r!.Value.Name() == name);
}
