module pool

go 1.25
