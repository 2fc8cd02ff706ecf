module stock

go 1.24
