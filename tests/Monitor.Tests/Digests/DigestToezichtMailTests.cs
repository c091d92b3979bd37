using Monitor.Feeds;
using Monitor.Tests.Support;
using MimeKit;

namespace Monitor.Tests.Digests;

/// <summary>
/// The toezicht section travels only to the toezicht contacts (the register may be confidential): through the outbox to
/// a real SMTP server, the PRT gets its digest without it and the toezichthouder the same digest with it. With
/// Digest:ToezichtVoorPrt one digest goes to both. The koppelingen of the taakstelling are in every digest.
/// </summary>
public sealed class DigestToezichtMailTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2025, 7, 14);
    private SmtpTestServer _smtp = null!;
    private readonly List<OutputsKit> _kits = [];

    public async Task InitializeAsync() => _smtp = await SmtpTestServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var kit in _kits) await kit.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    /// <summary>Utrecht missed 2024-H2 and 2025-H1, has a plan van aanpak whose termijn passed on 1 May 2025 and was linked
    /// 200 of 340; Amersfoort missed 2025-H1 only (linked 110 of 140, housed 100) with nothing in the register; the third
    /// gemeente met its taakstelling.</summary>
    private async Task<OutputsKit> StartAsync(params (string, string)[] settings)
    {
        var kit = await OutputsKit.StartAsync(_smtp, settings);
        _kits.Add(kit);
        await DigestScenario.LoadAsync(kit, Monday);
        await kit.Rows.ContactAsync("PV26", "toezicht", "Gedeputeerde Staten van Utrecht (IBT)", "toezicht@utrecht.test");
        await kit.Rows.HalfYearAsync("GM0344", "2024-H2", 100, 0, 60, afgerond: true, gemistOpRij: 1);
        await kit.Rows.HalfYearAsync("GM0344", "2025-H1", 300, 40, 120, afgerond: true, gemistOpRij: 2);
        await kit.Rows.HalfYearAsync("GM0307", "2025-H1", 140, 0, 100, afgerond: true, gemistOpRij: 1);
        await kit.Rows.HalfYearAsync("GM0355", "2025-H1", 60, 5, 70, afgerond: true);
        Assert.Equal(IngestOutcome.Accepted, (await kit.Database.Db.IngestTextAsync("koppelingen", """
            peildatum,periode,gemeentecode,gekoppeld,waarvan_amv
            2025-06-30,2025-H1,GM0344,200,
            2025-06-30,2025-H1,GM0307,110,
            2025-06-30,2025-H1,GM0355,70,
            """, "koppelingen.csv")).Outcome);
        Assert.Equal(IngestOutcome.Accepted, (await kit.Database.Db.IngestTextAsync("toezicht", """
            gemeentecode,opgave,besluitdatum,stap,regime,oordeel,termijn,toelichting
            GM0344,taakstelling,2025-02-01,plan_van_aanpak,,verwijtbaar,2025-05-01,twee halfjaren gemist
            """, "toezicht.csv")).Outcome);
        return kit;
    }

    private async Task<List<MimeMessage>> SendAsync(OutputsKit kit, int expected)
    {
        var before = _smtp.Received().Count;
        var r = await kit.Digests.QueueAsync("PV26", Monday, DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal(expected, r.OutboxIds.Count);
        Assert.Equal(expected, (await kit.Outbox.SendDueAsync(DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None)).Sent);
        return _smtp.Received().Skip(before).ToList();
    }

    private static int Heading(MimeMessage m, string title) => m.HtmlBody!.IndexOf($">{title}</h2>", StringComparison.Ordinal);

    [Fact]
    public async Task ToezichtContact_GetsTheDigestWithTheSection_ThePrtWithout_BothWithTheKoppelingen()
    {
        var kit = await StartAsync();
        var mails = await SendAsync(kit, 2);

        var prt = mails.Single(m => SmtpTestServer.EnvelopeRecipients(m).Contains("prt@utrecht.test"));
        Assert.Equal(["cdk@utrecht.test", "prt@utrecht.test"], SmtpTestServer.EnvelopeRecipients(prt).Order());
        Assert.Equal("Weekoverzicht Utrecht 2025-07-14", prt.Subject);
        Assert.Equal(-1, Heading(prt, "Toezicht op de taakstelling"));
        Assert.DoesNotContain("plan van aanpak", prt.HtmlBody);
        Assert.DoesNotContain("TOEZICHT", prt.TextBody);

        var toezicht = mails.Single(m => SmtpTestServer.EnvelopeRecipients(m).Contains("toezicht@utrecht.test"));
        Assert.Equal(["toezicht@utrecht.test"], SmtpTestServer.EnvelopeRecipients(toezicht));
        Assert.Equal("Weekoverzicht Utrecht 2025-07-14, met toezicht op de taakstelling", toezicht.Subject);
        Assert.Contains("voor de toezichthouder.", toezicht.HtmlBody);
        // Right after the headline, before who lags.
        Assert.True(Heading(toezicht, "In het kort") < Heading(toezicht, "Toezicht op de taakstelling"));
        Assert.True(Heading(toezicht, "Toezicht op de taakstelling") < Heading(toezicht, "Wie loopt achter"));
        Assert.Contains("1 gemeente met een verstreken termijn, 1 waarvoor de ladder een zwaardere stap voorstelt dan vastgelegd; 2 van 3 gemeenten haalden het laatste halfjaar (2025-H1) niet.", toezicht.TextBody);
        var lines = toezicht.TextBody.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var utrecht = lines.FindIndex(l => l.StartsWith("- Utrecht: termijn verstreken; gemist op rij 2; vastgelegd plan van aanpak, 1 februari 2025 (verwijtbaar); voorstel plan van aanpak; termijn verstreken op 1 mei 2025; achterstand 220, waarvan 140 door te weinig koppelingen"));
        var amersfoort = lines.FindIndex(l => l.StartsWith("- Amersfoort: zwaardere stap voorgesteld; gemist op rij 1; vastgelegd geen; voorstel hoor en wederhoor"));
        Assert.True(utrecht >= 0 && amersfoort > utrecht, toezicht.TextBody);
        Assert.Contains("<strong style=\"color:#c0392b;\">verstreken op 1 mei 2025</strong>", toezicht.HtmlBody);

        // The koppelingen of the taakstelling: in both.
        foreach (var m in mails)
        {
            Assert.True(Heading(m, "Taakstelling: meegenomen uit het vorige halfjaar") < Heading(m, "Taakstelling: achterstand en koppelingen"));
            Assert.Contains("Achterstand na 2025-H1: 260 personen bij 2 gemeenten, waarvan 170 doordat COA te weinig statushouders koppelde.", m.HtmlBody);
            Assert.Contains("- Utrecht: achterstand 220, waarvan 140 doordat er te weinig gekoppeld is (te huisvesten 340, gekoppeld 200, gehuisvest 120)", m.TextBody);
        }
    }

    [Fact]
    public async Task ToezichtVoorPrt_OneDigestWithTheSection_ToThePrtAndTheToezichthouder()
    {
        var kit = await StartAsync(("Digest:ToezichtVoorPrt", "true"));
        var mail = Assert.Single(await SendAsync(kit, 1));
        Assert.Equal(["cdk@utrecht.test", "prt@utrecht.test", "toezicht@utrecht.test"], SmtpTestServer.EnvelopeRecipients(mail).Order());
        Assert.True(Heading(mail, "Toezicht op de taakstelling") > 0);
        Assert.Contains("voor de Provinciale Regietafel en de toezichthouder.", mail.HtmlBody);
        Assert.DoesNotContain("Dit deel staat alleen in het weekoverzicht voor de toezichthouder", mail.HtmlBody);
    }
}
