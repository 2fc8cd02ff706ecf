module lockstep/tracetimeline

go 1.24.0

require golang.org/x/exp v0.0.0-20260209203927-2842357ff358
