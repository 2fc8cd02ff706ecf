module shardmap

go 1.24
