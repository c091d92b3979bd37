using Monitor.Analysis;
using static Monitor.Tests.Analysis.Given;

namespace Monitor.Tests.Analysis;

/// <summary>Seeded inputs that exercise every path of the series: versions and bijstellingen, PV-only opgaven,
/// VR keys with an override, agreements (valid, cross-provincie taakstelling, rejected), feeds with full and empty
/// snapshots, preparation and closing dates, monthly housing counts, an extended deadline.</summary>
internal static class SyntheticInputs
{
    public static AnalysisInputs Create(int gemeenten, int provincies, int seed, DateOnly from, DateOnly to, int snapshotEveryDays)
    {
        var random = new Random(seed);
        var gms = Enumerable.Range(1, gemeenten).Select(i => Gm($"GM{i:0000}", pv: $"PV{20 + i % provincies}", vr: $"VR{1 + i % (provincies * 2):00}",
            inwoners: random.Next(1_000, 300_000), km2: random.Next(1_000, 40_000) / 100m)).ToList();
        var figures = new List<OpgaveFigure>();
        foreach (var g in gms)
        {
            var asiel = g.Inwoners / 200;
            figures.Add(Fig(Opgave.Asiel, "2024-2025", g.Code, asiel, "2024-01-24", Versie.Indicatief));
            figures.Add(Fig(Opgave.Asiel, "2024-2025", g.Code, asiel + random.Next(-20, 40), "2024-12-31"));
            if (g.Provinciecode != "PV20") figures.Add(Fig(Opgave.Amv, "2024-2025", g.Code, asiel / 12, "2024-12-31")); // PV20: PV only
            for (var h = Periode.HalfYearOf(from); h.Start <= to; h = h.NextHalfYear)
            {
                figures.Add(Fig(Opgave.Taakstelling, h.ToString(), g.Code, g.Inwoners / 2_000, h.Start.AddDays(-60).ToString("yyyy-MM-dd"), Versie.Vastgesteld));
                if (random.Next(4) == 0)
                    figures.Add(Fig(Opgave.Taakstelling, h.ToString(), g.Code, g.Inwoners / 2_500, h.Start.AddDays(75).ToString("yyyy-MM-dd"), Versie.Bijstelling));
            }
        }
        foreach (var pv in gms.Select(g => g.Provinciecode).Distinct())
        {
            var members = gms.Where(g => g.Provinciecode == pv).ToList();
            figures.Add(Fig(Opgave.Asiel, "2024-2025", pv, members.Sum(g => g.Inwoners / 200) + (pv == "PV21" ? 7 : 0), "2024-01-24", Versie.Indicatief));
            figures.Add(Fig(Opgave.Amv, "2024-2025", pv, members.Sum(g => g.Inwoners / 2_400), "2024-12-31"));
        }
        foreach (var vr in gms.Select(g => g.Veiligheidsregiocode).Distinct())
            for (var h = Periode.HalfYearOf(from); h.Start <= to; h = h.NextHalfYear)
                figures.Add(Fig(Opgave.Oekraine, h.ToString(), vr, random.Next(100, 3_000), h.Start.AddDays(random.Next(-30, 20)).ToString("yyyy-MM-dd"), Versie.Vastgesteld));
        figures.Add(Fig(Opgave.Oekraine, Periode.HalfYearOf(from).ToString(), gms[0].Code, 77, from.ToString("yyyy-MM-dd"), Versie.Vastgesteld));

        var same = gms.Where(g => g.Provinciecode == gms[0].Provinciecode).ToList();
        var other = gms.First(g => g.Provinciecode != gms[0].Provinciecode);
        var agreements = new List<Agreement>
        {
            Deal("U-1", Opgave.Asiel, same[1].Code, same[0].Code, 40, "2024-2025", "2024-2025", from.AddDays(100).ToString("yyyy-MM-dd")),
            Deal("U-1", Opgave.Taakstelling, same[0].Code, same[1].Code, 6, "2024-H2", "2025-H2", from.AddDays(100).ToString("yyyy-MM-dd")),
            Deal("H-1", Opgave.Taakstelling, same[2].Code, other.Code, 3, "2025-H1", "2025-H1", "2025-03-10", AgreementKind.Herverdeling),
            Deal("V-1", Opgave.Asiel, same[2].Code, same[3].Code, 15, "2025-H1", "2026-H2", "2025-02-01", AgreementKind.Verdeling),
            Deal("BAD", Opgave.Asiel, other.Code, same[0].Code, 99, "2024-2025", "2024-2025", "2024-03-01"),
        };

        var snapshots = new List<PlaceSnapshot>();
        var places = new List<PlaceRow>();
        foreach (var feed in new[] { "coa", "goo", "amv" })
            // amv starts late, so its first months have no history for a trend
            for (var (day, k) = (feed == "amv" ? from.AddDays(150) : from.AddDays(-120), 0); day <= to; day = day.AddDays(snapshotEveryDays), k++)
            {
                snapshots.Add(new PlaceSnapshot(feed, day));
                if (feed == "goo" && k % 9 == 8) continue;   // an empty snapshot now and then
                if (feed == "coa")                            // opening inside the pessimistic margin of each deadline
                    foreach (var opens in new[] { "2025-06-20", "2025-12-20" })
                        places.Add(new PlaceRow(feed, day, Opgave.Asiel, "late-" + opens, gms[0].Code, PlaceStatus.Beschikbaar, 33, D(opens), null));
                foreach (var g in gms)
                {
                    if (random.Next(10) == 0) continue;      // a location missing from this snapshot: closed
                    var o = feed switch { "coa" => Opgave.Asiel, "goo" => Opgave.Oekraine, _ => Opgave.Amv };
                    var kind = random.Next(6);
                    var vanaf = kind == 0 ? (DateOnly?)null : day.AddDays(random.Next(-400, 200));
                    DateOnly? tot = kind switch { 1 => vanaf?.AddDays(random.Next(30, 3_000)), 2 => day.AddDays(random.Next(1, 300)), _ => null };
                    var status = kind == 3 ? PlaceStatus.InVoorbereiding : kind == 4 && random.Next(3) == 0 ? PlaceStatus.Gesloten : PlaceStatus.Beschikbaar;
                    places.Add(new PlaceRow(feed, day, o, $"{feed}-{g.Code}", g.Code, status, g.Inwoners / 400 + random.Next(0, 50), vanaf, tot));
                }
            }

        var housing = new List<HousingRow>();
        foreach (var g in gms)
            for (var h = Periode.HalfYearOf(from); h.Start <= to; h = h.NextHalfYear)
            {
                var housed = 0;
                for (var month = 1; month <= 6; month++)
                {
                    housed += random.Next(0, g.Inwoners / 5_000 + 3);   // on average just above the taakstelling: both achterstand and voorsprong
                    if (random.Next(5) > 0) housing.Add(Housed(h.ToString(), g.Code, h.Start.AddMonths(month).AddDays(random.Next(0, 3) == 0 ? -1 : 0).ToString("yyyy-MM-dd"), housed));
                }
            }

        return new AnalysisInputs
        {
            Gemeenten = gms,
            Regios = [new Regio("R-1", "Regio 1", gms.Where((_, i) => i % 5 == 1).Select(g => g.Code).ToList())],
            Figures = figures,
            Snapshots = snapshots,
            Places = places,
            Housing = housing,
            Agreements = agreements,
            CarryIns = [new CarryIn(gms[3].Code, Periode.HalfYearOf(from).ToString(), 9)],
            Calendar = Cycle1 with
            {
                Deadlines = [.. Cycle1.Deadlines, new Deadline(Opgave.Asiel, "2024-2025", D("2026-01-01"))],
            },
        };
    }
}
