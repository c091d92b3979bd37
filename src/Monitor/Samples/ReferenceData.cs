using System.Globalization;

namespace Monitor.Samples;

/// <summary>One gemeente of the reference file (official codes and membership; inwoners and area are estimates).</summary>
public sealed record Gemeente(
    string Code, string Naam, string ProvincieCode, string ProvincieNaam,
    string VrCode, string VrNaam, int Inwoners, decimal OppervlakteKm2, int Peiljaar);

public sealed record Herindeling(DateOnly Datum, string OudeCode, string NieuweCode, decimal Aandeel);

/// <summary>
/// The reference data the sample world is built on, read from samples/reference/ (copies of the shared
/// gemeenten and herindelingen files): UTF-8 ',' CSV, one record per line, quotes only around names with a comma.
/// </summary>
public sealed class ReferenceData
{
    public const string GemeentenFile = "gemeenten-2025.csv";
    public const string HerindelingenFile = "herindelingen.csv";
    public const string ReadmeFile = "README.md";

    public string Directory { get; }
    public IReadOnlyList<Gemeente> Gemeenten { get; }
    public IReadOnlyList<Herindeling> Herindelingen { get; }
    public IReadOnlyDictionary<string, Gemeente> ByCode { get; }

    private ReferenceData(string directory, IReadOnlyList<Gemeente> gemeenten, IReadOnlyList<Herindeling> herindelingen)
    {
        Directory = directory;
        Gemeenten = gemeenten;
        Herindelingen = herindelingen;
        ByCode = gemeenten.ToDictionary(g => g.Code, StringComparer.Ordinal);
    }

    public static ReferenceData Load(string directory)
    {
        var inv = CultureInfo.InvariantCulture;
        var gemeenten = ReadRows(Path.Combine(directory, GemeentenFile), 9).Select(f => new Gemeente(
            f[0], f[1], f[2], f[3], f[4], f[5], int.Parse(f[6], inv), decimal.Parse(f[7], inv), int.Parse(f[8], inv))).ToList();
        var herindelingen = ReadRows(Path.Combine(directory, HerindelingenFile), 4).Select(f => new Herindeling(
            DateOnly.ParseExact(f[0], "yyyy-MM-dd", inv), f[1], f[2], decimal.Parse(f[3], inv))).ToList();
        return new ReferenceData(directory, gemeenten, herindelingen);
    }

    /// <summary>
    /// Finds samples/reference: the given directory, else the first samples/reference above the current directory
    /// or above the executable, so the verb works from the repository root and the benchmark from bin/.
    /// </summary>
    public static string Locate(string? directory = null)
    {
        if (directory is not null)
            return File.Exists(Path.Combine(directory, GemeentenFile))
                ? Path.GetFullPath(directory)
                : throw new DirectoryNotFoundException($"Geen {GemeentenFile} in {directory}.");
        foreach (var start in new[] { System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "reference");
                if (File.Exists(Path.Combine(candidate, GemeentenFile))) return candidate;
            }
        }
        throw new DirectoryNotFoundException("samples/reference niet gevonden; geef de map op met --reference.");
    }

    private static IEnumerable<string[]> ReadRows(string path, int fieldCount)
    {
        var lines = File.ReadAllLines(path);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var fields = Split(lines[i]);
            if (fields.Length != fieldCount)
                throw new InvalidDataException($"{path}, regel {i + 1}: {fields.Length} velden, verwacht {fieldCount}.");
            yield return fields;
        }
    }

    /// <summary>Splits one CSV line with RFC 4180 quoting ("Nuenen, Gerwen en Nederwetten").</summary>
    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}
