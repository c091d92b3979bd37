using System.Text.RegularExpressions;
using Monitor.Alerts;
using Monitor.Analysis;
using Monitor.Outbox;
using Monitor.Tests.Support;
using MimeKit;

namespace Monitor.Tests.Alerts;

/// <summary>
/// The college mail's figure table says what its sentence says: the same peildatum and source per figure (the
/// taakstelling's housed count holds on the COA count's day), and a missed deadline's table is about that deadline,
/// with the next one named apart. Found in the demo outbox of 4 December 2026 (Asten, GM0743).
/// </summary>
public sealed class AlertMailFiguresTests
{
    private static readonly MailboxAddress From = new("Monitor", "monitor@monitor.test");
    private static readonly DateOnly Dec4 = new(2026, 12, 4);
    private static readonly DateOnly Oct31 = new(2026, 10, 31);

    private static string Names(string code) => code switch { "GM0743" => "Asten", "PV30" => "Noord-Brabant", _ => code };

    private static AlertInput Input(SeriesRow row, IReadOnlyList<DeadlineOutcome>? deadlines = null, IReadOnlyDictionary<string, DateOnly>? housedOn = null,
        IReadOnlyList<HalfYearRow>? halfYears = null) =>
        new(Dec4, new DateTimeOffset(2026, 12, 4, 6, 0, 0, TimeSpan.Zero), [row], halfYears ?? [], [], new Dictionary<string, string> { ["GM0743"] = "Asten" })
        {
            Deadlines = deadlines ?? [],
            HousedOn = housedOn ?? new Dictionary<string, DateOnly>(),
        };

    private static AlertState State(string rule, string subject, string summary) =>
        new(1286, new AlertKey(rule, "GM0743", subject), AlertStatus.Firing, Severity.Kritiek, summary, [Roles.College], Dec4.AddDays(-1), Dec4, null, false, null);

    private static MimeMessage College(AlertNotice n) =>
        MimeMessage.Load(new MemoryStream(OutboxStore.Serialize(AlertMail.Compose(From, Mail.Mailbox("College Asten", "college@asten.test"), [n], Dec4,
            DateTimeOffset.UtcNow, new AlertMailContext(Roles.College, "GM0743", Names, [], null)))));

    /// <summary>The HTML rows of the figure table as "cijfer | waarde | peildatum | bron".</summary>
    private static List<string> Rows(string html) =>
        Regex.Matches(html, "<tr><td>([^<]*)</td><td align=\"right\" style=\"white-space:nowrap;\">([^<]*)</td><td style=\"white-space:nowrap;\">([^<]*)</td><td>([^<]*)</td></tr>")
            .Select(m => $"{m.Groups[1].Value} | {m.Groups[2].Value} | {m.Groups[3].Value} | {m.Groups[4].Value}").ToList();

    [Fact]
    public void Taakstelling_HousedFigureHasTheCoaCountsPeildatum_InSentenceAskTableAndText()
    {
        // As on the demo day: the series row is of 4 December, the housed figure in it is the COA count of 31 October.
        var row = TestSeries.Row("GM0743", "gemeente", "taakstelling", Dec4, 28, 10, 18, 18, 35.71m, new DateOnly(2026, 12, 31), null, null, null);
        var summary = "Asten (GM0743): taakstelling 2026-H2 loopt achter: 10 van 28 gehuisvest op 31 oktober 2026 (36%), toen 67% van 2026-H2 voorbij was.";
        var n = AlertNotice.Of(1286, State(AlertRules.TaakstellingAchter, "taakstelling", summary), NotificationKind.Nieuw,
            Input(row, housedOn: new Dictionary<string, DateOnly> { ["GM0743"] = Oct31 },
                halfYears: [new HalfYearRow("GM0743", "2026-H2", 17, 11, 28, 10, 5)]));
        var m = College(n);

        Assert.Equal("Taakstelling 2026-H2 loopt achter", Regex.Match(m.HtmlBody!, "<h3[^>]*>(Taakstelling[^<]*) <span").Groups[1].Value);
        Assert.Equal(
        [
            "taakstelling 2026-H2 | 17 |  | circulaire taakstelling (feed opgave)",
            "achterstand uit 2026-H1 | 11 | 30 juni 2026 | berekend uit de COA-telling van 2026-H1",
            "te huisvesten in 2026-H2 | 28 | 4 december 2026 | taakstelling + achterstand",
            "gehuisvest | 10 | 31 oktober 2026 | COA-telling (feed huisvesting)",
            "nog te huisvesten | 18 | 31 oktober 2026 | te huisvesten − gehuisvest",
            "einde halfjaar | 31 december 2026 |  | ",
        ], Rows(m.HtmlBody!));
        Assert.Contains("op 31 oktober 2026 (36%)", m.TextBody);
        Assert.Contains("Wat wordt gevraagd: Nog 18 personen huisvesten vóór 31 december 2026 (volgens de COA-telling van 31 oktober 2026).", m.TextBody);
        Assert.Contains("   - gehuisvest: 10 (peildatum 31 oktober 2026; bron: COA-telling (feed huisvesting))", m.TextBody);
        Assert.DoesNotContain("gehuisvest: 10 (peildatum 4 december", m.TextBody);
    }

