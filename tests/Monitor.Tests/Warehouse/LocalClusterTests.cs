using System.Net;
using System.Net.Sockets;
using Monitor.Warehouse;
using Npgsql;

namespace Monitor.Tests.Warehouse;

public sealed class LocalClusterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"monitor-cluster-{Guid.NewGuid():N}");

    [Fact]
    public void APortTakenBetweenChoosingAndBinding_IsReplacedByAnother()
    {
        // Somebody else listens on the first port handed out, as when another process takes a released free port.
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var handedOut = new List<int>();
        var cluster = new LocalCluster(Path.Combine(_folder, "pg"), fastAndUnsafe: true, choosePort: () =>
        {
            handedOut.Add(handedOut.Count == 0 ? taken : LocalCluster.FreeLoopbackPort());
            return handedOut[^1];
        });
        try
        {
            var cs = new NpgsqlConnectionStringBuilder(cluster.EnsureRunning());

            Assert.Equal(2, handedOut.Count);
            Assert.Equal(handedOut[1], cs.Port);
            using var conn = new NpgsqlConnection(cs.ConnectionString);
            conn.Open();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            cluster.Stop();
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
