using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit.Security;
using Monitor.Tests.Support;
using MimeKit;
using Monitor.Outbox;

namespace Monitor.Tests.Outbox;

/// <summary>
/// The SMTP transport against a relay that asks what a production relay asks: STARTTLS, then a login, then mail. The
/// relay's certificate comes from an "internal CA" the system does not trust, so it is pinned with Smtp:TrustedCertificate.
/// </summary>
public sealed class SmtpTlsAuthTests : IAsyncLifetime
{
    private const string User = "monitor";
    private const string Password = "geheim-wachtwoord";
    private readonly string _dir = Directory.CreateTempSubdirectory("monitor-smtp-tls-").FullName;
    private string _trusted = "";
    private SmtpTestServer _relay = null!;

    public async Task InitializeAsync()
    {
        var (cert, key) = WriteCertificate("relay", IPAddress.Loopback, "localhost");
        _trusted = cert;
        _relay = await SmtpTestServer.StartAsync(new SmtpTestServer.TlsAndLogin(cert, key, User, Password));
    }

    public async Task DisposeAsync()
    {
        await _relay.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private SmtpOptions Options(string? trusted, string password = Password, int? port = null) => new()
    {
        Host = "127.0.0.1", Port = port ?? _relay.Port, Security = "starttls", User = User, Password = password, TrustedCertificate = trusted, TimeoutSeconds = 10,
    };

    private static OutboxMessage Message(string to)
    {
        var mime = new MimeMessage { Subject = "Dreigend tekort: Amsterdam (asiel)", MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("monitor.test") };
        mime.From.Add(MailboxAddress.Parse("Monitor <monitor@provincie.test>"));
        mime.To.Add(MailboxAddress.Parse(to));
        mime.Body = new TextPart("plain") { Text = "Zelfs de hoge prognose haalt de opgave niet." };
        return new OutboxMessage(1, mime.MessageId, "alert", [to], OutboxStore.Serialize(mime), 0);
    }

    [Fact]
    public async Task StartTlsAndLogin_WithTheRelaysCertificatePinned_Delivers()
    {
        await using (var smtp = new SmtpTransport(Options(_trusted)))
        {
            await smtp.SendAsync(Message("college@amsterdam.test"), default);
            await smtp.SendAsync(Message("college@utrecht.test"), default);   // the same authenticated connection
        }

        var received = _relay.Received();
        Assert.Equal(["college@amsterdam.test", "college@utrecht.test"], received.SelectMany(SmtpTestServer.EnvelopeRecipients).Order());
        Assert.All(received, m => Assert.Equal("Dreigend tekort: Amsterdam (asiel)", m.Subject));
    }

    [Fact]
    public async Task ACertificateNobodyPinned_IsRefused_AndNothingIsSent()
    {
        await using var smtp = new SmtpTransport(Options(trusted: null));
        var error = await Assert.ThrowsAsync<SslHandshakeException>(() => smtp.SendAsync(Message("college@amsterdam.test"), default));
        Assert.False(smtp.IsPermanent(error));   // a relay's certificate gets fixed: the outbox tries again later
        Assert.Empty(_relay.Received());
    }

    [Fact]
    public async Task APinnedCertificateForAnotherHost_IsRefused()
    {
        var (other, _) = WriteCertificate("ander", null, "relay.elders.test");
        await using var relay = await SmtpTestServer.StartAsync(new SmtpTestServer.TlsAndLogin(other, Path.Combine(_dir, "ander.key"), User, Password));
        await using var smtp = new SmtpTransport(Options(other, port: relay.Port));
        await Assert.ThrowsAsync<SslHandshakeException>(() => smtp.SendAsync(Message("college@amsterdam.test"), default));
        Assert.Empty(relay.Received());
    }

    [Fact]
    public async Task AWrongPassword_IsAPermanentFailure_AndNeverPrinted()
    {
        await using var smtp = new SmtpTransport(Options(_trusted, password: "fout-wachtwoord"));
        var error = await Assert.ThrowsAsync<AuthenticationException>(() => smtp.SendAsync(Message("college@amsterdam.test"), default));
        Assert.True(smtp.IsPermanent(error));
        Assert.DoesNotContain("fout-wachtwoord", error.ToString());
        Assert.DoesNotContain("fout-wachtwoord", Options(_trusted, password: "fout-wachtwoord").ToString());
        Assert.Empty(_relay.Received());
    }

    [Fact]
    public void APinnedCertificate_WithoutTls_OrMissing_IsAConfigurationError()
    {
        static List<string> Problems(SmtpOptions o) => o.Validate(new ValidationContext(o)).Select(r => r.ErrorMessage!).ToList();
        Assert.Contains(Problems(new SmtpOptions { Host = "relay", Security = "none", TrustedCertificate = _trusted }), p => p.Contains("Security is none"));
        Assert.Contains(Problems(new SmtpOptions { Host = "relay", TrustedCertificate = "/bestaat/niet.pem" }), p => p.Contains("bestaat niet"));
    }

    /// <summary>A self-signed server certificate for the given address and name (the "internal CA" is the certificate itself).</summary>
    private (string Certificate, string Key) WriteCertificate(string name, IPAddress? address, string dnsName)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={dnsName}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        if (address is not null) san.AddIpAddress(address);
        san.AddDnsName(dnsName);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var (certPath, keyPath) = (Path.Combine(_dir, name + ".pem"), Path.Combine(_dir, name + ".key"));
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return (certPath, keyPath);
    }
}
