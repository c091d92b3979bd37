namespace Monitor.Analysis;

public enum FindingKind
{
    /// <summary>A periode text that is neither a cycle nor a half year; the row is ignored.</summary>
    OngeldigePeriode,
    /// <summary>A fact for a gebied the engine does not know (no such gemeente, provincie or veiligheidsregio).</summary>
    OnbekendGebied,
    /// <summary>A row that cannot mean anything (places of the taakstelling, negative counts); ignored.</summary>
    OngeldigeRij,
    /// <summary>The gemeente figures of a provincie do not add up to the provincial figure.</summary>
    SomGemeentenWijktAfVanProvincie,
    /// <summary>Some gemeenten of a provincie have a figure and others do not.</summary>
    GemeentecijferOntbreekt,
    /// <summary>Oekraine: gemeente figures in a veiligheidsregio exceed the regio's figure.</summary>
    SleutelOverschreden,
    /// <summary>A cumulative gehuisvest below the count before it in the same half year: taken as a correction of that
    /// count (the latest count is what is housed), and shown so someone checks it.</summary>
    GehuisvestGecorrigeerd,
}

/// <summary>Something in the data that makes a figure doubtful. Messages are plain Dutch for the dashboard.</summary>
public sealed record DataQualityFinding(FindingKind Kind, Opgave? Opgave, string? Periode, string? Gebiedcode, string Message);

public enum AgreementProblemKind
{
    ZelfdeGemeente,
    OnbekendeGemeente,
    NegatiefAantal,
    OngeldigePeriode,
    /// <summary>Asiel/amv moved across a provincial border: the provincial totals would change, so the agreement
    /// is not zero-sum within its scope.</summary>
    BuitenProvincie,
    /// <summary>After the agreements a gemeente's effective opgave is below zero.</summary>
    NegatieveOpgave,
    /// <summary>The agreement moves an opgave the gemeente has no known figure for.</summary>
    OpgaveOnbekend,
}

/// <summary>A problem with an agreement. Rejected = the whole afspraakcode is not applied.</summary>
public sealed record AgreementProblem(
    string Afspraakcode, AgreementProblemKind Kind, string Message, bool Rejected,
    string? Gemeentecode = null, Opgave? Opgave = null);
