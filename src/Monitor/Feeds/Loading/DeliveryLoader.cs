using Monitor.Clock;
using System.Text.Json;
using Dapper;
using Monitor.Diagnostics;
using Monitor.Feeds.Formats;
using Monitor.Feeds.Kinds;
using Monitor.Warehouse;
using Npgsql;

namespace Monitor.Feeds.Loading;

/// <summary>
/// Loads one delivery into the warehouse, all or nothing: raw bytes kept first, then parse → binary COPY into staging →
/// checks across rows → set-based merge, in one transaction. A rejected delivery changes no figure; the same bytes
/// again are a no-op that says so. A kind with a direct load (plekken) first tries the short way for a delivery of
/// snapshot dates its feed never had: rows straight into the fact table, since there is nothing to deduplicate,
/// replace or revise; the first row that needs more rolls that attempt back and the delivery is staged as above.
/// </summary>
/// <param name="clock">Today for the row checks (a peildatum after tomorrow is refused); the system clock by default.
/// The benchmark loads years ahead of the calendar with its own.</param>
public sealed class DeliveryLoader(NpgsqlDataSource db, TimeProvider? clock = null)
{
    public const string NoRows = "De levering bevat geen regels: alleen een kopregel, of een lege lijst. Een lege levering wordt niet " +
                                 "geladen, zodat er geen gegevens verdwijnen; lever het bestand opnieuw aan met de regels erin.";

    public async Task<IngestResult> IngestAsync(IngestRequest request, IProgress<long>? bytesRead = null, CancellationToken ct = default)
    {
        var kind = FeedKinds.Get(request.Kind);
        var phases = new PhaseClock();
        var (sha256, size) = await DeliveryStore.HashFileAsync(request.Path, ct);
        phases.Done("hash");
        var store = new DeliveryStore(db);
        await using var sameBytes = await store.LockContentAsync(kind.Name, sha256, ct);
        var registered = await store.RegisterAsync(request.Feed, kind.Name, request.Source, sha256, size,
            request.ETag, request.LastModified, ct);
        phases.Done("register");
        if (registered.IsDuplicate)
            return new IngestResult(registered.Id, IngestOutcome.Duplicate, 0, 0, [], 0, registered.DuplicateOf);

        var fileName = Path.GetFileName(request.Source.TrimEnd('/')) is { Length: > 0 } n ? n : request.Source;
        // The bytes are stored beside the load, on a connection of their own; every outcome waits for them.
        var payload = store.StorePayloadAsync(registered.Id, request.Path, ct);
        try
        {
            var result = await LoadAsync(request, kind, registered, fileName, payload, bytesRead, phases, ct);
            return result.Outcome == IngestOutcome.Accepted && registered.Reapplies is { } earlier
                ? result with { Reapplies = earlier, SupersededBy = registered.SupersededBy }
                : result;
        }
        catch (NpgsqlException e) when (DeliveryInterruptedException.IsConnectionLoss(e))
        {
            // "Exception while writing to stream" tells nobody what happened to their delivery; this does.
            throw new DeliveryInterruptedException(registered.Id, fileName, e);
        }
        finally
        {
            // Never leave the bytes' COPY running behind a failed load. An outcome was only written after it succeeded, so
            // its failure here adds nothing to the load's own exception (or result).
            try { await payload; } catch (Exception) { }
        }
    }

