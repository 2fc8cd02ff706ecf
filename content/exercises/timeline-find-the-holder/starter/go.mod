module stats

go 1.24
