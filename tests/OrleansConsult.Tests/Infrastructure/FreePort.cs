using System.Net;
using System.Net.Sockets;

namespace OrleansConsult.Tests.Infrastructure;

public static class FreePort
{
    private static readonly HashSet<int> Handed = [];

    /// <summary>A loopback TCP port that nothing listens on and this process has not handed out yet.</summary>
    public static int Next()
    {
        lock (Handed)
        {
            while (true)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
