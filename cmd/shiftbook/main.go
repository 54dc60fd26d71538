// Command shiftbook builds, serves, checks and publishes a customer-experience
// microsite. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	var got atomic.Value // the first signal
	go func() {
		// The first Ctrl-C or SIGTERM stops the command: it checks ctx
		// between pages, removes its staging folder and returns. A second
		// one stops at once.
		s := <-signals
		got.Store(s)
		cancel()
		os.Exit(signalStatus(<-signals))
	}()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	if s, ok := got.Load().(os.Signal); ok {
		code = signalStatus(s)
	}
	os.Exit(code)
}

// signalStatus is the exit status of a command stopped by s, as a shell
// reports a process a signal ended: 128 + its number (130 for SIGINT, 143
// for SIGTERM).
func signalStatus(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return exitStopped
}
