using Monitor.Analysis;
using static Monitor.Tests.Analysis.Given;

namespace Monitor.Tests.Analysis;

public sealed class PeriodeTests
{
    [Theory]
    [InlineData("2024-2025", PeriodeKind.Cycle, "2024-01-01", "2025-12-31")]
    [InlineData("2025-H1", PeriodeKind.HalfYear, "2025-01-01", "2025-06-30")]
    [InlineData("2025-h2", PeriodeKind.HalfYear, "2025-07-01", "2025-12-31")]
    public void Parse_KnownForms_GiveTheirCalendarSpan(string text, PeriodeKind kind, string start, string end)
    {
        var p = Periode.Parse(text);
        Assert.Equal((kind, D(start), D(end)), (p.Kind, p.Start, p.End));
        Assert.Equal(text.ToUpperInvariant(), p.ToString().ToUpperInvariant());
    }

    [Theory]
    [InlineData("2025")]
    [InlineData("2025-H3")]
    [InlineData("2025-2024")]
    [InlineData("2025-2025")]
    [InlineData("H1-2025")]
    [InlineData("")]
    public void TryParse_OtherText_Fails(string text) => Assert.False(Periode.TryParse(text, out _));

    [Fact]
    public void HalfYears_FollowEachOther_AndOrderByStart()
    {
        var h = Periode.HalfYearOf(D("2025-06-30"));
        Assert.Equal("2025-H1", h.ToString());
        Assert.Equal("2025-H2", h.NextHalfYear.ToString());
        Assert.Equal("2024-H2", h.PreviousHalfYear.ToString());
        Assert.Equal(181, h.Days);
        Assert.True(Periode.Parse("2024-H2") < h && h < Periode.Parse("2025-2026"));
        Assert.True(h.Within(Periode.Parse("2024-H2"), Periode.Parse("2025-H1")));
        Assert.False(h.Within(Periode.Parse("2025-H2"), Periode.Parse("2026-H1")));
    }

    [Fact]
    public void NextDeadline_ListedForAsiel_PeriodEndForTaakstelling_NoneForOekraine()
    {
        var c = Cycle1;
        Assert.Equal(D("2025-07-01"), c.NextDeadline(Opgave.Asiel, D("2025-07-01")));
        Assert.Null(c.NextDeadline(Opgave.Asiel, D("2025-07-02")));
        Assert.Equal(D("2025-12-31"), c.NextDeadline(Opgave.Taakstelling, D("2025-07-01")));
        Assert.Null(c.NextDeadline(Opgave.Oekraine, D("2025-01-01")));
        var extended = c with { Deadlines = [.. c.Deadlines, new Deadline(Opgave.Asiel, "2024-2025", D("2026-01-01"))] };
        Assert.Equal(D("2026-01-01"), extended.NextDeadline(Opgave.Asiel, D("2025-07-02")));
    }
}