    [Fact]
    public void Taakstelling_WithoutACountInTheHalfYear_SaysSoInsteadOfADate()
    {
        var row = TestSeries.Row("GM0743", "gemeente", "taakstelling", Dec4, 28, 0, 28, 28, 0m, new DateOnly(2026, 12, 31), null, null, null);
        var n = AlertNotice.Of(1286, State(AlertRules.TaakstellingAchter, "taakstelling", "s"), NotificationKind.Nieuw, Input(row));
        Assert.Contains("gehuisvest | 0 | nog geen telling in 2026-H2 | COA-telling (feed huisvesting)", Rows(College(n).HtmlBody!));
    }

    [Fact]
    public void DeadlineGemist_TableIsAboutTheMissedDeadline_AndTheNextDeadlineIsNamedApart()
    {
        // Asten's asiel on the demo day: 89 due on 1 July 2025 (55 there then), 10 now; cycle 2's indicative figure of 81
        // and its deadline of 1 July 2027 are in today's series row, which is not what the sentence is about.
        var row = TestSeries.Row("GM0743", "gemeente", "asiel", Dec4, 81, 10, 71, 71, 12.35m, new DateOnly(2027, 7, 1), 10, 10, 10);
        var passed = new DeadlineOutcome("GM0743", AreaLevel.Gemeente, Opgave.Asiel, "2024-2025", new DateOnly(2025, 7, 1), true, 89, 55, 34, 34,
            ["GM0743"], 0, 1, new DateOnly(2027, 7, 1), null);
        var summary = "Asten (GM0743): asiel " + DeadlineRule.Text(passed, 10);
        var n = AlertNotice.Of(314, State(AlertRules.DeadlineGemist, "asiel", summary), NotificationKind.Nieuw, Input(row, [passed]));
        var m = College(n);

        Assert.Equal(
        [
            "opgave op de deadline | 89 | 1 juli 2025 | Spreidingswet-verdeling (feed opgave)",
            "gerealiseerd op de deadline | 55 | 1 juli 2025 | locaties met plekken (feed plekken)",
            "gerealiseerd nu | 10 | 4 december 2026 | locaties met plekken (feed plekken)",
            "nog te gaan | 79 | 4 december 2026 | opgave op de deadline − gerealiseerd nu",
        ], Rows(m.HtmlBody!));
        Assert.Contains("deadline 1-7-2025 verstreken: 10 van 89 plekken; nog 79 te gaan (op de deadline 55).", m.TextBody);
        Assert.Equal("Asten — asielopvang: deadline 1 juli 2025 verstreken, opgave niet gehaald (kritiek)", m.Subject);
        const string note = "Volgende deadline: 1 juli 2027 (volgende cyclus). Tot het verdeelbesluit van de volgende cyclus blijft de opgave van de deadline van 1 juli 2025 gelden: 89 plekken.";
        Assert.Contains($"<strong>{note}</strong>", m.HtmlBody);
        Assert.Contains("   " + note, m.TextBody);
        Assert.Contains("De 79 ontbrekende plekken van de deadline van 1 juli 2025 zo snel mogelijk beschikbaar maken", m.TextBody);
        // Neither body puts the next cycle's figures (81, 71) or its deadline in the missed deadline's table.
        Assert.DoesNotContain("81", m.TextBody);
        Assert.DoesNotContain("71", m.TextBody);
        Assert.DoesNotContain("<td>deadline</td>", m.HtmlBody);
    }

