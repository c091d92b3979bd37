namespace Monitor.Samples;

/// <summary>The world's facts as feed tables, with the canonical column names of the feed contract.</summary>
internal static class SampleTables
{
    public static SampleTable Gemeenten(ReferenceData reference) => new(
        ["gemeentecode", "gemeentenaam", "provinciecode", "provincienaam", "veiligheidsregiocode", "veiligheidsregionaam",
         "inwoners", "oppervlakte_km2", "peiljaar"],
        // peiljaar as text: a year is not a quantity, and "2.025" is not how anyone writes it.
        reference.Gemeenten.Select(g => new object?[]
        {
            g.Code, g.Naam, g.ProvincieCode, g.ProvincieNaam, g.VrCode, g.VrNaam, g.Inwoners, g.OppervlakteKm2,
            g.Peiljaar.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));

    public static SampleTable Regios(IEnumerable<Regio> regios) => new(
        ["regiocode", "regionaam", "gemeentecode"],
        regios.SelectMany(r => r.Gemeenten.Select(code => new object?[] { r.Code, r.Naam, code })));

    public static SampleTable Opgave(IEnumerable<OpgaveFigure> figures, Func<string, string>? code = null) => new(
        ["opgave", "versie", "periode", "gebiedcode", "aantal", "publicatiedatum"],
        figures.Select(f => new object?[]
        {
            f.Opgave, f.Versie, f.Periode, (code ?? Same)(f.Gebiedcode), f.Aantal, f.Publicatiedatum,
        }));

    public static SampleTable Plekken(IEnumerable<PlekkenRow> rows) => new(
        ["peildatum", "opgave", "gemeentecode", "locatiecode", "locatienaam", "status", "capaciteit", "bezetting",
         "beschikbaar_vanaf", "beschikbaar_tot", "soort", "duurzaam"],
        rows.Select(r => new object?[]
        {
            r.Peildatum, r.Opgave, r.Gemeentecode, r.Locatiecode, r.Locatienaam, r.Status, r.Capaciteit, r.Bezetting,
            r.BeschikbaarVanaf, r.BeschikbaarTot, r.Soort, r.Duurzaam,
        }));

    public static SampleTable Huisvesting(IEnumerable<HuisvestingRow> rows, Func<string, string>? code = null) => new(
        ["peildatum", "periode", "gemeentecode", "gehuisvest", "waarvan_amv"],
        rows.Select(r => new object?[] { r.Peildatum, r.Periode, (code ?? Same)(r.Gemeentecode), r.Gehuisvest, r.WaarvanAmv }));

    public static SampleTable Afspraken(IEnumerable<Afspraak> afspraken) => new(
        ["afspraakcode", "soort", "opgave", "van_gemeentecode", "naar_gemeentecode", "aantal", "periode_van", "periode_tot",
         "besluitdatum", "omschrijving"],
        afspraken.Select(a => new object?[]
        {
            a.Code, a.Soort, a.Opgave, a.Van, a.Naar, a.Aantal, a.PeriodeVan, a.PeriodeTot, a.Besluitdatum, a.Omschrijving,
        }));

    public static SampleTable Contacten(IEnumerable<Contact> contacts) => new(
        ["gebiedcode", "rol", "naam", "email"],
        contacts.Select(c => new object?[] { c.Gebiedcode, c.Rol, c.Naam, c.Email }));

    private static string Same(string code) => code;

    /// <summary>"GM0363" → "363": the bare CBS gemeentenummer some exports use. Other codes stay as they are.</summary>
    public static string Bare(string code) => code.StartsWith("GM", StringComparison.Ordinal) ? code[2..].TrimStart('0') : code;

    /// <summary>"GM0855" → "0855": four digits without the prefix.</summary>
    public static string Digits(string code) => code.StartsWith("GM", StringComparison.Ordinal) ? code[2..] : code;
}
