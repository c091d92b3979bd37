using Dapper;
using Microsoft.Extensions.Logging;
using Monitor.Warehouse;
using Npgsql;

namespace Monitor.Outbox;

public sealed record OutboxRun(int Sent, int Retrying, int Failed, int StillPending);

/// <summary>
/// Sends what the outbox holds. Each message: lock its row (FOR UPDATE SKIP LOCKED, so two senders never take the same
/// one), hand it to the transport, mark it sent, commit. Guarantee: nothing composed is lost (the bytes were committed
/// before sending), and nothing is sent twice except in one window: the relay accepted the message and the process died
/// before the commit. Then the row is still pending and the same bytes, with the same Message-Id, go out once more.
/// SMTP cannot do better; the shared Message-Id lets mail clients drop that duplicate.
/// </summary>
public sealed class OutboxSender(NpgsqlDataSource db, MailTransportFactory transports, OutboxOptions options, ILogger<OutboxSender> log)
{
    private const string NextSql = """
        SELECT id, message_id AS messageid, soort, ontvangers, mime, pogingen FROM monitor.outbox
        WHERE status = 'pending' AND volgende_poging <= @now
        ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
        """;

    public async Task<OutboxRun> SendDueAsync(DateTimeOffset now, CancellationToken ct, string? folder = null)
    {
        await using var transport = transports.Create(folder);
        return await SendDueAsync(transport, now, ct);
    }

    public async Task<OutboxRun> SendDueAsync(IMailTransport transport, DateTimeOffset now, CancellationToken ct)
    {
        int sent = 0, retrying = 0, failed = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var row = await conn.QuerySingleOrDefaultAsync<Row>(NextSql, new { now = now.UtcDateTime }, tx);
            if (row is null) break;
            var m = new OutboxMessage(row.Id, row.MessageId, row.Soort, row.Ontvangers, row.Mime, row.Pogingen);
            try
            {
                var where = await transport.SendAsync(m, ct);
                await conn.ExecuteAsync("""
                    UPDATE monitor.outbox SET status = 'sent', verzonden_op = now(), pogingen = pogingen + 1, bestand = @where, laatste_fout = NULL
                    WHERE id = @Id
                    """, new { m.Id, where }, tx);
                await tx.CommitAsync(ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var attempts = m.Pogingen + 1;
                var giveUp = transport.IsPermanent(e) || attempts >= options.MaxAttempts;
                var error = Secrets.Scrub(e.Message);
                await conn.ExecuteAsync("""
                    UPDATE monitor.outbox SET status = @status, pogingen = @attempts, volgende_poging = @next, laatste_fout = @error WHERE id = @Id
                    """, new { m.Id, status = giveUp ? "failed" : "pending", attempts, next = (now + Backoff(attempts)).UtcDateTime, error }, tx);
                await tx.CommitAsync(CancellationToken.None);
                if (giveUp) failed++; else retrying++;
                log.LogWarning("Bericht {Id} niet verzonden (poging {Attempt}{Final}): {Error}", m.Id, attempts, giveUp ? ", opgegeven" : "", error);
                // A server that is down fails every message the same way: leave the rest for the next run.
                if (!transport.IsMessageSpecific(e)) break;
            }
        }
        var pending = await PendingAsync(ct);
        return new OutboxRun(sent, retrying, failed, pending);
    }

    public async Task<int> PendingAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM monitor.outbox WHERE status = 'pending'");
    }

    /// <summary>1, 2, 4 … minutes, at most 2 hours: a relay that is down for an afternoon is retried a dozen times.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(120, Math.Pow(2, Math.Max(0, attempts - 1))));

    private sealed class Row
    {
        public long Id { get; init; }
        public string MessageId { get; init; } = "";
        public string Soort { get; init; } = "";
        public string[] Ontvangers { get; init; } = [];
        public byte[] Mime { get; init; } = [];
        public int Pogingen { get; init; }
    }
}
