using System.Net.Sockets;
using Npgsql;

namespace Monitor.Warehouse;

/// <summary>
/// Says in Dutch why the warehouse could not be reached, naming host, port, database and user (never the password) and
/// the setting to check. Npgsql's own words ("Failed to connect to 127.0.0.1:1", "Name or service not known" without
/// the host, "28P01: password authentication failed") leave a person to guess which of their settings is wrong.
/// </summary>
public static class ConnectionFailure
{
    /// <summary>The Dutch explanation, or null when <paramref name="e"/> is not a failure to connect.</summary>
    public static string? Describe(Exception e, string connectionString, string setting)
    {
        // Nothing to describe is answered before the connection string is read: it may be the thing that is wrong.
        var pg = Find<PostgresException>(e);
        var socket = Find<SocketException>(e);
        var timedOut = Find<TimeoutException>(e) is not null || e is NpgsqlException { InnerException: TimeoutException };
        if (pg is null && socket is null && !timedOut) return null;
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var where = $"{b.Host}:{b.Port}";
        if (pg is not null)
            return pg.SqlState switch
            {
                PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
                    $"PostgreSQL op {where} weigert gebruiker '{b.Username}': gebruikersnaam of wachtwoord klopt niet. Controleer Username en Password in {setting}.",
                PostgresErrorCodes.InvalidCatalogName when setting == Embedded =>
                    $"Database '{b.Database}' ontbreekt in de ingebouwde PostgreSQL ({WarehouseLocation.EmbeddedFolder}, {where}). " +
                    "Stop die met './monitor db stop'; de volgende opdracht start hem weer en maakt de database leeg opnieuw aan. " +
                    "Laad daarna de gegevens opnieuw (de voorbeelden: './monitor demo').",
                PostgresErrorCodes.InvalidCatalogName =>
                    $"Database '{b.Database}' bestaat niet op {where}. Controleer Database in {setting}, of maak de database aan.",
                PostgresErrorCodes.CannotConnectNow =>
                    $"PostgreSQL op {where} start nog op of sluit af; probeer het zo nog eens.",
                PostgresErrorCodes.TooManyConnections =>
                    $"PostgreSQL op {where} heeft geen verbindingen meer vrij (max_connections); probeer het later of verhoog die grens.",
                _ => null,
            };
        if (socket is not null)
            return socket.SocketErrorCode switch
            {
                SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData =>
                    $"Databaseserver '{b.Host}' is onbekend (de naam bestaat niet of DNS antwoordt niet). Controleer Host in {setting}.",
                SocketError.ConnectionRefused =>
                    $"Geen PostgreSQL bereikbaar op {where} (verbinding geweigerd). Draait de server, en kloppen Host en Port in {setting}?",
                SocketError.TimedOut =>
                    $"PostgreSQL op {where} antwoordt niet (time-out). Is de server bereikbaar vanaf deze machine? Controleer Host en Port in {setting}.",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable =>
                    $"Het netwerk naar {where} is niet bereikbaar. Controleer Host in {setting} en de netwerkverbinding.",
                _ => $"Verbinden met PostgreSQL op {where} mislukt ({socket.SocketErrorCode}). Controleer Host en Port in {setting}.",
            };
        if (timedOut)
            return $"PostgreSQL op {where} antwoordt niet binnen {b.Timeout} s. Is de server bereikbaar? Controleer Host en Port in {setting}.";
        return null;
    }

    /// <summary>Which setting gave the connection, in the words a person would look for (same order as
    /// <see cref="WarehouseLocation.Resolve"/>).</summary>
    public static string SettingName(Microsoft.Extensions.Configuration.IConfiguration config) =>
        WarehouseLocation.RawFromEnvironment() is not null ? WarehouseLocation.EnvironmentVariable
        : !string.IsNullOrWhiteSpace(Microsoft.Extensions.Configuration.ConfigurationExtensions.GetConnectionString(config, "Warehouse"))
            ? "ConnectionStrings:Warehouse (monitor.json of MONITOR_ConnectionStrings__Warehouse)"
        : WarehouseSettings.ConnectionString(config) is not null ? "de sectie Warehouse (Warehouse:Host, Port, Database, Username, Password)"
        : Embedded;

    internal static readonly string Embedded = $"de ingebouwde PostgreSQL ({WarehouseLocation.EmbeddedFolder}; stel MONITOR_DB in voor een andere server)";

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T t) return t;
        return null;
    }
}
