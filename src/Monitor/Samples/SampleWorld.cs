using Monitor.Analysis;
namespace Monitor.Samples;

/// <summary>
/// The synthetic world behind the sample feeds: real gemeenten (codes, names, provincie, veiligheidsregio and the
/// documented inwoner estimates) with invented opgaven, locations, housing progress, agreements and contacts.
/// Everything follows from the seed; each entity draws from its own stream (see <see cref="SampleRandom"/>).
/// </summary>
public sealed class SampleWorld
{
    /// <summary>The half years the sample opgave feeds cover.</summary>
    public static readonly Periode FirstHalfYear = Periode.HalfYear(2024, 1), LastHalfYear = Periode.HalfYear(2026, 2);

    public int Seed { get; }
    public ReferenceData Reference { get; }
    public IReadOnlyList<Gemeente> Gemeenten => Reference.Gemeenten;
    public SpreidingswetModel Spreidingswet { get; }
    public TaakstellingModel Taakstelling { get; }
    public OekraineModel Oekraine { get; }
    public HousingModel Housing { get; }

    /// <summary>Every location of both plekken feeds, planned up to the horizon.</summary>
    public IReadOnlyList<Location> Locations { get; }

    public SampleWorld(ReferenceData reference, int seed, DateOnly horizonEnd)
    {
        SampleRegions.Validate(reference);
        SampleAgreements.Validate(reference);
        Seed = seed;
        Reference = reference;
        Spreidingswet = new SpreidingswetModel(reference.Gemeenten, seed, SampleAgreements.Gemeenten);
        Taakstelling = new TaakstellingModel(reference.Gemeenten, seed);
        Oekraine = new OekraineModel(reference.Gemeenten, seed);
        Housing = new HousingModel(Taakstelling, seed);
        Locations = PlanLocations(horizonEnd);
    }

    public static IEnumerable<Periode> HalfYears => Periode.HalfYears(FirstHalfYear, LastHalfYear);

    /// <summary>
    /// Locations follow the opgave a gemeente finally has to meet: its last figure for the cycle plus what
    /// agreements move to it (Utrechtse Heuvelrug builds the 100 places of its uitruil).
    /// </summary>
    private List<Location> PlanLocations(DateOnly horizonEnd)
    {
        var planner = new LocationPlanner(Seed, horizonEnd);
        var coa = new List<Location>();
        var ggo = new List<Location>();
        foreach (var g in Gemeenten)
        {
            var (asiel, amv) = SpreidingswetModel.Split(Spreidingswet.Final(g.Code));
            asiel = Math.Max(0, asiel + SampleAgreements.PlacesShift(g.Code, "asiel"));
            amv = Math.Max(0, amv + SampleAgreements.PlacesShift(g.Code, "amv"));
            coa.AddRange(planner.Coa(g, asiel, amv, PlacesProfile.Draw(Seed, g.Code)));
            ggo.AddRange(planner.Ggo(g, Oekraine.GemeenteTarget(g, FirstHalfYear)));
        }
        return [.. coa, .. ggo];
    }
}
