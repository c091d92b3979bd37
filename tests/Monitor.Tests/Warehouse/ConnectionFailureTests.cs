using Monitor.Warehouse;
using Npgsql;

namespace Monitor.Tests.Warehouse;

public sealed class ConnectionFailureTests
{
    private const string Local = "Host=127.0.0.1;Port=38127;Database=monitor;Username=monitor";

    private static PostgresException MissingDatabase() =>
        new("database \"monitor\" does not exist", "FATAL", "FATAL", PostgresErrorCodes.InvalidCatalogName);

    [Fact]
    public void MissingDatabase_InTheEmbeddedCluster_SaysHowToGetItBack()
    {
        // A running embedded cluster is not asked again whether its database exists (LocalCluster.EnsureRunning): when it
        // is gone all the same, the message says how to have it made again.
        var why = ConnectionFailure.Describe(MissingDatabase(), Local, ConnectionFailure.Embedded);

        Assert.Equal("Database 'monitor' ontbreekt in de ingebouwde PostgreSQL (.monitor/pg, 127.0.0.1:38127). " +
                     "Stop die met './monitor db stop'; de volgende opdracht start hem weer en maakt de database leeg opnieuw aan. " +
                     "Laad daarna de gegevens opnieuw (de voorbeelden: './monitor demo').", why);
    }

    [Fact]
    public void MissingDatabase_OnAConfiguredServer_NamesTheSetting()
    {
        var why = ConnectionFailure.Describe(MissingDatabase(), Local, "MONITOR_DB");

        Assert.Equal("Database 'monitor' bestaat niet op 127.0.0.1:38127. Controleer Database in MONITOR_DB, of maak de database aan.", why);
    }
}
