-- The reconciliation report reads by delivery month (the ProductPeriode's): prestatie_verdict by
-- periode_begin and payment_ledger by delivery_month. The store keeps every year, so without these
-- indexes each report scans every prestatie and ledger row ever recorded (see the SQLite script
-- for the plans and the measurement).
CREATE INDEX ix_prestatie_verdict_period ON dbo.prestatie_verdict (periode_begin);
GO

-- The ledger's own total over the delivery months is then read from the index alone.
CREATE INDEX ix_payment_ledger_delivery ON dbo.payment_ledger (delivery_month, municipality, provider) INCLUDE (amount_cents);
GO
