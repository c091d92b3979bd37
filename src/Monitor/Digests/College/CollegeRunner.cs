using Npgsql;
using Monitor.Outbox;

namespace Monitor.Digests.College;

/// <summary>Builds college digests: a preview in a folder (HTML, CSV, XLSX, .eml), or through the outbox to the college contacts.</summary>
public sealed class CollegeRunner(NpgsqlDataSource db, CollegeData data, SmtpOptions smtp)
{
    public Task<IReadOnlyList<string>> GemeentenAsync(CancellationToken ct) => data.GemeentenWithCollegeAsync(ct);

    public async Task<(string Html, int Recipients)> PreviewAsync(string gemeente, DateOnly date, string folder, DateTimeOffset now, CancellationToken ct)
    {
        var model = await data.LoadAsync(gemeente, date, ct);
        var to = (await data.CollegeContactsAsync(gemeente, ct)).Select(c => Mail.Mailbox(c.Naam, c.Email)).ToList();
        var message = CollegeMail.Compose(model, smtp.FromAddress, to, now);
        var html = await HtmlExport.WriteAsync(message, folder, model.BaseName, ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, model.BaseName + ".csv"), CollegeMail.Csv(model), ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, model.BaseName + ".xlsx"), DigestXlsx.Render(model.Figures, model.Name), ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, model.BaseName + ".eml"), OutboxStore.Serialize(message), ct);
        return (html, to.Count);
    }

    /// <returns>The outbox id, or null when the gemeente has no college contact.</returns>
    public async Task<long?> QueueAsync(string gemeente, DateOnly date, DateTimeOffset now, CancellationToken ct)
    {
        var to = (await data.CollegeContactsAsync(gemeente, ct)).Select(c => Mail.Mailbox(c.Naam, c.Email)).ToList();
        if (to.Count == 0) return null;
        var message = CollegeMail.Compose(await data.LoadAsync(gemeente, date, ct), smtp.FromAddress, to, now);
        await using var conn = await db.OpenConnectionAsync(ct);
        return await OutboxStore.EnqueueAsync(conn, null, message, "digest"); // the outbox kinds are alert and digest; this is a digest for one gemeente
    }
}
