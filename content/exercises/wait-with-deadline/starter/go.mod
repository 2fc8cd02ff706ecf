module waitfor

go 1.24
