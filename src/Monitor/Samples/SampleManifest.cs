using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Samples;

/// <summary>
/// One file of the sample set. <see cref="Kind"/> and <see cref="Feed"/> are what `monitor demo` passes as --kind and
/// --feed; for plekken the feed is the snapshot scope (coa, ggo). The other fields describe the variant for people.
/// </summary>
/// <param name="File">Path relative to the manifest, with '/'.</param>
/// <param name="Format">csv, xlsx or json.</param>
/// <param name="Encoding">csv: utf-8, utf-8-bom or windows-1252.</param>
/// <param name="Delimiter">csv: "," or ";".</param>
/// <param name="Shape">json: "array" or "rows" ({"rows": [...]}).</param>
/// <param name="HeaderRow">xlsx: the 1-based row of the header (title rows above it).</param>
/// <param name="Peildatum">plekken: the snapshot date.</param>
public sealed record ManifestEntry(
    string File, string Kind, string Feed, string Format,
    string? Encoding = null, string? Delimiter = null, string? Shape = null, int? HeaderRow = null,
    string? Peildatum = null, string? Description = null);

/// <summary>samples/feeds/manifest.json: every file in the order it must be loaded.</summary>
public sealed record SampleManifest(int Seed, string Generator, IReadOnlyList<ManifestEntry> Files)
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Write(string directory) =>
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Options) + "\n");

    public static SampleManifest? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<SampleManifest>(File.ReadAllText(path), Options) : null;
    }
}
