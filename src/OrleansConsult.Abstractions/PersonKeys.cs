using System.Security.Cryptography;
using System.Text;

namespace OrleansConsult.Abstractions;

/// <summary>
/// How a LINE user is named where a table must find her rows without holding her LINE user id: a
/// hash of her channel and id (40 hex characters). The outbox names recipients by it, the case index
/// consultees, an erasure record the person it erased. LINE user ids are 128-bit random values, so the
/// hash cannot be reversed by trying ids. One function, so a keyed pseudonym can replace it in one place.
/// </summary>
public static class PersonKeys
{
    public static string Of(string channel, string lineUserId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(channel + "\n" + lineUserId)))[..40];
}
