namespace Monitor.Analysis;

// Input rows mirror the warehouse facts (sql/migrations/0001_warehouse.sql). Every gemeentecode is already mapped
// to a current gemeente (monitor.gemeente_code_map); dates are calendar dates in Europe/Amsterdam.

/// <summary>monitor.opgaven (as monitor.opgaven_geldend counts them): one published figure. gebiedcode is GM…, PV… or VR….
/// A corrected figure carries the date of the first figure it replaced; <paramref name="VervaltOp"/> is the date from which
/// a withdrawn figure no longer counts (null: it does not lapse).</summary>
public sealed record OpgaveFigure(
    Opgave Opgave, Versie Versie, string Periode, string Gebiedcode, DateOnly Publicatiedatum, int Aantal, DateOnly? VervaltOp = null);

/// <summary>monitor.plekken_snapshots: a full snapshot of one feed on a peildatum. Listed explicitly because a
/// feed can deliver an empty snapshot (all its locations closed).</summary>
public sealed record PlaceSnapshot(string Feed, DateOnly Peildatum);

/// <summary>monitor.plekken. beschikbaar_tot is the last day the places count (inclusive). DuurzaamVolgensFeed is the
/// feed's own optional duurzaam column (ja = true, nee = false, absent = null).</summary>
public sealed record PlaceRow(
    string Feed, DateOnly Peildatum, Opgave Opgave, string Locatiecode, string Gemeentecode, PlaceStatus Status,
    int Capaciteit, DateOnly? BeschikbaarVanaf = null, DateOnly? BeschikbaarTot = null, bool? DuurzaamVolgensFeed = null);

/// <summary>monitor.huisvesting: gehuisvest is cumulative within the periode ("2025-H1") as of peildatum.</summary>
public sealed record HousingRow(string Periode, string Gemeentecode, DateOnly Peildatum, int Gehuisvest, int? WaarvanAmv = null);

/// <summary>monitor.afspraken: moves aantal of opgave from Van to Naar, in force from besluitdatum, for the
/// periods PeriodeVan..PeriodeTot (inclusive).</summary>
public sealed record Agreement(
    string Afspraakcode, AgreementKind Soort, Opgave Opgave, string Van, string Naar, int Aantal,
    string PeriodeVan, string PeriodeTot, DateOnly Besluitdatum);

/// <summary>monitor.gemeenten_actueel.</summary>
public sealed record Gemeente(
    string Code, string Naam, string Provinciecode, string Veiligheidsregiocode, int Inwoners, decimal OppervlakteKm2);

/// <summary>monitor.regios with monitor.regio_leden.</summary>
public sealed record Regio(string Code, string Naam, IReadOnlyList<string> Members);

/// <summary>An achterstand (negative: voorsprong) carried into the taakstelling of Periode, for a gemeente whose
/// history starts before the data. Without one the first half year in the data starts at 0.</summary>
public sealed record CarryIn(string Gemeentecode, string Periode, int Achterstand);

/// <summary>Everything the engine reads. The calendar defaults to <see cref="AnalysisCalendar.WithoutDeadlines"/> (the
/// warehouse reader fills it from the cycli deliveries) and the options to <see cref="AnalysisOptions.Default"/>.</summary>
public sealed record AnalysisInputs
{
    public IReadOnlyList<Gemeente> Gemeenten { get; init; } = [];
    public IReadOnlyList<Regio> Regios { get; init; } = [];
    public IReadOnlyList<OpgaveFigure> Figures { get; init; } = [];
    public IReadOnlyList<PlaceSnapshot> Snapshots { get; init; } = [];
    public IReadOnlyList<PlaceRow> Places { get; init; } = [];
    public IReadOnlyList<HousingRow> Housing { get; init; } = [];
    public IReadOnlyList<Agreement> Agreements { get; init; } = [];
    public IReadOnlyList<CarryIn> CarryIns { get; init; } = [];
    /// <summary>monitor.regimes; empty: every opgave is monitored throughout.</summary>
    public IReadOnlyList<Regime> Regimes { get; init; } = [];
    public AnalysisCalendar Calendar { get; init; } = AnalysisCalendar.WithoutDeadlines;
    public AnalysisOptions Options { get; init; } = AnalysisOptions.Default;
}
