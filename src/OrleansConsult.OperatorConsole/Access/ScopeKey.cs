namespace OrleansConsult.OperatorConsole.Access;

/// <summary>What a scope check is about: a tenant (自治体) or a nurse pool. Written "toyama" or "pool:hokuriku".</summary>
public readonly record struct ScopeKey(ScopeKind Kind, string Id)
{
    public const string PoolPrefix = "pool:";

    public static ScopeKey Tenant(string id) => new(ScopeKind.Tenant, id);

    public static ScopeKey Pool(string id) => new(ScopeKind.Pool, id);

    public static ScopeKey Parse(string text) =>
        text.StartsWith(PoolPrefix, StringComparison.OrdinalIgnoreCase) ? Pool(text[PoolPrefix.Length..]) : Tenant(text);

    public bool Matches(ScopeKey other) => Kind == other.Kind && string.Equals(Id, other.Id, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Kind == ScopeKind.Pool ? PoolPrefix + Id : Id;
}
