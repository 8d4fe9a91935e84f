-- The steering report (issue 9) selects the ledger by the month the care was delivered
-- (payment_ledger.delivery_month), over a period of months, per municipality and provider; the only
-- ledger index so far is by batch month, so every steering figure read the whole ledger, every
-- year of it. This index finds the period's rows and covers what the figures read of them (the
-- client comes from prestatie_verdict by its primary key), so the report reads only its period.
CREATE INDEX ix_payment_ledger_delivery ON payment_ledger (delivery_month, municipality, provider, product_categorie, product_code, prestatie_id, amount_cents);
