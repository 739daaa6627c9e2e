"""The published mart schemas: the only relations BI tools, the exports and the report read,
each with the sub-folder of outputs/ its exports go to (the ads marts partly share names with
the store's, `kpi_summary`, `pipeline_audit`, so they get their own folder)."""

MART_SCHEMAS = {"store": "", "ads": "ads"}
