using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using System.Security.Cryptography.X509Certificates;

namespace Monitor.Outbox;

/// <summary>MailKit over SMTP: one connection per sending run, reconnected after a failure. The envelope is the stored recipients.</summary>
public sealed class SmtpTransport(SmtpOptions options) : IMailTransport
{
    private SmtpClient? _client;

    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        // A stored recipient the sender cannot address (a row from before the address rule) fails this message
        // alone, at once and for good; it never reaches the relay, so it cannot break the connection for the rest.
        if (message.Ontvangers.FirstOrDefault(a => Mail.AddressProblem(a) is not null) is { } bad)
            throw new UnaddressableRecipientException($"Ontvanger {Mail.Shown(bad)} is niet te adresseren: {Mail.AddressProblem(bad)}.");
        var client = await ConnectAsync(ct);
        var mime = OutboxStore.Parse(message.Mime);
        var sender = mime.Sender ?? mime.From.Mailboxes.First();
        try
        {
            await client.SendAsync(mime, sender, message.Ontvangers.Select(a => new MailboxAddress("", a)), ct);
        }
        catch (Exception e) when (!IsMessageSpecific(e))
        {
            // The connection's state is unknown after a failure: start clean next time.
            await DropAsync();
            throw;
        }
        return null;
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true }) return _client;
        await DropAsync();
        var client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        if (options.TrustedCertificate is { Length: > 0 } pem)
        {
            var trusted = new X509Certificate2Collection();
            trusted.ImportFromPemFile(pem);   // one certificate or a bundle (an internal CA and its intermediates)
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) => RelayCertificate.IsTrusted(certificate, errors, trusted);
        }
        try
        {
            var security = options.Security switch
            {
                "none" => SecureSocketOptions.None,
                "ssl" => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(options.Host!, options.Port, security, ct);
            if (!string.IsNullOrEmpty(options.User)) await client.AuthenticateAsync(options.User, options.Password ?? "", ct);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        return _client = client;
    }

    private async Task DropAsync()
    {
        if (_client is null) return;
        try { if (_client.IsConnected) await _client.DisconnectAsync(true); } catch (Exception) { /* already broken */ }
        _client.Dispose();
        _client = null;
    }

    public bool IsMessageSpecific(Exception e) => e is UnaddressableRecipientException
                                                  or SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted }
                                                  or SmtpCommandException { ErrorCode: SmtpErrorCode.MessageNotAccepted };

    public bool IsPermanent(Exception e) => e is SmtpCommandException c && (int)c.StatusCode >= 500
                                            || e is AuthenticationException or UnaddressableRecipientException;

    public async ValueTask DisposeAsync() => await DropAsync();
}

/// <summary>A recipient address the sender cannot put on the envelope: this message fails, the next ones do not.</summary>
public sealed class UnaddressableRecipientException(string message) : Exception(message);
