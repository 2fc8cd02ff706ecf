module collect

go 1.24
