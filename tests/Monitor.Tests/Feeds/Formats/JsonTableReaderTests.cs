using System.Text;
using Monitor.Feeds.Formats;
using static Monitor.Tests.Support.Tables;

namespace Monitor.Tests.Feeds.Formats;

public sealed class JsonTableReaderTests
{
    private static readonly TableReadOptions Huisvesting = Required("peildatum", "gemeentecode", "gehuisvest");

    private static ITableReader OpenJson(string json, TableReadOptions options, bool seekable = true, string name = "huisvesting.json") =>
        Open(Encoding.UTF8.GetBytes(json), name, options, seekable);

    [Fact]
    public void ArrayOfObjects_ValuesAsInvariantText()
    {
        const string json = """
            [
              {"peildatum": "2025-07-01", "gemeentecode": "GM0363", "gehuisvest": 1234, "aandeel": 0.5, "actief": true, "waarvan_amv": null},
              {"peildatum": "2025-07-01", "gemeentecode": 363.0, "gehuisvest": 1e3, "aandeel": 12.50, "actief": false, "waarvan_amv": "  "}
            ]
            """;
        using var reader = OpenJson(json, Huisvesting);
        var rows = ReadAll(reader);
        Assert.Equal("json", reader.Format);
        Assert.Equal(NumberStyleHint.Invariant, reader.Numbers);
        Assert.Equal(["peildatum", "gemeentecode", "gehuisvest", "aandeel", "actief", "waarvan_amv"], reader.Header);
        Assert.Equal(("1234", "0.5", "true", (string?)null), (rows[0]["gehuisvest"], rows[0]["aandeel"], rows[0]["actief"], rows[0]["waarvan_amv"]));
        Assert.Equal(("363", "1000", "12.5", "false", (string?)null),
            (rows[1]["gemeentecode"], rows[1]["gehuisvest"], rows[1]["aandeel"], rows[1]["actief"], rows[1]["waarvan_amv"]));
    }

    [Fact]
    public void RowsWrapper_OtherPropertiesSkipped()
    {
        const string json = """
            {
              "bron": "COA",
              "meta": {"gepubliceerd": "2025-07-02", "versies": [1, 2, {"x": [3]}]},
              "Rows": [
                {"peildatum": "2025-07-01", "gemeentecode": "GM0363", "gehuisvest": 12}
              ],
              "opmerking": ["na de rijen"]
            }
            """;
        using var reader = OpenJson(json, Huisvesting);
        var row = Assert.Single(ReadAll(reader));
        Assert.Equal("12", row["gehuisvest"]);
        Assert.Equal(5, row.Line);
    }

    [Fact]
    public void HeaderIsUnionOfKeys_InOrderOfFirstAppearance()
    {
        const string json = """
            [{"peildatum": "2025-07-01", "gemeentecode": "GM0363", "gehuisvest": 1},
             {"Waarvan_AMV": 2, "gemeentecode": "GM0344", "peildatum": "2025-07-01", "gehuisvest": 3}]
            """;
        using var reader = OpenJson(json, Huisvesting);
        var rows = ReadAll(reader);
        Assert.Equal(["peildatum", "gemeentecode", "gehuisvest", "waarvan_amv"], reader.Header);
        Assert.Null(rows[0]["waarvan_amv"]);
        Assert.Equal("2", rows[1]["waarvan_amv"]);
        Assert.Equal("GM0344", rows[1]["gemeentecode"]);
    }

    [Fact]
    public void ColumnMapping_AppliesToKeys()
    {
        var options = Huisvesting with { ColumnMapping = new Dictionary<string, string> { ["Gemeente"] = "gemeentecode" } };
        using var reader = OpenJson("""[{"peildatum": "2025-07-01", "GEMEENTE": "GM0363", "gehuisvest": 1}]""", options);
        Assert.Equal("GM0363", Assert.Single(ReadAll(reader))["gemeentecode"]);
    }

    [Fact]
    public void Line_IsWhereTheObjectStarts()
    {
        const string json = "[\n  {\n    \"peildatum\": \"2025-07-01\",\n    \"gemeentecode\": \"GM0363\",\n    \"gehuisvest\": 1\n  },\n\n" +
                            "  {\"peildatum\": \"2025-07-01\", \"gemeentecode\": \"GM0344\", \"gehuisvest\": 2}, {\"peildatum\": \"2025-07-01\", \"gemeentecode\": \"GM0345\", \"gehuisvest\": 3}\n]";
        using var reader = OpenJson(json, Huisvesting);
        Assert.Equal([2L, 8, 8], ReadAll(reader).Select(r => r.Line));
    }

    [Fact]
    public void ManyRowsFromForwardOnlyStream_AllReadWithTheirLines()
    {
        var json = new StringBuilder("[\n");
        for (var i = 0; i < 20_000; i++) json.Append($"{{\"peildatum\": \"2025-07-01\", \"gemeentecode\": \"GM0363\", \"gehuisvest\": {i}}},\n");
        json.Append("{\"peildatum\": \"2025-07-01\", \"gemeentecode\": \"GM0363\", \"gehuisvest\": 20000}\n]\n");
        using var reader = OpenJson(json.ToString(), Huisvesting, seekable: false);
        var rows = ReadAll(reader);
        Assert.Equal(20_001, rows.Count);
        Assert.Equal(Enumerable.Range(2, 20_001).Select(l => (long)l), rows.Select(r => r.Line));
        Assert.Equal("20000", rows[^1]["gehuisvest"]);
    }

