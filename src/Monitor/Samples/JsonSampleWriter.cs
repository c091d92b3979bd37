using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Monitor.Samples;

/// <summary>Writes a <see cref="SampleTable"/> as a JSON array of objects, or wrapped as {"rows": [...]}.</summary>
public static class JsonSampleWriter
{
    public static void Write(Stream output, SampleTable table, bool wrapInRows)
    {
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            // Readable "Fryslân" instead of "\u00E2"; the files are data, not HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var json = new Utf8JsonWriter(output, options))
        {
            if (wrapInRows)
            {
                json.WriteStartObject();
                json.WritePropertyName("rows");
            }
            json.WriteStartArray();
            foreach (var row in table.Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < row.Length; i++) WriteCell(json, table.Columns[i], row[i]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (wrapInRows) json.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
    }

    private static void WriteCell(Utf8JsonWriter json, string name, object? cell)
    {
        switch (cell)
        {
            case null: json.WriteNull(name); break;
            case string s: json.WriteString(name, s); break;
            case int n: json.WriteNumber(name, n); break;
            case decimal d: json.WriteNumber(name, d); break;
            case DateOnly date: json.WriteString(name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            default: throw new ArgumentException($"Celtype {cell.GetType().Name} wordt niet ondersteund.");
        }
    }
}
