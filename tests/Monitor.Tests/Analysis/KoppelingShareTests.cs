using Monitor.Analysis;

namespace Monitor.Tests.Analysis;

public sealed class KoppelingShareTests
{
    [Fact]
    public void TooFewLinked_ExplainsTheLinkingShortfall_AndTheRestIsTheGemeentes()
    {
        // due 30, COA linked 18, the gemeente housed 12: 12 could never have been housed, 6 could.
        var s = KoppelingShare.Of(due: 30, housed: 12, gekoppeld: 18);
        Assert.Equal((18, 12, 6), (s.Achterstand, s.Verklaard, s.EigenDeel));
        Assert.False(s.GeheelVerklaard);
        Assert.Equal("achterstand 18, waarvan 12 doordat er te weinig gekoppeld is", KoppelingShare.Zin(s));
    }

    [Fact]
    public void HousedEveryoneLinked_IsBehindButNotByItsOwnDoing()
    {
        var s = KoppelingShare.Of(due: 30, housed: 12, gekoppeld: 12);
        Assert.Equal((18, 18, 0), (s.Achterstand, s.Verklaard, s.EigenDeel));
        Assert.True(s.GeheelVerklaard);
        Assert.Equal("achterstand 18, geheel doordat er te weinig gekoppeld is", KoppelingShare.Zin(s));
    }

    [Fact]
    public void HousedMoreThanLinked_StillExplainsTheWholeAchterstand()
    {
        // Persons linked in an earlier half year housed now: the gemeente housed all it was given and more.
        var s = KoppelingShare.Of(due: 30, housed: 15, gekoppeld: 10);
        Assert.Equal((15, 15), (s.Achterstand, s.Verklaard));
        Assert.True(s.GeheelVerklaard);
    }

    [Fact]
    public void EnoughLinked_ExplainsNothing()
    {
        var s = KoppelingShare.Of(due: 30, housed: 20, gekoppeld: 35);
        Assert.Equal((10, 0, 10), (s.Achterstand, s.Verklaard, s.EigenDeel));
        Assert.Equal("achterstand 10, niet verklaard door koppelingen", KoppelingShare.Zin(s));
    }

    [Fact]
    public void NoAchterstand_NothingToExplain()
    {
        var s = KoppelingShare.Of(due: 20, housed: 25, gekoppeld: 10);
        Assert.Equal((-5, 0), (s.Achterstand, s.Verklaard));
        Assert.Null(KoppelingShare.Zin(s));
        Assert.False(s.GeheelVerklaard);
    }

    [Fact]
    public void UnknownKoppelingen_OrUnknownDue_ExplainNothing_AndSaySo()
    {
        var noLinks = KoppelingShare.Of(due: 30, housed: 12, gekoppeld: null);
        Assert.Equal((18, (int?)null), (noLinks.Achterstand, noLinks.Verklaard));
        Assert.Equal("achterstand 18 (koppelingen onbekend)", KoppelingShare.Zin(noLinks));
        var noDue = KoppelingShare.Of(due: null, housed: 12, gekoppeld: 20);
        Assert.Equal(((int?)null, (int?)null), (noDue.Achterstand, noDue.Verklaard));
    }
}
