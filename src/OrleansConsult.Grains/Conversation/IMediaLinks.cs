using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

/// <summary>The URLs LINE reads stored media from: the Host's own short-lived signed HTTPS URLs, made at each send.</summary>
public interface IMediaLinks
{
    MediaLinks For(MediaRef media);
}
