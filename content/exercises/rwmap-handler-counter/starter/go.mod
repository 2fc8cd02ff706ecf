module visits

go 1.24
