using System.Text.Json;

namespace Monitor.Feeds.Formats;

/// <summary>
/// Skips a JSON object or array as <see cref="Utf8JsonReader.TrySkip"/> does, and on the way finds a key that occurs
/// twice in one object at any depth. Parsers differ in which of the two values they keep (System.Text.Json the last,
/// others the first), so a delivery that says a key twice says two things.
/// </summary>
internal static class JsonDuplicateKeys
{
    /// <param name="reader">On a StartObject or StartArray token; after a complete skip, on its end token.</param>
    /// <param name="complete">False when the buffered bytes end before the value does: read again with more.</param>
    /// <returns>The first repeated key and its token's offset in the reader's bytes; null when every key is single.</returns>
    public static (string Key, long Offset)? Skip(ref Utf8JsonReader reader, out bool complete)
    {
        var scopes = new Stack<HashSet<string>?>();
        scopes.Push(reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null);
        (string Key, long Offset)? found = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject: scopes.Push(new HashSet<string>(StringComparer.Ordinal)); break;
                case JsonTokenType.StartArray: scopes.Push(null); break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    scopes.Pop();
                    if (scopes.Count == 0)
                    {
                        complete = true;
                        return found;
                    }
                    break;
                case JsonTokenType.PropertyName:
                    // Compared as written: a key that is no valid text is compared by its bytes.
                    var key = reader.ValueIsEscaped ? TryText(ref reader) : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                    if (found is null && scopes.Peek() is { } keys && !keys.Add(key)) found = (key, reader.TokenStartIndex);
                    break;
            }
        }
        complete = false;
        return null;
    }

    private static string TryText(ref Utf8JsonReader reader)
    {
        try { return reader.GetString()!; }
        catch (InvalidOperationException) { return Convert.ToHexString(reader.ValueSpan); }
    }
}
