using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;

namespace OrleansConsult.Host.Media;

/// <summary>The grains' media URLs: signed by <see cref="MediaUrlSigner"/> at each send.</summary>
public sealed class SignedMediaLinks(MediaUrlSigner signer) : IMediaLinks
{
    public MediaLinks For(MediaRef media)
    {
        var id = media.MediaId ?? throw new ArgumentException("Only stored media have links.", nameof(media));
        return new MediaLinks(signer.Sign(id, preview: false), media.HasPreview ? signer.Sign(id, preview: true) : null,
            (int)Math.Max(1, signer.Lifetime.TotalMinutes));
    }
}
