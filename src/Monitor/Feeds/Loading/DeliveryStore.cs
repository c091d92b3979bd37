using System.Security.Cryptography;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Feeds.Loading;

/// <summary>Keeps every delivery: its raw bytes (chunked), hash, size, source and outcome.</summary>
public sealed class DeliveryStore(NpgsqlDataSource db)
{
    private const int ChunkSize = 1 << 20;

    /// <param name="Reapplies">The feed's earlier accepted delivery with the same bytes, since superseded: this one applies
    /// them again as the newest.</param>
    /// <param name="SupersededBy">The feed's latest accepted delivery when the bytes are reapplied: the one they replace.</param>
    public sealed record Registered(long Id, bool IsDuplicate, long? DuplicateOf, long? Reapplies = null, long? SupersededBy = null);

    public static async Task<(byte[] Sha256, long Size)> HashFileAsync(string path, CancellationToken ct)
    {
        await using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var hash = await SHA256.HashDataAsync(f, ct);
        return (hash, f.Length);
    }

    /// <summary>
    /// Holds one content (kind and bytes) for the caller's whole ingest, across processes. A second arrival of the same
    /// bytes waits, then finds the first accepted (and is recorded as its duplicate) or rejected (and is loaded, and
    /// judged, on its own). So the pending delivery that <see cref="RegisterAsync"/> takes over is always one whose
    /// loader is gone (a crash), never one still loading. A session lock: PostgreSQL releases it when the process dies.
    /// Dispose to release.
    /// </summary>
    public async Task<IAsyncDisposable> LockContentAsync(string kind, byte[] sha256, CancellationToken ct)
    {
        var conn = await db.OpenConnectionAsync(ct);
        try
        {
            // A lock wait lasts as long as the other load does: no command timeout.
            await conn.ExecuteAsync(new CommandDefinition(LockContentSql, new { kind, sha256 }, commandTimeout: 0, cancellationToken: ct));
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
        }
        return new ContentLock(conn, kind, sha256);
    }

    // The two-key form: its key space is separate from the single-key locks (ingest:, delivery:, feed:).
    private const string LockContentSql = "SELECT pg_advisory_lock(hashtext('delivery-content:' || @kind), hashtext(encode(@sha256, 'hex')))";
    private const string UnlockContentSql = "SELECT pg_advisory_unlock(hashtext('delivery-content:' || @kind), hashtext(encode(@sha256, 'hex')))";

