using MimeKit;

namespace Monitor.Feeds.Values;

/// <summary>
/// The one rule for an e-mail address the Monitor will write to, shared by the <c>contacten</c> ingest and the mail
/// sender (Outputs/Mail.cs): what ingest accepts, the sender can address, so one contact can never stop the mail of all.
/// Narrower than RFC 5322 on purpose: a plain dot-atom before the @ (no quoted local part such as "a,b"@x.nl, no
/// characters outside ASCII there, which would need SMTPUTF8 from the relay), a domain of labels with a dot, and an
/// address that MimeKit reads back as exactly itself.
/// </summary>
public static class EmailAddress
{
    /// <summary>Characters RFC 5322 allows in an atom besides letters and digits.</summary>
    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~";

    /// <returns>Null when the address is usable; otherwise why not, in Dutch (to follow "… is geen geldig e-mailadres: ").</returns>
    public static string? Problem(string address)
    {
        if (address.Length == 0) return "het is leeg";
        if (address.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) return "het bevat een spatie of een stuurteken";
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1) return "verwacht naam@domein.nl";
        var local = address[..at];
        var domain = address[(at + 1)..];
        if (local.StartsWith('"')) return "een deel tussen aanhalingstekens vóór de @ kan de verzender niet adresseren";
        if (local.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c == '.' || AtomSpecials.Contains(c))) is var bad and not '\0')
            return char.IsAscii(bad) ? $"het teken '{bad}' vóór de @ kan de verzender niet adresseren"
                                     : $"het teken '{bad}' vóór de @ vraagt SMTPUTF8, dat niet elke mailserver kent";
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..")) return "een punt aan het begin of eind vóór de @, of twee punten achter elkaar";
        if (!domain.Contains('.')) return "het domein na de @ heeft geen punt (verwacht naam@domein.nl)";
        if (domain.Split('.').Any(label => label.Length == 0 || label.StartsWith('-') || label.EndsWith('-') || !label.All(c => char.IsLetterOrDigit(c) || c == '-')))
            return $"'{domain}' is geen domeinnaam";
        // The sender's own parser has the last word: it must read the address back unchanged, without a display name.
        if (!MailboxAddress.TryParse(address, out var parsed) || parsed.Address != address || parsed.Name.Length > 0 || parsed.Route.Count > 0)
            return "de mailbibliotheek (MimeKit) leest het niet als één adres";
        return null;
    }
}
