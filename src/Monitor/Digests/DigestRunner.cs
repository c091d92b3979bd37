using Monitor.Alerts;
using Npgsql;
using Monitor.Outbox;

namespace Monitor.Digests;

public sealed record DigestResult(string Provincie, DateOnly Date, string? HtmlPath, string? CsvPath, long? OutboxId, int Recipients, string? Note)
{
    /// <summary>Every message queued for the provincie (the PRT's and the toezichthouder's digest), in that order.</summary>
    public IReadOnlyList<long> OutboxIds { get; init; } = OutboxId is { } id ? [id] : [];
    /// <summary>Preview: the digest as the toezicht contacts get it (with the toezicht section), when they get their own.</summary>
    public string? ToezichtHtmlPath { get; init; }
}

/// <summary>
/// Builds each provincie's digest. Preview: files only (HTML with its charts, CSV, .eml), nothing stored. Send: the
/// message goes into the outbox and its figures into monitor.digests in one transaction, so next week's "since last
/// week" compares with exactly what was sent. The toezicht contacts get the same digest with the toezicht section (the
/// register may be confidential, so the PRT's digest shows it only with Digest:ToezichtVoorPrt; then one mail to both).
/// </summary>
public sealed class DigestRunner(NpgsqlDataSource db, DigestData data, DigestOptions options, SmtpOptions smtp, Analysis.ToezichtOptions? toezicht = null)
{
    /// <summary>The provincies asked for, or all with a PRT or toezicht contact (preview without contacts: all provincies).</summary>
    public async Task<IReadOnlyList<string>> ProvinciesAsync(IReadOnlyList<string>? requested, bool send, CancellationToken ct)
    {
        if (requested is { Count: > 0 }) return requested.Select(p => p.Trim().ToUpperInvariant()).Distinct().ToList();
        var withPrt = await data.ProvinciesAsync(withPrtOnly: true, ct);
        if (withPrt.Count > 0 || send) return withPrt.Select(p => p.Code).ToList();
        return (await data.ProvinciesAsync(withPrtOnly: false, ct)).Select(p => p.Code).ToList();
    }

    public async Task<DigestResult> PreviewAsync(string provincie, DateOnly date, string folder, DateTimeOffset now, CancellationToken ct)
    {
        var editions = await EditionsAsync(provincie, date, ct);
        var prt = editions[0];
        var (html, csv) = await WriteFilesAsync(prt, folder, now, ct);
        // The toezichthouder's own digest is written beside it when it has contacts, as sending would make it.
        string? toezichtHtml = null;
        foreach (var e in editions.Skip(1).Where(e => e.To.Count > 0)) (toezichtHtml, _) = await WriteFilesAsync(e, folder, now, ct);
        return new DigestResult(provincie, date, html, csv, null, prt.To.Count, prt.To.Count == 0 ? "geen PRT-contact: alleen voorbeeld" : null)
        {
            ToezichtHtmlPath = toezichtHtml,
        };
    }

    private async Task<(string Html, string Csv)> WriteFilesAsync(Edition e, string folder, DateTimeOffset now, CancellationToken ct)
    {
        var model = e.Model;
        var message = DigestMail.Compose(model, options, smtp.FromAddress, e.To, now);
        var baseName = DigestMail.BaseName(model);
        var html = await HtmlExport.WriteAsync(message, folder, baseName, ct);
        var csv = Path.Combine(folder, baseName + ".csv");
        await File.WriteAllBytesAsync(csv, DigestCsv.Render(model), ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, baseName + ".xlsx"), DigestXlsx.Render(model.Headlines.Concat(model.Gemeenten).ToList(), model.Name), ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, baseName + ".eml"), OutboxStore.Serialize(message), ct);
        return (html, csv);
    }

    public async Task<DigestResult> QueueAsync(string provincie, DateOnly date, DateTimeOffset now, CancellationToken ct)
    {
        var editions = await EditionsAsync(provincie, date, ct);
        var missed = editions.SelectMany(e => e.Unaddressable).DistinctBy(c => (c.Contact.Email, c.Contact.Rol))
            .Select(c => new UnaddressableRecipient(c.Contact, c.Problem, $"weekoverzicht {provincie} {date:yyyy-MM-dd}")).ToList();
        var note = missed.Count == 0 ? null : $"niet verstuurd aan {string.Join(", ", missed)}; gemeld aan de operators";
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // The contacts the sender can address get the digest; one it cannot is reported, not a reason to send none.
        await UnaddressableReport.EnqueueAsync(conn, tx, missed, smtp.FromAddress, date, now);
        var ids = new List<long>();
        foreach (var e in editions.Where(e => e.To.Count > 0))
            ids.Add(await OutboxStore.EnqueueAsync(conn, tx, DigestMail.Compose(e.Model, options, smtp.FromAddress, e.To, now), "digest"));
        if (ids.Count == 0)
        {
            await tx.CommitAsync(ct);
            return new DigestResult(provincie, date, null, null, null, 0, note ?? "geen PRT-contact in monitor.contacten: niet verstuurd");
        }
        await DigestData.StoreAsync(conn, tx, editions[0].Model, ids);
        await tx.CommitAsync(ct);
        if (editions[0].To.Count == 0) note = (note is null ? "" : note + "; ") + "geen PRT-contact: alleen de toezichthouder kreeg het";
        return new DigestResult(provincie, date, null, null, ids[0], editions.Sum(e => e.To.Count), note) { OutboxIds = ids };
    }

    /// <summary>The model alone, as a digest for that date would show it.</summary>
    public Task<DigestModel> LoadModelAsync(string provincie, DateOnly date, CancellationToken ct) => data.LoadAsync(provincie, date, ct);

    /// <summary>One digest and who gets it: addressable mailboxes, and the contacts the sender cannot address.</summary>
    private sealed record Edition(DigestModel Model, List<MimeKit.MailboxAddress> To, List<(Contact Contact, string Problem)> Unaddressable)
    {
        public static Edition For(DigestModel model, IReadOnlyList<Contact> contacts) => new(model,
            contacts.Where(c => Mail.AddressProblem(c.Email) is null).Select(c => Mail.Mailbox(c.Naam, c.Email)).ToList(),
            contacts.Select(c => (Contact: c, Problem: Mail.AddressProblem(c.Email))).Where(x => x.Problem is not null).Select(x => (x.Contact, x.Problem!)).ToList());
    }

    /// <summary>The PRT's digest first, then (unless the PRT's shows the toezicht section itself) the toezichthouder's.</summary>
    private async Task<List<Edition>> EditionsAsync(string provincie, DateOnly date, CancellationToken ct)
    {
        var model = await data.LoadAsync(provincie, date, ct);
        await using (var conn = await db.OpenConnectionAsync(ct))
            model = model with { Toezicht = await DigestToezichtData.LoadAsync(conn, provincie, date, toezicht ?? new Analysis.ToezichtOptions()) };
        var prt = await data.PrtContactsAsync(provincie, ct);
        var supervisors = await DigestToezichtData.ContactsAsync(db, provincie, Roles.Toezicht, ct);
        if (options.ToezichtVoorPrt)
            return [Edition.For(model with { ToezichtSectie = true }, prt.Concat(supervisors).DistinctBy(c => c.Email, StringComparer.OrdinalIgnoreCase).ToList())];
        return [Edition.For(model, prt), Edition.For(model with { ToezichtSectie = true }, supervisors)];
    }
}
