module hits

go 1.24
