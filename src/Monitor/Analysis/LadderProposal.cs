namespace Monitor.Analysis;

/// <summary>One half year of a gemeente's taakstelling chain as stored by the compute job, with the koppelingen of that
/// half year. <see cref="GemistOpRij"/> is the chain's own count of missed half years in a row up to this one.</summary>
public sealed record ToezichtHalfYear(Periode Periode, int? Taakstelling, int? Due, int Housed, int GemistOpRij, int? Gekoppeld);

/// <summary>One decision of the toezichthouder's register (feed kind toezicht).</summary>
public sealed record RegisterEntry(
    string Gemeentecode, string Opgave, DateOnly Besluitdatum, string Stap, string? Regime, string? Oordeel, DateOnly? Termijn, string? Toelichting);

public enum Vergelijking { Gelijk, RegisterVerder, VoorstelZwaarder }

/// <summary>What the Monitor proposes for one gemeente on a date, beside what the register records.</summary>
/// <param name="GemistOpRij">Completed half years missed in a row (the chain's count).</param>
/// <param name="VerklaardOpRij">Of those, the ones whose whole achterstand too few koppelingen explain: they do not count.</param>
/// <param name="Laatste">The latest completed half year beside its koppelingen.</param>
/// <param name="Stap">The proposed step (null: none; afgesloten: the gemeente is on track again and a step is open).</param>
public sealed record LadderProposal(
    string Gemeentecode, Periode? LaatstePeriode, KoppelingStand? Laatste, int GemistOpRij, int VerklaardOpRij,
    string? Stap, string? Regime, DateOnly? Termijn, RegisterEntry? Vastgelegd, Vergelijking Vergelijking,
    bool TermijnVerstreken, bool VerschoonbaarVervallen)
{
    public int TellendOpRij => GemistOpRij - VerklaardOpRij;
}

/// <summary>
/// The ladder rule. Only half years that ended before the date count. The streak is the chain's missed half years in a
/// row (<see cref="ToezichtHalfYear.GemistOpRij"/> of the latest completed half year: the compute job's count, which
/// skips half years without a taakstelling figure). A missed half year wholly explained by too few koppelingen is in
/// the streak but does not count: it neither raises the step nor resets the count. The proposal is the heaviest rung the
/// counting misses reach. The register is compared, never overruled: the toezichthouder decides.
/// </summary>
public static class LadderRule
{
    public static LadderProposal Propose(Ladder ladder, string gemeente, IReadOnlyList<ToezichtHalfYear> chain, RegisterEntry? vastgelegd, DateOnly date)
    {
        var completed = chain.Where(h => h.Periode.End < date).OrderBy(h => h.Periode).ToList();
        var last = completed.Count > 0 ? completed[^1] : null;
        var gemist = last is null || !Missed(last) && last.Taakstelling is not null ? 0 : last.GemistOpRij;
        var streak = Streak(completed, gemist);
        var verklaard = streak.Count(h => Stand(h).GeheelVerklaard);
        var tellend = gemist - verklaard;

        var rung = ladder.For(tellend);
        string? stap = rung?.Stap;
        var regime = rung?.Regime ?? (tellend == 0 ? ladder.RegimeZonderAchterstand : null);
        var open = vastgelegd is not null && vastgelegd.Stap != Stappen.Afgesloten;
        // On track again (the latest half year met) while a step is open: propose to close the file.
        if (stap is null && open && gemist == 0 && last is not null) stap = Stappen.Afgesloten;
        DateOnly? termijn = rung?.TermijnMaanden is { } m && Stappen.RankOf(stap) > Stappen.RankOf(vastgelegd?.Stap) ? date.AddMonths(m) : null;

        var proposed = Stappen.RankOf(stap);
        var recorded = open ? Stappen.RankOf(vastgelegd!.Stap) : 0;
        var vergelijking = proposed > recorded ? Vergelijking.VoorstelZwaarder
            : recorded > proposed ? Vergelijking.RegisterVerder : Vergelijking.Gelijk;

        var laatste = last is null ? null : Stand(last);
        var vervallen = vastgelegd?.Oordeel == "verschoonbaar" && open && last is not null && Missed(last)
                        && laatste!.EigenDeel > 0 && last.Periode.End >= PeriodeBefore(vastgelegd.Besluitdatum);
        return new(gemeente, last?.Periode, laatste, gemist, verklaard, stap, regime, termijn, vastgelegd, vergelijking,
            TermijnVerstreken: open && vastgelegd!.Termijn is { } t && t < date,
            VerschoonbaarVervallen: vervallen);
    }

    public static KoppelingStand Stand(ToezichtHalfYear h) => KoppelingShare.Of(h.Due, h.Housed, h.Gekoppeld);

    private static bool Missed(ToezichtHalfYear h) => h.Due - h.Housed > 0;

    /// <summary>The last <paramref name="n"/> missed half years, walking back over half years without a figure.</summary>
    private static List<ToezichtHalfYear> Streak(List<ToezichtHalfYear> completed, int n)
    {
        var streak = new List<ToezichtHalfYear>();
        for (var i = completed.Count - 1; i >= 0 && streak.Count < n; i--)
        {
            if (Missed(completed[i])) streak.Add(completed[i]);
            else if (completed[i].Taakstelling is not null) break;
        }
        return streak;
    }

    /// <summary>The end of the half year before the one containing the decision: a verschoonbaar judgement is about the
    /// half year just tested, so that half year and later ones can make it lapse.</summary>
    private static DateOnly PeriodeBefore(DateOnly besluit) => Periode.HalfYearOf(besluit).Start.AddDays(-1);
}