    private async Task<IngestResult> LoadAsync(IngestRequest request, FeedKind kind, DeliveryStore.Registered registered, string fileName,
        Task bytesStored, IProgress<long>? bytesRead, PhaseClock phases, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // One load per kind at a time: snapshots and replacements of the same kind must not interleave.
        // A lock wait lasts as long as the other load does: no command timeout.
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtext('ingest:' || @kind))", new { kind = kind.Name }, tx,
            commandTimeout: 0, cancellationToken: ct));
        var outcome = await conn.ExecuteScalarAsync<string>("SELECT outcome FROM monitor.deliveries WHERE id = @id FOR NO KEY UPDATE",
            new { id = registered.Id }, tx);
        if (outcome != "pending")
            return new IngestResult(registered.Id, IngestOutcome.Duplicate, 0, 0, [], 0, registered.Id);

        var codes = await GemeenteCodeMap.LoadAsync(conn, tx);
        var readOptions = new TableReadOptions(kind.RequiredColumns.ToList(), request.Columns, request.Sheet);
        // The first delivery under a feed name nobody configured, for a kind that can count twice, is checked against the
        // other feeds' figures before it is accepted; later ones are that feed's own series.
        var checkNewFeed = request.UnconfiguredFeed && kind.NewFeedCheckSql is not null
            && !await conn.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM monitor.deliveries WHERE feed = @feed AND kind = @kind AND outcome = 'accepted')",
                new { feed = request.Feed, kind = kind.Name }, tx);
        if (kind.Direct is { } direct)
        {
            // New snapshot dates only (the daily case): straight into the fact table. The first row that needs the full
            // merge (a date the feed had, a key twice) rolls this attempt back, and the delivery is staged as usual.
            var existing = (await conn.QueryAsync<DateTime>(direct.ExistingBlocksSql, new { feed = request.Feed }, tx))
                .Select(DateOnly.FromDateTime).ToHashSet();
            await conn.ExecuteAsync("SAVEPOINT direct_load", transaction: tx);
            var fast = new RowStager(kind, codes, fileName, Today());
            var (complete, fastFormat) = await ReadAsync(request, fileName, readOptions, bytesRead, fast, conn, direct.CopySql,
                (reader, copy) => fast.LoadDirectAsync(reader, copy, direct.Columns, request.Feed, registered.Id, d => !existing.Contains(d), ct), ct);
            phases.Done("direct");
            // An empty delivery goes the staged way, which refuses it (NoRows).
            if (complete && fast.ProblemCount == 0 && fast.RowsRead > 0 && checkNewFeed && direct.NewFeedCheckSql is { } newFeedCheck)
                await ReportAsync(conn, tx, newFeedCheck, new { feed = request.Feed, delivery = registered.Id },
                    (line, message) => fast.Report(line, null, message), ct);
            if (complete && fast.ProblemCount == 0 && fast.RowsRead > 0)
            {
                await conn.ExecuteAsync(new CommandDefinition(direct.FinishSql,
                    new { feed = request.Feed, delivery = registered.Id, blocks = fast.KeyBlocks.Select(d => d.ToDateTime(TimeOnly.MinValue)).ToArray() },
                    tx, commandTimeout: 0, cancellationToken: ct));
                return await AcceptAsync(conn, tx, kind, registered.Id, fastFormat, fast, fast.RowsStaged, bytesStored, phases, ct);
            }
            if (fast.ProblemCount > 0) return await RejectAsync(tx, registered.Id, fastFormat, fast, bytesStored, ct);
            await conn.ExecuteAsync("ROLLBACK TO SAVEPOINT direct_load", transaction: tx);
        }

        var stager = new RowStager(kind, codes, fileName, Today());
        var table = new StagingTable(kind);
        await conn.ExecuteAsync(table.CreateSql, transaction: tx);
        var (_, format) = await ReadAsync(request, fileName, readOptions, bytesRead, stager, conn, table.CopySql,
            async (reader, copy) => { await stager.StageAsync(reader, copy, ct); return true; }, ct);
        phases.Done("stage");

        // No rows is refused, never loaded as "nothing": a contacten list or a plekken snapshot without rows would read
        // as "every contact, every location is gone", and a header saved without its data is the likelier cause.
        if (stager.ProblemCount == 0 && stager.RowsRead == 0) stager.Report(null, null, NoRows);

        // A delivery in which every key occurs once cannot hold one key twice with different figures.
        if (stager.ProblemCount == 0 && kind.CrossRowCheckSql is { } check && !stager.KeysUnique)
            foreach (var (lines, message) in await conn.QueryAsync<(int[] Lines, string Message)>(
                         new CommandDefinition(check, transaction: tx, commandTimeout: 0, cancellationToken: ct)))
                stager.Report(lines.Length > 0 ? lines[0] : null, null,
                    lines.Length > 1 ? $"{message} (regels {string.Join(", ", lines.Take(10))}{(lines.Length > 10 ? ", …" : "")})" : message);
        if (stager.ProblemCount == 0 && checkNewFeed)
            await ReportAsync(conn, tx, kind.NewFeedCheckSql!, new { feed = request.Feed }, (line, message) => stager.Report(line, null, message), ct);
        phases.Done("check");
        if (stager.ProblemCount > 0) return await RejectAsync(tx, registered.Id, format, stager, bytesStored, ct);

        var warnings = new List<Problem>();
        if (kind.WarningSql is { } warningSql)
            await ReportAsync(conn, tx, warningSql, null, (line, message) => warnings.Add(new Problem(fileName, line, null, message)), ct);

        var changed = await conn.ExecuteScalarAsync<long>(new CommandDefinition(kind.MergeSql,
            new { delivery = registered.Id, feed = request.Feed }, tx, commandTimeout: 0, cancellationToken: ct));
        return await AcceptAsync(conn, tx, kind, registered.Id, format, stager, changed, bytesStored, phases, ct) with { Warnings = warnings };
    }

    /// <summary>Runs a check that returns (lines, message) rows and hands each to <paramref name="report"/>, naming the
    /// first line (and up to ten in the message when there are more).</summary>
    private static async Task ReportAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, object? parameters,
        Action<long?, string> report, CancellationToken ct)
    {
        foreach (var (lines, message) in await conn.QueryAsync<(int[]? Lines, string Message)>(
                     new CommandDefinition(sql, parameters, tx, commandTimeout: 0, cancellationToken: ct)))
        {
            var ls = lines ?? [];
            report(ls.Length > 0 ? ls[0] : null,
                ls.Length > 1 ? $"{message} (regels {string.Join(", ", ls.Take(10))}{(ls.Length > 10 ? ", …" : "")})" : message);
        }
    }

    /// <summary>Opens the delivery as a table and runs <paramref name="load"/> on it with a binary COPY, which is
    /// completed only when the load read everything and found no problem (otherwise disposing it rolls it back).</summary>
    private static async Task<(bool Complete, string? Format)> ReadAsync(IngestRequest request, string fileName, TableReadOptions options,
        IProgress<long>? bytesRead, RowStager stager, NpgsqlConnection conn, string copySql,
        Func<ITableReader, CopyRows, Task<bool>> load, CancellationToken ct)
    {
        string? format = null;
        var complete = false;
        await using var file = new ProgressStream(
            new FileStream(request.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), bytesRead);
        var copy = await CopyRows.BeginAsync(conn, copySql, ct);
        try
        {
            using var reader = TableReaderFactory.Open(file, fileName, options);
            format = reader.Format;
            complete = await load(reader, copy);
            if (complete && stager.ProblemCount == 0) await copy.CompleteAsync();
        }
        catch (FeedFormatException e)
        {
            foreach (var p in e.Problems) stager.Report(p.Line, p.Column, p.Message);
        }
        finally { await copy.DisposeAsync(); }
        return (complete, format);
    }

    private async Task<IngestResult> AcceptAsync(NpgsqlConnection conn, NpgsqlTransaction tx, FeedKind kind, long id, string? format,
        RowStager stager, long changed, Task bytesStored, PhaseClock phases, CancellationToken ct)
    {
        phases.Done("merge");
        foreach (var index in kind.BlockRangeIndexes) await SummarizeAsync(conn, tx, index, ct);
        phases.Done("summarize");
        await bytesStored;
        phases.Done("store");
        await conn.ExecuteAsync("""
            UPDATE monitor.deliveries SET outcome = 'accepted', format = @format, rows_read = @read, rows_loaded = @loaded,
                   finished_at = now() WHERE id = @id
            """, new { id, format, read = stager.RowsRead, loaded = stager.RowsStaged }, tx);
        await tx.CommitAsync(ct);
        phases.Done("commit");
        return new IngestResult(id, IngestOutcome.Accepted, stager.RowsRead, stager.RowsStaged, [], 0) { RowsChanged = changed, Phases = phases.All };
    }

    /// <summary>Summarises the block ranges a load appended (a few pages a day; the whole table after a first load of
    /// years). Only the table's owner may; a loader running as another role leaves it to autovacuum (the index has
    /// autosummarize on), and queries read the unsummarised pages until then.</summary>
    private static async Task SummarizeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string index, CancellationToken ct)
    {
        await conn.ExecuteAsync("SAVEPOINT summarize", transaction: tx);
        try
        {
            await conn.ExecuteAsync(new CommandDefinition("SELECT brin_summarize_new_values(@index::regclass)", new { index }, tx,
                commandTimeout: 0, cancellationToken: ct));
            await conn.ExecuteAsync("RELEASE SAVEPOINT summarize", transaction: tx);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            await conn.ExecuteAsync("ROLLBACK TO SAVEPOINT summarize", transaction: tx);
        }
    }

    private async Task<IngestResult> RejectAsync(NpgsqlTransaction tx, long id, string? format, RowStager stager, Task bytesStored, CancellationToken ct)
    {
        await tx.RollbackAsync(ct);
        await bytesStored;
        await FinishAsync(id, "rejected", format, stager, 0, ct);
        return new IngestResult(id, IngestOutcome.Rejected, stager.RowsRead, 0, stager.Problems, stager.ProblemCount);
    }

    private DateOnly Today() => AmsterdamDate.Today(clock);

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
