module counter

go 1.24
