using Monitor.Alerts;
using Npgsql;
using Monitor.Outbox;

namespace Monitor.Digests;

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
        var (model, to, _) = await LoadAsync(provincie, date, ct);
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
        var (model, to, unaddressable) = await LoadAsync(provincie, date, ct);
        var missed = unaddressable.Select(c => new UnaddressableRecipient(c.Contact, c.Problem, $"weekoverzicht {provincie} {date:yyyy-MM-dd}")).ToList();
        var note = missed.Count == 0 ? null : $"niet verstuurd aan {string.Join(", ", missed)}; gemeld aan de operators";
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // The PRT contacts the sender can address get the digest; one it cannot is reported, not a reason to send none.
        await UnaddressableReport.EnqueueAsync(conn, tx, missed, smtp.FromAddress, date, now);
        if (to.Count == 0)
        {
            await tx.CommitAsync(ct);
            return new DigestResult(provincie, date, null, null, null, 0, note ?? "geen PRT-contact in monitor.contacten: niet verstuurd");
        }
        var message = DigestMail.Compose(model, options, smtp.FromAddress, to, now);
        var outboxId = await OutboxStore.EnqueueAsync(conn, tx, message, "digest");
        await DigestData.StoreAsync(conn, tx, model, [outboxId]);
        await tx.CommitAsync(ct);
        return new DigestResult(provincie, date, null, null, outboxId, to.Count, note);
    }

    /// <summary>The model alone, as a digest for that date would show it.</summary>
    public Task<DigestModel> LoadModelAsync(string provincie, DateOnly date, CancellationToken ct) => data.LoadAsync(provincie, date, ct);

    private async Task<(DigestModel, List<MimeKit.MailboxAddress>, List<(Contact Contact, string Problem)>)> LoadAsync(string provincie, DateOnly date, CancellationToken ct)
    {
        var model = await data.LoadAsync(provincie, date, ct);
        var contacts = await data.PrtContactsAsync(provincie, ct);
        var unaddressable = contacts.Select(c => (Contact: c, Problem: Mail.AddressProblem(c.Email))).Where(x => x.Problem is not null).Select(x => (x.Contact, x.Problem!)).ToList();
        var to = contacts.Where(c => Mail.AddressProblem(c.Email) is null).Select(c => Mail.Mailbox(c.Naam, c.Email)).ToList();
        return (model, to, unaddressable);
    }
}
