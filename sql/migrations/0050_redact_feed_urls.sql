-- A token in a feed URL (issue 12, point 11): https://host/feed.csv?apikey=... was stored as the delivery's source and
-- shown by grafana.leveringen and grafana.afkeuringen. The fetchers now store the URL redacted (Redaction.cs: user
-- info and every query value become ***, parameter names stay); this migration redacts the rows stored before, and a
-- trigger holds the same rule for any later writer, so a view can never show a token again.

-- The SQL twin of Redaction.Redact for URL text: the user info before the query, then in the query every value
-- (name=value → name=***) and every nameless part (?token → ?***). Text that is not a URL (a file path) is unchanged.
CREATE FUNCTION monitor.redact_url(location text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN location !~ '^[A-Za-z][A-Za-z0-9+.-]+://' THEN location
                ELSE regexp_replace(split_part(location, '?', 1), '^([A-Za-z][A-Za-z0-9+.-]+://)[^/?#]*@', '\1***@')
                     || CASE WHEN strpos(location, '?') = 0 THEN ''
                             ELSE '?' || regexp_replace(
                                             regexp_replace(substr(location, strpos(location, '?') + 1), '(^|&)([^=&#]*=)[^&#]+', '\1\2***', 'g'),
                                             '(^|&)[^=&#]+(?=&|#|$)', '\1***', 'g') END END;

-- Problems name the file by the last segment of the source, query included: the same query, redacted, replaces it there.
UPDATE monitor.deliveries
SET problems = CASE WHEN source ~ '\?[^#]'
                    THEN replace(problems::text, substring(source FROM '\?[^#]*'), substring(monitor.redact_url(source) FROM '\?[^#]*'))::jsonb
                    ELSE problems END,
    source = monitor.redact_url(source)
WHERE source IS DISTINCT FROM monitor.redact_url(source);

CREATE FUNCTION monitor.deliveries_redact_source() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.source := monitor.redact_url(NEW.source);
    RETURN NEW;
END
$$;

CREATE TRIGGER deliveries_redact_source BEFORE INSERT OR UPDATE OF source ON monitor.deliveries
    FOR EACH ROW EXECUTE FUNCTION monitor.deliveries_redact_source();
