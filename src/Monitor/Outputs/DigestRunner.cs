using Monitor.Alerts;
using Npgsql;

namespace Monitor.Outputs;

public sealed record DigestResult(string Provincie, DateOnly Date, string? HtmlPath, string? CsvPath, long? OutboxId, int Recipients, string? Note);

/// <summary>
/// Builds each provincie's digest. Preview: files only (HTML with its charts, CSV, .eml), nothing stored. Send: the
/// message goes into the outbox and its figures into monitor.digests in one transaction, so next week's "since last
/// week" compares with exactly what was sent.
/// </summary>
public sealed class DigestRunner(NpgsqlDataSource db, DigestData data, DigestOptions options, SmtpOptions smtp)
{
    /// <summary>The provincies asked for, or all with a PRT contact (preview without contacts: all provincies).</summary>
    public async Task<IReadOnlyList<string>> ProvinciesAsync(IReadOnlyList<string>? requested, bool send, CancellationToken ct)
    {
        if (requested is { Count: > 0 }) return requested.Select(p => p.Trim().ToUpperInvariant()).Distinct().ToList();
        var withPrt = await data.ProvinciesAsync(withPrtOnly: true, ct);
        if (withPrt.Count > 0 || send) return withPrt.Select(p => p.Code).ToList();
        return (await data.ProvinciesAsync(withPrtOnly: false, ct)).Select(p => p.Code).ToList();
    }

    public async Task<DigestResult> PreviewAsync(string provincie, DateOnly date, string folder, DateTimeOffset now, CancellationToken ct)
    {
        var (model, to) = await LoadAsync(provincie, date, ct);
        var message = DigestMail.Compose(model, options, smtp.FromAddress, to, now);
        var baseName = DigestMail.BaseName(model);
        var html = await HtmlExport.WriteAsync(message, folder, baseName, ct);
        var csv = Path.Combine(folder, baseName + ".csv");
        await File.WriteAllBytesAsync(csv, DigestCsv.Render(model), ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, baseName + ".xlsx"), DigestXlsx.Render(model.Headlines.Concat(model.Gemeenten).ToList(), model.Name), ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, baseName + ".eml"), OutboxStore.Serialize(message), ct);
        return new DigestResult(provincie, date, html, csv, null, to.Count, to.Count == 0 ? "geen PRT-contact: alleen voorbeeld" : null);
    }

    public async Task<DigestResult> QueueAsync(string provincie, DateOnly date, DateTimeOffset now, CancellationToken ct)
    {
        var (model, to) = await LoadAsync(provincie, date, ct);
        if (to.Count == 0) return new DigestResult(provincie, date, null, null, null, 0, "geen PRT-contact in monitor.contacten: niet verstuurd");
        var message = DigestMail.Compose(model, options, smtp.FromAddress, to, now);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var outboxId = await OutboxStore.EnqueueAsync(conn, tx, message, "digest");
        await DigestData.StoreAsync(conn, tx, model, [outboxId]);
        await tx.CommitAsync(ct);
        return new DigestResult(provincie, date, null, null, outboxId, to.Count, null);
    }

    /// <summary>The model alone, as a digest for that date would show it.</summary>
    public Task<DigestModel> LoadModelAsync(string provincie, DateOnly date, CancellationToken ct) => data.LoadAsync(provincie, date, ct);

    private async Task<(DigestModel, List<MimeKit.MailboxAddress>)> LoadAsync(string provincie, DateOnly date, CancellationToken ct)
    {
        var model = await data.LoadAsync(provincie, date, ct);
        var to = (await data.PrtContactsAsync(provincie, ct)).Select(c => Mail.Mailbox(c.Naam, c.Email)).ToList();
        return (model, to);
    }
}
