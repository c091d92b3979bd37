using System.Globalization;
using System.Text;

namespace Monitor.Samples;

public sealed record Contact(string Gebiedcode, string Rol, string Naam, string Email);

/// <summary>
/// Fake recipients at example.org (a reserved domain, so no mail ever reaches a real person): a college per
/// gemeente, a PRT and a toezicht contact per provincie, and the operator.
/// </summary>
public static class SampleContacts
{
    public static IEnumerable<Contact> For(ReferenceData reference)
    {
        yield return new("NL", "operator", "Beheer Monitor", "beheer@monitor.example.org");
        foreach (var pv in reference.Gemeenten.GroupBy(g => g.ProvincieCode).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var naam = pv.First().ProvincieNaam;
            var domain = $"provincie-{Slug(naam)}.example.org";
            yield return new(pv.Key, "prt", $"Provinciale Regietafel {naam}", $"prt@{domain}");
            yield return new(pv.Key, "toezicht", $"Gedeputeerde Staten van {naam} (IBT)", $"toezicht@{domain}");
        }
        foreach (var g in reference.Gemeenten)
        {
            yield return new(g.Code, "college", $"College van B&W {g.Naam}", $"college@{Slug(g.Naam)}.example.org");
            // A second contact with quotes and an ampersand in the name, to exercise CSV quoting downstream.
            if (g.Code == "GM0855")
                yield return new(g.Code, "college", "Team \"Opvang & Huisvesting\", gemeente Tilburg", "opvang@tilburg.example.org");
        }
    }

    /// <summary>Lower case ASCII with hyphens: "'s-Gravenhage" → "s-gravenhage", "Súdwest-Fryslân" → "sudwest-fryslan".</summary>
    public static string Slug(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }
}
