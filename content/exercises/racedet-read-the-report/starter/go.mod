module readreport

go 1.24
