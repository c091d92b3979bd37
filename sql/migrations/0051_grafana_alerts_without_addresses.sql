-- Grafana shows who was told, not where to write to them (issue 12, point 12). grafana.alerts and grafana.alert_events
-- showed the e-mail addresses of the last notification: every dashboard editor (and anyone who can read Grafana's
-- role) could harvest the contacts of every college, PRT and supervisor. The column "ontvangers" now names each
-- recipient by name and role from monitor.contacten; an address no longer there reads "vroeger contact". Same columns,
-- same types, so panels and `monitor alerts list` read it unchanged. The addresses stay in monitor.alerts and
-- monitor.alert_events for the operators.
-- Inline rather than a helper function: a function called by a view runs with the rights of whoever reads the view,
-- and monitor_grafana may read nothing in schema monitor.

CREATE OR REPLACE VIEW grafana.alerts AS
SELECT a.id AS alert_id,
       a.regel,
       a.gebiedcode,
       coalesce(g.naam, p.naam, CASE WHEN a.gebiedcode = 'NL' THEN 'Nederland' END, a.gebiedcode) AS gebiednaam,
       a.onderwerp AS opgave,
       CASE a.status WHEN 'pending' THEN 'wachtend' WHEN 'firing' THEN 'actief' ELSE 'opgelost' END AS status,
       a.ernst,
       a.samenvatting,
       CASE WHEN cardinality(a.ontvangers) > 0
            THEN (SELECT string_agg(coalesce(c.wie, 'vroeger contact'), ', ' ORDER BY o.nr)
                  FROM unnest(a.ontvangers) WITH ORDINALITY AS o (email, nr)
                  LEFT JOIN LATERAL (SELECT string_agg(DISTINCT k.naam || ' (' || k.rol || ')', ', ') AS wie
                                     FROM monitor.contacten k WHERE k.email = lower(o.email)) c ON true)
            ELSE 'rollen: ' || array_to_string(a.rollen, ', ') END AS ontvangers,
       (coalesce(a.actief_sinds, a.sinds)::timestamp AT TIME ZONE 'Europe/Amsterdam') AS gestart,
       (a.laatst_verzonden::timestamp AT TIME ZONE 'Europe/Amsterdam') AS laatst_verzonden,
       (a.opgelost_op::timestamp AT TIME ZONE 'Europe/Amsterdam') AS opgelost,
       (s.tot::timestamp AT TIME ZONE 'Europe/Amsterdam') AS stil_tot,
       s.reden AS stil_reden
FROM monitor.alerts a
LEFT JOIN monitor.gemeenten_actueel g ON g.code = a.gebiedcode
LEFT JOIN monitor.provincies p ON p.code = a.gebiedcode
LEFT JOIN LATERAL (
    SELECT tot, reden FROM monitor.alert_silences s
    WHERE (s.regel, s.gebiedcode, s.onderwerp) = (a.regel, a.gebiedcode, a.onderwerp)
    ORDER BY tot DESC, id DESC LIMIT 1
) s ON true;

CREATE OR REPLACE VIEW grafana.alert_events AS
SELECT (e.datum::timestamp AT TIME ZONE 'Europe/Amsterdam') AS time,
       e.alert_id,
       a.regel,
       a.gebiedcode,
       e.gebeurtenis,
       coalesce((SELECT string_agg(coalesce(c.wie, 'vroeger contact'), ', ' ORDER BY o.nr)
                 FROM unnest(e.ontvangers) WITH ORDINALITY AS o (email, nr)
                 LEFT JOIN LATERAL (SELECT string_agg(DISTINCT k.naam || ' (' || k.rol || ')', ', ') AS wie
                                    FROM monitor.contacten k WHERE k.email = lower(o.email)) c ON true), '') AS ontvangers
FROM monitor.alert_events e
JOIN monitor.alerts a ON a.id = e.alert_id;
