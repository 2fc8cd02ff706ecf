module inventory

go 1.24
