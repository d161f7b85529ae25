using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace OrleansConsult.OperatorConsole.Identity;

/// <summary>
/// Console accounts, their setup links and the Data Protection keys, mapped onto tables that the
/// schema scripts create (Sql/*/0030_console_identity.sql): no EF migrations, no EnsureCreated.
/// </summary>
public sealed class ConsoleDbContext(DbContextOptions<ConsoleDbContext> options)
    : IdentityUserContext<ConsoleUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ConsoleUser>().ToTable("oc_console_users");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("oc_console_user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("oc_console_user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("oc_console_user_tokens");
        builder.Entity<DataProtectionKey>().ToTable("oc_console_dp_keys");
        builder.Entity<SetupToken>(e =>
        {
            e.ToTable("oc_console_setup_tokens");
            e.HasKey(t => t.Hash);
        });
    }
}
