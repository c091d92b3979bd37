using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Tests.Support;
using MimeKit;
using Monitor.Digests.College;

namespace Monitor.Tests.Digests;

/// <summary>The college digest of one gemeente, through the outbox to a real SMTP server, parsed back.</summary>
public sealed class CollegeDigestTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2025, 5, 12);
    private SmtpTestServer _smtp = null!;
    private OutputsKit _kit = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _kit = await OutputsKit.StartAsync(_smtp);
        await DigestScenario.LoadAsync(_kit, Monday);
        await _kit.Rows.ContactAsync("GM0344", "college", "College van B&W Utrecht", "college@utrecht.test");
    }

    public async Task DisposeAsync()
    {
        await _kit.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task College_GetsWhatIsAskedByWhen_WithAnXlsxSheetPerOpgave()
    {
        var runner = _kit.Services.GetRequiredService<CollegeRunner>();
        Assert.Equal(["GM0344"], await runner.GemeentenAsync(CancellationToken.None));
        Assert.NotNull(await runner.QueueAsync("GM0344", Monday, DateTimeOffset.UtcNow, CancellationToken.None));
        await _kit.Outbox.SendDueAsync(DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);
        var m = Assert.Single(_smtp.Received());
        Assert.Equal(["college@utrecht.test"], SmtpTestServer.EnvelopeRecipients(m));
        Assert.Equal("Utrecht — overzicht opgaven mei 2025", m.Subject);
        // Asked first, earliest date first: asiel and amv by 1 July 2025, the taakstelling by the half year's end.
        var asked = m.TextBody[..m.TextBody.IndexOf("IN HET KORT", StringComparison.Ordinal)];
        Assert.Contains("- Asielopvang: nog 800 plekken beschikbaar maken vóór 1 juli 2025.", asked);
        Assert.Contains("- Opvang amv: nog 40 plekken beschikbaar maken vóór 1 juli 2025.", asked);
        Assert.Contains("- Taakstelling statushouders: nog 220 personen huisvesten vóór 30 juni 2025.", asked);
        Assert.DoesNotContain("Oekraïne", asked);
        Assert.Contains("120 van 340 personen gehuisvest (35%) terwijl", m.TextBody);
        Assert.Contains("UITRUIL-1: 50 Asielopvang van Amersfoort naar Utrecht", m.TextBody);

        var xlsx = m.Attachments.OfType<MimePart>().Single(a => a.FileName == "collegeoverzicht-GM0344-2025-05-12.xlsx");
        Assert.Contains(m.Attachments.OfType<MimePart>(), a => a.FileName == "collegeoverzicht-GM0344-2025-05-12.csv");
        using var ms = new MemoryStream();
        xlsx.Content!.DecodeTo(ms);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(ms.ToArray()), false);
        Assert.Equal(["Asielopvang", "Amv", "Oekraïne", "Taakstelling"], doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
    }
}
