using System.Globalization;

namespace Monitor.Samples;

/// <summary>A taakstelling or Oekraïne period: H1 = January–June, H2 = July–December, written "2025-H1".</summary>
public readonly record struct HalfYear(int Year, int Half)
{
    public DateOnly Start => new(Year, Half == 1 ? 1 : 7, 1);
    public DateOnly End => new(Year, Half == 1 ? 6 : 12, Half == 1 ? 30 : 31);
    public int Days => End.DayNumber - Start.DayNumber + 1;
    public HalfYear Next => Half == 1 ? new(Year, 2) : new(Year + 1, 1);
    public HalfYear Previous => Half == 2 ? new(Year, 1) : new(Year - 1, 2);

    public static HalfYear Of(DateOnly date) => new(date.Year, date.Month <= 6 ? 1 : 2);

    public static HalfYear Parse(string text) =>
        new(int.Parse(text[..4], CultureInfo.InvariantCulture), text[^1] == '1' ? 1 : 2);

    /// <summary>Every half year from first to last, inclusive.</summary>
    public static IEnumerable<HalfYear> Range(HalfYear first, HalfYear last)
    {
        for (var h = first; h.CompareTo(last) <= 0; h = h.Next) yield return h;
    }

    public int CompareTo(HalfYear other) => (Year * 2 + Half).CompareTo(other.Year * 2 + other.Half);

    public override string ToString() => $"{Year.ToString(CultureInfo.InvariantCulture)}-H{Half}";
}
