module ctxlock

go 1.25
