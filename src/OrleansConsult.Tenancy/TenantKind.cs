namespace OrleansConsult.Tenancy;

/// <summary>The implementing bodies named in the program: 都道府県・指定都市・中核市.</summary>
public enum TenantKind { Prefecture, DesignatedCity, CoreCity }
