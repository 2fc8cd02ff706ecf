module bank

go 1.24
