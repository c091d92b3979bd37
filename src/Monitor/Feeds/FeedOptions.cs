using System.ComponentModel.DataAnnotations;

namespace Monitor.Feeds;

/// <summary>A configured source (section "Feeds" in configuration: an array of these).</summary>
public sealed class FeedOptions
{
    /// <summary>Unique name; also the plekken snapshot scope and the Hangfire job id.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9_.-]*$")] public string Name { get; set; } = "";

    /// <summary>gemeenten, herindelingen, regios, opgave, plekken, huisvesting, afspraken, contacten.</summary>
    [Required] public string Kind { get; set; } = "";

    /// <summary>Not from the configuration: a name given at <c>monitor ingest</c> (or the kind's name by default) that no
    /// configured feed has. Never bound from configuration (not public).</summary>
    internal bool Unconfigured { get; set; }

    /// <summary>A file path, a drop folder path, or an http(s) URL.</summary>
    [Required] public string Location { get; set; } = "";

    /// <summary>Cron expression in Europe/Amsterdam time; empty means only on demand.</summary>
    public string? Schedule { get; set; }

    /// <summary>Header in the file → canonical column name, for layouts that differ from FEEDS.md.</summary>
    public Dictionary<string, string> Columns { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>XLSX: the sheet to read; the first sheet when empty.</summary>
    public string? Sheet { get; set; }

    /// <summary>How often a delivery is expected; a feed silent for longer raises an operator alert.</summary>
    public TimeSpan? ExpectedEvery { get; set; }

    /// <summary>Largest delivery accepted from this feed.</summary>
    public long MaxBytes { get; set; } = 256L << 20;

    /// <summary>HTTP: time allowed for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>HTTP: retries after the first attempt.</summary>
    public int MaxRetries { get; set; } = 4;

    public bool IsHttp => Location.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                          || Location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
