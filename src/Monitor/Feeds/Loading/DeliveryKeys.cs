using Monitor.Feeds.Kinds;

namespace Monitor.Feeds.Loading;

/// <summary>
/// Watches whether each row of a delivery has a key of its own (<see cref="FeedKind.DeliveryKey"/>: a date, then up to
/// two text columns), in constant memory for the usual file that lists one date after the other: only the keys of the
/// current date are held. A date that comes back after another one cannot be checked that way and counts as not unique,
/// which only means the checks in SQL run, as they always did.
/// </summary>
internal sealed class DeliveryKeys
{
    private readonly int[] _columns;
    private readonly HashSet<(string?, string?)> _current = [];
    private readonly HashSet<DateOnly> _seen = [];
    private readonly List<DateOnly> _blocks = [];
    private DateOnly? _block;

    public DeliveryKeys(int[] columns)
    {
        if (columns.Length is < 1 or > 3) throw new ArgumentException("Een leveringssleutel is een datum en hoogstens twee tekstkolommen.");
        _columns = columns;
    }

    public bool Unique { get; private set; } = true;
    public IReadOnlyList<DateOnly> Blocks => _blocks;

    /// <summary>Notes the row's key; false when uniqueness can no longer be shown, or when <paramref name="newBlock"/>
    /// refuses the row's date.</summary>
    public bool Add(RowValues row, Func<DateOnly, bool>? newBlock)
    {
        if (!Unique) return false;
        var date = row.Date[_columns[0]];
        if (date != _block)
        {
            if (!_seen.Add(date) || newBlock?.Invoke(date) == false) return Unique = false;
            _blocks.Add(date);
            _block = date;
            _current.Clear();
        }
        var key = (_columns.Length > 1 ? row.Text[_columns[1]] : null, _columns.Length > 2 ? row.Text[_columns[2]] : null);
        return _current.Add(key) || (Unique = false);
    }
}
