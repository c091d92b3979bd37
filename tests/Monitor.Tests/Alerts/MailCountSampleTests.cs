using Dapper;
using Monitor.Compute;
using Monitor.Outbox;
using Monitor.Digests;
using Monitor.Tests.Support;
using Xunit.Abstractions;

namespace Monitor.Tests.Alerts;

/// <summary>
/// Issue 13, point 6 (fewer, better mails), on the shipped samples: the mails of the demo day (the first run, as
/// <c>monitor demo</c> evaluates yesterday and today) per role, and what a college receives in a month of daily runs.
/// The figures the README quotes are printed here.
/// </summary>
public sealed class MailCountSampleTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static async Task<OutputsKit> ComputedAsync()
    {
        var kit = await OutputsKit.StartOnAsync(new SampleDatabase(), smtp: null);
        await new ComputeService(kit.Database.Db).RunAsync(full: true, [], Today);
        return kit;
    }

    [Fact]
    public async Task TheDemoDay_MailsEachCollegeAtMostOnce_AndNoTaakstellingMailForASmallBacklog()
    {
        await using var kit = await ComputedAsync();
        var db = kit.Database.Db;
        await kit.DayAsync(Today.AddDays(-1));
        await kit.DayAsync(Today);

        var perRole = await OutboxCounts.PerRoleAsync(db, DateTimeOffset.MinValue, CancellationToken.None);
        output.WriteLine(string.Join(", ", perRole.Select(r => $"{r.Rol} {r.Soort} {r.Berichten}")));
        // All alerts for one address in one run are one mail: a college gets at most one, whatever its number of alerts.
        var colleges = await db.ScalarAsync<long>("SELECT count(DISTINCT gebiedcode) FROM monitor.contacten WHERE rol = 'college'");
        var collegeMails = perRole.Where(r => r.Rol == "college").Sum(r => r.Berichten);
        Assert.InRange(collegeMails, 1, colleges);
        // Exactly the colleges of the gemeenten with a firing alert addressed to the college.
        var expected = await db.ScalarAsync<long>("""
            SELECT count(DISTINCT c.email) FROM monitor.alerts a JOIN monitor.contacten c ON c.gebiedcode = a.gebiedcode AND c.rol = 'college'
            WHERE a.status = 'firing' AND 'college' = ANY(a.rollen)
            """);
        Assert.Equal(expected, collegeMails);

        // The taakstelling rule no longer mails every gemeente with any backlog (308 of 342 before): worked out from the
        // half years, every gemeente with a taakstelling alert is at least 5 persons behind (carried in, or left to house),
        // fewer gemeenten get one than carried any achterstand in, and some with a carried-in achterstand of 1 to 4 get none.
        var alerted = (await db.QueryAsync<(string Code, int CarryIn, int Due, int Housed)>("""
            SELECT h.gemeentecode, h.carry_in, h.due, h.gehuisvest FROM monitor.alerts a
            JOIN monitor.taakstelling_halfjaren h ON h.gemeentecode = a.gebiedcode AND h.periode = '2026-H2'
            WHERE a.regel = 'taakstelling_achter' AND a.status = 'firing'
            """)).ToList();
        var withBacklog = await db.ScalarAsync<long>("SELECT count(*) FROM monitor.taakstelling_halfjaren WHERE periode = '2026-H2' AND carry_in >= 1");
        output.WriteLine($"taakstelling_achter: {alerted.Count} gemeenten; met enige achterstand meegenomen: {withBacklog}");
        Assert.NotEmpty(alerted);
        Assert.All(alerted, a => Assert.True(a.CarryIn >= 5 || a.Due - a.Housed >= 5, $"{a.Code}: {a.CarryIn} meegenomen, {a.Housed} van {a.Due}"));
        Assert.True(alerted.Count < withBacklog, $"{alerted.Count} taakstellingmeldingen, {withBacklog} gemeenten met achterstand");
        var small = (await db.QueryAsync<string>(
            "SELECT gemeentecode FROM monitor.taakstelling_halfjaren WHERE periode = '2026-H2' AND carry_in BETWEEN 1 AND 4")).ToList();
        Assert.NotEmpty(small);
        Assert.Contains(small, code => alerted.All(a => a.Code != code));
    }

    [Fact]
    public async Task AMonthOfDailyRuns_MailsACollegeAtMostOncePerWeekPerTopic()
    {
        await using var kit = await ComputedAsync();
        var db = kit.Database.Db;
        var first = Today.AddDays(-29);
        for (var d = first; d <= Today; d = d.AddDays(1)) await kit.DayAsync(d);

        var perCollege = (await db.QueryAsync<(string Email, long Mails)>("""
            SELECT c.email, count(o.id) FROM monitor.contacten c
            LEFT JOIN monitor.outbox o ON o.soort = 'alert' AND lower(c.email) = ANY(SELECT lower(x) FROM unnest(o.ontvangers) x)
            WHERE c.rol = 'college' GROUP BY c.email
            """)).ToList();
        var histogram = perCollege.GroupBy(p => p.Mails).OrderBy(g => g.Key).Select(g => $"{g.Key} mail(s): {g.Count()} colleges");
        output.WriteLine($"30 dagen {first:yyyy-MM-dd} t/m {Today:yyyy-MM-dd}: " + string.Join("; ", histogram));
        // One mail per topic per week unless it gets worse: in 30 days at most 5 mail days per topic, and the three
        // topics of a college (asiel, amv, taakstelling) fire and remind on the same days, so they share those mails.
        var options = kit.Services.GetService(typeof(Monitor.Alerts.AlertOptions)) as Monitor.Alerts.AlertOptions ?? new();
        var weeks = (int)Math.Ceiling(30.0 / options.GroupIntervalDays);
        Assert.All(perCollege, p => Assert.True(p.Mails <= weeks + 1, $"{p.Email}: {p.Mails} mails in 30 dagen"));
        Assert.True(perCollege.Average(p => p.Mails) <= weeks, $"gemiddeld {perCollege.Average(p => p.Mails):0.0}");
    }
}
