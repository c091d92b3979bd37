using System.ComponentModel.DataAnnotations;

namespace Monitor.Scheduling;

/// <summary>
/// The service (configuration section "Serve"). Bound and checked when any verb starts, so a typo such as
/// <c>Serve:Workers=vier</c> stops the start with the key and the value instead of silently becoming the default.
/// </summary>
public sealed class ServeOptions : IValidatableObject
{
    public const string Section = "Serve";

    /// <summary>Where the service listens; loopback only unless configured (the dashboard then asks for a password).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Host names accepted besides loopback and the listened-on names, separated by ';' (DNS rebinding guard).</summary>
    public string? AllowedHosts { get; set; }

    /// <summary>Hangfire workers: two keep one slow load from blocking the outbox on a small machine.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>How long a job of a dead server stays claimed before another server takes it (Hangfire's default: 5 minutes).</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public string? DashboardUser { get; set; }
    public string? DashboardPassword { get; set; }

    /// <summary>Loopback may open the dashboard without a password; false behind a reverse proxy on the same machine.</summary>
    public bool TrustLoopback { get; set; } = true;

    public const int MaxWorkers = 64;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Workers is < 1 or > MaxWorkers)
            yield return new ValidationResult($"Instelling {Section}:{nameof(Workers)} = '{Workers}' ligt niet tussen 1 en {MaxWorkers}.", [nameof(Workers)]);
        if (InvisibilityTimeout < TimeSpan.FromSeconds(1) || InvisibilityTimeout > TimeSpan.FromDays(1))
            yield return new ValidationResult($"Instelling {Section}:{nameof(InvisibilityTimeout)} = '{InvisibilityTimeout}' ligt niet tussen 1 seconde en 1 dag.",
                [nameof(InvisibilityTimeout)]);
        if (string.IsNullOrWhiteSpace(Urls))
            yield return new ValidationResult($"Instelling {Section}:{nameof(Urls)} is leeg; schrijf bijvoorbeeld http://127.0.0.1:5080.", [nameof(Urls)]);
        else
            foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (!Uri.TryCreate(url.Replace("*", "localhost").Replace("+", "localhost"), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    yield return new ValidationResult($"Instelling {Section}:{nameof(Urls)} = '{url}' is geen http(s)-adres; schrijf bijvoorbeeld http://127.0.0.1:5080.",
                        [nameof(Urls)]);
    }
}
