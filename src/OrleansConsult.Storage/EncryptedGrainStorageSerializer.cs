using Orleans.Storage;

namespace OrleansConsult.Storage;

/// <summary>
/// Grain state is personal data (pending messages, notes, consent): every state blob is sealed
/// with AES-GCM before it reaches the database, bound to its grain (the associated data
/// <see cref="GrainBoundStorage"/> sets for the call). Wraps the Orleans serializer.
/// </summary>
public sealed class EncryptedGrainStorageSerializer(IGrainStorageSerializer inner, PayloadProtector protector) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) =>
        new(protector.Seal(inner.Serialize(input).ToMemory().Span, Binding()));

    public T? Deserialize<T>(BinaryData input) =>
        inner.Deserialize<T>(new BinaryData(protector.OpenBytes(input.ToMemory().Span, Binding())));

    // Never seal with a context that names no grain: that would let a blob open on any row.
    private static string Binding() => GrainStateBinding.Current
        ?? throw new InvalidOperationException("Grain state is sealed only inside a GrainBoundStorage call.");
}
