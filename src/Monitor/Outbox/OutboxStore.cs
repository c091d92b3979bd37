using Dapper;
using MimeKit;
using Npgsql;

namespace Monitor.Outbox;

/// <summary>One stored message as the sender reads it back.</summary>
public sealed record OutboxMessage(long Id, string MessageId, string Soort, string[] Ontvangers, byte[] Mime, int Pogingen);

/// <summary>Puts composed messages into monitor.outbox, inside the caller's transaction: the bytes are durable before anyone sends them.</summary>
public static class OutboxStore
{
    public static async Task<long> EnqueueAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, MimeMessage message, string soort)
    {
        if (string.IsNullOrEmpty(message.MessageId)) throw new ArgumentException("Een bericht in de outbox heeft een Message-Id nodig.");
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).Select(m => m.Address).Distinct().ToArray();
        if (recipients.Length == 0) throw new ArgumentException("Een bericht zonder ontvangers kan niet in de outbox.");
        return await conn.ExecuteScalarAsync<long>("""
            INSERT INTO monitor.outbox (message_id, soort, onderwerp, ontvangers, mime)
            VALUES (@id, @soort, @subject, @recipients, @mime) RETURNING id
            """, new { id = message.MessageId, soort, subject = message.Subject ?? "", recipients, mime = Serialize(message) }, tx);
    }

    /// <summary>7-bit, CRLF: the stored bytes survive any relay unchanged and are exactly what is sent again after a crash.</summary>
    public static byte[] Serialize(MimeMessage message)
    {
        message.Prepare(EncodingConstraint.SevenBit);
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        using var ms = new MemoryStream();
        message.WriteTo(format, ms);
        return ms.ToArray();
    }

    public static MimeMessage Parse(byte[] mime) => MimeMessage.Load(new MemoryStream(mime));
}
