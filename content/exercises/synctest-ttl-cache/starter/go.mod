module ttlcache

go 1.25
