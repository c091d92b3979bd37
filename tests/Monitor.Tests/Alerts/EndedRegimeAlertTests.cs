using Monitor.Tests.Support;
using Monitor.Alerts;

namespace Monitor.Tests.Alerts;

/// <summary>A task that ended (feed kind regimes) raises no alert, whatever its last figures say.</summary>
public sealed class EndedRegimeAlertTests
{
    private static readonly DateOnly Day = new(2027, 1, 4);

    private static AlertInput Input(params string[] ended) => new(Day, new DateTimeOffset(2027, 1, 4, 22, 0, 0, TimeSpan.Zero),
        [
            TestSeries.Row("GM0363", "gemeente", "taakstelling", Day, 100, 10, 90, 90, 10m, new DateOnly(2027, 6, 30), 20, 30, 40),
            TestSeries.Row("GM0363", "gemeente", "asiel", Day, 1000, 500, 500, 500, 50m, new DateOnly(2027, 7, 1), 600, 700, 800),
        ],
        [new HalfYearRow("GM0363", "2027-H1", 60, 40, 100, 10, 3)], [], new Dictionary<string, string> { ["GM0363"] = "Amsterdam" })
    {
        EndedOpgaven = ended.ToHashSet(),
    };

    [Fact]
    public void EndedOpgave_IsSkipped_OthersStillFire()
    {
        var all = AlertRules.Evaluate(Input(), new AlertOptions());
        Assert.Contains(all, c => c.Key.Subject == "taakstelling");
        var afterEnd = AlertRules.Evaluate(Input("taakstelling"), new AlertOptions());
        Assert.DoesNotContain(afterEnd, c => c.Key.Subject == "taakstelling");
        Assert.Contains(afterEnd, c => c.Key.Subject == "asiel");
    }
}