    private sealed class ContentLock(NpgsqlConnection conn, string kind, byte[] sha256) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try { await conn.ExecuteAsync(UnlockContentSql, new { kind, sha256 }); }
            catch (NpgsqlException) { /* the session is gone (database restarted), and its lock with it */ }
            try { await conn.DisposeAsync(); }
            catch (NpgsqlException) { /* a broken connection is dropped from the pool either way */ }
        }
    }

    /// <summary>
    /// Records the delivery as pending, unless its bytes are already in force (then it is recorded as a duplicate): they
    /// are the feed's latest accepted delivery, or another feed of the kind accepted them. Bytes this feed accepted
    /// before but has since replaced are not in force: re-delivering the previous file is how a publisher undoes a broken
    /// one, so they are loaded again as the newest (<see cref="Registered.Reapplies"/>). A pending delivery with the same
    /// bytes, left by a crash, is taken over rather than repeated. The bytes follow with <see cref="StorePayloadAsync"/>.
    /// </summary>
    public async Task<Registered> RegisterAsync(string feed, string kind, string source, byte[] sha256, long size,
        string? etag, string? lastModified, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtext('delivery:' || @kind))", new { kind }, tx,
            commandTimeout: 0, cancellationToken: ct));

        var (accepted, reapplies, latest) = await InForceAsync(conn, tx, feed, kind, sha256);
        if (accepted is { } original)
        {
            var dupId = await conn.ExecuteScalarAsync<long>("""
                INSERT INTO monitor.deliveries (feed, kind, source, size_bytes, sha256, outcome, duplicate_of, finished_at, etag, last_modified)
                VALUES (@feed, @kind, @source, @size, @sha256, 'duplicate', @original, now(), @etag, @lastModified) RETURNING id
                """, new { feed, kind, source, size, sha256, original, etag, lastModified }, tx);
            await tx.CommitAsync(ct);
            return new Registered(dupId, true, original);
        }

        var pending = await conn.QuerySingleOrDefaultAsync<long?>(
            "SELECT id FROM monitor.deliveries WHERE kind = @kind AND sha256 = @sha256 AND outcome = 'pending' ORDER BY id LIMIT 1",
            new { kind, sha256 }, tx);
        var id = pending is { } takeOver
            ? await conn.ExecuteScalarAsync<long>("UPDATE monitor.deliveries SET reapplies = @reapplies WHERE id = @takeOver RETURNING id",
                new { takeOver, reapplies }, tx)
            : await conn.ExecuteScalarAsync<long>("""
                INSERT INTO monitor.deliveries (feed, kind, source, size_bytes, sha256, etag, last_modified, reapplies)
                VALUES (@feed, @kind, @source, @size, @sha256, @etag, @lastModified, @reapplies) RETURNING id
                """, new { feed, kind, source, size, sha256, etag, lastModified, reapplies }, tx);
        await tx.CommitAsync(ct);
        return new Registered(id, false, null, reapplies, reapplies is null ? null : latest);
    }

    /// <summary>
    /// Whether these bytes are in force: Accepted is the delivery that holds them (the feed's latest accepted one, or
    /// another feed's). Otherwise Reapplies is this feed's earlier acceptance of them, which Latest has since replaced.
    /// Latest is by fetch time, as the feeds dashboard orders deliveries.
    /// </summary>
    private static async Task<(long? Accepted, long? Reapplies, long? Latest)> InForceAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        string feed, string kind, byte[] sha256)
    {
        var newest = (await conn.QueryAsync<(long Id, bool Same)>("""
            SELECT id, sha256 = @sha256 FROM monitor.deliveries WHERE feed = @feed AND kind = @kind AND outcome = 'accepted'
            ORDER BY fetched_at DESC, id DESC LIMIT 1
            """, new { feed, kind, sha256 }, tx)).ToList();
        long? latest = newest.Count > 0 ? newest[0].Id : null;
        if (newest is [{ Same: true }]) return (latest, null, latest);
        var earlier = (await conn.QueryAsync<(long Id, string Feed)>("""
            SELECT id, feed FROM monitor.deliveries WHERE kind = @kind AND sha256 = @sha256 AND outcome = 'accepted'
            ORDER BY fetched_at DESC, id DESC
            """, new { kind, sha256 }, tx)).ToList();
        if (earlier.FirstOrDefault(e => e.Feed == feed) is { Id: > 0 } own) return (null, own.Id, latest);
        return (earlier.Count > 0 ? earlier[0].Id : null, null, latest);
    }

    /// <summary>
    /// Stores a registered delivery's bytes, replacing whatever a crashed earlier attempt left, in a transaction of its
    /// own: the loader runs this beside the rows' load (the bytes cost PostgreSQL a compression pass, the rows a parse,
    /// and the two use a core each) and waits for it before it records any outcome, so no delivery is ever accepted or
    /// rejected without its bytes. Only the holder of the content lock (<see cref="LockContentAsync"/>) calls this.
    /// </summary>
    public async Task StorePayloadAsync(long id, string path, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync("DELETE FROM monitor.delivery_payloads WHERE delivery_id = @id", new { id }, tx);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        await using (var writer = await conn.BeginBinaryImportAsync(
                         "COPY monitor.delivery_payloads (delivery_id, chunk, data) FROM STDIN (FORMAT BINARY)", ct))
        {
            var buffer = new byte[ChunkSize];
            for (var chunk = 0; ; chunk++)
            {
                var n = await file.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, ct);
                if (n == 0 && chunk > 0) break;
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(id, NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(chunk, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(n == ChunkSize ? buffer : buffer[..n], NpgsqlDbType.Bytea, ct);
                if (n < ChunkSize) break;
            }
            await writer.CompleteAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Streams a stored delivery's bytes back, e.g. to inspect or replay it.</summary>
    public async Task CopyPayloadToAsync(long deliveryId, Stream target, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT data FROM monitor.delivery_payloads WHERE delivery_id = $1 ORDER BY chunk", conn)
            { Parameters = { new() { Value = deliveryId } } };
        await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            await using var s = reader.GetStream(0);
            await s.CopyToAsync(target, ct);
        }
    }
}
