namespace Monitor.Outbox;

/// <summary>The seam between the outbox and the world: SMTP, or a folder of .eml files. One instance per sending run.</summary>
public interface IMailTransport : IAsyncDisposable
{
    /// <returns>Where it went (a file path) or null for SMTP. Throws when the message was not accepted.</returns>
    Task<string?> SendAsync(OutboxMessage message, CancellationToken ct);

    /// <summary>A failure that says nothing about the next message (a refused recipient), unlike a server that is down.</summary>
    bool IsMessageSpecific(Exception error);

    /// <summary>A failure that will not go away by trying again (5xx).</summary>
    bool IsPermanent(Exception error);
}

public sealed class MailTransportFactory(SmtpOptions smtp, OutboxOptions outbox)
{
    public bool UsesSmtp => smtp.Configured;
    public string Describe() => smtp.Configured ? $"SMTP {smtp}" : $"map {Path.GetFullPath(outbox.Folder)}";
    public IMailTransport Create(string? folder = null) =>
        smtp.Configured ? new SmtpTransport(smtp) : new FolderTransport(folder ?? outbox.Folder);
}
