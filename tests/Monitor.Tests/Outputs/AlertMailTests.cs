using System.Text;
using Monitor.Alerts;
using Monitor.Outputs;
using MimeKit;

namespace Monitor.Tests.Outputs;

/// <summary>The composer on its own: feed text is escaped in HTML and can never add a header.</summary>
public sealed class AlertMailTests
{
    private static readonly MailboxAddress From = new("Monitor", "monitor@monitor.test");
    private static readonly DateOnly Day = new(2025, 5, 12);

    private static AlertNotice Notice(string summary, string gebied) => new(7,
        new AlertState(7, new AlertKey("prognose_tekort", "GM0363", "asiel"), AlertStatus.Firing, Severity.Waarschuwing, summary, [Roles.College],
            Day, Day, Day, false, null), NotificationKind.Nieuw, gebied);

    private static MimeMessage RoundTrip(MimeMessage m) => MimeMessage.Load(new MemoryStream(Monitor.Outputs.OutboxStore.Serialize(m)));

    [Fact]
    public void NameWithLineBreak_CannotAddAHeader()
    {
        var to = Mail.Mailbox("Evil\r\nBcc: x@y", "college@amsterdam.test");
        var bytes = Monitor.Outputs.OutboxStore.Serialize(AlertMail.Compose(From, to, [Notice("tekort", "Amsterdam")], Day, DateTimeOffset.UtcNow));
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
        var bytes = Monitor.Outputs.OutboxStore.Serialize(m);
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
        var raw = Encoding.ASCII.GetString(Monitor.Outputs.OutboxStore.Serialize(m));
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
    public void CsvField_IsQuotedAndFormulaSafe(string text, string expected) => Assert.Equal(expected, Monitor.Outputs.DigestCsv.Field(text));

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
