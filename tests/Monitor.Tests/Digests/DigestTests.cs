using Monitor.Digests;
using Dapper;
using System.Text;
using System.Text.RegularExpressions;
using Monitor.Tests.Support;
using MimeKit;
using SkiaSharp;

namespace Monitor.Tests.Digests;

/// <summary>The weekly digest, sent to a real SMTP server and written to a folder, parsed back part by part.</summary>
public sealed partial class DigestTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2025, 5, 12);
    private SmtpTestServer _smtp = null!;
    private OutputsKit _kit = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _kit = await OutputsKit.StartAsync(_smtp, ("Alerts:ForDays", "0"));
        await DigestScenario.LoadAsync(_kit, Monday);
    }

    public async Task DisposeAsync()
    {
        await _kit.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private async Task<MimeMessage> SendAsync(DateOnly date)
    {
        var before = _smtp.Received().Count;
        var r = await _kit.Digests.QueueAsync("PV26", date, DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.NotNull(r.OutboxId);
        var sent = await _kit.Outbox.SendDueAsync(DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);
        Assert.Equal(1, sent.Sent);
        return _smtp.Received().Skip(before).Single();
    }

    [Fact]
    public async Task Digest_ArrivesWithTextHtmlInlinePngsAndCsv()
    {
        await _kit.DayAsync(Monday); // open alerts for the digest
        var m = await SendAsync(Monday);

        Assert.Equal(["cdk@utrecht.test", "prt@utrecht.test"], SmtpTestServer.EnvelopeRecipients(m).Order());
        Assert.Equal("Weekoverzicht Utrecht 2025-05-12", m.Subject);
        Assert.Equal("PRT Utrecht <voorzitter> & \"secretaris\"", m.To.Mailboxes.Single(x => x.Address == "prt@utrecht.test").Name);

        // Text alternative: headline per opgave with the five figures.
        Assert.Contains("- Asielopvang: opgave 3.000, gerealiseerd 2.200, netto gap 800, brutotekort 900, 50 dagen tot de deadline", m.TextBody);
        Assert.Contains("- Taakstelling: opgave 540, gerealiseerd 240, netto gap 300, brutotekort 300", m.TextBody);
        Assert.Contains("Er is nog geen eerder weekoverzicht opgeslagen.", m.TextBody);
        Assert.Contains("UITRUIL-1 (uitruil, Asielopvang): 50 van Amersfoort naar Utrecht, 2024-2025", m.TextBody);
        Assert.Contains("amv verwacht 100 van 120 plekken op 1 juli 2025 (tekort 20; nu 80).", m.TextBody);
        Assert.Contains("OPEN MELDINGEN", m.TextBody);
        Assert.Contains("[kritiek] Utrecht (GM0344): asiel verwacht 1.500 van 1.800 plekken op 1 juli 2025 (tekort 300; nu 1.000; prognose 1.200–1.700)", m.TextBody);

        // HTML: sections and tables, every image by cid, each a real PNG of 800×400 with text drawn in its title band.
        var html = m.HtmlBody ?? throw new InvalidOperationException("geen HTML-deel");
        // What it means first, then who lags, the map, the details; Oekraïne apart as information.
        string[] sections = ["In het kort", "Wie loopt achter", "Kaart", "Verloop asielopvang", "Sinds vorige week", "Per gemeente",
            "Taakstelling: meegenomen uit het vorige halfjaar", "Oekraïne (ter informatie, geen toezicht)", "Afspraken die gelden", "Open meldingen"];
        var positions = sections.Select(x => html.IndexOf($">{System.Net.WebUtility.HtmlEncode(x)}</h2>", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        var cids = CidRefs().Matches(html).Select(x => x.Groups[1].Value).ToList();
        Assert.Equal(6, cids.Count);
        var images = m.BodyParts.OfType<MimePart>().Where(p => p.ContentId is not null).ToList();
        Assert.Equal(cids.Order(), images.Select(i => i.ContentId).Order());
        foreach (var image in images)
        {
            Assert.Equal("image/png", image.ContentType.MimeType);
            Assert.Null(image.ContentDisposition?.Disposition is "attachment" ? "attachment" : null);
            AssertPng(Decode(image));
        }

        // CSV attachment: one row per gemeente × opgave that has figures; the nasty name quoted and formula-safe.
        var csv = m.Attachments.OfType<MimePart>().Single(a => a.FileName.EndsWith(".csv"));
        Assert.Equal("weekoverzicht-PV26-2025-05-12.csv", csv.FileName);
        var lines = Encoding.UTF8.GetString(Decode(csv)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(DigestCsv.Header, lines[0]);
        Assert.Equal(1 + 10, lines.Length);
        Assert.Contains("GM0344;Utrecht;asiel;1800;1000;800;800;55,56;1200;1500;1700;2025-07-01;2025-05-12", lines);
        Assert.Contains("GM0355;\"Zeist <b>\"\"de 'Bilt'\"\"</b> & =Co\";oekraine;300;100;200;200;33,33;;;;;2025-05-12", lines);
    }

    [Fact]
    public async Task FeedText_IsEscapedInHtml()
    {
        var html = (await SendAsync(Monday)).HtmlBody;
        Assert.Contains("Zeist &lt;b&gt;&quot;de &#39;Bilt&#39;&quot;&lt;/b&gt; &amp; =Co", html);
        Assert.Contains("Amersfoort &lt;neemt&gt; 50 plekken &amp; &quot;meer&quot;", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<neemt>", html);
    }

    [Fact]
    public async Task SinceLastWeek_ComparesWithTheStoredDigest()
    {
        await DigestScenario.SeriesAsync(_kit, Monday.AddDays(-7));
        await SendAsync(Monday.AddDays(-7));
        await DigestScenario.SeriesAsync(_kit, Monday, extraRealised: 50);
        var m = await SendAsync(Monday);
        Assert.Contains("Vergeleken met 2025-05-05:", m.TextBody);
        // Last week's digest stored the 2025-05-05 figures; asiel grew by 50 at the provincie and in Utrecht.
        Assert.Contains("- Asielopvang: gerealiseerd +50, netto gap −50, brutotekort =", m.TextBody);
        Assert.Contains("  Utrecht Asielopvang: 1.000 -> 1.050 (+50)", m.TextBody);
        Assert.Contains("Vergeleken met het weekoverzicht van 5 mei 2025:", m.HtmlBody);
        Assert.Equal(2L, await _kit.Database.Db.ScalarAsync<long>("SELECT count(*) FROM monitor.digests WHERE provinciecode = 'PV26'"));
        Assert.Equal(2250, await _kit.Database.Db.ScalarAsync<int>("""
            SELECT c.gerealiseerd FROM monitor.digest_cijfers c JOIN monitor.digests d ON d.id = c.digest_id
            WHERE d.datum = '2025-05-12' AND c.gebiedcode = 'PV26' AND c.opgave = 'asiel'
            """));
    }

    [Fact]
    public async Task Preview_WritesHtmlThatOpensWithItsCharts_AndStoresNothing()
    {
        // MONITOR_TEST_PREVIEW_DIR=/tmp/x keeps the page for a person to open in a browser.
        var folder = Environment.GetEnvironmentVariable("MONITOR_TEST_PREVIEW_DIR") ?? Path.Combine(_kit.Folder, "voorbeeld");
        var r = await _kit.Digests.PreviewAsync("PV26", Monday, folder, DateTimeOffset.UtcNow, CancellationToken.None);
        AssertHtmlFolder(r.HtmlPath!);
        Assert.True(File.Exists(r.CsvPath));
        Assert.Equal(0L, await _kit.Database.Db.ScalarAsync<long>("SELECT count(*) FROM monitor.digests"));
        Assert.Equal(0L, await _kit.Database.Db.ScalarAsync<long>("SELECT count(*) FROM monitor.outbox"));
    }

    [Fact]
    public async Task NoSmtpHost_SendWritesEmlAndHtmlWithImages()
    {
        await using var kit = await OutputsKit.StartAsync(null);
        await DigestScenario.LoadAsync(kit, Monday);
        await kit.Digests.QueueAsync("PV26", Monday, DateTimeOffset.UtcNow, CancellationToken.None);
        var sent = await kit.Outbox.SendDueAsync(DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);
        Assert.Equal(1, sent.Sent);
        // Browsable: named by area and date, with the CSV and XLSX beside the HTML.
        var eml = Assert.Single(Directory.GetFiles(kit.Folder, "*.eml"));
        Assert.Equal("weekoverzicht-PV26-2025-05-12.eml", Path.GetFileName(eml));
        Assert.Equal("Weekoverzicht Utrecht 2025-05-12", MimeMessage.Load(eml).Subject);
        Assert.Equal("weekoverzicht-PV26-2025-05-12.html", Path.GetFileName(Assert.Single(Directory.GetFiles(kit.Folder, "*.html"))));
        AssertHtmlFolder(Assert.Single(Directory.GetFiles(kit.Folder, "*.html")));
        Assert.True(File.Exists(Path.Combine(kit.Folder, "weekoverzicht-PV26-2025-05-12.csv")));
        Assert.True(File.Exists(Path.Combine(kit.Folder, "weekoverzicht-PV26-2025-05-12.xlsx")));
    }

    /// <summary>Every img src in the page is a relative file beside it that decodes as a PNG; no cid: is left.</summary>
    internal static void AssertHtmlFolder(string htmlPath)
    {
        var html = File.ReadAllText(htmlPath);
        Assert.DoesNotContain("cid:", html);
        var srcs = ImgSrc().Matches(html).Select(x => Uri.UnescapeDataString(x.Groups[1].Value)).ToList();
        Assert.Equal(6, srcs.Count);
        foreach (var src in srcs)
        {
            Assert.False(Path.IsPathRooted(src));
            var file = Path.Combine(Path.GetDirectoryName(htmlPath)!, src);
            Assert.True(File.Exists(file), file);
            AssertPng(File.ReadAllBytes(file));
        }
    }

    internal static void AssertPng(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png.Take(8));
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(800, bitmap.Width);
        Assert.InRange(bitmap.Height, 200, 2000);
        // The title is drawn: dark pixels in the top band (blank text would leave it white).
        var dark = 0;
        for (var y = 0; y < 40; y++)
            for (var x = 0; x < bitmap.Width; x++)
                if (bitmap.GetPixel(x, y) is var c && c.Red < 100 && c.Green < 100 && c.Blue < 100) dark++;
        Assert.True(dark > 200, $"titel lijkt leeg ({dark} donkere pixels)");
    }

    [Fact]
    public async Task Xlsx_HasOneSheetPerOpgave_ReadBackWithTheSameLibrary()
    {
        var m = await SendAsync(Monday);
        var xlsx = m.Attachments.OfType<MimePart>().Single(a => a.FileName == "weekoverzicht-PV26-2025-05-12.xlsx");
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(Decode(xlsx)), false);
        var wb = doc.WorkbookPart!;
        var sheets = wb.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        Assert.Equal(["Asielopvang", "Amv", "Oekraïne", "Taakstelling"], sheets.Select(x => x.Name!.Value));
        var asiel = (DocumentFormat.OpenXml.Packaging.WorksheetPart)wb.GetPartById(sheets[0].Id!);
        var rows = asiel.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        Assert.Equal(1 + 1 + 3, rows.Count); // header, the provincie, three gemeenten
        string Cell(DocumentFormat.OpenXml.Spreadsheet.Cell c) => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString
            ? c.InnerText : c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString
                ? wb.SharedStringTablePart!.SharedStringTable.ElementAt(int.Parse(c.InnerText)).InnerText : c.CellValue?.Text ?? c.InnerText;
        var utrecht = rows.Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(Cell).ToList()).Single(r => r[0] == "GM0344");
        Assert.Equal(["GM0344", "Utrecht", "ver achter", "1800", "1000", "800"], utrecht.Take(6));
    }

    [Fact]
    public async Task Laggards_LargestShortfallFirst_WithAStatusWord()
    {
        var m = await SendAsync(Monday);
        var start = m.TextBody.IndexOf("WIE LOOPT ACHTER", StringComparison.Ordinal);
        var section = m.TextBody[start..m.TextBody.IndexOf("KERNCIJFERS", start, StringComparison.Ordinal)];
        // asiel: Utrecht 800 short, the nasty-named gemeente 100; Amersfoort has a surplus and is not listed.
        var utrecht = section.IndexOf("- Utrecht: ver achter, tekort 800 (1.000 van 1.800)", StringComparison.Ordinal);
        var zeist = section.IndexOf($"- {DigestScenario.Nasty}: achter, tekort 100 (300 van 400)", StringComparison.Ordinal);
        Assert.True(utrecht > 0 && zeist > utrecht, section);
        Assert.DoesNotContain("- Amersfoort: gehaald", section);
        Assert.Contains("<strong>800</strong>", m.HtmlBody);
    }

    [Fact]
    public async Task Replay_ForTwelveMay2025_ListsNoAlertOpenedLater()
    {
        await _kit.DayAsync(Monday);
        // An alert opened in December 2026 and one resolved before the replayed day: neither was open on 12 May 2025.
        await using (var conn = await _kit.Database.Db.OpenConnectionAsync())
            await conn.ExecuteAsync("""
            INSERT INTO monitor.alerts (regel, gebiedcode, onderwerp, status, ernst, samenvatting, rollen, sinds, actief_sinds, laatst_geevalueerd)
            VALUES ('taakstelling_achter', 'GM0307', 'taakstelling', 'firing', 'kritiek', 'LATER GEOPEND', '{college}', '2026-12-02', '2026-12-03', '2026-12-03');
            INSERT INTO monitor.alerts (regel, gebiedcode, onderwerp, status, ernst, samenvatting, rollen, sinds, actief_sinds, opgelost_op, laatst_geevalueerd)
            VALUES ('oekraine_onder_sleutel', 'GM0355', 'oekraine', 'resolved', 'informatie', 'AL OPGELOST', '{prt}', '2025-04-01', '2025-04-02', '2025-05-01', '2025-05-01');
            """);
        var model = await _kit.Digests.LoadModelAsync("PV26", Monday, CancellationToken.None);
        Assert.NotEmpty(model.OpenAlerts);
        Assert.All(model.OpenAlerts, a => Assert.True(a.Sinds <= Monday, $"melding {a.Id} geopend op {a.Sinds}"));
        Assert.DoesNotContain(model.OpenAlerts, a => a.Samenvatting is "LATER GEOPEND" or "AL OPGELOST");
        // The same digest today does list the later one.
        var today = await _kit.Digests.LoadModelAsync("PV26", new DateOnly(2026, 12, 3), CancellationToken.None);
        Assert.Contains(today.OpenAlerts, a => a.Samenvatting == "LATER GEOPEND");
    }

    private static byte[] Decode(MimePart part)
    {
        using var ms = new MemoryStream();
        part.Content!.DecodeTo(ms);
        return ms.ToArray();
    }

    [GeneratedRegex("src=\"cid:([^\"]+)\"")] private static partial Regex CidRefs();
    [GeneratedRegex("<img src=\"([^\"]+)\"")] private static partial Regex ImgSrc();
}
