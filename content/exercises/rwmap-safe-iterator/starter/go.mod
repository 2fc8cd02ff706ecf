module safemap

go 1.24
