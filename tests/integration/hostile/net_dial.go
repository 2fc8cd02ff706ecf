// Tries to reach the host and the Lockstep server over TCP, UDP and a unix socket, and DNS.
// Arguments: the server's port, a host TCP port, a host UDP port and a host unix socket, all of
// them listening on the host (the test checks that none of them heard anything).
// Exits 3 if anything got through.
package main

import (
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	if len(os.Args) != 5 {
		fmt.Println("usage: net_dial SERVER_PORT TCP_PORT UDP_PORT UNIX_SOCKET")
		os.Exit(2)
	}
	serverPort, tcpPort, udpPort, unixPath := os.Args[1], os.Args[2], os.Args[3], os.Args[4]
	escaped := false
	tcp := []string{
		"127.0.0.1:" + serverPort, "[::1]:" + serverPort, "127.0.0.1:" + tcpPort,
		"127.0.0.1:22", "10.0.2.2:80", "1.1.1.1:443",
	}
	for _, addr := range tcp {
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			fmt.Println("tcp connected to", addr)
			escaped = true
		}
	}
	for _, addr := range []string{"127.0.0.1:" + udpPort, "127.0.0.53:53"} {
		if c, err := net.Dial("udp", addr); err == nil {
			if _, err := c.Write([]byte("hello")); err == nil {
				buf := make([]byte, 16)
				c.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
				if _, err := c.Read(buf); err == nil {
					fmt.Println("udp answered from", addr)
					escaped = true
				}
			}
			c.Close()
		}
	}
	for _, path := range []string{unixPath, "/var/run/docker.sock", "/run/systemd/private", "/tmp/.X11-unix/X0"} {
		if c, err := net.Dial("unix", path); err == nil {
			c.Close()
			fmt.Println("unix connected to", path)
			escaped = true
		}
	}
	if addrs, err := net.LookupHost("proxy.golang.org"); err == nil {
		fmt.Println("dns resolved", addrs)
		escaped = true
	}
	if escaped {
		os.Exit(3)
	}
	fmt.Println("network: all blocked")
}
