-- The reconciliation report (backoffice report reconciliation) reads by delivery month, the
-- ProductPeriode's: prestatie_verdict by periode_begin and payment_ledger by delivery_month. The
-- store keeps every year (nothing is ever deleted), and without these indexes each report scans
-- every prestatie and every ledger row ever recorded (EXPLAIN QUERY PLAN: SCAN p USING INDEX
-- ix_prestatie_verdict_allocation, the whole table in allocation order); with them it reads the
-- months asked for (SEARCH p USING INDEX ix_prestatie_verdict_period (periode_begin>? AND periode_begin<?)).
-- Measured on a year of 50,000 prestaties a month, one month's lines: 3.7 s without, 2.4 s with.
CREATE INDEX ix_prestatie_verdict_period ON prestatie_verdict (periode_begin);

-- The ledger's own total over the delivery months (the report's total must equal it) and the
-- paid-without-indication exceptions; amount_cents last, so the total is read from the index alone.
CREATE INDEX ix_payment_ledger_delivery ON payment_ledger (delivery_month, municipality, provider, amount_cents);
