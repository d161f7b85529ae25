using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace OrleansConsult.OperatorConsole.Records;

/// <summary>
/// A short-lived signed note that this person has just opened this case's transcript with a reason (one audited
/// opening). The reason's POST redirects to the page's GET carrying it, so reloading the page within
/// <see cref="Lifetime"/> shows the same conversation without a second audit row; once it lapses, the reason is asked
/// again and the next opening is audited. It names the case and the person, so it opens nothing else for anyone else.
/// </summary>
public sealed class TranscriptGrants(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private IDataProtector Protector => protection.CreateProtector("console.records.transcript-grant");

    public string Issue(string actor, string caseId)
    {
        var until = (clock.GetUtcNow() + Lifetime).ToUnixTimeMilliseconds();
        return Protector.Protect(string.Join('\n', until.ToString(CultureInfo.InvariantCulture), caseId, actor));
    }

    /// <summary>Does <paramref name="grant"/> still let <paramref name="actor"/> read <paramref name="caseId"/> (signed, unexpired, hers)?</summary>
    public bool Holds(string? grant, string actor, string caseId)
    {
        if (string.IsNullOrEmpty(grant)) return false;
        string payload;
        try
        {
            payload = Protector.Unprotect(grant);
        }
        catch (CryptographicException)
        {
            return false; // tampered, or signed with a key this console does not hold
        }
        var parts = payload.Split('\n', 3);
        return parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var until)
            && clock.GetUtcNow() < DateTimeOffset.FromUnixTimeMilliseconds(until)
            && string.Equals(parts[1], caseId, StringComparison.Ordinal)
            && string.Equals(parts[2], actor, StringComparison.Ordinal);
    }
}
