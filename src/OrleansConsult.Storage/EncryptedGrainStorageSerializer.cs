using Orleans.Storage;

namespace OrleansConsult.Storage;

/// <summary>
/// Grain state is personal data (pending messages, notes, consent): every state blob is sealed
/// with AES-GCM before it reaches the database, whatever the grain. Wraps the Orleans serializer.
/// </summary>
public sealed class EncryptedGrainStorageSerializer(IGrainStorageSerializer inner, PayloadProtector protector) : IGrainStorageSerializer
{
    /// <summary>The associated data every state blob is sealed with (see <see cref="SealedRows.GrainState"/>).</summary>
    public const string AssociatedData = "oc-grain-state";

    public BinaryData Serialize<T>(T? input) =>
        new(protector.Seal(inner.Serialize(input).ToMemory().Span, AssociatedData));

    public T? Deserialize<T>(BinaryData input) =>
        inner.Deserialize<T>(new BinaryData(protector.OpenBytes(input.ToMemory().Span, AssociatedData)));
}
