module queue

go 1.24
