using Monitor.Bench.Dashboards.Grafana;

namespace Monitor.Tests.Dashboards;

/// <summary>The expander against the examples of notes/tech-research.md §1 (Grafana's own macro and interpolation tests).</summary>
public sealed class GrafanaSqlExpanderTests
{
    private static readonly DateTimeOffset From = new(2018, 4, 12, 18, 0, 0, TimeSpan.Zero);
    private static readonly TimeRange FiveMinutes = new(From, From.AddMinutes(5));

    private static string Macros(string sql, TimeRange? range = null, bool timescale = false) =>
        PostgresMacros.Interpolate(sql, range ?? FiveMinutes, TimeSpan.FromMinutes(10), timescale);

    private static string Vars(string sql, params TemplateVariable[] variables) =>
        TemplateInterpolator.Interpolate(sql, variables.ToDictionary(v => v.Name), FiveMinutes);

    [Theory]
    [InlineData("select $__time(time_column)", "select time_column AS \"time\"")]
    [InlineData("select min($__time(time_column))", "select min(time_column AS \"time\")")]
    [InlineData("select $__timeEpoch(t)", "select extract(epoch from t) as \"time\"")]
    [InlineData("WHERE $__timeFilter(time_column)", "WHERE time_column BETWEEN '2018-04-12T18:00:00Z' AND '2018-04-12T18:05:00Z'")]
    [InlineData("select $__timeFrom()", "select '2018-04-12T18:00:00Z'")]
    [InlineData("select $__timeTo()", "select '2018-04-12T18:05:00Z'")]
    [InlineData("SELECT $__timeGroup(time_column,'5m')", "SELECT floor(extract(epoch from time_column)/300)*300")]
    [InlineData("SELECT $__timeGroupAlias(time_column,'5m')", "SELECT floor(extract(epoch from time_column)/300)*300 AS \"time\"")]
    [InlineData("$__timeGroup(time_column , '5m')", "floor(extract(epoch from time_column)/300)*300")]
    [InlineData("SELECT $__timeGroup(t,'20ms')", "SELECT floor(extract(epoch from t)/0.02)*0.02")]
    [InlineData("SELECT $__timeGroup(t,'12d')", "SELECT floor(extract(epoch from t)/1.0368e+06)*1.0368e+06")]
    [InlineData("SELECT $__timeGroupAlias(t,$__interval)", "SELECT floor(extract(epoch from t)/600)*600 AS \"time\"")]
    [InlineData("select $__unixEpochFilter(time)", "select time >= 1523556000 AND time <= 1523556300")]
    [InlineData("select $__unixEpochNanoFilter(time)", "select time >= 1523556000000000000 AND time <= 1523556300000000000")]
    [InlineData("select $__unixEpochNanoFrom()", "select 1523556000000000000")]
    [InlineData("select $__unixEpochNanoTo()", "select 1523556300000000000")]
    [InlineData("SELECT $__unixEpochGroup(time_column+time_adjustment,'5m')", "SELECT floor((time_column+time_adjustment)/300)*300")]
    [InlineData("SELECT $__unixEpochGroupAlias(c,'5m')", "SELECT floor((c)/300)*300 AS \"time\"")]
    [InlineData("select $__unixEpochFrom(), $__unixEpochTo()", "select 1523556000, 1523556300")]
    [InlineData("select $__interval_ms, '$__interval'", "select 600000, '10m'")]
    public void Macro_ExpandsExactlyAsGrafana(string sql, string expected) => Assert.Equal(expected, Macros(sql));

    [Fact]
    public void TimeGroup_FollowedByComma_GetsTheAliasOfGrafanaBefore53()
    {
        Assert.Equal("SELECT floor(extract(epoch from time_column)/300)*300 AS \"time\", value",
            Macros("SELECT $__timeGroup(time_column,'5m'), value"));
        Assert.Equal("SELECT floor(extract(epoch from time_column)/300)*300 as time, value",
            Macros("SELECT $__timeGroup(time_column,'5m') as time, value"));
    }

    [Fact]
    public void TimeGroup_WithTimescaleDb_UsesTimeBucket()
    {
        Assert.Equal("GROUP BY time_bucket('300.000s',time_column)", Macros("GROUP BY $__timeGroup(time_column , '5m')", timescale: true));
        Assert.Equal("GROUP BY time_bucket('1036800.000s',time_column)", Macros("GROUP BY $__timeGroup(time_column , '12d')", timescale: true));
        Assert.Equal("GROUP BY time_bucket('0.020s',time_column)", Macros("GROUP BY $__timeGroup(time_column , '20ms')", timescale: true));
    }

