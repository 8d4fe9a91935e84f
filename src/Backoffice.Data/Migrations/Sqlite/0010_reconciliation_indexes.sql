-- The reconciliation report (backoffice report reconciliation) reads by delivery month, the
-- ProductPeriode's: prestatie_verdict by periode_begin and payment_ledger by delivery_month. The
-- store keeps every year (nothing is ever deleted), and without these indexes each report scans
-- every prestatie and every ledger row ever recorded (EXPLAIN QUERY PLAN: SCAN p USING INDEX
-- ix_prestatie_verdict_allocation, the whole table in allocation order); with them it reads the
-- months asked for (SEARCH p USING INDEX ix_prestatie_verdict_period (periode_begin>? AND periode_begin<?)).
-- Measured on a year of 50,000 prestaties a month, one month's lines: 3.7 s without, 2.4 s with.
CREATE INDEX ix_prestatie_verdict_period ON prestatie_verdict (periode_begin);

-- The reconciliation and steering reports select the ledger by delivery month, per municipality
-- and provider; the only ledger index before was by batch month, so every report read the whole
-- ledger, every year of it. This one finds the period's rows and covers what both reports read of
-- them (the ledger total, and product and prestatie for the steering figures; the client comes from
-- prestatie_verdict by its primary key), so a report reads only its period.
CREATE INDEX ix_payment_ledger_delivery ON payment_ledger (delivery_month, municipality, provider, product_categorie, product_code, prestatie_id, amount_cents);
