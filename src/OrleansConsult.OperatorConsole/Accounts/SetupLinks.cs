using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OrleansConsult.OperatorConsole.Identity;

namespace OrleansConsult.OperatorConsole.Accounts;

/// <summary>
/// One-time setup links: a random token in the link, only its SHA-256 in the database, valid for
/// <see cref="Lifetime"/>, used once. Issuing a new one for a person voids her older ones.
/// </summary>
public sealed class SetupLinks(ConsoleDbContext db, ConsoleLinks links, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    public async Task<string> IssueAsync(ConsoleUser user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        foreach (var old in await db.SetupTokens.Where(t => t.UserId == user.Id && t.UsedAt == null).ToListAsync(cancellationToken))
        {
            old.UsedAt = now;
        }
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        db.SetupTokens.Add(new SetupToken { Hash = HashOf(token), UserId = user.Id, ExpiresAt = now + Lifetime });
        await db.SaveChangesAsync(cancellationToken);
        return links.SetupLink(token);
    }

    /// <summary>The person a valid, unused, unexpired token belongs to; null otherwise.</summary>
    public async Task<ConsoleUser?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        var found = await Valid(token, cancellationToken);
        return found is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == found.UserId && u.Active, cancellationToken);
    }

    /// <summary>Marks the token used; false when it was not valid (any more).</summary>
    public async Task<bool> ConsumeAsync(string token, CancellationToken cancellationToken = default)
    {
        var found = await Valid(token, cancellationToken);
        if (found is null)
        {
            return false;
        }
        found.UsedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<SetupToken?> Valid(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }
        var hash = HashOf(token);
        var found = await db.SetupTokens.SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        return found is { UsedAt: null } && found.ExpiresAt > clock.GetUtcNow() ? found : null;
    }

    private static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
