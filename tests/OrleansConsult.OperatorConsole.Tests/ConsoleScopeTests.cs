using OrleansConsult.OperatorConsole.Access;

namespace OrleansConsult.OperatorConsole.Tests;

/// <summary>The pure scope rules, without a Host.</summary>
public sealed class ConsoleScopeTests
{
    private static readonly ScopeKey Toyama = ScopeKey.Tenant("toyama");
    private static readonly ScopeKey Shizuoka = ScopeKey.Tenant("shizuoka-city");
    private static readonly ScopeKey Pool = ScopeKey.Pool("national");

    [Fact]
    public void Each_role_sees_only_its_scope()
    {
        var national = ConsoleScope.Of(ConsoleRole.National, "");
        var tenantAdmin = ConsoleScope.Of(ConsoleRole.TenantAdmin, "toyama");
        var poolSupervisor = ConsoleScope.Of(ConsoleRole.Supervisor, "pool:national");
        var auditor = ConsoleScope.Of(ConsoleRole.Auditor, "");

        Assert.True(national.Allows(Shizuoka) && national.Allows(Pool) && national.Administers(Pool));
        Assert.True(tenantAdmin.Allows(Toyama) && tenantAdmin.Administers(ScopeKey.Tenant("TOYAMA")));
        Assert.False(tenantAdmin.Allows(Shizuoka));
        Assert.False(tenantAdmin.Allows(ScopeKey.Pool("toyama")));
        Assert.True(poolSupervisor.Allows(Pool));
        Assert.False(poolSupervisor.Administers(Pool));
        Assert.False(poolSupervisor.Allows(Toyama));
        Assert.False(auditor.Allows(Toyama) || auditor.Allows(Pool));
        Assert.True(auditor.ReadsAudit && national.ReadsAudit);
        Assert.False(tenantAdmin.ReadsAudit || poolSupervisor.ReadsAudit);
    }

    [Fact]
    public void A_tenant_admin_manages_only_accounts_inside_her_tenants()
    {
        var admin = ConsoleScope.Of(ConsoleRole.TenantAdmin, "toyama,takaoka");
        Assert.True(admin.ManagesAccount(ConsoleScope.Of(ConsoleRole.Supervisor, "toyama")));
        Assert.True(admin.ManagesAccount(ConsoleScope.Of(ConsoleRole.TenantAdmin, "takaoka")));
        Assert.False(admin.ManagesAccount(ConsoleScope.Of(ConsoleRole.TenantAdmin, "toyama,shizuoka-city")));
        Assert.False(admin.ManagesAccount(ConsoleScope.Of(ConsoleRole.National, "")));
        Assert.False(admin.ManagesAccount(ConsoleScope.Of(ConsoleRole.Auditor, "")));
        Assert.False(admin.ManagesAccount(ConsoleScope.Of(ConsoleRole.Supervisor, "pool:national")));
        Assert.False(ConsoleScope.Of(ConsoleRole.Supervisor, "toyama").ManagesAccount(ConsoleScope.Of(ConsoleRole.Supervisor, "toyama")));
    }

    [Theory]
    [InlineData(ConsoleRole.National, "toyama", false)]
    [InlineData(ConsoleRole.National, "", true)]
    [InlineData(ConsoleRole.TenantAdmin, "", false)]
    [InlineData(ConsoleRole.TenantAdmin, "pool:national", false)]
    [InlineData(ConsoleRole.TenantAdmin, "toyama,shizuoka-city", true)]
    [InlineData(ConsoleRole.Supervisor, "toyama,shizuoka-city", false)]
    [InlineData(ConsoleRole.Supervisor, "pool:national", true)]
    [InlineData(ConsoleRole.Auditor, "toyama", false)]
    public void A_scope_must_fit_its_role(ConsoleRole role, string scope, bool fits) =>
        Assert.Equal(fits, ConsoleScope.Of(role, scope).Problem() is null);
}
