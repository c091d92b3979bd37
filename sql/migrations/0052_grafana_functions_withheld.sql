-- What Grafana's role could still do beyond reading its views (issue 12, point 12). PostgreSQL lets every role
-- (PUBLIC) call the large-object functions and the advisory-lock functions:
--   * an editor's query could take the loader's advisory lock (pg_advisory_lock(hashtext('ingest:plekken'))) and
--     block a plekken load for as long as the session lived;
--   * with default_transaction_read_only switched off (any role may SET it: it cannot be locked for one role, see
--     docs/BETROUWBAARHEID.md) it could create large objects: storage that outlives the session, outside every grant.
-- These are withheld from PUBLIC in this database; the advisory-lock functions are granted back to the Monitor's own
-- user (the user that migrates is the user that loads and takes the locks). Large objects are not granted back: the
-- Monitor does not use them. lo_import/lo_export (server files) stay superuser-only.
-- Temporary tables are left alone: they end with the session and weigh no more than the temporary files any large
-- SELECT may write (statement_timeout bounds both); withholding TEMPORARY would also not survive CREATE DATABASE ...
-- TEMPLATE, unlike these function rights, which are part of the database.
-- Only a superuser may change the rights on PostgreSQL's own functions; without one the migration tells the operator
-- the one statement to run.

CREATE PROCEDURE monitor.withhold_from_public(app_role name)
    LANGUAGE plpgsql SET search_path = pg_catalog
AS $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
             WHERE p.pronamespace = 'pg_catalog'::regnamespace AND p.proname LIKE 'pg\_%advisory\_%'
    LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f, app_role);
    END LOOP;
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
             WHERE p.pronamespace = 'pg_catalog'::regnamespace
               AND (p.proname LIKE 'lo\_%' OR p.proname IN ('loread', 'lowrite'))
    LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END
$$;
REVOKE ALL ON PROCEDURE monitor.withhold_from_public(name) FROM PUBLIC;

DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        CALL monitor.withhold_from_public(current_user);
    ELSE
        RAISE NOTICE 'Grafana kan nog advisory locks nemen en grote objecten maken: alleen een superuser kan dat intrekken. Laat een beheerder (superuser) eenmalig uitvoeren: CALL monitor.withhold_from_public(%);', quote_literal(current_user);
    END IF;
END
$$;
