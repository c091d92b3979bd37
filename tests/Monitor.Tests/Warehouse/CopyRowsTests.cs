using System.Globalization;
using Dapper;
using Monitor.Warehouse;
using Monitor.Tests.Support;

namespace Monitor.Tests.Warehouse;

/// <summary>
/// The warehouse's own binary COPY encoding (the loader's and the series writers'), checked by PostgreSQL itself: every value type a feed row has goes in
/// through <see cref="CopyRows"/> and is read back as PostgreSQL's text output, which must be what was meant.
/// </summary>
public sealed class CopyRowsTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    public static readonly TheoryData<string> Decimals = new()
    {
        "0", "0.00", "1", "-1", "1.50", "-0.5", "0.0001", "0.00001", "12345.6789", "10000", "100000000", "9999.9999",
        "-123456789.123456789", "0.0000000000000000000000000001", "79228162514264337593543950335", "-79228162514264337593543950335",
        "7922816251426433759354395033.5", "1234.5", "0.1", "100", "2.000000",
    };

    [Theory]
    [MemberData(nameof(Decimals))]
    public async Task Decimals_ReadBackAsWritten_WithTheirScale(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        await using var conn = await _database.Db.OpenConnectionAsync();
        await conn.ExecuteAsync("CREATE TEMP TABLE t (n numeric)");
        await using (var copy = await CopyRows.BeginAsync(conn, "COPY t (n) FROM STDIN (FORMAT BINARY)", default))
        {
            copy.StartRow();
            copy.Write(value);
            copy.EndRow();
            await copy.CompleteAsync();
        }
        // PostgreSQL prints a numeric with its display scale: the same digits as .NET's invariant form.
        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), await conn.ExecuteScalarAsync<string>("SELECT n::text FROM t"));
    }

    [Fact]
    public async Task EveryType_OverManyRows_ArrivesAsWritten_AndAnUncompletedCopyLeavesNothing()
    {
        await using var conn = await _database.Db.OpenConnectionAsync();
        await conn.ExecuteAsync("CREATE TEMP TABLE t (i int, b bigint, d date, s text, a int[], n numeric, f boolean)");
        var strings = new[] { "", "GM0363", "AZC \"De Haven\"\t(oud)\nregel 2 \\ ë € 日本 🏠", new string('x', 5000) };
        var dates = new[] { new DateOnly(2000, 1, 1), new DateOnly(1999, 12, 31), new DateOnly(2033, 12, 30), new DateOnly(1, 1, 1), new DateOnly(9999, 12, 31) };
        const int rows = 100_000;   // several flushes of the buffer

        await using (var copy = await CopyRows.BeginAsync(conn, "COPY t (i, b, d, s, a, n, f) FROM STDIN (FORMAT BINARY)", default))
        {
            for (var r = 0; r < rows; r++)
            {
                copy.StartRow();
                copy.Write(r % 3 == 0 ? int.MinValue + r : int.MaxValue - r);
                copy.Write(r % 2 == 0 ? (long)r << 33 : -r);
                copy.Write(dates[r % dates.Length]);
                copy.Write(strings[r % strings.Length]);
                copy.WriteSingletonArray(r + 1);
                if (r % 7 == 0) copy.Null(); else copy.Write(r / 100m);
                copy.Write(r % 5 == 0);
                copy.EndRow();
            }
            await copy.CompleteAsync();
        }

        var back = (await conn.QueryAsync<(int I, long B, DateTime D, string S, int[] A, decimal? N, bool F)>("SELECT i, b, d, s, a, n, f FROM t ORDER BY a[1]")).ToList();
        Assert.Equal(rows, back.Count);
        for (var r = 0; r < rows; r++)
        {
            var x = back[r];
            Assert.Equal(r % 3 == 0 ? int.MinValue + r : int.MaxValue - r, x.I);
            Assert.Equal(r % 2 == 0 ? (long)r << 33 : -r, x.B);
            Assert.Equal(dates[r % dates.Length], DateOnly.FromDateTime(x.D));
            Assert.Equal(strings[r % strings.Length], x.S);
            Assert.Equal([r + 1], x.A);
            Assert.Equal(r % 7 == 0 ? null : r / 100m, x.N);
            Assert.Equal(r % 5 == 0, x.F);
        }

        // Disposed without CompleteAsync: the COPY is cancelled, its rows are gone, and the connection works on.
        await conn.ExecuteAsync("BEGIN; SAVEPOINT s");
        await using (var copy = await CopyRows.BeginAsync(conn, "COPY t (i) FROM STDIN (FORMAT BINARY)", default))
        {
            copy.StartRow();
            copy.Write(42);
            copy.EndRow();
        }
        await conn.ExecuteAsync("ROLLBACK TO SAVEPOINT s; COMMIT");
        Assert.Equal(0L, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM t WHERE i = 42"));
        Assert.Equal((long)rows, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM t"));
    }
}
