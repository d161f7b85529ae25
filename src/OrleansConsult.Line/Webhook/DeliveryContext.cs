namespace OrleansConsult.Line.Webhook;

public sealed record DeliveryContext
{
    public bool IsRedelivery { get; init; }
}
