namespace Monitor.Analysis;

/// <summary>The inputs, checked and indexed once. Every rule reads a model; nothing here knows today's date.
/// Building one is cheap (linear in the rows), so a scenario simply builds a second model.</summary>
public sealed class AnalysisModel
{
    private readonly List<DataQualityFinding> findings = [];

    public AnalysisModel(AnalysisInputs inputs)
    {
        inputs.Options.Validate();
        Inputs = inputs;
        Geography = new Geography(inputs.Gemeenten, inputs.Regios, findings);
        Figures = new FigureIndex(inputs.Figures, Geography, findings);
        Places = new PlaceIndex(inputs.Snapshots, inputs.Places, Geography, findings);
        Housing = new HousingIndex(inputs.Housing, Geography, findings);
        (Agreements, AgreementProblems) = AgreementValidation.Validate(inputs.Agreements, Geography, inputs.Calendar);
        CarryIns = ReadCarryIns(inputs.CarryIns);
        Regimes = new RegimeStatus(inputs.Regimes);
    }

    /// <summary>Whether each opgave is monitored on a date (feed kind regimes).</summary>
    public RegimeStatus Regimes { get; }

    public AnalysisInputs Inputs { get; }
    public AnalysisCalendar Calendar => Inputs.Calendar;
    public AnalysisOptions Options => Inputs.Options;
    public IReadOnlyList<Gemeente> Gemeenten => Geography.Gemeenten;

    /// <summary>Rows that were ignored or point at unknown areas, found while reading the inputs.</summary>
    public IReadOnlyList<DataQualityFinding> InputFindings => findings;

    /// <summary>Agreement codes rejected by validation; none of their rows is applied anywhere.</summary>
    public IReadOnlyList<AgreementProblem> AgreementProblems { get; }

    internal Geography Geography { get; }
    internal FigureIndex Figures { get; }
    internal PlaceIndex Places { get; }
    internal HousingIndex Housing { get; }
    internal IReadOnlyList<ValidAgreement> Agreements { get; }
    internal IReadOnlyDictionary<string, (Periode Periode, int Achterstand)> CarryIns { get; }

    /// <summary>Every date on which an opgave, an agreement or a period boundary can change a figure, within
    /// [from, to] (always including from). <paramref name="withHousing"/> adds the dates on which the carry-over into
    /// the running half year can change: those of counts of a half year that has already ended (a late final count).
    /// A count within the running half year changes what is housed, not what is due, so it is not a change date here
    /// (with daily counts, it would make every day one, and the carry-over chain would be rebuilt daily).</summary>
    internal SortedSet<DateOnly> ChangeDates(DateOnly from, DateOnly to, bool withHousing)
    {
        var dates = new SortedSet<DateOnly> { from };
        void Add(DateOnly d) { if (from < d && d <= to) dates.Add(d); }
        foreach (var d in Figures.PublicationDates) Add(d);
        foreach (var a in Agreements) Add(a.Besluitdatum);
        if (withHousing) foreach (var d in Housing.LatePeildata) Add(d);
        // Cycles start on 1 January and half years on 1 January and 1 July: half-year starts cover both.
        for (var h = Periode.HalfYearOf(from).NextHalfYear; h.Start <= to; h = h.NextHalfYear) Add(h.Start);
        return dates;
    }

    private Dictionary<string, (Periode, int)> ReadCarryIns(IReadOnlyList<CarryIn> carryIns)
    {
        var result = new Dictionary<string, (Periode, int)>(StringComparer.Ordinal);
        foreach (var c in carryIns)
        {
            if (!Periode.TryParse(c.Periode, out var p) || p.Kind != PeriodeKind.HalfYear)
                findings.Add(new(FindingKind.OngeldigePeriode, Opgave.Taakstelling, c.Periode, c.Gemeentecode,
                    $"Beginachterstand {c.Gemeentecode}: periode '{c.Periode}' is geen halfjaar; genegeerd."));
            else result[c.Gemeentecode] = (p, c.Achterstand);
        }
        return result;
    }
}
