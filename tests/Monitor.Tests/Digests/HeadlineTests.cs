using Monitor.Digests;

namespace Monitor.Tests.Digests;

/// <summary>The digest's opening sentences, worked by hand: before, on and after a deadline, and an unknown opgave.</summary>
public sealed class HeadlineTests
{
    private static readonly DateOnly Deadline = new(2025, 7, 1);

    private static HeadlineInput Asiel(DateOnly date, int realised, int? netGap, DateOnly? next, PassedDeadline? passed = null, int? lastWeek = null) =>
        new("asiel", "Noord-Brabant", date, 11328, realised, netGap, 1982, 23, 56, next, lastWeek, passed);

    [Fact]
    public void BeforeTheDeadline_SaysWhatIsStillNeededByWhen()
    {
        var s = Headline.Sentences(Asiel(new DateOnly(2025, 5, 12), 10000, 1328, Deadline, lastWeek: 9880));
        Assert.Equal(
        [
            "10.000 van 11.328 plekken gerealiseerd (88%); nog 1.328 plekken nodig vóór 1 juli 2025 (over 50 dagen).",
            "Bruto tekort 1.982 plekken: 23 van 56 gemeenten zitten onder hun opgave (overschotten elders dekken een deel).",
            "Sinds vorige week 120 plekken erbij.",
        ], s);
    }

    [Fact]
    public void OnTheDeadline_SaysItIsToday()
    {
        var s = Headline.Sentences(Asiel(Deadline, 10000, 1328, Deadline));
        Assert.Equal("10.000 van 11.328 plekken gerealiseerd (88%); vandaag, 1 juli 2025, is de deadline en er ontbreken netto nog 1.328 plekken.", s[0]);
    }

    [Fact]
    public void AfterTheDeadline_SaysWhatWasMissedAndWhatCameSince()
    {
        var passed = new PassedDeadline(Deadline, 1328, 23, 10000);
        var s = Headline.Sentences(Asiel(new DateOnly(2026, 12, 3), 10580, 748, null, passed, lastWeek: 10595));
        Assert.Equal(
        [
            "Deadline 1 juli 2025 verstreken: 1.328 plekken tekort (netto), 23 gemeenten haalden hun opgave niet; sindsdien 580 erbij.",
            "10.580 van 11.328 plekken gerealiseerd (93%); nu nog 748 plekken tekort (netto).",
            "Bruto tekort 1.982 plekken: 23 van 56 gemeenten zitten onder hun opgave (overschotten elders dekken een deel).",
            "Sinds vorige week 15 plekken minder.",
            "Er is nog geen volgende deadline vastgesteld.",
        ], s);
    }

    [Fact]
    public void AfterTheDeadline_WithOneMissAndANextDeadline()
    {
        var passed = new PassedDeadline(Deadline, -20, 1, 10000);
        var s = Headline.Sentences(Asiel(new DateOnly(2026, 12, 3), 10000, 0, new DateOnly(2027, 7, 1), passed) with { GrossShortfall = 0, MembersBelow = 0 });
        Assert.Equal("Deadline 1 juli 2025 verstreken: de opgave netto gehaald, 1 gemeente haalde haar opgave niet; sindsdien niets veranderd.", s[0]);
        Assert.Equal("Alle 56 gemeenten met een opgave halen die.", s[2]);
        Assert.Equal("Volgende deadline: 1 juli 2027.", s[^1]);
    }

    [Fact]
    public void UnknownOpgave_SaysSoAndComputesNoShortfall()
    {
        var s = Headline.Sentences(new HeadlineInput("amv", "Flevoland", new DateOnly(2026, 12, 3), null, 120, null, null, 0, 0, null, null, null));
        Assert.Equal(["De opgave van Flevoland is niet bekend; gerealiseerd 120 plekken. Zonder opgave is er geen tekort te berekenen."], s);
    }

    [Fact]
    public void Taakstelling_CountsPersons_AndOekraineIsInformationOnly()
    {
        var t = Headline.Sentences(new HeadlineInput("taakstelling", "Noord-Brabant", new DateOnly(2026, 12, 3), 3174, 1696, 1478, 1478, 56, 56,
            new DateOnly(2026, 12, 31), null, null, "Voetnoot van een andere regel."));
        Assert.Equal("1.696 van 3.174 personen gerealiseerd (53%); nog 1.478 personen nodig vóór 31 december 2026 (over 28 dagen).", t[0]);
        Assert.Equal("Voetnoot van een andere regel.", t[^1]);
        var o = Headline.Sentences(new HeadlineInput("oekraine", "Noord-Brabant", new DateOnly(2026, 12, 3), 13247, 12795, 452, 2381, 28, 56, null, null, null));
        Assert.Equal("Ter informatie: op de opvang van ontheemden uit Oekraïne is geen toezicht.", o[^1]);
    }
}
