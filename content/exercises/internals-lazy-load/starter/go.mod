module lazy

go 1.24
