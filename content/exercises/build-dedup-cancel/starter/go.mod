module dedup

go 1.25
