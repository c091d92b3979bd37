-- Issue 14, the Toezicht dashboard: per gemeente the latest proposal (grafana.toezicht_ladder) in the words the
-- toezichthouder reads (steps and judgements without underscores), a status word to sort and colour by, and the
-- koppelingen of the half year the proposal tested (the last completed one before the proposal's date).

CREATE VIEW grafana.toezicht_gemeenten AS
SELECT l."time", l.datum, l.gemeentecode, l.gemeentenaam, l.provinciecode, l.provincienaam,
       k.periode AS getoetst_halfjaar, k.gecorrigeerde_taakstelling, k.gehuisvest, k.gekoppeld,
       l.achterstand, l.verklaard_door_koppelingen,
       CASE WHEN l.achterstand > 0 AND l.verklaard_door_koppelingen IS NOT NULL THEN l.achterstand - l.verklaard_door_koppelingen END AS eigen_deel,
       l.gemist_op_rij, l.verklaard_op_rij, l.gemist_op_rij - l.verklaard_op_rij AS tellend_op_rij,
       coalesce(replace(l.vastgelegde_stap, '_', ' '), 'geen') AS vastgelegde_stap,
       coalesce(replace(l.oordeel, '_', ' '), '') AS oordeel,
       coalesce(replace(l.voorgestelde_stap, '_', ' '), 'geen') AS voorgestelde_stap,
       l.voorgesteld_regime, l.termijn, l.termijn_verstreken,
       -- The order a toezichthouder works in: a passed termijn first, then a proposal heavier than recorded.
       CASE WHEN l.termijn_verstreken THEN 'termijn verstreken'
            WHEN l.vergelijking = 'voorstel_zwaarder' THEN 'voorstel zwaarder'
            WHEN l.vergelijking = 'register_verder' THEN 'register verder'
            ELSE 'in lijn' END AS status,
       CASE WHEN l.termijn_verstreken THEN 3 WHEN l.vergelijking = 'voorstel_zwaarder' THEN 2
            WHEN l.vergelijking = 'register_verder' THEN 1 ELSE 0 END AS status_rang
FROM grafana.toezicht_ladder l
LEFT JOIN grafana.koppelingen k
       ON k.gemeentecode = l.gemeentecode
      AND k.periode = CASE WHEN extract(month FROM l.datum) <= 6 THEN (extract(year FROM l.datum)::int - 1) || '-H2'
                           ELSE extract(year FROM l.datum)::int || '-H1' END;

DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'monitor_grafana') THEN
        GRANT USAGE ON SCHEMA grafana TO monitor_grafana;
        GRANT SELECT ON grafana.toezicht_gemeenten TO monitor_grafana;
    END IF;
END $$;
