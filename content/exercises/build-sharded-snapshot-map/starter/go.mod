module shardmap

go 1.25
