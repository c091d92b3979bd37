using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitor.Analysis;

public enum PeriodeKind { Cycle, HalfYear }

/// <summary>A Spreidingswet cycle ("2024-2025": 1 Jan of the first year to 31 Dec of the last) or a half year
/// ("2025-H1": Jan–Jun, "2025-H2": Jul–Dec). Ordered by start date, then by length.</summary>
public readonly partial record struct Periode : IComparable<Periode>
{
    private Periode(PeriodeKind kind, DateOnly start, DateOnly end) => (Kind, Start, End) = (kind, start, end);

    public PeriodeKind Kind { get; }
    public DateOnly Start { get; }
    /// <summary>Last day, inclusive.</summary>
    public DateOnly End { get; }
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public static Periode Cycle(int firstYear, int lastYear)
    {
        if (lastYear <= firstYear) throw new ArgumentOutOfRangeException(nameof(lastYear), "A cycle spans at least two years.");
        return new(PeriodeKind.Cycle, new DateOnly(firstYear, 1, 1), new DateOnly(lastYear, 12, 31));
    }

    public static Periode HalfYear(int year, int half) => half switch
    {
        1 => new(PeriodeKind.HalfYear, new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)),
        2 => new(PeriodeKind.HalfYear, new DateOnly(year, 7, 1), new DateOnly(year, 12, 31)),
        _ => throw new ArgumentOutOfRangeException(nameof(half)),
    };

    public static Periode HalfYearOf(DateOnly d) => HalfYear(d.Year, d.Month <= 6 ? 1 : 2);

    /// <summary>The first year (of a half year: its year).</summary>
    public int Year => Start.Year;

    /// <summary>1 or 2 for a half year; 0 for a cycle.</summary>
    public int Half => Kind == PeriodeKind.HalfYear ? (Start.Month == 1 ? 1 : 2) : 0;

    /// <summary>A cycle as the Spreidingswet sets them: two consecutive years ("2024-2025").</summary>
    public bool IsTwoYearCycle => Kind == PeriodeKind.Cycle && End.Year == Start.Year + 1;

    /// <summary>Every half year from first to last, inclusive.</summary>
    public static IEnumerable<Periode> HalfYears(Periode first, Periode last)
    {
        for (var h = HalfYearOf(first.Start); h <= last; h = h.NextHalfYear) yield return h;
    }

    public bool Contains(DateOnly d) => Start <= d && d <= End;

    /// <summary>True when this period lies entirely within [from.Start, to.End].</summary>
    public bool Within(Periode from, Periode to) => from.Start <= Start && End <= to.End;

    public Periode NextHalfYear => HalfYearOf(End.AddDays(1));
    public Periode PreviousHalfYear => HalfYearOf(Start.AddDays(-1));

    public static bool TryParse(string? text, out Periode periode)
    {
        periode = default;
        var m = Form().Match(text?.Trim() ?? "");
        if (!m.Success) return false;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year < 1900 || year > 2999) return false;
        if (m.Groups[2].Success)
        {
            periode = HalfYear(year, m.Groups[2].Value[0] - '0');
            return true;
        }
        var last = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (last <= year || last > 2999) return false;
        periode = Cycle(year, last);
        return true;
    }

    public static Periode Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"Ongeldige periode '{text}' (verwacht 2024-2025 of 2025-H1).");

    public int CompareTo(Periode other)
    {
        var c = Start.CompareTo(other.Start);
        return c != 0 ? c : End.CompareTo(other.End);
    }

    public static bool operator <(Periode a, Periode b) => a.CompareTo(b) < 0;
    public static bool operator >(Periode a, Periode b) => a.CompareTo(b) > 0;
    public static bool operator <=(Periode a, Periode b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Periode a, Periode b) => a.CompareTo(b) >= 0;

    public override string ToString() => Kind == PeriodeKind.Cycle
        ? $"{Start.Year}-{End.Year}"
        : $"{Start.Year}-H{(Start.Month == 1 ? 1 : 2)}";

    [GeneratedRegex(@"^(\d{4})-(?:H([12])|(\d{4}))$", RegexOptions.IgnoreCase)]
    private static partial Regex Form();
}
