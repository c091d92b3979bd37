-- Alerts for the dashboard fixture, written into the tables of migration 0004_alerts.sql the way the alert runner
-- would have left them: open, pending, resolved and silenced episodes with their events. Test data only.
WITH a AS (
    INSERT INTO monitor.alerts (regel, gebiedcode, onderwerp, status, ernst, samenvatting, rollen, ontvangers, sinds, actief_sinds,
                                laatst_verzonden, opgelost_op, laatst_geevalueerd)
    VALUES
        ('dreigend_tekort', 'PV30', 'asiel', 'firing', 'waarschuwing',
         'Noord-Brabant haalt de asielopgave naar verwachting niet vóór de deadline (prognose 13.900 van 15.420).',
         '{prt}', '{prt@brabant.example.org}', current_date - 21, current_date - 20, current_date - 1, NULL, current_date),
        ('taakstelling_achter', 'GM0855', 'taakstelling', 'pending', 'informatie',
         'Tilburg loopt achter op het schema voor de taakstelling (41% gehuisvest, 67% verwacht).',
         '{college}', '{}', current_date - 2, NULL, NULL, NULL, current_date),
        ('feed_verouderd', 'NL', 'feed:coa', 'resolved', 'kritiek', 'Feed coa leverde 9 dagen niets.',
         '{operator}', '{operator@monitor.example.org}', DATE '2025-04-01', DATE '2025-04-02', DATE '2025-04-07', DATE '2025-04-07', DATE '2025-04-07'),
        ('tekort_na_deadline', 'GM0855', 'asiel', 'firing', 'kritiek', 'Tilburg had op 1 juli 2025 te weinig asielplekken.',
         '{college,prt}', '{college@tilburg.example.org,prt@brabant.example.org}', DATE '2025-07-01', DATE '2025-07-02', current_date - 7, NULL, current_date)
    RETURNING id, regel, gebiedcode, onderwerp, sinds, actief_sinds, laatst_verzonden, opgelost_op, ontvangers
), events AS (
    INSERT INTO monitor.alert_events (alert_id, datum, gebeurtenis, ontvangers)
    SELECT id, sinds, 'wachtend', '{}'::text[] FROM a
    UNION ALL SELECT id, actief_sinds, 'actief', '{}'::text[] FROM a WHERE actief_sinds IS NOT NULL
    UNION ALL SELECT id, actief_sinds, 'melding_nieuw', ontvangers FROM a WHERE actief_sinds IS NOT NULL
    UNION ALL SELECT id, laatst_verzonden, 'melding_herinnering', ontvangers FROM a WHERE laatst_verzonden > actief_sinds AND opgelost_op IS NULL
    UNION ALL SELECT id, opgelost_op, 'opgelost', '{}'::text[] FROM a WHERE opgelost_op IS NOT NULL
    UNION ALL SELECT id, opgelost_op, 'melding_opgelost', ontvangers FROM a WHERE opgelost_op IS NOT NULL
    RETURNING 1
)
INSERT INTO monitor.alert_silences (regel, gebiedcode, onderwerp, tot, reden, alert_id)
SELECT regel, gebiedcode, onderwerp, current_date + 10, 'In overleg met COA over locatie Tilburg-Noord', id
FROM a WHERE regel = 'tekort_na_deadline';
