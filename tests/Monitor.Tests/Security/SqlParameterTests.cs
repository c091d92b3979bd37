using System.Text.RegularExpressions;
using Monitor.Tests.Support;

namespace Monitor.Tests.Security;

/// <summary>
/// Every SQL value is a parameter: no SQL text in src/ is built from anything but constants. Values go to Dapper as
/// @names, to NpgsqlCommand as parameters, and to COPY as binary rows; a SQL text with an interpolation hole or a '+'
/// is allowed only when what it joins in is a <c>const string</c> of the same file, or is in the list below with the
/// reason it holds no value from outside.
/// </summary>
public sealed partial class SqlParameterTests
{
    /// <summary>(file under src/Monitor, hole expression) → why it is safe. Identifiers cannot be parameters in SQL.</summary>
    private static readonly Dictionary<(string File, string Hole), string> Allowed = new()
    {
        [("Feeds/Loading/StagingTable.cs", "string.Join(\", \", Columns.Select(c => $\"{c.Name} {c.SqlType}\"))")] =
            "column names and types of the staging table come from FeedKind.Columns, constants in code; a feed's header is matched against them, never copied",
        [("Feeds/Loading/StagingTable.cs", "string.Join(\", \", Columns.Select(c => c.Name))")] =
            "the same column names, for COPY",
        [("Feeds/Kinds/FeedKind.cs", "Table")] =
            "a kind's direct-load fact table, a constant in the kind's definition",
        [("Feeds/Kinds/FeedKind.cs", "string.Join(\", \", Columns)")] =
            "the fact table's column names from the kind's definition in code, for COPY",
        [("Compute/SeriesReplacer.cs", "SeriesWriter.Columns")] =
            "the series column list, a const string in SeriesWriter",
        [("Compute/SeriesReplacer.cs", "name")] =
            "names of monitor.series' own indexes and constraints, read from pg_catalog, double-quoted; DDL takes no parameters",
        [("Compute/SeriesReplacer.cs", "definition")] =
            "the definition PostgreSQL gave for one of monitor.series' own constraints (pg_get_constraintdef), put back after a bulk load",
        [("Bench/BenchDatabase.cs", "name")] =
            "the benchmark's own database name, a constant, double-quoted; CREATE/DROP DATABASE take no parameters",
        [("Feeds/Kinds/PlekkenKind.cs", "rows")] =
            "the rows the new-feed check reads: \"stage\" or the constant DirectRows of PlekkenKind, never a value from a delivery",
        [("Warehouse/LocalCluster.cs", "cs.Database")] =
            "the name of the embedded cluster's own database (a constant, \"monitor\"), double-quoted; CREATE DATABASE takes no parameters",
    };

    [GeneratedRegex(@"\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|COPY|CREATE|DROP|ALTER|TRUNCATE|GRANT|REVOKE)\b")]
    private static partial Regex SqlKeyword();

    /// <summary>What is wrong with one file's SQL texts, one line per problem.</summary>
    public static IEnumerable<string> Violations(string relativePath, string source)
    {
        foreach (var literal in CSharpStrings.Find(source).Where(l => SqlKeyword().IsMatch(l.Text)))
        {
            if (literal.JoinedToNonLiteral)
                yield return $"{relativePath}:{literal.Line}: SQL met '+' aan een waarde vastgemaakt";
            foreach (var hole in literal.Holes)
                if (!IsConstantOfThisFile(source, hole) && !Allowed.ContainsKey((relativePath, hole)))
                    yield return $"{relativePath}:{literal.Line}: SQL met {{{hole}}} erin; geef waarden als parameter mee";
        }
    }

    private static bool IsConstantOfThisFile(string source, string hole) =>
        Regex.IsMatch(hole, @"^[A-Za-z_]\w*$") && Regex.IsMatch(source, $@"\bconst\s+string\s+{hole}\b");

    private static IEnumerable<(string Path, string Source)> SourceFiles()
    {
        var root = Path.Combine(RepoPaths.Root, "src", "Monitor");
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)));
    }

    [Fact]
    public void SqlInSrc_TakesEveryValueAsAParameter()
    {
        var violations = SourceFiles().SelectMany(f => Violations(f.Path, f.Source)).ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void Scan_ReadsTheSqlOfSrc()
    {
        // Not vacuous: the loader's statements, the kinds' merges and the staging COPY are all seen as SQL.
        var sql = SourceFiles().SelectMany(f => CSharpStrings.Find(f.Source).Where(l => SqlKeyword().IsMatch(l.Text)).Select(l => (f.Path, l))).ToList();

        Assert.True(sql.Count >= 25, $"{sql.Count} SQL-teksten gevonden");
        foreach (var file in new[] { "Feeds/Loading/DeliveryLoader.cs", "Feeds/Loading/DeliveryStore.cs", "Feeds/Kinds/PlekkenKind.cs", "Feeds/Loading/StagingTable.cs" })
            Assert.Contains(sql, s => s.Path == file);
        Assert.Contains(sql, s => s.l.Holes.Count > 0);
    }

    [Theory]
    [InlineData("var sql = $\"SELECT * FROM monitor.gemeenten WHERE code = '{code}'\";", "{code}")]
    [InlineData("conn.Execute(\"DELETE FROM monitor.contacten WHERE email = '\" + email + \"'\");", "'+'")]
    [InlineData("var q = $$\"\"\"\n    SELECT naam FROM monitor.regios WHERE code = '{{regio.Code}}'\n    \"\"\";", "{regio.Code}")]
    [InlineData("var q = @$\"UPDATE monitor.plekken SET status = '{status}'\";", "{status}")]
    [InlineData("var q = \"SELECT naam FROM monitor.gemeenten WHERE code = \" + row.Text(\"gemeentecode\");", "'+'")]
    public void Scan_CatchesAValueBuiltIntoSql(string code, string expected) =>
        Assert.Contains(expected, Assert.Single(Violations("Voorbeeld.cs", code)));

    [Theory]
    [InlineData("await conn.ExecuteAsync(\"DELETE FROM monitor.contacten WHERE email = @email\", new { email });")]
    [InlineData("const string Filter = \"WHERE peildatum >= @from\";\nvar q = $\"SELECT feed FROM monitor.plekken_snapshots {Filter}\";")]
    [InlineData("var q = \"SELECT a \" +\n    \"FROM monitor.gemeenten\";")]
    [InlineData("var m = $\"{count} regels geladen\"; // SELECT in a comment is no SQL")]
    [InlineData("var c = '\"'; var q = \"SELECT 1\";")]
    public void Scan_LetsParametersAndConstantsThrough(string code) =>
        Assert.Empty(Violations("Voorbeeld.cs", code));
}
