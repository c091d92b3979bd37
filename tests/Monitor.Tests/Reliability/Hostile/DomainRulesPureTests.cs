using Monitor.Analysis;
using Monitor.Compute;
using Monitor.Feeds.Loading;
using Monitor.Feeds.Values;
using static Monitor.Tests.Analysis.Given;

namespace Monitor.Tests.Reliability.Hostile;

/// <summary>Issue 12 points 2–4 and issue 11.5 as pure rules: codes that look equal, herindelingen per date, withdrawn
/// figures, falling cumulative counts.</summary>
public sealed class DomainRulesPureTests
{
    // ── 12.2 Codes that look equal are equal ───────────────────────────────────────────────────────────────────
    [Theory]
    [InlineData("azc-001", "AZC-001")]
    [InlineData("  AZC-001 ", "AZC-001")]
    [InlineData("ＡＺＣ－００１", "AZC-001")]           // full-width, as pasted from a Japanese IME or a PDF
    [InlineData("AZC\u00A0001", "AZC 001")]            // a non-breaking space is a space
    [InlineData("ﬁets-1", "FIETS-1")]                  // a ligature
    public void KeyCode_IsNormalised(string text, string expected)
    {
        Assert.True(ValueParser.TryKeyCode(text, out var code, out var error), error);
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("AZC\u200b001", "\\u200b")]            // zero-width space
    [InlineData("AZC\u200d001", "\\u200d")]            // zero-width joiner
    [InlineData("\ufeffAZC-001", "\\ufeff")]           // a byte-order mark inside a cell
    [InlineData("AZC\u0007001", "\\u0007")]            // a control character
    [InlineData("AZC-001\u202e", "\\u202e")]           // a direction override
    public void KeyCode_WithAnInvisibleCharacter_IsRefused_AndTheMessageShowsIt(string text, string shown)
    {
        Assert.False(ValueParser.TryKeyCode(text, out _, out var error));
        Assert.Contains(shown, error);
        Assert.Contains("onzichtbaar teken", error);
        var raw = (char)Convert.ToInt32(shown[2..], 16);
        Assert.DoesNotContain(raw, error!);                 // the raw character itself is not in the message
    }

    [Fact]
    public void GemeenteCode_WithAZeroWidthSpace_IsRefusedAndShown_FullWidthDigitsRead()
    {
        Assert.False(ValueParser.TryGemeentecode("GM0014\u200b", out _, out var error));
        Assert.Contains("\\u200b", error);
        Assert.True(ValueParser.TryGemeentecode("GM００１４", out var code, out _));
        Assert.Equal("GM0014", code);
    }

    // ── 12.3 Herindelingen act from their datum on ─────────────────────────────────────────────────────────────
    private static GemeenteCodeMap Map(params (string Datum, string From, string To, decimal Share)[] h) =>
        new(["GM0001", "GM0002", "GM0003", "GM0004"], h.Select(x => (D(x.Datum), x.From, x.To, x.Share)), [], []);

    [Fact]
    public void AMergerAnnouncedForAFutureFirstJanuary_ChangesNothingBeforeIt_AndEverythingFromIt()
    {
        var map = Map(("2027-01-01", "GM0001", "GM0002", 1m));
        Assert.Equal([("GM0001", 1m)], map.Resolve("GM0001", D("2026-12-31")));
        Assert.Equal([("GM0002", 1m)], map.Resolve("GM0001", D("2027-01-01")));
        Assert.Equal([("GM0002", 1m)], map.Resolve("GM0002", D("2026-12-31")));
    }

    [Fact]
    public void AChain_IsFollowedPerDate_AndASplitSharesFromItsDate()
    {
        var map = Map(("2022-01-01", "GM0001", "GM0002", 1m), ("2024-01-01", "GM0002", "GM0003", 0.6m), ("2024-01-01", "GM0002", "GM0004", 0.4m));
        Assert.Equal([("GM0002", 1m)], map.Resolve("GM0001", D("2023-06-01")));
        Assert.Equal([("GM0003", 0.6m), ("GM0004", 0.4m)], map.Resolve("GM0001", D("2024-06-01")));
    }

