module flags

go 1.24
