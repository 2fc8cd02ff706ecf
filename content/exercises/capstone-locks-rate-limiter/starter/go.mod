module ratelimit

go 1.24
