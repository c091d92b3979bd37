-- Days to draw over a long range (issue 6: every panel query under 50 ms at ten years).
--
-- Landelijk › "Realisatie % per provincie door de tijd" returned one point per provincie per day: 43,824 rows over ten
-- years, each from its own heap page, then joined with the names and sorted (p95 58.6 ms). A panel a thousand pixels
-- wide cannot show more than a few hundred points per line, so the query asks for the days this function names:
-- every n-th day counted back from the end of the range (so the latest figure is always drawn), at most `punten`
-- days in all. Joined as unnest(...) AS dag (datum), each day is an index lookup: only those rows are read (as
-- datum = ANY(...) the planner filters instead of looking up when the series is small).
-- IMMUTABLE with constant arguments (Grafana's $__timeFrom()/$__timeTo()): folded into a constant array at planning.
CREATE FUNCTION grafana.steekproefdagen(van date, tot date, punten int) RETURNS date[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY(SELECT d::date FROM generate_series(tot, van, -greatest(1, (tot - van) / greatest(punten, 1)) * interval '1 day') d);
