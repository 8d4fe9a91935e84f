-- The reconciliation report reads by delivery month (the ProductPeriode's): prestatie_verdict by
-- periode_begin and payment_ledger by delivery_month. The store keeps every year, so without these
-- indexes each report scans every prestatie and ledger row ever recorded (see the SQLite script
-- for the plans and the measurement).
CREATE INDEX ix_prestatie_verdict_period ON dbo.prestatie_verdict (periode_begin);
GO

-- The reconciliation and steering reports select the ledger by delivery month, per municipality
-- and provider: this index finds the period's rows and covers what both read of them (see the
-- SQLite script).
CREATE INDEX ix_payment_ledger_delivery ON dbo.payment_ledger (delivery_month, municipality, provider)
    INCLUDE (product_categorie, product_code, prestatie_id, amount_cents);
GO
