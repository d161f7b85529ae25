namespace OrleansConsult.OperatorConsole.Board;

/// <summary>The latest quota readings per LINE channel (read-only; the Host reads LINE every few minutes).</summary>
public interface IPushQuotaView
{
    IReadOnlyList<PushQuotaRow> Latest { get; }
}
