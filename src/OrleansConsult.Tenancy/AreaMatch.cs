namespace OrleansConsult.Tenancy;

/// <summary>The tenant for a typed area name, or up to three to offer when unsure.</summary>
public sealed record AreaMatch(TenantSettings? Tenant, IReadOnlyList<TenantSettings> Suggestions)
{
    public bool Found => Tenant is not null;
}
