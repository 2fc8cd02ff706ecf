module sessions

go 1.24
