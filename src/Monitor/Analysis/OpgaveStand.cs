namespace Monitor.Analysis;

public enum OpgaveBron
{
    /// <summary>A gemeente figure (GM).</summary>
    Gemeente,
    /// <summary>Oekraine: the gemeente's part of its veiligheidsregio's figure by the key.</summary>
    Sleutel,
    /// <summary>No figure: only a provincial total, or nothing published yet. Never invented.</summary>
    Onbekend,
}

/// <summary>A gemeente's opgave on a date: the figure in force (with its versie and publicatiedatum, so every
/// number can be traced), the agreements' net effect, and the effective opgave = Basis + Afspraken.</summary>
public sealed record OpgaveValue(
    string Gemeentecode, Opgave Opgave, Periode? Periode, OpgaveBron Bron, int? Basis, FigureVersion? Bronversie,
    int Afspraken, IReadOnlyList<string> Afspraakcodes, int? Effectief);

/// <summary>Rule 1's result for one date: every gemeente × opgave, the provincial figures in force, and what
/// looked wrong.</summary>
public sealed record OpgaveStand(
    DateOnly Date,
    IReadOnlyDictionary<Opgave, Periode?> Periods,
    IReadOnlyDictionary<(string Gemeente, Opgave Opgave), OpgaveValue> Values,
    IReadOnlyDictionary<(string Provincie, Opgave Opgave), FigureVersion> ProvincieFigures,
    IReadOnlyList<DataQualityFinding> Findings,
    IReadOnlyList<AgreementProblem> AgreementProblems)
{
    public OpgaveValue Get(string gemeente, Opgave o) => Values[(gemeente, o)];
    public int? Effectief(string gemeente, Opgave o) => Values.TryGetValue((gemeente, o), out var v) ? v.Effectief : null;
    public int? Provincie(string provincie, Opgave o) =>
        ProvincieFigures.TryGetValue((provincie, o), out var f) ? f.Aantal : null;
}