    [Fact]
    public void TimeFilter_FractionalSecondsAndOldDates_PrintRfc3339Nano()
    {
        var range = new TimeRange(new DateTimeOffset(1960, 2, 1, 7, 0, 0, 500, TimeSpan.Zero), new DateTimeOffset(1980, 2, 3, 8, 0, 0, 500, TimeSpan.Zero));
        Assert.Equal("WHERE c BETWEEN '1960-02-01T07:00:00.5Z' AND '1980-02-03T08:00:00.5Z'", Macros("WHERE $__timeFilter(c)", range));
        Assert.Equal("select time >= -312915600 AND time <= 318412800", Macros("select $__unixEpochFilter(time)", range));
    }

    [Fact]
    public void TimeFilter_RangeInAnotherZone_IsPrintedInUtc()
    {
        var amsterdam = new TimeRange(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.FromHours(2)));
        Assert.Equal("d BETWEEN '2023-12-31T23:00:00Z' AND '2024-06-30T22:00:00Z'", Macros("$__timeFilter(d)", amsterdam));
    }

    [Theory]
    [InlineData("SELECT $__nope(x)")]
    [InlineData("SELECT $__timeGroup(t)")]
    [InlineData("SELECT $__timeGroup(t,'5x')")]
    [InlineData("SELECT $__timeGroup(t,'5m',zero)")]
    public void Macro_MisusedOrUnknown_FailsAsGrafanaDoes(string sql) => Assert.Throws<GrafanaMacroException>(() => Macros(sql));

    [Theory]
    [InlineData("$__timeFilter(coalesce(a))", "coalesce(a BETWEEN '2018-04-12T18:00:00Z' AND '2018-04-12T18:05:00Z')")]
    [InlineData("$__timeFilter(date_trunc('day',ts))", "date_trunc('day' BETWEEN '2018-04-12T18:00:00Z' AND '2018-04-12T18:05:00Z')")]
    public void Macro_ArgumentWithParenthesisOrComma_IsCutAsInGrafana(string sql, string expected) =>
        // The argument ends at the first ')' and splits at every ',': the SQL that results is broken, as in Grafana.
        Assert.Equal(expected, Macros(sql));

    [Theory]
    [InlineData("SELECT 1 -- a comment", "SELECT 1 ")]
    [InlineData("SELECT /* a comment */ 1", "SELECT  1")]
    [InlineData("SELECT '-- not a comment' AS label", "SELECT '-- not a comment' AS label")]
    [InlineData("SELECT \"col /* name */\" FROM t", "SELECT \"col /* name */\" FROM t")]
    [InlineData("SELECT 'it''s fine -- not a comment' AS v", "SELECT 'it''s fine -- not a comment' AS v")]
    [InlineData("SELECT 1 -- comment\nFROM t", "SELECT 1 \nFROM t")]
    [InlineData("SELECT $body$ -- not a comment $body$", "SELECT $body$ -- not a comment $body$")]
    [InlineData("SELECT $__timeFrom() -- comment", "SELECT $__timeFrom() ")]
    [InlineData("SELECT $1 -- comment", "SELECT $1 ")]
    [InlineData("SELECT 1 /*application='grafana',feature='panel'*/", "SELECT 1 /*application='grafana',feature='panel'*/")]
    [InlineData("SELECT 1 /*range='$__timeFilter(t)'*/", "SELECT 1 ")]
    public void Comments_AreStrippedOutsideQuotes(string sql, string expected) => Assert.Equal(expected, SqlComments.Strip(sql));

    [Fact]
    public void Comments_MacroInsideAComment_IsNeverExpanded() =>
        Assert.Equal("SELECT 1 \n", Macros("SELECT 1 -- $__nope(x)\n"));

    [Fact]
    public void Variable_SingleUnquoted_IsInsertedWithQuotesDoubledButNotQuoted()
    {
        Assert.Equal("host = server01", Vars("host = $host", TemplateVariable.Single("host", "server01")));
        Assert.Equal("host = 'O''Brien'", Vars("host = '$host'", TemplateVariable.Single("host", "O'Brien")));
    }

    [Fact]
    public void Variable_MultiValue_IsAQuotedList()
    {
        var host = TemplateVariable.MultiOf("host", "srv1", "srv2");
        Assert.Equal("host IN ('srv1','srv2')", Vars("host IN ($host)", host));
        Assert.Equal("host IN (''srv1','srv2'')", Vars("host IN ('$host')", host)); // broken, as the truth table warns
        Assert.Equal("hostname = 'app1'", Vars("hostname = $hostname", TemplateVariable.MultiOf("hostname", "app1")));
    }

    [Fact]
    public void Variable_AllWithoutCustomValue_IsEveryOptionQuoted()
    {
        var region = new TemplateVariable("region", false, true, null, [new("Noord", "n"), new("O'Zuid", "z")], [], AllSelected: true);
        Assert.Equal("r IN ('n','z')", Vars("r IN ($region)", region));
        Assert.Equal("All", Vars("${region:text}", region));
    }

    [Fact]
    public void Variable_AllWithCustomValue_IsInsertedRaw()
    {
        var region = new TemplateVariable("region", true, true, "*", [new("n", "n")], [], AllSelected: true);
        Assert.Equal("r IN (*)", Vars("r IN ($region)", region));
        Assert.Equal("*", Vars("${region:sqlstring}", region));
    }

    [Fact]
    public void Variable_IncludeAllWithOneValue_IsQuoted() =>
        Assert.Equal("p IN ('PV30')", Vars("p IN ($p)", new TemplateVariable("p", false, true, null, [new("NB", "PV30")], ["PV30"], false)));

    [Fact]
    public void Variable_Formats_FollowTheFormatRegistry()
    {
        var latency = TemplateVariable.MultiOf("latency", "50", "75");
        Assert.Equal("50,75", Vars("${latency:csv}", latency));
        Assert.Equal("'srv1','srv2'", Vars("${host:sqlstring}", TemplateVariable.MultiOf("host", "srv1", "srv2")));
        Assert.Equal("'O''B\\\"x'", Vars("${h:sqlstring}", TemplateVariable.Single("h", "O'B\"x")));
        Assert.Equal("a|b", Vars("[[v:pipe]]", TemplateVariable.MultiOf("v", "a", "b")));
        Assert.Equal("x x", Vars("${v} [[v]]", TemplateVariable.Single("v", "x")));
    }

    [Fact]
    public void Variable_UnknownNameAndMacros_AreLeftForTheBackend() =>
        Assert.Equal("$nope $__timeFilter(x) $__interval", Vars("$nope $__timeFilter(x) $__interval"));

    [Fact]
    public void Variable_FromAndTo_AreEpochMillisecondsOrIso()
    {
        Assert.Equal("1523556000000 1523556300000", Vars("$__from ${__to}"));
        Assert.Equal("2018-04-12T18:00:00.000Z 1523556300", Vars("${__from:date:iso} ${__to:date:seconds}"));
    }

    [Theory]
    [InlineData(100, "1s", 1, 1000)]                              // 100 ms: rounded to 100 ms, but never below the minimum
    [InlineData(3L * 365 * 86400 * 1000, null, 1000, 86400000)] // three years over 1000 points: a day
    [InlineData(3L * 365 * 86400 * 1000, "1w", 1000, 604800000)]
    [InlineData(365L * 86400 * 1000, null, 1000, 21600000)]       // one year: 6 hours
    public void Interval_IsRoundedAndLimitedAsInTheFrontend(long rangeMs, string? minimum, int resolution, long expectedMs)
    {
        var range = new TimeRange(From, From.AddMilliseconds(rangeMs));
        Assert.Equal(expectedMs, GrafanaInterval.Calculate(range, resolution, minimum));
    }

    [Theory]
    [InlineData(60_000, "1m")]
    [InlineData(86_400_000, "1d")]
    [InlineData(30_000, "30s")]
    [InlineData(500, "500ms")]
    [InlineData(31_536_000_000, "1y")]
    [InlineData(2_592_000_000, "30d")]
    public void Interval_FormatsAsGtime(long ms, string expected) => Assert.Equal(expected, GrafanaInterval.Format(TimeSpan.FromMilliseconds(ms)));

    [Theory]
    [InlineData(300, "300")]
    [InlineData(0.02, "0.02")]
    [InlineData(86400, "86400")]
    [InlineData(604800, "604800")]
    [InlineData(1036800, "1.0368e+06")]
    [InlineData(31536000, "3.1536e+07")]
    [InlineData(0.00001, "1e-05")]
    public void GoFloat_PrintsLikePercentV(double value, string expected) => Assert.Equal(expected, GoFormat.Float(value));

    [Fact]
    public void Expand_VariablesThenMacros_GivesTheSqlPostgresReceives()
    {
        var context = new ExpansionContext(new Dictionary<string, TemplateVariable>
        {
            ["provincie"] = TemplateVariable.Single("provincie", "PV30"),
            ["opgave"] = TemplateVariable.MultiOf("opgave", "asiel", "amv"),
        }, FiveMinutes, TimeSpan.FromDays(1));
        Assert.Equal("SELECT \"time\" FROM grafana.reeksen WHERE gebiedcode = 'PV30' AND opgave IN ('asiel','amv') " +
                     "AND datum BETWEEN '2018-04-12T18:00:00Z' AND '2018-04-12T18:05:00Z' \n ORDER BY 1",
            GrafanaSqlExpander.Expand("SELECT \"time\" FROM grafana.reeksen WHERE gebiedcode = '$provincie' AND opgave IN ($opgave) " +
                                      "AND $__timeFilter(datum) -- per dag\n ORDER BY 1", context));
    }
}
