module reload

go 1.24
