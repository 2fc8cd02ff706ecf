module cache

go 1.24
