using Monitor.Analysis;
namespace Monitor.Samples;

/// <summary>One row of the koppelingen feed: persons COA linked to the gemeente for the periode, up to the peildatum.</summary>
public sealed record KoppelingRow(DateOnly Peildatum, string Periode, string Gemeentecode, int Gekoppeld, int WaarvanAmv);

/// <summary>
/// Persons COA linked to each gemeente per half year. Usually COA links at least what is due (up to 15 % more); for
/// 15 % of the gemeenten every half year, and for 8 % of the others now and then, COA links too few (55–85 % of due),
/// the commonest excuse for a backlog. Never fewer than the gemeente housed: one cannot house who was not linked.
/// Within the half year linking runs ahead of housing (the curve x(2 − x) lies above the housing curve).
/// </summary>
public sealed class KoppelingModel(HousingModel housing, int seed)
{
    public bool ChronicallyTooFew(Gemeente g) => SampleRandom.For(seed, "koppelingen-profiel", g.Code).NextDouble() < 0.15;

    /// <summary>Linked in the whole half year.</summary>
    public int Total(Gemeente g, Periode h)
    {
        var (due, housed) = housing.Result(g, h);
        var rng = SampleRandom.For(seed, "koppelingen", $"{g.Code}|{h}");
        var tooFew = ChronicallyTooFew(g) || rng.NextDouble() < 0.08;
        var ratio = tooFew ? rng.Range(0.55, 0.85) : rng.Range(1.0, 1.15);
        return Math.Max(housed, (int)Math.Round(Math.Max(due, 0) * ratio, MidpointRounding.AwayFromZero));
    }

    public KoppelingRow On(Gemeente g, DateOnly date)
    {
        var h = Periode.HalfYearOf(date);
        var x = (double)(date.DayNumber - h.Start.DayNumber + 1) / h.Days;
        var linked = (int)Math.Floor(Total(g, h) * x * (2 - x) + 1e-9);
        // The running count never falls below what is housed by then: the same floor as the housing curve.
        linked = Math.Max(linked, housing.On(g, date).Gehuisvest);
        return new(date, h.ToString(), g.Code, linked, (int)Math.Floor(linked * 0.06 + 1e-9));
    }
}
