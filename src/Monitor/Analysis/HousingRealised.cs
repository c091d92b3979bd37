namespace Monitor.Analysis;

/// <summary>Rule 3, taakstelling: housed in the half year containing t, as of the latest peildatum ≤ t within that
/// periode; 0 when nothing has been reported yet.</summary>
public static class HousingRealised
{
    public static (int Housed, DateOnly? Peildatum) On(AnalysisModel m, string gemeente, DateOnly t) =>
        m.Housing.HousedAsOf(gemeente, Periode.HalfYearOf(t), t);
}