    [Fact]
    public void NestedValueInField_IsAProblemOnTheObjectsLine()
    {
        const string json = """
            [{"peildatum": "2025-07-01", "gemeentecode": "GM0363", "gehuisvest": 1},
             {"peildatum": "2025-07-01", "gemeentecode": {"code": "GM0344"}, "gehuisvest": [2]}]
            """;
        var problems = Problems(() => OpenJson(json, Huisvesting));
        Assert.Equal(["gemeentecode", "gehuisvest"], problems.Select(p => p.Column));
        Assert.All(problems, p => Assert.Equal(2, p.Line));
        Assert.Contains("lijst of object", problems[0].Message);
    }

    [Fact]
    public void DeeplyNested_CleanProblem()
    {
        var json = "[\n{\"peildatum\": \"2025-07-01\",\n \"gemeentecode\": " + new string('[', 10_000) + new string(']', 10_000) + "}]";
        var problem = Assert.Single(Problems(() => OpenJson(json, Huisvesting)));
        Assert.Contains("dieper genest dan 8 niveaus", problem.Message);
        Assert.Equal(3, problem.Line);
    }

    [Fact]
    public void InvalidJson_ProblemWithLine()
    {
        var problem = Assert.Single(Problems(() => OpenJson("[\n{\"peildatum\": \"2025-07-01\"},\n{\"peildatum\": 2025-07-01}\n]", Huisvesting)));
        Assert.Equal(3, problem.Line);
        Assert.StartsWith("Dit is geen geldige JSON", problem.Message);
    }

    [Fact]
    public void TruncatedJson_Problem()
    {
        var problem = Assert.Single(Problems(() => OpenJson("[{\"peildatum\": \"2025-07-01\", \"gemeentecode\": \"GM0363\", \"gehuisvest\": 1},\n{\"peil", Huisvesting)));
        // Cut off mid-value: said plainly, on the line where the unfinished object starts, not in the parser's words.
        Assert.StartsWith("Het JSON-bestand houdt halverwege op", problem.Message);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void BrokenJsonAtTheEnd_IsNotMistakenForTruncation()
    {
        var problem = Assert.Single(Problems(() => OpenJson("[{\"peildatum\": \"2025-07-01\", \"gehuisvest\": 1,,}", Huisvesting)));
        Assert.StartsWith("Dit is geen geldige JSON", problem.Message);
    }

    [Fact]
    public void TrailingGarbage_Problem()
    {
        var problem = Assert.Single(Problems(() => OpenJson("[{\"peildatum\": \"2025-07-01\", \"gemeentecode\": \"GM0363\", \"gehuisvest\": 1}]\nnog iets", Huisvesting)));
        Assert.Equal(2, problem.Line);
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("[[\"peildatum\"], [\"2025-07-01\"]]")]
    public void ArrayOfNonObjects_Problem(string json)
    {
        var problem = Assert.Single(Problems(() => OpenJson(json, Huisvesting)));
        Assert.Contains("geen object", problem.Message);
    }

    [Fact]
    public void ObjectWithoutRows_Problem()
    {
        var problem = Assert.Single(Problems(() => OpenJson("""{"data": [{"peildatum": "2025-07-01"}]}""", Huisvesting)));
        Assert.Contains("\"rows\"", problem.Message);
    }

    [Fact]
    public void EmptyArray_NoRows()
    {
        using var reader = OpenJson("[ ]", Huisvesting);
        Assert.Empty(ReadAll(reader));
        Assert.Equal(["peildatum", "gemeentecode", "gehuisvest"], reader.Header);
    }

    [Fact]
    public void RequiredKeyInNoObject_Problem()
    {
        var problem = Assert.Single(Problems(() => OpenJson("""[{"peildatum": "2025-07-01", "gemeentecode": "GM0363"}]""", Huisvesting)));
        Assert.Equal("gehuisvest", problem.Column);
        Assert.Equal("Kolom 'gehuisvest' ontbreekt: geen enkel object heeft dit veld. Gevonden velden: peildatum, gemeentecode.", problem.Message);
    }

    [Fact]
    public void DuplicateKey_Problem()
    {
        var problem = Assert.Single(Problems(() => OpenJson("""[{"peildatum": "2025-07-01", "gemeentecode": "GM0363", "gehuisvest": 1, "Gehuisvest": 2}]""", Huisvesting)));
        Assert.Equal("gehuisvest", problem.Column);
    }

    [Fact]
    public void HugeObject_ProblemNotMemory()
    {
        var json = "[\n{\"peildatum\": \"2025-07-01\", \"gemeentecode\": \"GM0363\", \"gehuisvest\": 1},\n{\"peildatum\": \"" + new string('x', 3 << 20) + "\"}]";
        var problem = Assert.Single(Problems(() => OpenJson(json, Huisvesting)));
        Assert.Equal(3, problem.Line);
        Assert.Contains("groter is dan 1 MB", problem.Message);
    }

    [Fact]
    public void EmptyObjects_Skipped()
    {
        using var reader = OpenJson("[{}, {\"peildatum\": \"2025-07-01\", \"gemeentecode\": \"GM0363\", \"gehuisvest\": 1}, {\"gehuisvest\": null}]", Huisvesting);
        Assert.Single(ReadAll(reader));
    }
}
