using Dapper;
using Npgsql;

namespace Monitor.Tests.Support;

/// <summary>
/// Writes the rows the outputs read (what `monitor compute` would fill) straight into a test database: a few
/// gemeenten, contacts, series and half years. Upserts, so a test can move a figure from one day to the next.
/// </summary>
public sealed class MonitorRows(NpgsqlDataSource db)
{
    private long? _delivery;
    private long? _run;

    public async Task<long> DeliveryAsync()
    {
        if (_delivery is { } d) return d;
        await using var conn = await db.OpenConnectionAsync();
        _delivery = await conn.ExecuteScalarAsync<long>("""
            INSERT INTO monitor.deliveries (feed, kind, source, size_bytes, sha256, outcome) VALUES ('fixture', 'fixture', 'test', 0, sha256(random()::text::bytea), 'accepted')
            RETURNING id
            """);
        return _delivery.Value;
    }

    private async Task<long> RunAsync()
    {
        if (_run is { } r) return r;
        await using var conn = await db.OpenConnectionAsync();
        _run = await conn.ExecuteScalarAsync<long>("INSERT INTO monitor.compute_runs (mode, as_of) VALUES ('full', current_date) RETURNING id");
        return _run.Value;
    }

    public async Task GemeenteAsync(string code, string naam, string provincie, string provincienaam)
    {
        var delivery = await DeliveryAsync();
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO monitor.provincies (code, naam, delivery_id) VALUES (@provincie, @provincienaam, @delivery) ON CONFLICT (code) DO NOTHING;
            INSERT INTO monitor.gemeenten (code, peiljaar, naam, provinciecode, veiligheidsregiocode, inwoners, oppervlakte_km2, delivery_id, source_lines)
            VALUES (@code, 2025, @naam, @provincie, 'VR01', 10000, 10, @delivery, '{1}')
            """, new { code, naam, provincie, provincienaam, delivery });
    }

    public async Task ContactAsync(string gebiedcode, string rol, string naam, string email)
    {
        var delivery = await DeliveryAsync();
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO monitor.contacten (gebiedcode, rol, naam, email, delivery_id, source_lines) VALUES (@gebiedcode, @rol, @naam, @email, @delivery, '{1}')
            """, new { gebiedcode, rol, naam, email, delivery });
    }

    public async Task SeriesAsync(string gebiedcode, string opgave, DateOnly datum, int? opgaveAantal, int gerealiseerd,
        int? laag = null, int? midden = null, int? hoog = null, DateOnly? deadline = null, string niveau = "gemeente", int? tekort = null,
        decimal? pct = null, int? duurzaam = null)
    {
        var run = await RunAsync();
        var gap = opgaveAantal - gerealiseerd;
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO monitor.series (gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd, gap, tekort, realisatie_pct, duurzaam,
                                        deadline, prognose_laag, prognose_midden, prognose_hoog, methode, run_id)
            VALUES (@gebiedcode, @niveau, @opgave, @datum, @opgaveAantal, @gerealiseerd, @gap, @tekort, @pct, @duurzaam, @deadline, @laag, @midden, @hoog,
                    'test', @run)
            ON CONFLICT (gebiedcode, opgave, datum) DO UPDATE SET opgave_aantal = EXCLUDED.opgave_aantal, gerealiseerd = EXCLUDED.gerealiseerd,
                gap = EXCLUDED.gap, tekort = EXCLUDED.tekort, realisatie_pct = EXCLUDED.realisatie_pct, deadline = EXCLUDED.deadline,
                prognose_laag = EXCLUDED.prognose_laag, prognose_midden = EXCLUDED.prognose_midden, prognose_hoog = EXCLUDED.prognose_hoog
            """, new
        {
            gebiedcode, niveau, opgave, datum, opgaveAantal, gerealiseerd, gap, tekort = tekort ?? (gap > 0 ? gap : 0),
            pct = pct ?? (opgaveAantal is > 0 ? Math.Round(100m * gerealiseerd / opgaveAantal.Value, 2) : null), duurzaam, deadline, laag, midden, hoog, run,
        });
    }

    public async Task HalfYearAsync(string gemeente, string periode, int taakstelling, int carryIn, int gehuisvest, bool afgerond = false, int gemistOpRij = 0)
    {
        var run = await RunAsync();
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO monitor.taakstelling_halfjaren (gemeentecode, periode, taakstelling, carry_in, due, gehuisvest, achterstand, afgerond, gemist_op_rij, run_id)
            VALUES (@gemeente, @periode, @taakstelling, @carryIn, @due, @gehuisvest, @achterstand, @afgerond, @gemistOpRij, @run)
            ON CONFLICT (gemeentecode, periode) DO UPDATE SET carry_in = EXCLUDED.carry_in, due = EXCLUDED.due, gehuisvest = EXCLUDED.gehuisvest,
                achterstand = EXCLUDED.achterstand, gemist_op_rij = EXCLUDED.gemist_op_rij
            """, new { gemeente, periode, taakstelling, carryIn, due = taakstelling + carryIn, gehuisvest, achterstand = taakstelling + carryIn - gehuisvest,
            afgerond, gemistOpRij, run });
    }

    public async Task AfspraakAsync(string code, string soort, string opgave, string van, string naar, int aantal, string periodeVan, string periodeTot,
        DateOnly besluit, string? omschrijving)
    {
        var delivery = await DeliveryAsync();
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO monitor.afspraken (afspraakcode, soort, opgave, van_gemeentecode, naar_gemeentecode, aantal, periode_van, periode_tot, besluitdatum,
                                           omschrijving, delivery_id, source_lines)
            VALUES (@code, @soort, @opgave, @van, @naar, @aantal, @periodeVan, @periodeTot, @besluit, @omschrijving, @delivery, '{1}')
            """, new { code, soort, opgave, van, naar, aantal, periodeVan, periodeTot, besluit, omschrijving, delivery });
    }
}
