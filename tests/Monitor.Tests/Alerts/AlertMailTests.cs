using Monitor.Tests.Support;
using System.Text;
using System.Text.RegularExpressions;
using Monitor.Alerts;
using MimeKit;
using Monitor.Digests;
using Monitor.Outbox;

namespace Monitor.Tests.Alerts;

/// <summary>The composer on its own: feed text is escaped in HTML and can never add a header.</summary>
public sealed class AlertMailTests
{
    private static readonly MailboxAddress From = new("Monitor", "monitor@monitor.test");
    private static readonly DateOnly Day = new(2025, 5, 12);

    private static AlertNotice Notice(string summary, string gebied) => new(7,
        new AlertState(7, new AlertKey("prognose_tekort", "GM0363", "asiel"), AlertStatus.Firing, Severity.Waarschuwing, summary, [Roles.College],
            Day, Day, Day, false, null), NotificationKind.Nieuw, gebied);

    private static MimeMessage RoundTrip(MimeMessage m) => MimeMessage.Load(new MemoryStream(OutboxStore.Serialize(m)));

    private static readonly DateOnly Dec3 = new(2026, 12, 3);
    private static readonly Contact PrtContact = new("PV30", "prt", "Regietafel Brabant", "prt@brabant.test");

    private static AlertNotice Taakstelling(long id, string code, string name, int due, int housed, string severity = Severity.Waarschuwing) => new(id,
        new AlertState(id, new AlertKey("taakstelling_achter", code, "taakstelling"), AlertStatus.Firing, severity,
            $"{name} ({code}): taakstelling 2026-H2 loopt achter: {housed} van {due} gehuisvest (38%) terwijl 85% van 2026-H2 voorbij is.", [Roles.College],
            new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3), null, false, null), NotificationKind.Nieuw, $"{name} ({code})")
    {
        Figure = TestSeries.Row(code, "gemeente", "taakstelling", new DateOnly(2026, 12, 1), due, housed, due - housed, due - housed, 100m * housed / due,
            new DateOnly(2026, 12, 31), null, null, null),
        HousedOn = new DateOnly(2026, 11, 30),
    };

    private static string Names(string code) => code switch { "PV30" => "Noord-Brabant", "GM0743" => "Asten", "NL" => "Nederland", _ => code };

    [Fact]
    public void College_SubjectNamesAreaTopicSeverity_BodySaysWhatIsAskedByWhen()
    {
        var c = new AlertMailContext(Roles.College, "GM0743", Names, [PrtContact], "https://grafana.brabant.test/");
        var m = RoundTrip(AlertMail.Compose(From, Mail.Mailbox("College Asten", "college@asten.test"), [Taakstelling(12, "GM0743", "Asten", 28, 10)], Dec3,
            DateTimeOffset.UtcNow, c));
        Assert.Equal("Asten — taakstelling 2026-H2 loopt achter (waarschuwing)", m.Subject);
        Assert.Contains("Wat wordt gevraagd: Nog 18 personen huisvesten vóór 31 december 2026 (volgens de COA-telling van 30 november 2026).", m.TextBody);
        Assert.Contains("   - te huisvesten in 2026-H2: 28 (peildatum 1 december 2026; bron: circulaire taakstelling (feed opgave), " +
                        "met de achterstand uit het vorige halfjaar)", m.TextBody);
        Assert.Contains("   - gehuisvest: 10 (peildatum 30 november 2026; bron: COA-telling (feed huisvesting))", m.TextBody);
        Assert.Contains("- taakstelling: het aantal statushouders", m.TextBody);
        Assert.Single(Regex.Matches(m.TextBody, "- opgave: "));
        Assert.Contains("Regietafel Brabant <prt@brabant.test> (Provinciale Regietafel Noord-Brabant)", m.TextBody);
        Assert.Contains("Dashboard: https://grafana.brabant.test/d/monitor-gemeente?var-gemeente=GM0743", m.TextBody);
        Assert.Contains("href=\"https://grafana.brabant.test/d/monitor-gemeente?var-gemeente=GM0743\"", m.HtmlBody);
        Assert.DoesNotContain("monitor alerts", m.TextBody);
        Assert.DoesNotContain("monitor alerts", m.HtmlBody);
    }

    [Fact]
    public void College_SeveralAlerts_SubjectCountsThem()
    {
        var asiel = new AlertNotice(13, new AlertState(13, new AlertKey("prognose_tekort", "GM0743", "asiel"), AlertStatus.Firing, Severity.Kritiek, "s",
            [Roles.College], Dec3, Dec3, null, false, null), NotificationKind.Nieuw, "Asten (GM0743)")
        {
            Figure = TestSeries.Row("GM0743", "gemeente", "asiel", Dec3, 89, 10, 79, 79, 11m, new DateOnly(2025, 7, 1), null, null, null),
        };
        var c = new AlertMailContext(Roles.College, "GM0743", Names, [], null);
        var m = AlertMail.Compose(From, Mail.Mailbox("College Asten", "college@asten.test"), [asiel, Taakstelling(12, "GM0743", "Asten", 28, 10)], Dec3,
            DateTimeOffset.UtcNow, c);
        Assert.Equal("Asten — 2 meldingen: asielopvang: deadline 1 juli 2025 verstreken met een tekort; taakstelling 2026-H2 loopt achter (kritiek)", m.Subject);
        Assert.Contains("Wat wordt gevraagd: De 79 ontbrekende plekken zo snel mogelijk beschikbaar maken: de deadline van 1 juli 2025 is verstreken.", m.TextBody);
    }

    [Fact]
    public void Prt_GetsOneGroupedTablePerRule_NotARowOfTheSameTextPerGemeente()
    {
        var notices = new[] { Taakstelling(1, "GM0743", "Asten", 28, 10), Taakstelling(2, "GM0762", "Deurne", 40, 30, Severity.Kritiek), Taakstelling(3, "GM0820", "Nuenen", 30, 10) }
            .Select(n => n with { Alert = n.Alert with { Roles = [Roles.College, Roles.Prt] } }).ToList();
        var c = new AlertMailContext(Roles.Prt, "PV30", Names, [], null);
        var m = RoundTrip(AlertMail.Compose(From, Mail.Mailbox("PRT", "prt@brabant.test"), notices, Dec3, DateTimeOffset.UtcNow, c));
        Assert.Equal("Noord-Brabant — 3 meldingen: taakstelling loopt achter (3 gebieden) (kritiek)", m.Subject);
        Assert.Single(Regex.Matches(m.TextBody, "TAAKSTELLING LOOPT ACHTER — 3 gebieden"));
        Assert.Single(Regex.Matches(m.HtmlBody!, ">Gebied</th>"));
        // Critical first, then the largest shortfall; the rule's sentence is not repeated per gemeente.
        var deurne = m.TextBody.IndexOf("- Deurne: kritiek; 30 van 40 gehuisvest (COA-telling 30 november 2026), nog 10 nodig", StringComparison.Ordinal);
        var nuenen = m.TextBody.IndexOf("- Nuenen: waarschuwing; 10 van 30 gehuisvest (COA-telling 30 november 2026), nog 20 nodig", StringComparison.Ordinal);
        var asten = m.TextBody.IndexOf("- Asten: waarschuwing; 10 van 28 gehuisvest (COA-telling 30 november 2026), nog 18 nodig", StringComparison.Ordinal);
        Assert.True(deurne > 0 && nuenen > deurne && asten > nuenen, m.TextBody);
        Assert.DoesNotContain("loopt achter: 10 van 28", m.TextBody);
        Assert.DoesNotContain("monitor alerts", m.TextBody);
    }

    [Fact]
    public void Operator_GetsTheCommands()
    {
        var feed = new AlertNotice(9, new AlertState(9, new AlertKey("feed_te_laat", "NL", "feed:coa"), AlertStatus.Firing, Severity.Waarschuwing,
            "Feed coa is te laat: verwacht elke 1 dag(en), laatste levering 2026-12-01 06:15 UTC.", [Roles.Operator], Dec3, Dec3, null, false, null),
            NotificationKind.Nieuw, "NL");
        var c = new AlertMailContext(Roles.Operator, "NL", Names, [], null);
        var m = AlertMail.Compose(From, Mail.Mailbox("Beheer", "ops@monitor.test"), [feed], Dec3, DateTimeOffset.UtcNow, c);
        Assert.Equal("Monitor — feed coa is te laat (waarschuwing)", m.Subject);
        Assert.Contains("Feed coa is te laat: verwacht elke 1 dag(en)", m.TextBody);
        Assert.Contains("monitor alerts silence --id ID --until JJJJ-MM-DD --reason TEKST", m.TextBody);
        Assert.Contains("<code>monitor alerts silence", m.HtmlBody);
    }

    [Fact]
    public void NameWithLineBreak_CannotAddAHeader()
    {
        var to = Mail.Mailbox("Evil\r\nBcc: x@y", "college@amsterdam.test");
        var bytes = OutboxStore.Serialize(AlertMail.Compose(From, to, [Notice("tekort", "Amsterdam")], Day, DateTimeOffset.UtcNow));
        var raw = Encoding.ASCII.GetString(bytes);
        Assert.DoesNotContain("\nBcc:", raw, StringComparison.OrdinalIgnoreCase);
        var parsed = MimeMessage.Load(new MemoryStream(bytes));
        Assert.Null(parsed.Headers["Bcc"]);
        Assert.Empty(parsed.Bcc);
        var only = Assert.Single(parsed.To.Mailboxes);
        Assert.Equal("college@amsterdam.test", only.Address);
        Assert.Equal("Evil  Bcc: x@y", only.Name);
    }

    [Fact]
    public void AddressWithLineBreak_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Mail.Mailbox("x", "a@b.nl\r\nBcc: c@d.nl"));
        Assert.Throws<ArgumentException>(() => Mail.Mailbox("x", "a@b.nl, c@d.nl"));
    }

    [Fact]
    public void FeedText_IsEscapedInHtml_AndKeptInText()
    {
        var nasty = "Gemeente <b>\"De Ronde\" & 'Venen'</b>";
        var m = RoundTrip(AlertMail.Compose(From, Mail.Mailbox("B&W <\"Venen\">", "bw@venen.test"), [Notice($"{nasty}: tekort", nasty)], Day, DateTimeOffset.UtcNow));
        Assert.Contains("Gemeente &lt;b&gt;&quot;De Ronde&quot; &amp; &#39;Venen&#39;&lt;/b&gt;", m.HtmlBody);
        Assert.DoesNotContain("<b>", m.HtmlBody);
        Assert.Contains("Beste B&amp;W &lt;&quot;Venen&quot;&gt;,", m.HtmlBody);
        Assert.Contains(nasty + ": tekort", m.TextBody);
        Assert.Equal("B&W <\"Venen\">", m.To.Mailboxes.Single().Name);
        Assert.Equal("bw@venen.test", m.To.Mailboxes.Single().Address);
    }

    [Fact]
    public void StoredBytes_AreSevenBitWithAMessageId()
    {
        var m = AlertMail.Compose(From, Mail.Mailbox("Ëlse Ünïcode", "e@x.test"), [Notice("Súmmary – €", "Gebied")], Day, DateTimeOffset.UtcNow);
        var bytes = OutboxStore.Serialize(m);
        Assert.All(bytes, b => Assert.True(b < 128));
        var parsed = MimeMessage.Load(new MemoryStream(bytes));
        Assert.EndsWith("@monitor.test", parsed.MessageId);
        Assert.Equal("Ëlse Ünïcode", parsed.To.Mailboxes.Single().Name);
        Assert.Contains("Súmmary – €", parsed.TextBody);
    }

    [Fact]
    public void SubjectWithLineBreak_StaysOneHeader()
    {
        var m = Mail.New(From, Mail.Mailbox("x", "x@y.test"), "Weekoverzicht Utrecht\r\nBcc: evil@y.test", DateTimeOffset.UtcNow);
        m.Body = new TextPart("plain") { Text = "x" };
        var raw = Encoding.ASCII.GetString(OutboxStore.Serialize(m));
        Assert.DoesNotContain("\nBcc:", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Weekoverzicht Utrecht  Bcc: evil@y.test", MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(raw))).Subject);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+31 6", "'+31 6")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Bergen (NH); gemeente", "\"Bergen (NH); gemeente\"")]
    [InlineData("'s-Hertogenbosch", "'s-Hertogenbosch")]
    public void CsvField_IsQuotedAndFormulaSafe(string text, string expected) => Assert.Equal(expected, DigestCsv.Field(text));

    [Fact]
    public void SmtpOptions_ValidateAndNeverShowThePassword()
    {
        var ok = new SmtpOptions { Host = "smtp.provincie.nl", Port = 587, User = "monitor", Password = "geheim-123", From = "Monitor <monitor@provincie.nl>" };
        Assert.True(Valid(ok));
        Assert.DoesNotContain("geheim-123", ok.ToString());
        Assert.False(Valid(new SmtpOptions { Host = "h", User = "monitor" }));            // user without password
        Assert.False(Valid(new SmtpOptions { From = "geen adres" }));
        Assert.False(Valid(new SmtpOptions { Security = "tls1.0" }));
        Assert.False(new SmtpOptions().Configured);                                      // no host: files in the outbox folder
    }

    private static bool Valid(object o) =>
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(o, new(o), [], validateAllProperties: true);
}
