using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Monitor.Feeds.Formats;

/// <summary>One field of a JSON row: the key as written, its value as text (null for null), and whether the value was
/// an object or array, which a table cell cannot hold.</summary>
internal readonly record struct JsonField(string Key, string? Value, bool Nested);

/// <summary>
/// Walks a JSON delivery (an array of objects, or an object whose "rows" holds that array) one object at a time. The
/// buffer only has to hold one object, so memory stays flat however long the array; lines are counted as bytes are
/// consumed, so each row knows the line its object starts on.
/// </summary>
internal sealed class JsonRowScanner
{
    private const string Truncated = "Het JSON-bestand houdt halverwege op: het einde ontbreekt. Lever het hele bestand opnieuw aan.";

    private enum Phase { Start, InWrapper, InRows, AfterRoot }
    private enum Step { Row, Continue, NeedMore, Finished }

    private readonly Stream _stream;
    private readonly string _file;
    private readonly int _maxDepth;
    private readonly int _maxObjectBytes;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private JsonReaderState _state;
    private long _line = 1; // the line _buffer[_start] is on
    private Phase _phase;
    private bool _wrapped;
    private bool _sawRows;
    private readonly HashSet<string> _wrapperKeys = new(StringComparer.OrdinalIgnoreCase);

    public JsonRowScanner(Stream stream, string file, TableReadOptions options)
    {
        _stream = stream;
        _file = file;
        _maxDepth = options.MaxJsonDepth;
        _maxObjectBytes = Math.Max(options.MaxLineBytes, _buffer.Length);
        _state = new JsonReaderState(new JsonReaderOptions
        {
            MaxDepth = options.MaxJsonDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip,
        });
    }

    /// <summary>Reads the next object into <paramref name="fields"/>; false after the last one.</summary>
    public bool Next(List<JsonField> fields, out long line)
    {
        while (true)
        {
            fields.Clear();
            switch (TryStep(fields, out line))
            {
                case Step.Row: return true;
                case Step.Finished: return false;
                case Step.NeedMore: Fill(); break;
            }
        }
    }

    // One unit of work on the buffered bytes: a token of the wrapper, or a whole row object. When the bytes run out
    // midway, nothing is committed and the unit is tried again after Fill: objects are small, re-reading is cheap.
    private Step TryStep(List<JsonField> fields, out long line)
    {
        line = _line;
        if (_phase == Phase.Start && _start == 0)
        {
            if (_end < 3 && !_eof) return Step.NeedMore;
            if (_buffer.AsSpan(0, _end).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) _start = 3; // Utf8JsonReader refuses a BOM
        }
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
        try
        {
            var step = _phase switch
            {
                Phase.Start => Start(ref reader),
                Phase.InWrapper => InWrapper(ref reader),
                Phase.InRows => InRows(ref reader, fields, out line),
                _ => reader.Read() ? throw Shape(null) : _eof ? Step.Finished : Step.NeedMore,
            };
            if (step == Step.NeedMore) return step;
            var consumed = (int)reader.BytesConsumed;
            _line += _buffer.AsSpan(_start, consumed).Count((byte)'\n');
            _start += consumed;
            _state = reader.CurrentState;
            return step;
        }
        catch (JsonException e)
        {
            // A file cut off mid-value fails on its last bytes; say so, rather than quote the parser.
            if (_eof && IsValidSoFar()) throw Problem(PendingLine(), Truncated);
            var depthExceeded = reader.CurrentDepth >= _maxDepth - 1;
            throw Problem(e.LineNumber + 1 ?? _line, depthExceeded
                ? $"Het JSON-bestand is dieper genest dan {_maxDepth} niveaus; een rij bevat alleen losse waarden."
                : $"Dit is geen geldige JSON ({e.Message.Split(" LineNumber:")[0]})");
        }
    }

    /// <summary>Whether the bytes left are valid JSON that merely stops: read as if more were to come, they never fail.</summary>
    private bool IsValidSoFar()
    {
        var probe = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, _state);
        try
        {
            while (probe.Read()) { }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private Step Start(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) return Step.NeedMore;
        (_phase, _wrapped) = reader.TokenType switch
        {
            JsonTokenType.StartArray => (Phase.InRows, false),
            JsonTokenType.StartObject => (Phase.InWrapper, true),
            _ => throw Shape(1),
        };
        return Step.Continue;
    }

