using Dapper;
using Monitor.Analysis;
using Npgsql;

namespace Monitor.Compute;

/// <summary>Replaces the findings with what this run saw: rows the engine ignored, sums that disagree, agreements not applied.</summary>
public static class FindingsWriter
{
    public static async Task<int> WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long runId, AnalysisModel model, DateOnly today, CancellationToken ct)
    {
        var stand = EffectiveOpgave.On(model, today);
        var data = model.InputFindings.Concat(stand.Findings).Distinct()
            .Select(f => new { runId, soort = f.Kind.ToString(), opgave = f.Opgave?.Code(), periode = f.Periode, gebied = f.Gebiedcode, code = (string?)null, bericht = f.Message });
        var agreements = model.AgreementProblems.Concat(stand.AgreementProblems).Distinct()
            .Select(p => new { runId, soort = "Afspraak" + p.Kind, opgave = p.Opgave?.Code(), periode = (string?)null, gebied = p.Gemeentecode,
                code = (string?)p.Afspraakcode, bericht = p.Rejected ? $"{p.Message} De afspraak is niet toegepast." : p.Message });
        var rows = data.Concat(agreements).ToList();
        await conn.ExecuteAsync("DELETE FROM monitor.findings", transaction: tx);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO monitor.findings (run_id, soort, opgave, periode, gebiedcode, afspraakcode, bericht)
            VALUES (@runId, @soort, @opgave, @periode, @gebied, @code, @bericht)
            """, rows, tx, cancellationToken: ct));
        return rows.Count;
    }
}
