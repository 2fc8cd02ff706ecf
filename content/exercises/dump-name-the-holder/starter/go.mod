module diagnose

go 1.24
