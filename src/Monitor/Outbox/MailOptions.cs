using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Monitor.Outbox;

/// <summary>
/// SMTP relay (configuration section "Smtp"). Without a Host, mail is written as .eml files to Outbox:Folder instead.
/// Password comes from configuration or the environment (MONITOR_Smtp__Password); it is never logged or printed.
/// </summary>
public sealed class SmtpOptions : IValidatableObject
{
    public string? Host { get; set; }
    [Range(1, 65535)] public int Port { get; set; } = 25;
    /// <summary>none, starttls (required, port 587) or ssl (TLS on connect, port 465).</summary>
    [RegularExpression("^(none|starttls|ssl)$")] public string Security { get; set; } = "starttls";
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>The From address, e.g. <c>Monitor &lt;monitor@provincie.nl&gt;</c>.</summary>
    [Required] public string From { get; set; } = "Monitor <monitor@localhost>";
    [Range(1, 600)] public int TimeoutSeconds { get; set; } = 30;
    /// <summary>A PEM file with the certificate of an internal relay, or of the internal CA that signed it (a bundle is fine), for a relay
    /// whose certificate the system does not trust. The relay's certificate must still chain to it and match Host.</summary>
    public string? TrustedCertificate { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
    public MailboxAddress FromAddress => MailboxAddress.Parse(From);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!MailboxAddress.TryParse(From, out var from) || !from.Address.Contains('@'))
            yield return new ValidationResult($"Smtp:From '{From}' is geen e-mailadres.", [nameof(From)]);
        if (!string.IsNullOrEmpty(TrustedCertificate) && !File.Exists(TrustedCertificate))
            yield return new ValidationResult($"Smtp:TrustedCertificate '{TrustedCertificate}' bestaat niet.", [nameof(TrustedCertificate)]);
        if (!string.IsNullOrEmpty(TrustedCertificate) && Security == "none")
            yield return new ValidationResult("Smtp:TrustedCertificate is ingesteld, maar Smtp:Security is none: zonder TLS wordt geen certificaat gecontroleerd.", [nameof(Security)]);
        if (!string.IsNullOrEmpty(User) && string.IsNullOrEmpty(Password))
            yield return new ValidationResult("Smtp:User is ingesteld maar Smtp:Password niet (zet MONITOR_Smtp__Password).", [nameof(Password)]);
    }

    public override string ToString() => $"{Host}:{Port} ({Security}){(User is null ? "" : $" als {User}")}"; // never the password
}

/// <summary>The outbox (configuration section "Outbox").</summary>
public sealed class OutboxOptions
{
    /// <summary>Where .eml files (and digest .html pages) go when no SMTP host is configured.</summary>
    [Required] public string Folder { get; set; } = "outbox";
    /// <summary>Attempts before a message is left as failed (visible in monitor.outbox).</summary>
    [Range(1, 1000)] public int MaxAttempts { get; set; } = 12;
}
