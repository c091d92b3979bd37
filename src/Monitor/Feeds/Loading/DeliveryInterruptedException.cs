using System.Net.Sockets;
using Npgsql;

namespace Monitor.Feeds.Loading;

/// <summary>
/// The connection to the warehouse was lost while a delivery was being loaded (database restarted, network gone).
/// A load is one transaction, so nothing of it is in the warehouse unless its commit got through; the delivery stays
/// 'pending' (with its bytes, unless their own COPY was cut off too: all or nothing), and the same file again (by hand or as the job's retry) takes it over and finishes it, or
/// recognises it as loaded. An <see cref="IOException"/>, so the CLI reports it as a plain error and Hangfire retries the job.
/// </summary>
public sealed class DeliveryInterruptedException(long deliveryId, string fileName, NpgsqlException inner) : IOException(
    $"Het laden van levering {deliveryId} ({fileName}) werd onderbroken: de verbinding met het magazijn viel weg ({inner.Message}). " +
    "Een levering wordt helemaal of helemaal niet geladen, nooit half. Laad hetzelfde bestand opnieuw (een geplande feed doet dat bij " +
    "de volgende poging vanzelf): de onderbroken levering wordt dan overgenomen en afgemaakt, of herkend als al geladen.", inner)
{
    public long DeliveryId { get; } = deliveryId;

    /// <summary>The connection broke or the server ended the session (shut down, restarted, terminated by an operator),
    /// as opposed to an error in the statement itself.</summary>
    public static bool IsConnectionLoss(NpgsqlException e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("57P", StringComparison.Ordinal) || p.SqlState.StartsWith("08", StringComparison.Ordinal),
        _ => e.InnerException is IOException or SocketException or TimeoutException,
    };
}
