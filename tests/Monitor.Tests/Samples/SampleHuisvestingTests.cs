using System.Globalization;

namespace Monitor.Tests.Samples;

public sealed class SampleHuisvestingTests
{
    private static int Int(IReadOnlyDictionary<string, string> r, string column) => int.Parse(r[column], CultureInfo.InvariantCulture);

    [Fact]
    public void Gehuisvest_IsCumulativeWithinEachHalfYear_AtEveryMonthEnd()
    {
        var rows = GeneratedSamples.Rows("huisvesting").ToList();
        Assert.All(rows, r =>
        {
            var d = DateOnly.ParseExact(r["peildatum"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(DateTime.DaysInMonth(d.Year, d.Month), d.Day);
            Assert.Equal($"{d.Year}-H{(d.Month <= 6 ? 1 : 2)}", r["periode"]);
            Assert.InRange(Int(r, "waarvan_amv"), 0, Int(r, "gehuisvest"));
        });
        foreach (var series in rows.GroupBy(r => (r["periode"], r["gemeentecode"])))
        {
            var counts = series.OrderBy(r => r["peildatum"], StringComparer.Ordinal).Select(r => Int(r, "gehuisvest")).ToList();
            Assert.Equal(counts.Order(), counts);
        }
        // January 2024 through October 2026: the last month end before the last plekken snapshot (2026-11-01).
        Assert.Equal(34, rows.Select(r => r["peildatum"]).Distinct().Count());
    }

    [Fact]
    public void SomeGemeenten_StayBehindEveryHalfYear_SoTheirAchterstandCarriesOver()
    {
        var taakstelling = GeneratedSamples.Rows("opgave").Where(r => r["opgave"] == "taakstelling")
            .GroupBy(r => (r["periode"], r["gebiedcode"]))
            .ToDictionary(g => g.Key, g => Int(g.OrderBy(r => r["publicatiedatum"], StringComparer.Ordinal).Last(), "aantal"));
        var housed = GeneratedSamples.Rows("huisvesting").GroupBy(r => (r["periode"], r["gemeentecode"]))
            .ToDictionary(g => g.Key, g => g.Max(r => Int(r, "gehuisvest")));
        string[] periods = ["2024-H1", "2024-H2", "2025-H1", "2025-H2", "2026-H1"];
        var gemeenten = housed.Keys.Select(k => k.Item2).Distinct().ToList();
        // achterstand(h) = achterstand(h-1) + taakstelling(h) - housed(h): positive after every half year, and larger at the end.
        var behind = gemeenten.Select(g =>
        {
            var achterstand = 0;
            return periods.Select(p => achterstand += taakstelling[(p, g)] - housed[(p, g)]).ToList();
        }).Where(a => a.All(x => x > 0)).ToList();
        Assert.InRange(behind.Count, 30, 250);
        Assert.Contains(behind, a => a[^1] > 2 * a[0]);
        var ahead = gemeenten.Count(g => periods.Sum(p => housed[(p, g)]) > periods.Sum(p => taakstelling[(p, g)]));
        Assert.InRange(ahead, 10, 200);
        var nationalHoused = housed.Where(h => h.Key.Item1 == "2025-H2").Sum(h => h.Value);
        Assert.InRange(nationalHoused, 9_000, 20_000);
    }
}
