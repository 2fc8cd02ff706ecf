module ingest

go 1.24