    [Fact]
    public void DeadlineGemist_Provincie_GroupedLineGivesTheDeadlineDayAndNow()
    {
        var row = TestSeries.Row("PV30", "provincie", "asiel", Dec4, 9000, 8000, 1000, 1200, 88.9m, new DateOnly(2027, 7, 1), null, null, null);
        var passed = new DeadlineOutcome("PV30", AreaLevel.Provincie, Opgave.Asiel, "2024-2025", new DateOnly(2025, 7, 1), true, 9500, 7900, 1600, 1900,
            ["GM0743", "GM0762"], 0, 56, new DateOnly(2027, 7, 1), null);
        var state = new AlertState(5, new AlertKey(AlertRules.DeadlineGemist, "PV30", "asiel"), AlertStatus.Firing, Severity.Kritiek, "s", [Roles.Prt],
            Dec4, Dec4, null, false, null);
        var n = AlertNotice.Of(5, state, NotificationKind.Nieuw, Input(row, [passed]) with { Names = new Dictionary<string, string> { ["PV30"] = "Noord-Brabant" } });
        var m = AlertMail.Compose(From, Mail.Mailbox("PRT", "prt@brabant.test"), [n], Dec4, DateTimeOffset.UtcNow,
            new AlertMailContext(Roles.Prt, "PV30", Names, [], null));
        Assert.Contains("- Noord-Brabant: kritiek; asielopvang: op de deadline van 1 juli 2025 7.900 van 9.500 plekken; nu 8.000, nog 1.500 te gaan (peildatum 4 december 2026); " +
                        "volgende deadline 1 juli 2027; sinds", m.TextBody);
    }

    [Theory]
    [InlineData("indicatief", "opgave | 81 | 4 december 2026 | indicatieve verdeling 2026-2027 (feed opgave): kan nog veranderen bij het verdeelbesluit")]
    [InlineData("verdeelbesluit", "opgave | 81 | 4 december 2026 | Spreidingswet-verdeling 2026-2027, verdeelbesluit (feed opgave)")]
    [InlineData(null, "opgave | 81 | 4 december 2026 | Spreidingswet-verdeling (feed opgave)")]
    public void Projection_TheOpgaveSaysWhetherTheNewCyclesFigureIsStillIndicative(string? versie, string expected)
    {
        // As in the demo on 4 December 2026: cycle 2 has only indicative gemeente figures, and the projection toward
        // 1 July 2027 is judged against them.
        var row = TestSeries.Row("GM0743", "gemeente", "asiel", Dec4, 81, 10, 71, 71, 12.35m, new DateOnly(2027, 7, 1), 20, 30, 40);
        var input = Input(row) with
        {
            OpgaveVersies = versie is null
                ? new Dictionary<(string, string), (string, string)>()
                : new Dictionary<(string, string), (string, string)> { [("GM0743", "asiel")] = (versie, "2026-2027") },
        };
        var n = AlertNotice.Of(1286, State(AlertRules.PrognoseTekort, "asiel", "Asten (GM0743): asiel verwacht 30 van 81 plekken op 1 juli 2027."),
            NotificationKind.Nieuw, input);

        Assert.Contains(expected, Rows(College(n).HtmlBody!));
    }

    [Fact]
    public void Projection_EnoughPlacesNowButTooFewOnTheDeadline_AsksToKeepOrReplaceThem()
    {
        // Tilburg in the demo of 4 December 2026: 1.640 places now against an opgave of 1.068, but 875 expected on 1 July 2027.
        var row = TestSeries.Row("GM0743", "gemeente", "asiel", Dec4, 1068, 1640, -572, 0, 153.56m, new DateOnly(2027, 7, 1), 875, 875, 1640);
        var n = AlertNotice.Of(1286, State(AlertRules.PrognoseTekort, "asiel", "Asten (GM0743): asiel verwacht 875 van 1.068 plekken op 1 juli 2027."),
            NotificationKind.Nieuw, Input(row));
        var html = College(n).HtmlBody!;

        Assert.Contains("Zorg dat er op 1 juli 2027 nog 1.068 plekken zijn. Nu zijn het er 1.640, maar naar verwachting op die dag nog 875, " +
                        "193 te weinig: houd plekken die aflopen open of vervang ze op tijd.", html);
        Assert.DoesNotContain("Lees de toelichting hieronder", html);
    }
}
