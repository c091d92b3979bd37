using System.Text.Json;
using Dapper;
using Monitor.Feeds.Formats;
using Monitor.Feeds.Kinds;
using Npgsql;

namespace Monitor.Feeds.Loading;

/// <summary>
/// Loads one delivery into the warehouse, all or nothing: raw bytes kept first, then parse → binary COPY into staging →
/// checks across rows → set-based merge, in one transaction. A rejected delivery changes no figure; the same bytes
/// again are a no-op that says so.
/// </summary>
public sealed class DeliveryLoader(NpgsqlDataSource db)
{
    public const string NoRows = "De levering bevat geen regels: alleen een kopregel, of een lege lijst. Een lege levering wordt niet " +
                                 "geladen, zodat er geen gegevens verdwijnen; lever het bestand opnieuw aan met de regels erin.";

    public async Task<IngestResult> IngestAsync(IngestRequest request, IProgress<long>? bytesRead = null, CancellationToken ct = default)
    {
        var kind = FeedKinds.Get(request.Kind);
        var (sha256, size) = await DeliveryStore.HashFileAsync(request.Path, ct);
        var store = new DeliveryStore(db);
        await using var sameBytes = await store.LockContentAsync(kind.Name, sha256, ct);
        var registered = await store.RegisterAsync(request.Feed, kind.Name, request.Source, request.Path, sha256, size,
            request.ETag, request.LastModified, ct);
        if (registered.IsDuplicate)
            return new IngestResult(registered.Id, IngestOutcome.Duplicate, 0, 0, [], 0, registered.DuplicateOf);

        var fileName = Path.GetFileName(request.Source.TrimEnd('/')) is { Length: > 0 } n ? n : request.Source;
        try { return await LoadAsync(request, kind, registered, fileName, bytesRead, ct); }
        catch (NpgsqlException e) when (DeliveryInterruptedException.IsConnectionLoss(e))
        {
            // "Exception while writing to stream" tells nobody what happened to their delivery; this does.
            throw new DeliveryInterruptedException(registered.Id, fileName, e);
        }
    }

    private async Task<IngestResult> LoadAsync(IngestRequest request, FeedKind kind, DeliveryStore.Registered registered, string fileName,
        IProgress<long>? bytesRead, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // One load per kind at a time: snapshots and replacements of the same kind must not interleave.
        // A lock wait lasts as long as the other load does: no command timeout.
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtext('ingest:' || @kind))", new { kind = kind.Name }, tx,
            commandTimeout: 0, cancellationToken: ct));
        var outcome = await conn.ExecuteScalarAsync<string>("SELECT outcome FROM monitor.deliveries WHERE id = @id FOR UPDATE",
            new { id = registered.Id }, tx);
        if (outcome != "pending")
            return new IngestResult(registered.Id, IngestOutcome.Duplicate, 0, 0, [], 0, registered.Id);

        var codes = await GemeenteCodeMap.LoadAsync(conn, tx);
        var stager = new RowStager(kind, codes, fileName);
        var table = new StagingTable(kind);
        await conn.ExecuteAsync(table.CreateSql, transaction: tx);
        string? format = null;
        await using (var file = new ProgressStream(File.OpenRead(request.Path), bytesRead))
        {
            var copy = await conn.BeginBinaryImportAsync(table.CopySql, ct);
            try
            {
                using var reader = TableReaderFactory.Open(file, fileName,
                    new TableReadOptions(kind.RequiredColumns.ToList(), request.Columns, request.Sheet));
                format = reader.Format;
                await stager.StageAsync(reader, copy, ct);
                if (stager.ProblemCount == 0) await copy.CompleteAsync(ct);
            }
            catch (FeedFormatException e)
            {
                foreach (var p in e.Problems) stager.Report(p.Line, p.Column, p.Message);
            }
            finally { await copy.DisposeAsync(); }
        }

        // No rows is refused, never loaded as "nothing": a contacten list or a plekken snapshot without rows would read
        // as "every contact, every location is gone", and a header saved without its data is the likelier cause.
        if (stager.ProblemCount == 0 && stager.RowsRead == 0) stager.Report(null, null, NoRows);

        if (stager.ProblemCount == 0 && kind.CrossRowCheckSql is { } check)
            foreach (var (lines, message) in await conn.QueryAsync<(int[] Lines, string Message)>(check, transaction: tx))
                stager.Report(lines.Length > 0 ? lines[0] : null, null,
                    lines.Length > 1 ? $"{message} (regels {string.Join(", ", lines.Take(10))}{(lines.Length > 10 ? ", …" : "")})" : message);

        if (stager.ProblemCount > 0)
        {
            await tx.RollbackAsync(ct);
            await FinishAsync(registered.Id, "rejected", format, stager, 0, ct);
            return new IngestResult(registered.Id, IngestOutcome.Rejected, stager.RowsRead, 0, stager.Problems, stager.ProblemCount);
        }

        var changed = await conn.ExecuteScalarAsync<long>(new CommandDefinition(kind.MergeSql,
            new { delivery = registered.Id, feed = request.Feed }, tx, commandTimeout: 0, cancellationToken: ct));
        await conn.ExecuteAsync("""
            UPDATE monitor.deliveries SET outcome = 'accepted', format = @format, rows_read = @read, rows_loaded = @loaded,
                   finished_at = now() WHERE id = @id
            """, new { id = registered.Id, format, read = stager.RowsRead, loaded = stager.RowsStaged }, tx);
        await tx.CommitAsync(ct);
        return new IngestResult(registered.Id, IngestOutcome.Accepted, stager.RowsRead, stager.RowsStaged, [], 0) { RowsChanged = changed };
    }

    private async Task FinishAsync(long id, string outcome, string? format, RowStager stager, long loaded, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync("""
            UPDATE monitor.deliveries SET outcome = @outcome, format = @format, rows_read = @read, rows_loaded = @loaded,
                   problem_count = @count, problems = @problems::jsonb, finished_at = now() WHERE id = @id
            """, new
        {
            id, outcome, format, read = stager.RowsRead, loaded, count = stager.ProblemCount,
            problems = JsonSerializer.Serialize(stager.Problems.Select(p => new { file = p.File, line = p.Line, column = p.Column, message = p.Message })),
        });
    }
}
