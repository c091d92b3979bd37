using Monitor.Analysis;
using Npgsql;

namespace Monitor.Compute;

/// <summary>A row a full run writes: 'i' new, 'u' changed (revised when a figure changed, not only its level), 'd' gone.</summary>
internal readonly record struct SeriesChange(string Op, bool Revised, SeriesRow? Row, string Gebiedcode, Opgave Opgave, DateOnly Datum, StoredSeriesRow Old);

/// <summary>A stored row of one area, by (opgave, day); levels and methods as positions, the percentage in hundredths.</summary>
internal struct StoredSeriesRow
{
    public bool Present, Seen;
    public int Level, Gerealiseerd;
    public int? OpgaveAantal, Gap, Tekort, PctHundredths, Duurzaam, PrognoseLaag, PrognoseMidden, PrognoseHoog, Methode;
    public DateOnly? Deadline;
    public long RunId;
}

/// <summary>The stored rows of one area in slots by (opgave, day), compared with the computed ones.</summary>
internal sealed class SeriesAreaDiff(DateOnly from, DateOnly to)
{
    private readonly int _days = to.DayNumber - from.DayNumber + 1;
    private readonly StoredSeriesRow[] _slots = new StoredSeriesRow[4 * (to.DayNumber - from.DayNumber + 1)];
    private readonly List<(Opgave Opgave, DateOnly Datum, StoredSeriesRow Old)> _outside = [];

    public async Task ReadStoredAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        Array.Clear(_slots);
        _outside.Clear();
        while (await reader.ReadAsync(ct))
        {
            var stored = new StoredSeriesRow
            {
                Present = true, Level = reader.IsDBNull(0) ? 0 : reader.GetInt32(0), OpgaveAantal = Int(reader, 3),
                Gerealiseerd = reader.GetInt32(4), Gap = Int(reader, 5), Tekort = Int(reader, 6),
                PctHundredths = Int(reader, 7), Duurzaam = Int(reader, 8),
                Deadline = reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9), PrognoseLaag = Int(reader, 10),
                PrognoseMidden = Int(reader, 11), PrognoseHoog = Int(reader, 12), Methode = Int(reader, 13), RunId = reader.GetInt64(14),
            };
            var opgave = AnalysisCodes.ParseOpgave(reader.GetString(1));
            var datum = reader.GetFieldValue<DateOnly>(2);
            if (Slot(opgave, datum) is { } slot) _slots[slot] = stored;
            else _outside.Add((opgave, datum, stored));
        }
    }

    /// <summary>Adds the area's differences to <paramref name="changes"/>; returns the number of computed rows.</summary>
    public long Compare(Area area, IEnumerable<SeriesRow> rows, List<SeriesChange> changes)
    {
        long n = 0;
        foreach (var r in rows)
        {
            n++;
            if (Slot(r.Opgave, r.Datum) is not { } slot) { changes.Add(new("i", false, r, area.Code, r.Opgave, r.Datum, default)); continue; }
            ref var old = ref _slots[slot];
            if (!old.Present) { changes.Add(new("i", false, r, area.Code, r.Opgave, r.Datum, default)); continue; }
            old.Seen = true;
            var figuresDiffer = old.OpgaveAantal != r.OpgaveAantal || old.Gerealiseerd != r.Gerealiseerd || old.Gap != r.Gap
                || old.Tekort != r.Tekort || old.PctHundredths != (int?)(SeriesWriter.Pct(r) * 100) || old.Duurzaam != r.Duurzaam || old.Deadline != r.Deadline
                || old.PrognoseLaag != r.PrognoseLaag || old.PrognoseMidden != r.PrognoseMidden || old.PrognoseHoog != r.PrognoseHoog
                || old.Methode != MethodCode(r.Methode);
            if (figuresDiffer || old.Level != (int)r.Niveau + 1)
                changes.Add(new("u", figuresDiffer, r, area.Code, r.Opgave, r.Datum, old));
        }
        for (var i = 0; i < _slots.Length; i++)
            if (_slots[i] is { Present: true, Seen: false })
                changes.Add(new("d", false, null, area.Code, AnalysisCodes.AllOpgaven[i / _days], from.AddDays(i % _days), _slots[i]));
        foreach (var (opgave, datum, old) in _outside)
            changes.Add(new("d", false, null, area.Code, opgave, datum, old));
        return n;
    }

    private int? Slot(Opgave o, DateOnly d) =>
        d >= from && d <= to ? (int)o * _days + (d.DayNumber - from.DayNumber) : null;

    private static int? Int(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);

    /// <summary>1-based position in <see cref="SeriesReplacer.Methods"/> (as array_position gives it); 0 for any other text.</summary>
    private static int? MethodCode(string? m) => m is null ? null : Array.IndexOf(SeriesReplacer.Methods, m) + 1;
}
