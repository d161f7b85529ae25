using System.Security.Cryptography;
using System.Text;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Tests.Conversation;

/// <summary>Grain-level stand-in for the invitation table, with its rules: hashed codes, one use, expiry, revocation.</summary>
public sealed class MemoryStaffInvitationStore : IStaffInvitationStore
{
    private readonly object _gate = new();
    private readonly List<(StaffInvitation Invitation, string CodeHash, string? UsedBy)> _rows = [];

    public Task AddAsync(StaffInvitation invitation, string code, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _rows.Add((invitation, Hash(code), null));
        }
        return Task.CompletedTask;
    }

    public Task<InvitationUse> ConsumeAsync(string code, string consumer, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var at = _rows.FindIndex(r => r.CodeHash == Hash(code));
            if (at < 0)
            {
                return Task.FromResult(new InvitationUse(InvitationStatus.Unknown));
            }
            var row = _rows[at];
            if (row.Invitation.StatusAt(now) == InvitationStatus.Open)
            {
                var used = row.Invitation with { UsedAt = now };
                _rows[at] = (used, row.CodeHash, Hash(consumer));
                return Task.FromResult(new InvitationUse(InvitationStatus.Open, used));
            }
            return Task.FromResult(row.Invitation.UsedAt is not null && row.UsedBy == Hash(consumer)
                ? new InvitationUse(InvitationStatus.Open, row.Invitation)
                : new InvitationUse(row.Invitation.StatusAt(now), row.Invitation));
        }
    }

    public Task<StaffInvitation?> RevokeByIdAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult(Revoke(r => r.Invitation.Id == id, now));

    public Task<StaffInvitation?> RevokeByCodeAsync(string code, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult(Revoke(r => r.CodeHash == Hash(code), now));

    public Task<int> RevokeOpenForAsync(string ownerId, string staffId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var open = _rows.Where(r => r.Invitation.OwnerId == ownerId && r.Invitation.StaffId == staffId && r.Invitation.StatusAt(now) == InvitationStatus.Open).ToList();
            foreach (var row in open)
            {
                Revoke(r => r.Invitation.Id == row.Invitation.Id, now);
            }
            return Task.FromResult(open.Count);
        }
    }

    public Task<IReadOnlyList<StaffInvitation>> ListAsync(string? ownerId, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StaffInvitation>>(_rows.Select(r => r.Invitation)
                .Where(i => ownerId is null || i.OwnerId == ownerId).OrderByDescending(i => i.CreatedAt).Take(limit).ToList());
        }
    }

    private StaffInvitation? Revoke(Func<(StaffInvitation Invitation, string CodeHash, string? UsedBy), bool> match, DateTimeOffset now)
    {
        lock (_gate)
        {
            var at = _rows.FindIndex(r => match(r));
            if (at < 0)
            {
                return null;
            }
            var row = _rows[at];
            if (row.Invitation.UsedAt is null && row.Invitation.RevokedAt is null)
            {
                _rows[at] = (row.Invitation with { RevokedAt = now }, row.CodeHash, row.UsedBy);
            }
            return _rows[at].Invitation;
        }
    }

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
