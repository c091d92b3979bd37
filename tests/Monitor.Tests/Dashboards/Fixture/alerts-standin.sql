-- Stand-ins for grafana.alerts and grafana.alert_events, with exactly the columns of migration 0004_alerts.sql
-- (branch alerts), created only while that migration is not there yet. Test data only: never in a migration.
DO $standin$
BEGIN
    IF to_regclass('grafana.alerts') IS NULL THEN
        CREATE VIEW grafana.alerts AS
        SELECT * FROM (VALUES
            (1::bigint, 'dreigend_tekort', 'PV30', 'Noord-Brabant', 'asiel', 'actief', 'waarschuwing',
             'Noord-Brabant haalt de asielopgave naar verwachting niet vóór de deadline (prognose 13.900 van 15.420).',
             'prt@brabant.example.org', now() - interval '20 days', now() - interval '1 day', NULL::timestamptz, NULL::timestamptz, NULL::text),
            (2::bigint, 'dreigend_tekort', 'GM0855', 'Tilburg', 'taakstelling', 'wachtend', 'informatie',
             'Tilburg loopt achter op het schema voor de taakstelling (41% gehuisvest, 67% verwacht).',
             'rollen: college', now() - interval '2 days', NULL::timestamptz, NULL::timestamptz, NULL::timestamptz, NULL::text),
            (3::bigint, 'feed_verouderd', 'NL', 'Nederland', 'feed:coa', 'opgelost', 'kritiek',
             'Feed coa leverde 9 dagen niets.', 'operator@monitor.example.org',
             TIMESTAMPTZ '2025-04-02 00:00+02', TIMESTAMPTZ '2025-04-02 00:00+02', TIMESTAMPTZ '2025-04-07 00:00+02', NULL::timestamptz, NULL::text),
            (4::bigint, 'tekort_na_deadline', 'GM0855', 'Tilburg', 'asiel', 'actief', 'kritiek',
             'Tilburg had op 1 juli 2025 te weinig asielplekken.', 'college@tilburg.example.org, prt@brabant.example.org',
             TIMESTAMPTZ '2025-07-02 00:00+02', now() - interval '7 days', NULL::timestamptz, now() + interval '10 days', 'In overleg met COA over locatie Tilburg-Noord')
        ) AS a (alert_id, regel, gebiedcode, gebiednaam, opgave, status, ernst, samenvatting, ontvangers,
                gestart, laatst_verzonden, opgelost, stil_tot, stil_reden);

        CREATE VIEW grafana.alert_events AS
        SELECT * FROM (VALUES
            (now() - interval '20 days', 1::bigint, 'dreigend_tekort', 'PV30', 'actief', ''),
            (now() - interval '20 days', 1::bigint, 'dreigend_tekort', 'PV30', 'melding_nieuw', 'prt@brabant.example.org'),
            (now() - interval '1 day', 1::bigint, 'dreigend_tekort', 'PV30', 'melding_herinnering', 'prt@brabant.example.org'),
            (now() - interval '2 days', 2::bigint, 'dreigend_tekort', 'GM0855', 'wachtend', ''),
            (TIMESTAMPTZ '2025-04-02 00:00+02', 3::bigint, 'feed_verouderd', 'NL', 'actief', ''),
            (TIMESTAMPTZ '2025-04-02 00:00+02', 3::bigint, 'feed_verouderd', 'NL', 'melding_nieuw', 'operator@monitor.example.org'),
            (TIMESTAMPTZ '2025-04-07 00:00+02', 3::bigint, 'feed_verouderd', 'NL', 'opgelost', ''),
            (TIMESTAMPTZ '2025-04-07 00:00+02', 3::bigint, 'feed_verouderd', 'NL', 'melding_opgelost', 'operator@monitor.example.org'),
            (TIMESTAMPTZ '2025-07-02 00:00+02', 4::bigint, 'tekort_na_deadline', 'GM0855', 'actief', ''),
            (TIMESTAMPTZ '2025-07-02 00:00+02', 4::bigint, 'tekort_na_deadline', 'GM0855', 'melding_nieuw', 'college@tilburg.example.org'),
            (now() - interval '7 days', 4::bigint, 'tekort_na_deadline', 'GM0855', 'stilgezet', '')
        ) AS e ("time", alert_id, regel, gebiedcode, gebeurtenis, ontvangers);
    END IF;
END
$standin$;
