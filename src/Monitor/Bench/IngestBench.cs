using System.Diagnostics;
using Dapper;
using Monitor.Feeds;
using Monitor.Feeds.Loading;
using Npgsql;
using Sylvan.Data.Csv;

namespace Monitor.Bench;

/// <summary>
/// Ingest throughput: one plekken CSV through the real loader (hash, raw bytes kept, parse, checks, binary COPY,
/// cross-row checks, merge, lineage) against PostgreSQL's own <c>COPY ... FROM STDIN (FORMAT csv, HEADER)</c> of the
/// same bytes into a bare table with the same columns, in the same run; and the naive baseline, one Dapper INSERT per
/// row.
/// </summary>
public static class IngestBench
{
    private const string BareTable = "public.bench_copy_target";

    private const string BareColumns = """
        peildatum date, opgave text, gemeentecode text, locatiecode text, locatienaam text, status text,
        capaciteit int, bezetting int, beschikbaar_vanaf date, beschikbaar_tot date,
        soort text, duurzaam text
        """;

    public sealed record Run(double MonitorSeconds, double CopySeconds, long Rows, IngestResult Result);

    /// <summary>PostgreSQL's COPY of the file's bytes, untouched, into a fresh bare table (created beforehand, so the
    /// COPY writes WAL like the loader's merge does).</summary>
    public static async Task<(double Seconds, long Rows)> RawCopyAsync(NpgsqlDataSource db, string path, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync($"DROP TABLE IF EXISTS {BareTable}; CREATE TABLE {BareTable} ({BareColumns})");
        var clock = Stopwatch.StartNew();
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            var writer = await conn.BeginTextImportAsync($"COPY {BareTable} FROM STDIN (FORMAT csv, HEADER)", ct);
            // The bytes go to the COPY stream as they are: no decoding and re-encoding on the client's side.
            await file.CopyToAsync(((StreamWriter)writer).BaseStream, 1 << 16, ct);
            await writer.DisposeAsync();
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var rows = await conn.ExecuteScalarAsync<long>($"SELECT count(*) FROM {BareTable}");
        await conn.ExecuteAsync($"DROP TABLE {BareTable}");
        return (seconds, rows);
    }

    public static async Task<(double Seconds, IngestResult Result)> MonitorIngestAsync(NpgsqlDataSource db, TimeProvider clock, BenchFile file,
        CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var result = await new DeliveryLoader(db, clock).IngestAsync(new IngestRequest(file.Path, file.Kind, file.Feed, file.Path), null, ct);
        var seconds = watch.Elapsed.TotalSeconds;
        if (result.Outcome != IngestOutcome.Accepted)
            throw new InvalidOperationException($"Bench-levering {file.Path} niet geaccepteerd: {result.Outcome} {string.Join("; ", result.Problems.Take(5))}");
        return (seconds, result);
    }

    /// <summary>Takes a plekken delivery out again (rows, snapshots, raw bytes, the delivery), so the next repetition
    /// loads the same bytes as new. Only for the bench's own database, where this feed is the only plekken feed.</summary>
    public static async Task UndoPlekkenAsync(NpgsqlDataSource db, long deliveryId)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            TRUNCATE monitor.plekken, monitor.plekken_snapshots;
            DELETE FROM monitor.fact_revisions WHERE new_delivery_id = @id;
            DELETE FROM monitor.delivery_payloads WHERE delivery_id = @id;
            DELETE FROM monitor.deliveries WHERE id = @id;
            """, new { id = deliveryId });
        await conn.ExecuteAsync("VACUUM ANALYZE monitor.plekken");
    }

    /// <summary>
    /// The first <paramref name="sample"/> rows of the file, inserted one by one with Dapper (one autocommitted INSERT
    /// each, as a naive loader does) into the bare table. Returns rows/s over the sample.
    /// </summary>
    public static async Task<(double RowsPerSecond, long Rows)> NaiveAsync(NpgsqlDataSource db, string path, int sample, CancellationToken ct)
    {
        var rows = new List<BareRow>(sample);
        using (var csv = CsvDataReader.Create(path))
            while (rows.Count < sample && await csv.ReadAsync(ct))
                rows.Add(new BareRow(Date(csv.GetString(0)), csv.GetString(1), csv.GetString(2), csv.GetString(3),
                    Nullable(csv.GetString(4)), csv.GetString(5), int.Parse(csv.GetString(6)), NullableInt(csv.GetString(7)),
                    NullableDate(csv.GetString(8)), NullableDate(csv.GetString(9))));
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync($"DROP TABLE IF EXISTS {BareTable}; CREATE TABLE {BareTable} ({BareColumns})");
        var clock = Stopwatch.StartNew();
        foreach (var r in rows)
            await conn.ExecuteAsync($"""
                INSERT INTO {BareTable} (peildatum, opgave, gemeentecode, locatiecode, locatienaam, status, capaciteit, bezetting,
                                         beschikbaar_vanaf, beschikbaar_tot)
                VALUES (@Peildatum, @Opgave, @Gemeentecode, @Locatiecode, @Locatienaam, @Status, @Capaciteit, @Bezetting,
                        @BeschikbaarVanaf, @BeschikbaarTot)
                """, r);
        var seconds = clock.Elapsed.TotalSeconds;
        await conn.ExecuteAsync($"DROP TABLE {BareTable}");
        return (rows.Count / seconds, rows.Count);
    }

    // DateTime, not DateOnly: what Dapper passes to Npgsql as a date parameter.
    private sealed record BareRow(DateTime Peildatum, string Opgave, string Gemeentecode, string Locatiecode, string? Locatienaam,
        string Status, int Capaciteit, int? Bezetting, DateTime? BeschikbaarVanaf, DateTime? BeschikbaarTot);

    private static string? Nullable(string s) => s.Length == 0 ? null : s;
    private static int? NullableInt(string s) => s.Length == 0 ? null : int.Parse(s);
    private static DateTime Date(string s) => DateTime.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static DateTime? NullableDate(string s) => s.Length == 0 ? null : Date(s);
}
