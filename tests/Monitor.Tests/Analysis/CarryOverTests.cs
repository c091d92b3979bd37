using Monitor.Analysis;
using static Monitor.Tests.Analysis.Given;

namespace Monitor.Tests.Analysis;

public sealed class CarryOverTests
{
    private const string G = "GM0001";

    //            taakstelling  carry-in  due  housed  achterstand
    // 2024-H1         20           0      20     15        5   missed
    // 2024-H2         20           5      25     30       −5   voorsprong
    // 2025-H1         18          −5      13     10        3   missed
    // 2025-H2         22           3      25     20        5   missed
    private static readonly HousingRow[] Housing =
    [
        Housed("2024-H1", G, "2024-07-01", 15), Housed("2024-H2", G, "2025-01-01", 30),
        Housed("2025-H1", G, "2025-07-01", 10), Housed("2025-H2", G, "2026-01-01", 20),
    ];

    private static AnalysisModel Model(params CarryIn[] carryIns) => new(new AnalysisInputs
    {
        Gemeenten = [Gm(G)],
        Figures =
        [
            .. Taakstelling(G, 20, "2024-H1", "2024-H2"), .. Taakstelling(G, 18, "2025-H1", "2025-H1"),
            .. Taakstelling(G, 22, "2025-H2", "2025-H2"), .. Taakstelling(G, 10, "2026-H1", "2026-H1"),
        ],
        Housing = [.. Housing, Housed("2026-H1", G, "2026-03-31", 6)],
        CarryIns = carryIns,
    });

    [Fact]
    public void Chain_CarriesAchterstandAndVoorsprongAlike()
    {
        var chain = CarryOver.Chain(
        [
            new(Periode.Parse("2024-H1"), 20, 15, true), new(Periode.Parse("2024-H2"), 20, 30, true),
            new(Periode.Parse("2025-H1"), 18, 10, true), new(Periode.Parse("2025-H2"), 22, 20, true),
        ], carryIn: 0);
        Assert.Equal([20, 25, 13, 25], chain.Select(h => h.Due));
        Assert.Equal([5, -5, 3, 5], chain.Select(h => h.Achterstand));
        Assert.Equal([true, false, true, true], chain.Select(h => h.Missed));
        Assert.Equal(2, CarryOver.ConsecutiveMissed(chain));
    }

    [Fact]
    public void FromTheData_FourHalfYearsThenTheRunningOne()
    {
        var r = CarryOver.For(Model(), G, D("2026-04-15"));
        Assert.Equal(["2024-H1", "2024-H2", "2025-H1", "2025-H2", "2026-H1"], r.HalfYears.Select(h => h.Periode.ToString()));
        Assert.Equal([20, 25, 13, 25, 15], r.HalfYears.Select(h => h.Due));
        Assert.Equal(2, r.ConsecutiveMissed);
        // Running 2026-H1: due 10 + 5 = 15, 6 housed by 2026-03-31 (day 90 of 181, 3 whole months).
        var pace = r.Pace!;
        Assert.Equal((15, 6, D("2026-03-31"), 3, 0.5), (pace.Due, pace.Housed, pace.Reference, pace.MonthsElapsed, pace.MonthsShare));
        Assert.Equal(90.0 / 181, pace.ElapsedShare, 12);
        Assert.Equal(15 * 90.0 / 181, pace.ExpectedByDays!.Value, 9);   // 7.46
        Assert.Equal(7.5, pace.ExpectedByMonths);
        Assert.Equal((0.4, false), (pace.ShareOfDue, pace.OnSchedule));
    }

    [Fact]
    public void EvaluatedEarlier_AHalfYearStillRunningCarriesNothingYet()
    {
        var r = CarryOver.For(Model(), G, D("2025-06-30"));
        Assert.Equal(13, r.Running!.Due);
        Assert.Equal(0, r.Running.Housed);          // the 2025-H1 count is dated 2025-07-01
        Assert.Equal(0, r.ConsecutiveMissed);        // 2024-H2 was a voorsprong
        Assert.Equal(1, CarryOver.For(Model(), G, D("2025-07-01")).ConsecutiveMissed);
    }

    [Fact]
    public void CarryIn_StartsTheChainWithAGivenAchterstand()
    {
        var r = CarryOver.For(Model(new CarryIn(G, "2024-H2", 7)), G, D("2025-01-15"));
        Assert.Equal(["2024-H2", "2025-H1"], r.HalfYears.Select(h => h.Periode.ToString()));
        Assert.Equal([27, 18 - 3], r.HalfYears.Select(h => h.Due));    // 20 + 7; then 27 − 30 = −3 carried into 18
    }

    [Fact]
    public void MissingTaakstelling_BreaksTheChain_InsteadOfGuessing()
    {
        var m = new AnalysisModel(new AnalysisInputs
        {
            Gemeenten = [Gm(G)],
            Figures = [.. Taakstelling(G, 20, "2024-H1", "2024-H1"), .. Taakstelling(G, 20, "2025-H1", "2025-H1")],
        });
        Assert.Equal([20, null, null], CarryOver.For(m, G, D("2025-02-01")).HalfYears.Select(h => h.Due));
    }

    [Fact]
    public void Pace_BeforeAnyCount_MeasuresToTheDate()
    {
        var p = SchedulePace.Of(Periode.Parse("2025-H2"), D("2025-08-31"), due: 12, housed: 0);
        Assert.Equal((2, 62.0 / 184, 4.0, false), (p.MonthsElapsed, p.ElapsedShare, p.ExpectedByMonths, p.OnSchedule));
    }
}
