using System.Buffers.Binary;
using System.Data;
using System.Text;
using Npgsql;

namespace Monitor.Warehouse;

/// <summary>
/// Rows for <c>COPY … FROM STDIN (FORMAT BINARY)</c>, encoded here into one buffer and handed to Npgsql's raw COPY
/// stream in large pieces.
/// Why not <see cref="NpgsqlBinaryImporter"/>: its per-value type resolution and bookkeeping (about 70 ns a value) was
/// the largest cost of a load on the .NET side, 4 s of client CPU for the 5.65 million rows of `monitor bench`, and
/// as much again when a full computation writes the 5.2 million rows of its series. Why not
/// the text format, which is simpler to write: PostgreSQL parses it at about 1.4 times the cost of the binary one
/// (dates, integers and the source_lines array), and PostgreSQL is what limits a load (docs/PERFORMANCE.md).
/// The encoding is PostgreSQL's documented COPY BINARY format
/// (https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4) with the send formats of the few types a
/// feed row and a series row have: bool, int4, int8, date, numeric, text and a one-element int4[]. Values are written in the order and types
/// of the COPY's column list; a mismatch is refused by PostgreSQL ("incorrect binary data format"), never stored.
/// </summary>
public sealed class CopyRows : IAsyncDisposable
{
    private const int FlushAt = 1 << 16;
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly int Epoch = new DateOnly(2000, 1, 1).DayNumber;
    private const uint Int4Oid = 23;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlRawCopyStream _stream;
    private byte[] _buffer = new byte[FlushAt * 2];
    private int _length;
    private int _rowStart = -1;
    private short _fields;
    private bool _completed;

    private CopyRows(NpgsqlConnection connection, NpgsqlRawCopyStream stream)
    {
        (_connection, _stream) = (connection, stream);
        Signature.CopyTo(_buffer, 0);
        _length = Signature.Length;
        PutInt32(0);   // flags: no OIDs
        PutInt32(0);   // no header extension
    }

    /// <param name="copySql">A <c>COPY table (columns) FROM STDIN (FORMAT BINARY)</c>.</param>
    public static async Task<CopyRows> BeginAsync(NpgsqlConnection conn, string copySql, CancellationToken ct) =>
        new(conn, await conn.BeginRawBinaryCopyAsync(copySql, ct));

    public void StartRow()
    {
        if (_rowStart >= 0) throw new InvalidOperationException("CopyRows: de vorige rij is niet afgesloten (EndRow).");
        Reserve(2);
        _rowStart = _length;
        _length += 2;   // the field count, filled in by EndRow
        _fields = 0;
    }

    public void Null() => Field(-1);

    public void Write(int value)
    {
        Field(4);
        PutInt32(value);
    }

    public void Write(bool value)
    {
        Field(1);
        Reserve(1);
        _buffer[_length++] = value ? (byte)1 : (byte)0;
    }

    public void Write(long value)
    {
        Field(8);
        Reserve(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    public void Write(DateOnly value)
    {
        Field(4);
        PutInt32(value.DayNumber - Epoch);
    }

    public void Write(string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Reserve(4 + max);
        var n = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 4));
        Field(n);
        _length += n;
    }

    public void Write(decimal value)
    {
        Span<short> digits = stackalloc short[NumericDigits.MaxGroups];
        var numeric = NumericDigits.Of(value, digits);
        Field(8 + 2 * numeric.Count);
        Reserve(8 + 2 * numeric.Count);
        PutInt16((short)numeric.Count);
        PutInt16(numeric.Weight);
        PutInt16(numeric.Negative ? (short)0x4000 : (short)0);
        PutInt16(numeric.Scale);
        foreach (var d in digits[..numeric.Count]) PutInt16(d);
    }

    /// <summary>An int4[] of one element (a row's source line).</summary>
    public void WriteSingletonArray(int value)
    {
        Field(28);
        PutInt32(1);               // dimensions
        PutInt32(0);               // no nulls
        PutInt32((int)Int4Oid);    // element type
        PutInt32(1);               // length of the dimension
        PutInt32(1);               // lower bound
        PutInt32(4);
        PutInt32(value);
    }

    public void EndRow()
    {
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_rowStart), _fields);
        _rowStart = -1;
        if (_length >= FlushAt) Flush();
    }

    /// <summary>Ends the COPY: the rows are in (within the caller's transaction). Without this, disposing cancels it.</summary>
    public async Task CompleteAsync()
    {
        if (_rowStart >= 0) throw new InvalidOperationException("CopyRows: de laatste rij is niet afgesloten (EndRow).");
        PutInt16(-1);   // the trailer
        Flush();
        _completed = true;
        await _stream.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_completed) return;
        _completed = true;
        // Cancelling makes the server fail the COPY ("COPY from stdin failed", query_canceled), so nothing of it stays;
        // the caller's transaction is then aborted (and rolled back to its savepoint, or as a whole).
        try { await _stream.CancelAsync(); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled) { }
        catch (Exception e) when (e is not NpgsqlException && IsBroken)
        {
            // Npgsql's cancel on a connection that is gone can fail in its own way (even a NullReferenceException); say
            // what happened, as a connection loss (DeliveryInterruptedException.IsConnectionLoss).
            throw new NpgsqlException("De verbinding met het magazijn viel weg tijdens COPY.", new IOException(e.Message, e));
        }
        try { await _stream.DisposeAsync(); }
        catch (ObjectDisposedException) { }
    }

    private bool IsBroken => _connection.FullState.HasFlag(ConnectionState.Broken) || _connection.State == ConnectionState.Closed;

    private void Flush()
    {
        // Only whole rows go out: a row cut in two would be fine for PostgreSQL, but EndRow patches its start.
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }

    private void Field(int length)
    {
        _fields++;
        PutInt32(length);
    }

    private void PutInt32(int value)
    {
        Reserve(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    private void PutInt16(short value)
    {
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), value);
        _length += 2;
    }

    private void Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
    }
}
