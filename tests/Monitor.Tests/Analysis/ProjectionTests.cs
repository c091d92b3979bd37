using Monitor.Analysis;
using static Monitor.Tests.Analysis.Given;

namespace Monitor.Tests.Analysis;

public sealed class ProjectionTests
{
    private const string G = "GM0001";

    private static AnalysisModel Model(IReadOnlyList<PlaceRow> rows, IReadOnlyList<HousingRow>? housing = null) =>
        new(new AnalysisInputs { Calendar = Cycle1, Gemeenten = [Gm(G)], Places = rows, Housing = housing ?? [] });

    [Fact]
    public void Pipeline_CountsWhatIsOpenOnTheDeadline_AndThePessimisticVariantNeedsAMonthsMargin()
    {
        // t = 2025-03-15, deadline 2025-07-01, margin 30 days → 2025-06-01.
        var m = Model(
        [
            Place("2025-03-01", G, "open", 100),
            Place("2025-03-01", G, "closes-before", 50, tot: "2025-05-31"),                                      // out
            Place("2025-03-01", G, "april", 80, status: PlaceStatus.InVoorbereiding, vanaf: "2025-04-01"),       // both
            Place("2025-03-01", G, "mid-june", 40, status: PlaceStatus.InVoorbereiding, vanaf: "2025-06-15"),    // pipeline only
            Place("2025-03-01", G, "august", 60, status: PlaceStatus.InVoorbereiding, vanaf: "2025-08-01"),      // out
            Place("2025-03-01", G, "no-date", 25, status: PlaceStatus.InVoorbereiding),                          // out: no promise
            Place("2025-03-01", G, "short-lived", 30, status: PlaceStatus.InVoorbereiding, vanaf: "2025-05-01", tot: "2025-06-30"), // out
            Place("2025-03-01", G, "closed", 70, status: PlaceStatus.Gesloten),                                  // out
        ]);
        // realised 150 + in preparation by the deadline 80 + 40 − closing before it 50 = 220; pessimistic 100 + 80
        Assert.Equal(150, PlacesRealised.For(m, G, Opgave.Asiel, D("2025-03-15")).Beschikbaar);
        var p = PlaceProjection.For(m, G, Opgave.Asiel, D("2025-03-15"))!;
        Assert.Equal((D("2025-07-01"), 180, 220, 220, "pijplijn"), (p.Deadline, p.Laag, p.Midden, p.Hoog, p.Methode));
        Assert.Null(p.Trend); // 15 days of history < 28
    }

    [Fact]
    public void Trend_ExtrapolatesTheLastNinetyDays_AndWidensTheRange()
    {
        // One place opens every day from 2025-01-01: realised(day) = 90 + (day − 2025-03-31) over the 90-day window
        // ending t = 2025-03-31, a straight line with slope 1. At 2025-07-01 (92 days on): 90 + 92 = 182.
        var rows = Enumerable.Range(0, 90).Select(k => Place("2025-01-01", G, $"P{k}", 1, vanaf: D("2025-01-01").AddDays(k).ToString("yyyy-MM-dd"))).ToList();
        var p = PlaceProjection.For(Model(rows), G, Opgave.Asiel, D("2025-03-31"))!;
        Assert.Equal((182, 90, 90, 90, 182, "pijplijn+trend"), (p.Trend, p.Pijplijn, p.Laag, p.Midden, p.Hoog, p.Methode));
    }

    [Fact]
    public void Trend_FallingToBelowZero_IsFlooredAtZero()
    {
        // 90 places closing one a day: realised 90 − k; by the deadline the line is far below zero.
        var rows = Enumerable.Range(0, 90).Select(k => Place("2025-01-01", G, $"P{k}", 1, tot: D("2025-01-01").AddDays(k).ToString("yyyy-MM-dd"))).ToList();
        var p = PlaceProjection.For(Model(rows), G, Opgave.Asiel, D("2025-03-15"))!;
        Assert.Equal((0, 0, 0), (p.Trend, p.Laag, p.Pijplijn));
    }

    [Fact]
    public void NoNextDeadline_NoProjection()
    {
        var m = Model([Place("2025-03-01", G, "open", 100)]);
        Assert.Null(PlaceProjection.For(m, G, Opgave.Asiel, D("2025-07-02")));
        Assert.Null(PlaceProjection.For(m, G, Opgave.Oekraine, D("2025-03-02")));
    }

    [Fact]
    public void Housing_PaceAndTrendToTheHalfYearsEnd()
    {
        // 2025-H1 has 181 days. 30 housed by 2025-03-31 (day 90): pace 30 × 181 / 90 = 60.3 → 60.
        // Trend through (2025-02-28, 20) and (2025-03-31, 30), read on t = 2025-04-10: x = −41 and −10, slope 10/31;
        // at 2025-06-30 (x = 81): 30 + 10/31 × 91 = 59.35 → 59.
        var m = Model([], [Housed("2025-H1", G, "2025-02-28", 20), Housed("2025-H1", G, "2025-03-31", 30)]);
        var p = HousingProjection.For(m, G, D("2025-04-10"))!;
        Assert.Equal((D("2025-06-30"), 60, 59, 59, 60, 60, "tempo+trend"), (p.Deadline, p.Tempo, p.Trend, p.Laag, p.Midden, p.Hoog, p.Methode));

        var onePoint = HousingProjection.For(m, G, D("2025-03-10"))!;   // only the February count so far: 20 × 181 / 59
        Assert.Equal((61, "tempo"), (onePoint.Midden, onePoint.Methode));
        Assert.Null(HousingProjection.For(m, G, D("2025-02-27")));     // nothing reported yet
    }

    [Fact]
    public void Housing_TrendNeverBelowWhatIsAlreadyHoused()
    {
        // A count revised downwards (40 → 35) gives a falling line; housing is cumulative, so the floor is 35.
        var m = Model([], [Housed("2025-H2", G, "2025-08-31", 40), Housed("2025-H2", G, "2025-09-30", 35)]);
        Assert.Equal(35, HousingProjection.For(m, G, D("2025-10-01"))!.Trend);
    }
}
