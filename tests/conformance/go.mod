module lockstep.dev/conformance

go 1.24