    [Fact]
    public void ARetiredCodeNotInTodaysList_IsItselfBeforeItsHerindeling()
    {
        var map = Map(("2019-01-01", "GM0007", "GM0001", 1m));
        Assert.Equal([("GM0007", 1m)], map.Resolve("GM0007", D("2018-06-01")));
        Assert.Equal([("GM0001", 1m)], map.Resolve("GM0007", D("2019-01-01")));
        Assert.Empty(map.Resolve("GM0099", D("2018-06-01")));
    }

    [Fact]
    public void ALoopStoredBeforeLoopsWereRefused_ResolvesToNothing_InsteadOfRunningForever()
    {
        var map = Map(("2020-01-01", "GM0001", "GM0002", 1m), ("2020-01-01", "GM0002", "GM0001", 1m));
        Assert.Empty(map.Resolve("GM0001", D("2025-01-01")));
    }

    [Fact]
    public void FactsOfARetiredCode_AreReadUnderItsSuccessors_SplitAndAddedUp()
    {
        var map = Map(("2026-01-01", "GM0001", "GM0002", 0.5m), ("2026-01-01", "GM0001", "GM0003", 0.5m));
        var inputs = new AnalysisInputs
        {
            Gemeenten = [Gm("GM0002"), Gm("GM0003")],
            Places = [Place("2025-06-01", "GM0001", "L1", 101), Place("2025-06-01", "GM0002", "L2", 10)],
            Housing = [Housed("2025-H1", "GM0001", "2025-06-01", 7), Housed("2025-H1", "GM0002", "2025-06-01", 3)],
            Figures = [Fig(Opgave.Asiel, "2024-2025", "GM0001", 11, "2024-12-31"), Fig(Opgave.Asiel, "2024-2025", "PV26", 99, "2024-12-31")],
        };
        var r = RetiredCodes.Remap(inputs, map, D("2026-12-03"));
        Assert.Equal([("GM0002", "L1", 51), ("GM0003", "L1", 50), ("GM0002", "L2", 10)], r.Places.Select(p => (p.Gemeentecode, p.Locatiecode, p.Capaciteit)));
        Assert.Equal([("GM0002", 4 + 3), ("GM0003", 3)], r.Housing.Select(h => (h.Gemeentecode, h.Gehuisvest)));
        Assert.Equal([("GM0002", 6), ("GM0003", 5), ("PV26", 99)], r.Figures.Select(f => (f.Gebiedcode, f.Aantal)));
        // Before the herindeling's date the old code is no successor's yet: nothing moves.
        Assert.Same(inputs, RetiredCodes.Remap(inputs, map, D("2025-12-31")));
    }

    // ── 11.5 A withdrawn figure no longer counts ───────────────────────────────────────────────────────────────
    [Fact]
    public void AWithdrawnFigure_CountsUntilItsWithdrawal_ThenTheFigureBeforeItIsInForceAgain()
    {
        var m = new AnalysisModel(new AnalysisInputs
        {
            Gemeenten = [Gm("GM0001")],
            Figures =
            [
                Fig(Opgave.Asiel, "2024-2025", "GM0001", 100, "2024-01-24", Versie.Indicatief),
                Fig(Opgave.Asiel, "2024-2025", "GM0001", 130, "2024-12-31") with { VervaltOp = D("2025-03-01") },
            ],
        });
        Assert.Equal(130, EffectiveOpgave.On(m, D("2025-02-28")).Effectief("GM0001", Opgave.Asiel));
        Assert.Equal(100, EffectiveOpgave.On(m, D("2025-03-01")).Effectief("GM0001", Opgave.Asiel));
    }

    // ── 12.4 A cumulative count that falls within a half year ──────────────────────────────────────────────────
    [Fact]
    public void AFallingGehuisvest_IsCountedAsTheCorrection_AndReportedAsAFinding()
    {
        var m = new AnalysisModel(new AnalysisInputs
        {
            Gemeenten = [Gm("GM0001")],
            Housing = [Housed("2025-H1", "GM0001", "2025-03-31", 100), Housed("2025-H1", "GM0001", "2025-04-30", 90)],
        });
        var finding = Assert.Single(m.InputFindings, f => f.Kind == FindingKind.GehuisvestGecorrigeerd);
        Assert.Equal("GM0001", finding.Gebiedcode);
        Assert.Contains("daalt van 100 (2025-03-31) naar 90 (2025-04-30)", finding.Message);
    }
}
