package playground

import (
	"fmt"
	"net"
	"net/netip"
)

// Listen listens on addr, which must be a loopback address (127.0.0.1,
// ::1 or localhost, any port): the playground has no login, so it must
// never be reachable from another machine.
func Listen(addr string) (net.Listener, error) {
	if err := CheckLoopback(addr); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("playground: listen on %s: %w", addr, err)
	}
	return ln, nil
}

// CheckLoopback says why addr (host:port) is not a loopback address, or
// returns nil when it is one.
func CheckLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("playground: address %q: %w (want 127.0.0.1:PORT)", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || !ip.IsLoopback() {
		if host == "" {
			host = "every interface"
		}
		return fmt.Errorf("playground: refusing to listen on %s (%s): the playground has no login, so it only listens on a loopback address such as 127.0.0.1:8090", addr, host)
	}
	return nil
}