    // Inside {"rows": [...]}: other properties (a title, a date of publication) are skipped.
    private Step InWrapper(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) return Step.NeedMore;
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            if (!_sawRows) throw Shape(null);
            _phase = Phase.AfterRoot;
            return Step.Continue;
        }
        var key = StringValue(ref reader, null);
        var keyLine = LineAt(ref reader);
        var isRows = string.Equals(key, "rows", StringComparison.OrdinalIgnoreCase);
        if (!reader.Read()) return Step.NeedMore;
        // Two "rows" (or two of any key) leave it to the parser which one counts: a delivery must say it once.
        if (!_wrapperKeys.Add(key)) throw DuplicateKey(keyLine, key);
        if (isRows)
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw Shape(LineAt(ref reader));
            (_sawRows, _phase) = (true, Phase.InRows);
            return Step.Continue;
        }
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return Step.Continue;
        var duplicate = JsonDuplicateKeys.Skip(ref reader, out var complete);
        if (!complete)
        {
            _wrapperKeys.Remove(key); // the step is read again once more bytes are in
            return Step.NeedMore;
        }
        if (duplicate is { } d) throw DuplicateKey(LineAt(ref reader, d.Offset), d.Key);
        return Step.Continue;
    }

    private FeedFormatException DuplicateKey(long line, string key) =>
        Problem(line, $"Sleutel '{key}' staat meer dan eens in hetzelfde JSON-object; welke waarde geldt is dan niet te zeggen. Geef elke sleutel één keer.");

    private Step InRows(ref Utf8JsonReader reader, List<JsonField> fields, out long line)
    {
        line = _line;
        if (!reader.Read()) return Step.NeedMore;
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            _phase = _wrapped ? Phase.InWrapper : Phase.AfterRoot;
            return Step.Continue;
        }
        line = LineAt(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Problem(line, "Een element van de lijst is geen object; elke rij moet een object zijn, zoals {\"gemeentecode\": \"GM0363\"}.");
        while (true)
        {
            if (!reader.Read()) return Step.NeedMore;
            if (reader.TokenType == JsonTokenType.EndObject) return Step.Row;
            var key = StringValue(ref reader, null);
            if (!reader.Read()) return Step.NeedMore;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (!reader.TrySkip()) return Step.NeedMore;
                    fields.Add(new JsonField(key, null, Nested: true));
                    break;
                case JsonTokenType.String: fields.Add(new JsonField(key, StringValue(ref reader, key), false)); break;
                case JsonTokenType.Number: fields.Add(new JsonField(key, NumberText(ref reader), false)); break;
                case JsonTokenType.True: fields.Add(new JsonField(key, "true", false)); break;
                case JsonTokenType.False: fields.Add(new JsonField(key, "false", false)); break;
                default: fields.Add(new JsonField(key, null, false)); break;
            }
        }
    }

    /// <summary>
    /// The string token as text. Utf8JsonReader checks the structure, not the text: bytes that are no UTF-8, or an
    /// escape of half a character (\ud800 without its other half), only fail here, and would otherwise end the load as an
    /// error instead of a rejection.
    /// </summary>
    private string StringValue(ref Utf8JsonReader reader, string? key)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new FeedFormatException(new Problem(_file, LineAt(ref reader), key is null ? null : HeaderMatcher.Clean(key),
                (key is null ? "Een sleutel" : $"De waarde van '{key}'") + " is geen geldige tekst: er staan bytes in die geen UTF-8 zijn, " +
                "of een \\u-escape van een half teken (zoals \\ud800 zonder de tweede helft). Sla het bestand op als UTF-8."));
        }
    }

    /// <summary>Invariant, without exponent or trailing zeros: 1e3 → "1000", 363.0 → "363". A number that a decimal
    /// cannot hold exactly (150.0000000000000000000000000001 has 31 digits) stays as written, so the count check sees
    /// its fraction and refuses it instead of a rounded 150.</summary>
    private static string NumberText(ref Utf8JsonReader reader)
    {
        var written = Encoding.UTF8.GetString(reader.ValueSpan);
        if (!reader.TryGetDecimal(out var value)) return written;
        var plain = value.ToString("0.############################", CultureInfo.InvariantCulture);
        return JsonNumbers.SameValue(written, plain) ? plain : written;
    }

    private long LineAt(ref Utf8JsonReader reader) => LineAt(ref reader, reader.TokenStartIndex);

    private long LineAt(ref Utf8JsonReader reader, long offset) => _line + _buffer.AsSpan(_start, (int)offset).Count((byte)'\n');

    private void Fill()
    {
        if (_eof) throw Problem(PendingLine(), Truncated);
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            (_end, _start) = (_end - _start, 0);
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxObjectBytes)
                throw Problem(PendingLine(), $"Op deze regel begint een object dat groter is dan {Sizes.Describe(_maxObjectBytes)}; zo groot is geen rij.");
            Array.Resize(ref _buffer, (int)Math.Min(2L * _buffer.Length, _maxObjectBytes));
        }
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }

    /// <summary>The line of the next token still to be read (separators between objects skipped).</summary>
    private long PendingLine()
    {
        var pending = _buffer.AsSpan(_start, _end - _start);
        var next = pending.IndexOfAnyExcept(" \t\r\n,"u8);
        return _line + pending[..(next < 0 ? pending.Length : next)].Count((byte)'\n');
    }

    private FeedFormatException Shape(long? line) => Problem(line,
        "Het JSON-bestand moet een lijst van objecten zijn ([{...}, {...}]), of een object met die lijst onder \"rows\".");

    private FeedFormatException Problem(long? line, string message) => new(new Problem(_file, line, null, message));
}
