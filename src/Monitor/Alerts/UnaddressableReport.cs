using System.Text;
using Dapper;
using MimeKit;
using Npgsql;
using Monitor.Outbox;

namespace Monitor.Alerts;

/// <summary>A contact the sender cannot address, why, and what they therefore did not get.</summary>
public sealed record UnaddressableRecipient(Contact Contact, string Problem, string Missed)
{
    public override string ToString() => $"{Contact.Naam} ({Contact.Rol}, {Contact.Gebiedcode}) {Mail.Shown(Contact.Email)}: {Problem}; niet ontvangen: {Missed}";
}

/// <summary>
/// One contact's address cannot stop the mail of all (issue 12): their message is left out, everyone else's goes, and
/// the operators (every operator contact with a usable address) get one message saying who missed what and why. It is
/// stored in the caller's transaction, with the messages it reports on. Contacten from before the address rule (or
/// written by hand) are the cause; a new delivery of contacten is checked by the same rule and fixes it.
/// </summary>
public static class UnaddressableReport
{
    private const string OperatorsSql = "SELECT gebiedcode, rol, naam, email FROM monitor.contacten WHERE rol = 'operator' ORDER BY email";

    /// <returns>The number of messages stored: 1, or 0 when nothing was missed or no operator can be addressed.</returns>
    public static async Task<int> EnqueueAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<UnaddressableRecipient> missed,
        MailboxAddress from, DateOnly date, DateTimeOffset now)
    {
        if (missed.Count == 0) return 0;
        var operators = (await conn.QueryAsync<Contact>(OperatorsSql, transaction: tx))
            .Where(c => Mail.AddressProblem(c.Email) is null).DistinctBy(c => c.Email, StringComparer.OrdinalIgnoreCase).ToList();
        if (operators.Count == 0) return 0;
        var message = Mail.New(from, Mail.Mailbox(operators[0].Naam, operators[0].Email),
            $"Monitor {date:yyyy-MM-dd}: {missed.Count} bericht(en) niet verstuurd, adres onbruikbaar", now);
        foreach (var o in operators.Skip(1)) message.To.Add(Mail.Mailbox(o.Naam, o.Email));
        message.Body = new TextPart("plain") { Text = Text(missed, date) };
        await OutboxStore.EnqueueAsync(conn, tx, message, "alert");
        return 1;
    }

    public static string Text(IReadOnlyList<UnaddressableRecipient> missed, DateOnly date)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Bij het versturen op {date:yyyy-MM-dd} had de Monitor voor {missed.Count} ontvanger(s) uit de feed contacten een adres")
          .AppendLine("dat hij niet kan adresseren. Hun bericht is niet verstuurd; alle andere berichten wel.").AppendLine();
        foreach (var m in missed)
            sb.AppendLine($"- {Mail.NoControl(m.Contact.Naam)} ({m.Contact.Rol}, {m.Contact.Gebiedcode}), adres {Mail.Shown(m.Contact.Email)}: {m.Problem}.")
              .AppendLine($"  Niet ontvangen: {Mail.NoControl(m.Missed)}.");
        sb.AppendLine().AppendLine("Corrigeer deze adressen in de volgende levering van contacten; die wordt bij het laden aan dezelfde regel getoetst.");
        return sb.ToString();
    }
}
