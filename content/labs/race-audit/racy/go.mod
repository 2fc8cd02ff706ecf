module example.com/raceaudit

go 1.24
